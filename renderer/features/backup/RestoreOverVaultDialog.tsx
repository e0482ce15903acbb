import { Alert, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type ChannelInput } from '../../../electron/common/contract';
import { ApiError, errorCodeOf } from '../../api/mamori';
import { FailureMessage } from '../../ui/ErrorMessage';
import { PassphraseInput } from '../../ui/PassphraseInput';
import { useFailure } from '../../ui/useFailure';
import { useFormFields } from '../../ui/useFormFields';
import { fieldErrors, validate } from '../../ui/validation';
import { sessionSelectors, useSessionStore } from '../session/session.store';
import { restoreOverVault } from './backup.actions';
import { displayVaultCode, normaliseVaultCode } from './vaultCode';
import { BusyButton } from '../../ui/BusyButton';

type Field = 'username' | 'passphrase' | 'confirmation';

interface RestoreOverVaultDialogProps {
  /** This vault's ID (status.vaultCode), which the administrator types to confirm. */
  vaultCode: string;
  onClose: () => void;
}

/**
 * Restoring a backup over the vault in use: says what happens to the current vault and to everyone's
 * session, asks for the backup-time credentials and the typed vault ID, then core asks for the file.
 * On success the session has ended and the sign-in screen shows the outcome; this dialog is gone.
 */
export function RestoreOverVaultDialog({ vaultCode, onClose }: RestoreOverVaultDialogProps) {
  const { t } = useTranslation();
  const self = useSessionStore(sessionSelectors.user);
  const form = useFormFields<Field>({ username: self?.username ?? '', passphrase: '', confirmation: '' });
  const failure = useFailure();
  const [busy, setBusy] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const typedCode = normaliseVaultCode(form.values.confirmation);
  const codeMatches = typedCode === vaultCode;
  // Said as soon as a whole ID is typed, so that a slip is seen before the disabled button puzzles anyone.
  const codeMismatch = typedCode.length >= vaultCode.length && !codeMatches;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const values = { ...form.values, confirmation: normaliseVaultCode(form.values.confirmation) };
    const checked = validate<ChannelInput<'backup:restore'>, Field>(contract['backup:restore'].input, values);
    const found = checked.ok ? {} : checked.errors;
    // Core checks it too; asked here first so that a slip costs no dialog and no passphrase check.
    if (!found.confirmation && values.confirmation !== vaultCode) found.confirmation = 'validation.vaultCode.mismatch';
    form.setErrors(found);
    if (!checked.ok || found.confirmation) return;
    failure.clear();
    setCancelled(false);
    setBusy(true);
    try {
      await restoreOverVault(checked.data);
    } catch (error) {
      setBusy(false);
      // Closing the file dialog is a choice, not a failure: said plainly, and the passphrase stays.
      if (errorCodeOf(error) === 'BACKUP_CANCELLED') {
        setCancelled(true);
        return;
      }
      failure.report(error);
      if (error instanceof ApiError && error.issues) form.setErrors(fieldErrors<Field>(error.issues));
      // A refused passphrase is not left in the field.
      form.set('passphrase', '');
    }
  };

  return (
    <Dialog
      opened
      onClose={onClose}
      title={t('backup.restore.dialogTitle')}
      size="lg"
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      closeButtonProps={{ disabled: busy }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Alert color="orange" variant="light">
            <List size="sm" spacing={4}>
              <List.Item>{t('backup.restore.point1')}</List.Item>
              <List.Item>{t('backup.restore.point2')}</List.Item>
              <List.Item>{t('backup.restore.point3')}</List.Item>
              <List.Item>{t('backup.restore.point4')}</List.Item>
            </List>
          </Alert>
          <TextInput label={t('backup.restore.username')} autoComplete="off" spellCheck={false} {...form.bind('username')} />
          <PassphraseInput label={t('backup.restore.passphrase')} data-autofocus {...form.bind('passphrase')} />
          <Text fw={700}>{t('backup.restore.vaultCode', { code: displayVaultCode(vaultCode) })}</Text>
          <TextInput
            label={t('backup.restore.confirm')}
            description={t('backup.restore.confirmHint')}
            autoComplete="off"
            spellCheck={false}
            styles={{ wrapper: { maxWidth: 240 }, input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.bind('confirmation')}
            error={form.bind('confirmation').error ?? (codeMismatch ? t('validation.vaultCode.mismatch') : undefined)}
          />
          {cancelled && (
            <Text size="sm" role="status">
              {t('backup.restore.cancelled')}
            </Text>
          )}
          <FailureMessage failure={failure} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('dialog.cancel')}
            </Button>
            <BusyButton type="submit" color="red.8" busy={busy} disabled={!codeMatches}>
              {t('backup.restore.submit')}
            </BusyButton>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
