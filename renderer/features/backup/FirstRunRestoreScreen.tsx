import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../ui/AuthLayout';
import { RestoreIntoForm } from './RestoreIntoForm';

interface FirstRunRestoreScreenProps {
  onCancel: () => void;
  /** The vault is in place: the caller reads its state again, which leads to sign-in. */
  onRestored: () => void;
}

/** First run on a new workstation or a replaced disk: a verified backup instead of a new vault. */
export function FirstRunRestoreScreen({ onCancel, onRestored }: FirstRunRestoreScreenProps) {
  const { t } = useTranslation();
  return (
    <AuthLayout>
      <Stack gap="md">
        <Title order={2}>{t('backup.firstRun.title')}</Title>
        <Text>{t('backup.firstRun.intro')}</Text>
        <RestoreIntoForm over="empty" onRestored={onRestored} onCancel={onCancel} cancelLabel={t('backup.firstRun.back')} />
      </Stack>
    </AuthLayout>
  );
}
