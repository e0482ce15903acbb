import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../electron/common/contract';
import type { ErrorCode } from '../../../electron/common/errors';
import { ApiError, errorCodeOf } from '../../api/mamori';
import { formatDuration } from '../../i18n/format';
import { AuthLayout } from '../../ui/AuthLayout';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PassphraseInput } from '../../ui/PassphraseInput';
import { useCountdown } from '../../ui/useCountdown';
import { validate, type FieldErrors } from '../../ui/validation';
import { LockNotice } from './LockNotice';
import { signIn } from './session.actions';

type Field = 'username' | 'passphrase';

/** Sign-in, which is also the locked screen: after a lock it says why the session ended. */
export function SignInScreen() {
  const { t, i18n } = useTranslation();
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const retry = useCountdown();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate<{ username: string; passphrase: string }, Field>(contract['session:signIn'].input, {
      username,
      passphrase,
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      await signIn(checked.data.username, checked.data.passphrase);
    } catch (error) {
      setFailure(errorCodeOf(error));
      retry.start(error instanceof ApiError ? (error.retryAfterMs ?? 0) : 0);
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
          <Title order={2}>{t('signIn.title')}</Title>
          <TextInput
            label={t('signIn.username')}
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={errors.username ? t(errors.username) : undefined}
            autoComplete="off"
            spellCheck={false}
            autoFocus
          />
          <PassphraseInput
            label={t('signIn.passphrase')}
            value={passphrase}
            onChange={(event) => setPassphrase(event.currentTarget.value)}
            error={errors.passphrase ? t(errors.passphrase) : undefined}
          />
          {failure && (
            <ErrorMessage code={failure}>
              {retry.seconds > 0 && (
                // role="timer" is not announced on every tick, unlike the alert around it.
                <Text role="timer" size="sm" fw={700} mt={4}>
                  {t('signIn.tryAgainIn', { duration: formatDuration(i18n.language, retry.seconds, 'second') })}
                </Text>
              )}
            </ErrorMessage>
          )}
          <Button type="submit" loading={busy} disabled={retry.seconds > 0}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
