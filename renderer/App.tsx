import { Button, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { loadSession } from './features/session/session.actions';
import { sessionSelectors, useSessionStore } from './features/session/session.store';
import { FirstPassphraseScreen } from './features/session/FirstPassphraseScreen';
import { SignedOutScreen } from './features/session/SignedOutScreen';
import { useSessionGuards } from './features/session/useSessionGuards';
import { HomeShell } from './features/shell/HomeShell';
import { CreateVaultScreen } from './features/vault/CreateVaultScreen';
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
      return <CreateVaultScreen />;
    case 'signed-out':
      return <SignedOutScreen />;
    case 'signed-in':
      return mustChangePassphrase ? <FirstPassphraseScreen /> : <HomeShell />;
  }
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
