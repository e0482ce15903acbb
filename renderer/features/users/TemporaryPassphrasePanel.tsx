import { Alert, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { useTranslation } from 'react-i18next';
import { SecretText } from '../../ui/SecretText';
import type { Handover } from './users.actions';

interface TemporaryPassphrasePanelProps {
  handover: Handover;
  /** Whether the account was just created or its passphrase reset; only the title differs. */
  reason: 'created' | 'reset';
  /** The caller must drop the passphrase: after Done it is gone for good. */
  onDone: () => void;
}

/**
 * Shows a temporary passphrase the only time it exists in clear outside core. Mounted only while there
 * is one; it closes only with Done, so the administrator acknowledges having taken it down.
 */
export function TemporaryPassphrasePanel({ handover, reason, onDone }: TemporaryPassphrasePanelProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      opened
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      size="lg"
      title={t(reason === 'created' ? 'handover.titleCreated' : 'handover.titleReset')}
    >
      <Stack gap="md">
          <Alert color="orange" variant="light">
            <Text fw={700} size="sm">
              {t('handover.onlyOnce')}
            </Text>
          </Alert>
          <Text>{t('handover.intro', { name: handover.account.displayName })}</Text>
          <Paper withBorder bg="gray.0" p="md">
            <Stack gap="xs">
              <Group gap="sm" wrap="nowrap">
                <Text size="sm" c="dimmed" w={140}>
                  {t('handover.username')}
                </Text>
                <Text ff="monospace" fw={700}>
                  {handover.account.username}
                </Text>
              </Group>
              <Group gap="sm" wrap="nowrap">
                <Text size="sm" c="dimmed" w={140}>
                  {t('handover.passphrase')}
                </Text>
                <SecretText label={t('handover.passphrase')} size={24}>
                  {handover.temporaryPassphrase}
                </SecretText>
              </Group>
            </Stack>
          </Paper>
          <List spacing="xs" size="sm">
            <List.Item>{t('handover.inPerson')}</List.Item>
            <List.Item>{t('handover.firstSignIn', { name: handover.account.displayName })}</List.Item>
            <List.Item>{t('handover.ifLost')}</List.Item>
          </List>
          <Group justify="flex-end">
            <Button onClick={onDone} data-autofocus>
              {t('handover.done')}
            </Button>
          </Group>
      </Stack>
    </Dialog>
  );
}
