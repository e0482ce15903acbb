import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Read-only label/value pairs; an empty value shows a dash so the reader knows it was not left out. */
export function Fields({ items }: { items: [label: string, value: ReactNode][] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
      {items.map(([label, value]) => (
        <Stack key={label} gap={2}>
          <Text component="dt" size="xs" c="dimmed" fw={600}>
            {label}
          </Text>
          <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap' }}>
            {value === '' || value === null || value === undefined ? '—' : value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
