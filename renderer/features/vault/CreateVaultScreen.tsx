import { Button, Divider, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../electron/common/contract';
import { ApiError } from '../../api/mamori';
import { currentLocale } from '../../i18n/i18n';
import { AuthLayout } from '../../ui/AuthLayout';
import { FailureMessage } from '../../ui/ErrorMessage';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { useFailure } from '../../ui/useFailure';
import { useFormFields } from '../../ui/useFormFields';
import { confirmationError, fieldErrors, validate } from '../../ui/validation';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import { createVault, type CreateVaultInput } from './vault.actions';
import { BusyButton } from '../../ui/BusyButton';

interface CreateVaultScreenProps {
  onDone: () => void;
  /** Offers restoring a verified backup instead (a new workstation, a replaced disk); the caller shows that screen. */
  onRestoreFromBackup?: () => void;
}

/**
 * First run: create the vault and its administrator, then show the recovery key once. `onDone` runs
 * when the user has stored the key: the app then reads the vault's state again and moves on to sign-in.
 */
export function CreateVaultScreen({ onDone, onRestoreFromBackup }: CreateVaultScreenProps) {
  // Component state, not a store: the key disappears with this screen and survives no lock or reset.
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  if (recoveryKey !== null) {
    const leave = () => {
      setRecoveryKey(null);
      onDone();
    };
    return (
      <AuthLayout width={760}>
        <RecoveryKeyStep recoveryKey={recoveryKey} onDone={leave} />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout>
      <CreateVaultForm onCreated={setRecoveryKey} />
      {onRestoreFromBackup && <RestoreOffer onRestore={onRestoreFromBackup} />}
    </AuthLayout>
  );
}

function RestoreOffer({ onRestore }: { onRestore: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" mt="xl">
      <Divider />
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('createVault.restoreOffer')}</Text>
        <Button variant="default" onClick={onRestore}>
          {t('createVault.restore')}
        </Button>
      </Group>
    </Stack>
  );
}

type Field = 'username' | 'displayName' | 'passphrase' | 'confirm';

function CreateVaultForm({ onCreated }: { onCreated: (recoveryKey: string) => void }) {
  const { t } = useTranslation();
  const form = useFormFields<Field>({ username: '', displayName: '', passphrase: '', confirm: '' });
  const failure = useFailure();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { confirm, ...input } = form.values;
    const checked = validate<CreateVaultInput, Field>(contract['vault:create'].input, {
      ...input,
      locale: currentLocale(),
    });
    const found = checked.ok ? {} : checked.errors;
    found.confirm = confirmationError(input.passphrase, confirm);
    form.setErrors(found);
    if (!checked.ok || found.confirm) return;

    failure.clear();
    setBusy(true);
    try {
      onCreated(await createVault(checked.data));
    } catch (error) {
      failure.report(error);
      if (error instanceof ApiError && error.issues) form.setErrors(fieldErrors<Field>(error.issues));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={2}>{t('createVault.title')}</Title>
        <Text>{t('createVault.intro')}</Text>
        <TextInput
          label={t('createVault.username')}
          description={t('createVault.usernameHint')}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          {...form.bind('username')}
        />
        <TextInput
          label={t('createVault.displayName')}
          description={t('createVault.displayNameHint')}
          autoComplete="off"
          {...form.bind('displayName')}
        />
        <NewPassphraseFields
          passphrase={form.bind('passphrase')}
          confirm={form.bind('confirm')}
          labels={{ passphrase: t('createVault.passphrase'), confirm: t('createVault.passphraseConfirm') }}
        />
        <FailureMessage failure={failure} />
        <BusyButton type="submit" busy={busy}>
          {t('createVault.submit')}
        </BusyButton>
      </Stack>
    </form>
  );
}
