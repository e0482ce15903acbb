import { Button, Center, Loader, Stack, VisuallyHidden } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { loadSession } from './features/session/session.actions';
import { sessionSelectors, useSessionStore } from './features/session/session.store';
import { SignInScreen } from './features/session/SignInScreen';
import { useSessionGuards } from './features/session/useSessionGuards';
import { HomeShell } from './features/shell/HomeShell';
import { CreateVaultScreen } from './features/vault/CreateVaultScreen';
import { AuthLayout } from './ui/AuthLayout';
import { ErrorMessage } from './ui/ErrorMessage';

/** Picks the screen from the session status; everything signed-in lives under HomeShell. */
export function App() {
  const status = useSessionStore(sessionSelectors.status);
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
      return <SignInScreen />;
    case 'signed-in':
      return <HomeShell />;
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
  return (
    <Center mih="100vh">
      <Loader />
      <VisuallyHidden role="status">{t('app.loading')}</VisuallyHidden>
    </Center>
  );
}
