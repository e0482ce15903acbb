import { Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../../electron/common/accounts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FailureMessage } from '../../ui/ErrorMessage';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { useFailure } from '../../ui/useFailure';
import { sessionSelectors, useSessionStore } from '../session/session.store';
import { AddUserForm } from './AddUserForm';
import { TemporaryPassphrasePanel } from './TemporaryPassphrasePanel';
import { disableUser, loadUsers, resetUserPassphrase, unlockUserSignIn, type Handover } from './users.actions';
import { usersSelectors, useUsersStore } from './users.store';
import { UsersTable, type UserAction } from './UsersTable';

type Confirmable = Exclude<UserAction, 'unlock'>;

/** Kept as a key and a name, so a language switch re-translates the notice. */
interface Notice {
  key: 'users.disable.done' | 'users.unlock.done';
  name: string;
}

/** Administrators: the accounts of this vault, and adding, resetting, disabling and unlocking them. */
export function UsersScreen() {
  const { t } = useTranslation();
  const self = useSessionStore(sessionSelectors.user);
  const loaded = useUsersStore(usersSelectors.loaded);
  const byId = useUsersStore(usersSelectors.byId);
  const listFailure = useFailure();
  const actionFailure = useFailure();
  const dialogFailure = useFailure();
  // Component state, not the store: a temporary passphrase disappears with this screen and survives no lock.
  const [handover, setHandover] = useState<{ handover: Handover; reason: 'created' | 'reset' } | null>(null);
  const [pending, setPending] = useState<{ action: Confirmable; accountId: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const { report: reportListFailure } = listFailure;
  useEffect(() => {
    loadUsers().catch(reportListFailure);
  }, [reportListFailure]);

  const startAction = (action: UserAction, account: UserAccount) => {
    setNotice(null);
    actionFailure.clear();
    if (action === 'unlock') {
      unlockUserSignIn(account).then(
        () => setNotice({ key: 'users.unlock.done', name: account.displayName }),
        actionFailure.report,
      );
      return;
    }
    dialogFailure.clear();
    setPending({ action, accountId: account.id });
  };

  const pendingAccount = pending ? byId[pending.accountId] : undefined;

  const confirm = async () => {
    if (!pending || !pendingAccount) return;
    dialogFailure.clear();
    setBusy(true);
    try {
      if (pending.action === 'reset') {
        const result = await resetUserPassphrase(pendingAccount);
        setHandover({ handover: result, reason: 'reset' });
      } else {
        await disableUser(pendingAccount);
        setNotice({ key: 'users.disable.done', name: pendingAccount.displayName });
      }
      setPending(null);
    } catch (error) {
      dialogFailure.report(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="lg">
      <Title order={2}>{t('users.title')}</Title>
      <AddUserForm
        onCreated={(created) => {
          setNotice(null);
          setHandover({ handover: created, reason: 'created' });
        }}
      />
      <Stack gap="sm">
        <Text role="status" size="sm" c="teal.9" fw={700}>
          {notice ? t(notice.key, { name: notice.name }) : ''}
        </Text>
        <FailureMessage failure={actionFailure} />
        <FailureMessage failure={listFailure} />
        {loaded ? (
          <UsersTable selfId={self?.id ?? ''} onAction={startAction} />
        ) : (
          !listFailure.code && <LoadingIndicator />
        )}
      </Stack>

      {pending && pendingAccount && (
        <ConfirmDialog
          opened
          title={t(`users.${pending.action}.title`, { name: pendingAccount.displayName })}
          confirmLabel={t(`users.${pending.action}.confirm`)}
          danger={pending.action === 'disable'}
          busy={busy}
          failure={dialogFailure}
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        >
          <Text>{t(`users.${pending.action}.body`, { name: pendingAccount.displayName })}</Text>
        </ConfirmDialog>
      )}

      {handover && (
        <TemporaryPassphrasePanel
          handover={handover.handover}
          reason={handover.reason}
          onDone={() => setHandover(null)}
        />
      )}
    </Stack>
  );
}
