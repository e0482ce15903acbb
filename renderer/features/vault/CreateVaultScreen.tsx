import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../electron/common/contract';
import type { ErrorCode } from '../../../electron/common/errors';
import { ApiError, errorCodeOf } from '../../api/mamori';
import { currentLocale } from '../../i18n/i18n';
import { AuthLayout } from '../../ui/AuthLayout';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PassphraseInput } from '../../ui/PassphraseInput';
import { fieldErrors, validate, type FieldErrors } from '../../ui/validation';
import { loadSession } from '../session/session.actions';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import { createVault, type CreateVaultInput } from './vault.actions';

/** First run: create the vault and its administrator, then show the recovery key once. */
export function CreateVaultScreen() {
  // Component state, not a store: the key disappears with this screen and survives no lock or reset.
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  if (recoveryKey !== null) {
    const leave = () => {
      setRecoveryKey(null);
      void loadSession();
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
    </AuthLayout>
  );
}

type Field = 'username' | 'displayName' | 'passphrase' | 'confirm';

function CreateVaultForm({ onCreated }: { onCreated: (recoveryKey: string) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({
    username: '',
    displayName: '',
    passphrase: '',
    confirm: '',
  });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  const bind = (field: Field) => ({
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const { value } = event.currentTarget;
      setValues((current) => ({ ...current, [field]: value }));
    },
    error: errors[field] ? t(errors[field]) : undefined,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { confirm, ...input } = values;
    const checked = validate<CreateVaultInput, Field>(contract['vault:create'].input, {
      ...input,
      locale: currentLocale(),
    });
    const found = checked.ok ? {} : checked.errors;
    if (confirm !== values.passphrase) found.confirm = 'validation.passphrase.mismatch';
    setErrors(found);
    if (!checked.ok || found.confirm) return;

    setFailure(null);
    setBusy(true);
    try {
      onCreated(await createVault(checked.data));
    } catch (error) {
      setFailure(errorCodeOf(error));
      if (error instanceof ApiError && error.issues) setErrors(fieldErrors<Field>(error.issues));
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
          {...bind('username')}
        />
        <TextInput
          label={t('createVault.displayName')}
          description={t('createVault.displayNameHint')}
          autoComplete="off"
          {...bind('displayName')}
        />
        <PassphraseInput
          label={t('createVault.passphrase')}
          description={t('createVault.policy')}
          {...bind('passphrase')}
        />
        <PassphraseInput label={t('createVault.passphraseConfirm')} {...bind('confirm')} />
        {failure && <ErrorMessage code={failure} />}
        <Button type="submit" loading={busy}>
          {t('createVault.submit')}
        </Button>
      </Stack>
    </form>
  );
}
