import { Alert, Button, Checkbox, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { useState } from 'react';
import type { VaultKeys } from '../../../electron/common/contract.vault';
import { Reason } from '../../../electron/common/schemas';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useLabels } from '../../i18n/labels';
import { FailureMessage } from '../../ui/ErrorMessage';
import { Fields } from '../../ui/Fields';
import { apiPathErrors, issueKey } from '../../ui/forms';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { Section } from '../../ui/Section';
import { useFailure } from '../../ui/useFailure';
import { RecoveryKeyStep } from '../vault/RecoveryKeyStep';
import { reissueRecoveryKey, rotateDataKey, type RotationResult } from './backup.actions';
import { backupSelectors, useBackupStore } from './backup.store';
import { OperationProgress } from './OperationProgress';
import { BusyButton } from '../../ui/BusyButton';

type Account = VaultKeys['accountsNotRotatable'][number];

/** A recovery key on screen (its only time in clear outside core), and what follows once it is written down. */
interface Issued {
  recoveryKey: string;
  title: 'backup.keys.rotateTitle' | 'backup.keys.reissueTitle';
  /** Accounts the rotation left without a keyslot: shown after the key, for a passphrase reset. */
  needReset: Account[];
  /** Kept as a key and values, so a language switch re-translates it. */
  notice: { key: 'backup.keys.rotated'; generation: number } | { key: 'backup.keys.reissued' };
}

interface DataKeyPanelProps {
  keys: VaultKeys;
  onOpenUsers: () => void;
}

/** The data key's generation and state, rotating it, and issuing a new recovery key. */
export function DataKeyPanel({ keys, onOpenUsers }: DataKeyPanelProps) {
  const { t, i18n } = useLabels();
  const [dialog, setDialog] = useState<'rotate' | 'reissue' | null>(null);
  // Component state, never the store: the key disappears with the dialog that shows it and survives no lock.
  const [issued, setIssued] = useState<Issued | null>(null);
  const [needReset, setNeedReset] = useState<Account[] | null>(null);
  const [notice, setNotice] = useState<Issued['notice'] | null>(null);

  const showKey = (next: Issued) => {
    setDialog(null);
    setNotice(null);
    setIssued(next);
  };
  const keyWrittenDown = () => {
    if (!issued) return;
    setNotice(issued.notice);
    if (issued.needReset.length > 0) setNeedReset(issued.needReset);
    setIssued(null);
  };

  return (
    <Section title={t('backup.keys.title')}>
      <Text size="sm">{t('backup.keys.explain')}</Text>
      <Fields
        items={[
          [t('backup.keys.generation'), formatNumber(i18n.language, keys.generation)],
          [t('backup.keys.lastRotated'), keys.lastRotatedAt ? formatDateTime(i18n.language, keys.lastRotatedAt) : t('backup.keys.never')],
        ]}
      />
      {keys.recoveryKeyUnseen && (
        <Alert color="orange" variant="light" role="status" title={t('backup.keys.unseenTitle')}>
          <Text size="sm">{t('backup.keys.unseen')}</Text>
        </Alert>
      )}
      {keys.accountsNotRotatable.length > 0 && <Unreachable accounts={keys.accountsNotRotatable} />}
      <Group gap="sm">
        <Button variant="outline" color="red.8" onClick={() => setDialog('rotate')}>
          {t('backup.keys.rotate')}
        </Button>
        <Button variant={keys.recoveryKeyUnseen ? 'filled' : 'outline'} onClick={() => setDialog('reissue')}>
          {t('backup.keys.reissue')}
        </Button>
      </Group>
      <Text role="status" size="sm" c="teal.9" fw={700}>
        {notice ? (notice.key === 'backup.keys.rotated' ? t(notice.key, { generation: formatNumber(i18n.language, notice.generation) }) : t(notice.key)) : ''}
      </Text>

      {dialog === 'rotate' && (
        <RotateKeyDialog
          accounts={keys.accountsNotRotatable}
          onClose={() => setDialog(null)}
          onRotated={(result) =>
            showKey({
              recoveryKey: result.recoveryKey,
              title: 'backup.keys.rotateTitle',
              needReset: result.accountsNeedingReset,
              notice: { key: 'backup.keys.rotated', generation: result.generation },
            })
          }
        />
      )}
      <ReasonDialog
        opened={dialog === 'reissue'}
        title={t('backup.keys.reissueTitle')}
        explanation={t('backup.keys.reissueExplain')}
        confirmLabel={t('backup.keys.reissueConfirm')}
        danger
        onConfirm={async (reason) => {
          const recoveryKey = await reissueRecoveryKey(reason);
          showKey({ recoveryKey, title: 'backup.keys.reissueTitle', needReset: [], notice: { key: 'backup.keys.reissued' } });
        }}
        onClose={() => setDialog((current) => (current === 'reissue' ? null : current))}
      />
      {issued && (
        <Dialog
          opened
          onClose={() => undefined}
          withCloseButton={false}
          closeOnClickOutside={false}
          closeOnEscape={false}
          size={820}
          title={t(issued.title)}
        >
          <RecoveryKeyStep
            recoveryKey={issued.recoveryKey}
            replaces={t('backup.keys.replaces')}
            continueLabel={t('backup.keys.done')}
            onDone={keyWrittenDown}
          />
        </Dialog>
      )}
      {needReset && (
        <Dialog opened onClose={() => setNeedReset(null)} title={t('backup.keys.resetTitle')} size="lg">
          <Stack gap="md">
            <Text>{t('backup.keys.reset')}</Text>
            <AccountList accounts={needReset} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setNeedReset(null)}>
                {t('backup.keys.close')}
              </Button>
              <Button onClick={onOpenUsers} data-autofocus>
                {t('backup.keys.openUsers')}
              </Button>
            </Group>
          </Stack>
        </Dialog>
      )}
    </Section>
  );
}

function AccountList({ accounts }: { accounts: Account[] }) {
  return (
    <List size="sm" spacing={2}>
      {accounts.map((account) => (
        <List.Item key={account.id}>{account.displayName}</List.Item>
      ))}
    </List>
  );
}

function Unreachable({ accounts }: { accounts: Account[] }) {
  const { t } = useLabels();
  return (
    <Alert color="yellow" variant="light" title={t('backup.keys.unreachableTitle')}>
      <Stack gap={4}>
        <Text size="sm">{t('backup.keys.unreachable')}</Text>
        <AccountList accounts={accounts} />
      </Stack>
    </Alert>
  );
}

interface RotateKeyDialogProps {
  accounts: Account[];
  onClose: () => void;
  onRotated: (result: RotationResult) => void;
}

/** Why (audited), what happens, and the administrator's word that they can take down the new recovery key now. */
function RotateKeyDialog({ accounts, onClose, onRotated }: RotateKeyDialogProps) {
  const { t, tx } = useLabels();
  const progress = useBackupStore(backupSelectors.progress);
  const [reason, setReason] = useState('');
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const failure = useFailure();

  const rotate = async () => {
    failure.clear();
    const parsed = Reason.safeParse(reason);
    if (!parsed.success) {
      setError(issueKey(parsed.error.issues[0]));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      onRotated(await rotateDataKey(parsed.data));
    } catch (caught) {
      const fields = apiPathErrors(caught, '');
      if (fields?.reason) setError(fields.reason);
      else failure.report(caught);
      setBusy(false);
    }
  };

  return (
    <Dialog
      opened
      onClose={onClose}
      title={t('backup.keys.rotateTitle')}
      size="lg"
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      closeButtonProps={{ disabled: busy }}
    >
      <Stack gap="md">
        <List size="sm" spacing={4}>
          <List.Item>{t('backup.keys.rotatePoint1')}</List.Item>
          <List.Item>{t('backup.keys.rotatePoint2')}</List.Item>
          <List.Item>{t('backup.keys.rotatePoint3')}</List.Item>
        </List>
        {accounts.length > 0 && <Unreachable accounts={accounts} />}
        <Textarea
          label={t('reason.label')}
          description={t('reason.description')}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            // What was wrong with the last attempt is not left standing under a corrected reason.
            setError(null);
          }}
          error={error ? tx(error) : undefined}
          rows={2}
          disabled={busy}
          data-autofocus
        />
        <Checkbox label={t('backup.keys.rotateReady')} checked={ready} onChange={(event) => setReady(event.currentTarget.checked)} disabled={busy} />
        {busy && <OperationProgress operation="rotation" progress={progress} />}
        <FailureMessage failure={failure} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('dialog.cancel')}
          </Button>
          <BusyButton color="red.8" busy={busy} disabled={!ready} onClick={() => void rotate()}>
            {t('backup.keys.rotateConfirm')}
          </BusyButton>
        </Group>
      </Stack>
    </Dialog>
  );
}
