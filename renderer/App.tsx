import { Button, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FirstPassphraseScreen } from './features/session/FirstPassphraseScreen';
import { loadSession } from './features/session/session.actions';
import { sessionSelectors, useSessionStore } from './features/session/session.store';
import { SignInScreen } from './features/session/SignInScreen';
import { useSessionGuards } from './features/session/useSessionGuards';
import { HomeShell } from './features/shell/HomeShell';
import { CreateVaultScreen } from './features/vault/CreateVaultScreen';
import { RecoveryScreen } from './features/vault/RecoveryScreen';
import { AuthLayout } from './ui/AuthLayout';
import { ErrorMessage } from './ui/ErrorMessage';
import { LoadingIndicator } from './ui/LoadingIndicator';

/**
 * Picks the screen from the session status; everything signed-in lives under HomeShell, except for
 * a user who still holds a temporary passphrase.
 */
export function App() {
  const status = useSessionStore(sessionSelectors.status);
  const mustChangePassphrase = useSessionStore(sessionSelectors.mustChangePassphrase);
  useSessionGuards();

  useEffect(() => {
    void loadSession();
  }, []);

  switch (status) {
    case 'loading':
      return <Loading />;
    case 'no-vault':
      return <CreateVaultScreen onDone={() => void loadSession()} />;
    case 'signed-out':
      return <SignedOut />;
    case 'signed-in':
      return mustChangePassphrase ? <FirstPassphraseScreen /> : <HomeShell />;
  }
}

/**
 * Signed out: the sign-in form, or the recovery-key form reached from it. Chosen here, above both
 * features, so that session (sign-in) and vault (recovery) need not know each other.
 */
function SignedOut() {
  // Component state: which form is shown, and the name of an account just recovered (not a secret).
  const [recovering, setRecovering] = useState(false);
  const [recoveredUsername, setRecoveredUsername] = useState<string | null>(null);

  if (recovering) {
    return (
      <RecoveryScreen
        onCancel={() => setRecovering(false)}
        onRecovered={(username) => {
          setRecoveredUsername(username);
          setRecovering(false);
        }}
      />
    );
  }
  return (
    <SignInScreen
      recoveredUsername={recoveredUsername}
      onUseRecoveryKey={() => {
        setRecoveredUsername(null);
        setRecovering(true);
      }}
    />
  );
}

function Loading() {
  const { t } = useTranslation();
  const loadError = useSessionStore(sessionSelectors.loadError);
  if (loadError) {
    return (
      <AuthLayout>
        <Stack gap="md">
          <ErrorMessage code={loadError} />
          <Button onClick={() => void loadSession()}>{t('app.retry')}</Button>
        </Stack>
      </AuthLayout>
    );
  }
  return <LoadingIndicator fullScreen />;
}
