import { Anchor, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { contract } from '../../../electron/common/contract';
import { errorCodeOf } from '../../api/mamori';
import { useLabels } from '../../i18n/labels';
import { AuthLayout } from '../../ui/AuthLayout';
import { FailureMessage } from '../../ui/ErrorMessage';
import { PassphraseInput } from '../../ui/PassphraseInput';
import { SuccessNotice } from '../../ui/SuccessNotice';
import { useFailure } from '../../ui/useFailure';
import { validate, type FieldErrors } from '../../ui/validation';
import { LockNotice } from './LockNotice';
import { signIn } from './session.actions';
import { BusyButton } from '../../ui/BusyButton';

type Field = 'username' | 'passphrase' | 'acceptMissingHead';

interface SignInScreenProps {
  /** Set right after a recovery: that account's name is filled in and the success is announced. */
  recoveredUsername: string | null;
  onUseRecoveryKey: () => void;
  /** Sign-in found the vault file damaged: the caller shows the damaged-vault screen. */
  onVaultDamaged?: () => void;
  /** Shown under the lock notice: what a restore just did (chosen above this feature). */
  notice?: ReactNode;
}

/** Sign-in, which is also the locked screen: after a lock it says why the session ended. */
export function SignInScreen({ recoveredUsername, onUseRecoveryKey, onVaultDamaged, notice }: SignInScreenProps) {
  const { t, tx } = useLabels();
  const [username, setUsername] = useState(recoveredUsername ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [busy, setBusy] = useState(false);
  // Set once core refused the vault because its rollback record is missing: an administrator may accept it.
  const [headMissing, setHeadMissing] = useState(false);
  const [reason, setReason] = useState('');
  const failure = useFailure();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate<{ username: string; passphrase: string; acceptMissingHead?: string }, Field>(contract['session:signIn'].input, {
      username,
      passphrase,
      ...(headMissing ? { acceptMissingHead: reason } : {}),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    failure.clear();
    setBusy(true);
    try {
      await signIn(checked.data.username, checked.data.passphrase, checked.data.acceptMissingHead);
    } catch (error) {
      if (errorCodeOf(error) === 'VAULT_DAMAGED' && onVaultDamaged) {
        onVaultDamaged();
        return;
      }
      if (errorCodeOf(error) === 'VAULT_HEAD_MISSING') setHeadMissing(true);
      failure.report(error);
      // A rejected passphrase is not left in the field for the next person at this desk.
      setPassphrase('');
      setBusy(false);
    }
  };

  return (
    <AuthLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <LockNotice />
          {notice}
          {recoveredUsername !== null && (
            <SuccessNotice title={t('recovery.doneTitle')}>
              <Text size="sm">{t('recovery.done', { username: recoveredUsername })}</Text>
            </SuccessNotice>
          )}
          <Title order={2}>{t('signIn.title')}</Title>
          <TextInput
            label={t('signIn.username')}
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={errors.username ? tx(errors.username) : undefined}
            autoComplete="off"
            spellCheck={false}
            autoFocus={recoveredUsername === null}
          />
          <PassphraseInput
            label={t('signIn.passphrase')}
            value={passphrase}
            onChange={(event) => setPassphrase(event.currentTarget.value)}
            error={errors.passphrase ? tx(errors.passphrase) : undefined}
            autoFocus={recoveredUsername !== null}
          />
          <FailureMessage failure={failure}>
            {failure.code === 'LOCKED_OUT' && (
              <Text size="sm" mt={4}>
                {t('signIn.lockedOutHelp')}
              </Text>
            )}
          </FailureMessage>
          {headMissing && (
            <Textarea
              label={t('signIn.headMissingReason')}
              description={t('signIn.headMissingReasonHint')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={errors.acceptMissingHead ? tx(errors.acceptMissingHead) : undefined}
              maxLength={500}
              rows={2}
            />
          )}
          <BusyButton type="submit" busy={busy} disabled={failure.retrySeconds > 0}>
            {headMissing ? t('signIn.acceptHeadMissing') : t('signIn.submit')}
          </BusyButton>
          <Group justify="flex-end">
            <Anchor component="button" type="button" size="sm" onClick={onUseRecoveryKey}>
              {t('signIn.useRecoveryKey')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
