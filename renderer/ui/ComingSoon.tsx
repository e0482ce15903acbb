import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The one placeholder for sections whose feature has not been built yet. */
export function ComingSoon({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={2}>{title}</Title>
      <Text c="dimmed">{t('comingSoon.body')}</Text>
    </Stack>
  );
}
