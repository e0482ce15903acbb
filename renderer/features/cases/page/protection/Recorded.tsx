import { Text } from '@mantine/core';
import { formatDateTime } from '../dates';
import { useLabels } from '../labels';

/** Who recorded an entry and when. */
export function Recorded({ name, at }: { name: string; at: string }) {
  const { t, i18n } = useLabels();
  return (
    <Text size="xs" c="dimmed">
      {t('protection.recorded', { name, at: formatDateTime(i18n.language, at) })}
    </Text>
  );
}
