import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../ui/AuthLayout';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { chooseLocale, signOut } from './session.actions';
import { sessionSelectors, useSessionStore } from './session.store';

/**
 * Signed in with a temporary passphrase: nothing but this form until the user has set their own.
 * Core refuses every other channel meanwhile; this screen only keeps the interface honest about it.
 */
export function FirstPassphraseScreen() {
  const { t } = useTranslation();
  const user = useSessionStore(sessionSelectors.user);
  return (
    <AuthLayout onLocaleChange={chooseLocale}>
      <Stack gap="md">
        <Title order={2}>{t('firstPassphrase.title')}</Title>
        <Text>{t('firstPassphrase.intro', { name: user?.displayName ?? '' })}</Text>
        <ChangePassphraseForm temporary />
        <Group justify="flex-end">
          <Button variant="subtle" onClick={() => void signOut()}>
            {t('shell.signOut')}
          </Button>
        </Group>
      </Stack>
    </AuthLayout>
  );
}
