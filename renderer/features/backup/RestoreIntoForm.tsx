import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type ChannelInput } from '../../../electron/common/contract';
import { ApiError, errorCodeOf } from '../../api/mamori';
import { FailureMessage } from '../../ui/ErrorMessage';
import { PassphraseInput } from '../../ui/PassphraseInput';
import { useFailure } from '../../ui/useFailure';
import { useFormFields } from '../../ui/useFormFields';
import { fieldErrors, validate } from '../../ui/validation';
import { restoreInto } from './backup.actions';
import { restoreSelectors, useRestoreStore } from './backup.store';
import { OperationProgress } from './OperationProgress';
import { displayVaultCode, normaliseVaultCode } from './vaultCode';
import { BusyButton } from '../../ui/BusyButton';

type Field = 'username' | 'passphrase' | 'confirmation';

/** What core expects typed when the vault ID cannot be read from the damaged vault's files. */
const NO_CODE = 'REPLACE';

interface RestoreIntoFormProps {
  /** Into an empty data folder (first run), or over a vault that is damaged (its ID is then typed). */
  over: 'empty' | 'damaged';
  /** The damaged vault's ID from the diagnostics (null: its keys cannot be read). */
  vaultCode?: string | null;
  onRestored: () => void;
  onCancel: () => void;
  cancelLabel: string;
}

/** Signed out: the backup-time credentials (and the vault ID over a damaged vault), then core asks for the file. */
export function RestoreIntoForm({ over, vaultCode = null, onRestored, onCancel, cancelLabel }: RestoreIntoFormProps) {
  const { t } = useTranslation();
  const form = useFormFields<Field>({ username: '', passphrase: '', confirmation: '' });
  const progress = useRestoreStore(restoreSelectors.progress);
  const failure = useFailure();
  const [busy, setBusy] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const expected = over === 'damaged' ? (vaultCode ?? NO_CODE) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { username, passphrase, confirmation } = form.values;
    const values = expected === null ? { username, passphrase } : { username, passphrase, confirmation: normaliseVaultCode(confirmation) };
    const checked = validate<ChannelInput<'backup:restoreInto'>, Field>(contract['backup:restoreInto'].input, values);
    const found = checked.ok ? {} : checked.errors;
    if (expected !== null && !found.confirmation && values.confirmation !== expected) found.confirmation = 'validation.vaultCode.mismatch';
    form.setErrors(found);
    if (!checked.ok || found.confirmation) return;
    failure.clear();
    setCancelled(false);
    setBusy(true);
    try {
      await restoreInto(checked.data, over);
      onRestored();
    } catch (error) {
      setBusy(false);
      // Closing the file dialog is a choice, not a failure: said plainly, and the passphrase stays.
      if (errorCodeOf(error) === 'BACKUP_CANCELLED') {
        setCancelled(true);
        return;
      }
      failure.report(error);
      if (error instanceof ApiError && error.issues) form.setErrors(fieldErrors<Field>(error.issues));
      form.set('passphrase', '');
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label={t('backup.restore.username')} autoComplete="off" spellCheck={false} autoFocus disabled={busy} {...form.bind('username')} />
        <PassphraseInput label={t('backup.restore.passphrase')} disabled={busy} {...form.bind('passphrase')} />
        {expected !== null && (
          <>
            <Text fw={700}>{vaultCode ? t('backup.restore.vaultCode', { code: displayVaultCode(vaultCode) }) : t('backup.damaged.noCode')}</Text>
            <TextInput
              label={t('backup.restore.confirm')}
              description={vaultCode ? t('backup.restore.confirmHint') : undefined}
              autoComplete="off"
              spellCheck={false}
              disabled={busy}
              styles={{ wrapper: { maxWidth: 240 }, input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              {...form.bind('confirmation')}
            />
          </>
        )}
        {busy && <OperationProgress operation="restore" progress={progress} />}
        {cancelled && (
          <Text size="sm" role="status">
            {t('backup.restore.cancelled')}
          </Text>
        )}
        <FailureMessage failure={failure} />
        {/* The action first: in the narrow first-run card the two buttons wrap, and the way on must not sit below the way back. */}
        <Group gap="sm">
          <BusyButton type="submit" color={over === 'damaged' ? 'red.8' : undefined} busy={busy} disabled={failure.retrySeconds > 0}>
            {t('backup.restore.submit')}
          </BusyButton>
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
