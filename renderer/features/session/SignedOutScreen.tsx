import { useState } from 'react';
import { RecoveryScreen } from '../vault/RecoveryScreen';
import { SignInScreen } from './SignInScreen';

/** Signed out: the sign-in form, or the recovery-key form reached from it. */
export function SignedOutScreen() {
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
