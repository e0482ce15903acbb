import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../electron/common/contract';
import { ApiError } from '../../api/mamori';
import { AuthLayout } from '../../ui/AuthLayout';
import { FailureMessage } from '../../ui/ErrorMessage';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { useFailure } from '../../ui/useFailure';
import { useFormFields } from '../../ui/useFormFields';
import { confirmationError, fieldErrors, validate } from '../../ui/validation';
import { normaliseRecoveryKey } from './recoveryKey';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import { recoverAdministrator, type RecoverInput } from './vault.actions';
import { BusyButton } from '../../ui/BusyButton';

type Field = 'username' | 'recoveryKey' | 'newPassphrase' | 'confirm';

interface RecoveryScreenProps {
  onCancel: () => void;
  /** Called with the recovered account's user name; the caller shows sign-in again. */
  onRecovered: (username: string) => void;
}

/** When no administrator can sign in: the sealed recovery key sets a new administrator passphrase. */
export function RecoveryScreen({ onCancel, onRecovered }: RecoveryScreenProps) {
  const { t } = useTranslation();
  const form = useFormFields<Field>({ username: '', recoveryKey: '', newPassphrase: '', confirm: '' });
  const failure = useFailure();
  const [busy, setBusy] = useState(false);
  // Component state only: the new key disappears with this screen.
  const [issued, setIssued] = useState<{ username: string; recoveryKey: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { confirm, recoveryKey, ...rest } = form.values;
    const key = normaliseRecoveryKey(recoveryKey);
    const checked = validate<RecoverInput, Field>(contract['vault:recover'].input, {
      ...rest,
      recoveryKey: key ?? recoveryKey,
    });
    const found = checked.ok ? {} : checked.errors;
    if (!key) found.recoveryKey = 'validation.recoveryKey.format';
    found.confirm = confirmationError(rest.newPassphrase, confirm);
    form.setErrors(found);
    if (!checked.ok || found.recoveryKey || found.confirm) return;

    failure.clear();
    setBusy(true);
    try {
      const recoveryKey = await recoverAdministrator(checked.data);
      form.set('recoveryKey', '');
      setIssued({ username: checked.data.username, recoveryKey });
    } catch (error) {
      failure.report(error);
      if (error instanceof ApiError && error.issues) form.setErrors(fieldErrors<Field>(error.issues));
      // The key opens the whole vault: a rejected one is not left on screen either.
      form.set('recoveryKey', '');
      setBusy(false);
    }
  };

  if (issued) {
    const leave = () => {
      setIssued(null);
      onRecovered(issued.username);
    };
    return (
      <AuthLayout width={760}>
        <RecoveryKeyStep recoveryKey={issued.recoveryKey} onDone={leave} replaces={t('recoveryKey.replacesUsed')} />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2}>{t('recovery.title')}</Title>
          <Text>{t('recovery.intro')}</Text>
          <TextInput
            label={t('recovery.username')}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            {...form.bind('username')}
          />
          <TextInput
            label={t('recovery.key')}
            description={t('recovery.keyHint')}
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.bind('recoveryKey')}
          />
          <NewPassphraseFields passphrase={form.bind('newPassphrase')} confirm={form.bind('confirm')} />
          <FailureMessage failure={failure} />
          <Group justify="space-between">
            <Button variant="default" onClick={onCancel}>
              {t('recovery.back')}
            </Button>
            <BusyButton type="submit" busy={busy} disabled={failure.retrySeconds > 0}>
              {t('recovery.submit')}
            </BusyButton>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
