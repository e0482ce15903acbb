import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { loadBackupStatus } from './backup.actions';
import { backupSelectors, useBackupStore } from './backup.store';
import { lastBackupText } from './lastBackup';

/**
 * For administrators, above every section but Backups itself: when the last verified backup was
 * made, and an orange warning with the way to the Backups screen when one is due or there is none.
 * It reads the same store as the Backups screen, so it clears as soon as a backup is written.
 * `onOpen` goes to the Backups section (the shell knows the navigation; this feature does not).
 */
export function BackupReminder({ onOpen }: { onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const status = useBackupStore(backupSelectors.status);

  useEffect(() => {
    // Only a reminder: if the status cannot be read, the Backups screen says why.
    loadBackupStatus().catch(() => undefined);
  }, []);

  if (!status) return null;
  const text = lastBackupText(t, i18n.language, status);
  if (!text.warning) {
    return (
      <Text size="sm" c="dimmed" data-testid="backup-reminder">
        {text.headline}
      </Text>
    );
  }
  return (
    <Alert color="orange" variant="light" role="status" title={text.headline} data-testid="backup-reminder">
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm" style={{ flex: '1 1 320px' }}>
          {text.warning}
        </Text>
        <Button size="xs" color="orange.9" onClick={onOpen}>
          {t('backup.last.open')}
        </Button>
      </Group>
    </Alert>
  );
}
