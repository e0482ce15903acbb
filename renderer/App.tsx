import { Button, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DamagedVaultScreen } from './features/backup/DamagedVaultScreen';
import { FirstRunRestoreScreen } from './features/backup/FirstRunRestoreScreen';
import { RestoreOutcomeNotice } from './features/backup/RestoreOutcomeNotice';
import { FirstPassphraseScreen } from './features/session/FirstPassphraseScreen';
import { loadSession } from './features/session/session.actions';
import { sessionSelectors, useSessionStore } from './features/session/session.store';
import { SignInScreen } from './features/session/SignInScreen';
import { useSessionGuards } from './features/session/useSessionGuards';
import { HomeShell } from './features/shell/HomeShell';
import { readAheadOnSignIn } from './features/shell/landing';
import { checkTrailOnSignIn } from './features/audit/audit.actions';
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

  useEffect(() => readAheadOnSignIn(), []);
  useEffect(() => checkTrailOnSignIn(), []);
  useEffect(() => {
    void loadSession();
  }, []);

  switch (status) {
    case 'loading':
      return <Loading />;
    case 'no-vault':
      return <NoVault />;
    case 'signed-out':
      return <SignedOut />;
    case 'signed-in':
      return mustChangePassphrase ? <FirstPassphraseScreen /> : <HomeShell />;
  }
}

/** First run: create a vault, or restore a verified backup into the empty data folder. */
function NoVault() {
  const [restoring, setRestoring] = useState(false);
  if (restoring) {
    return <FirstRunRestoreScreen onCancel={() => setRestoring(false)} onRestored={() => void loadSession()} />;
  }
  return <CreateVaultScreen onDone={() => void loadSession()} onRestoreFromBackup={() => setRestoring(true)} />;
}

/**
 * Signed out: the sign-in form, the recovery-key form reached from it, or the damaged-vault screen
 * when the vault file cannot be read. Chosen here, above the features, so that session (sign-in),
 * vault (recovery) and backup (restore) need not know each other.
 */
function SignedOut() {
  // Component state: which form is shown, and the name of an account just recovered (not a secret).
  const [recovering, setRecovering] = useState(false);
  const [recoveredUsername, setRecoveredUsername] = useState<string | null>(null);
  // A session that ended because the file turned out damaged opens straight on the damaged-vault screen.
  const lockedAsDamaged = useSessionStore(sessionSelectors.lastLockReason) === 'damaged';
  const [damaged, setDamaged] = useState(lockedAsDamaged);

  if (damaged) {
    return <DamagedVaultScreen onBack={() => setDamaged(false)} onRestored={() => setDamaged(false)} />;
  }

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
      onVaultDamaged={() => setDamaged(true)}
      notice={<RestoreOutcomeNotice />}
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
