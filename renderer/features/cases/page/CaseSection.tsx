import { Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One titled section of the case page: a landmark named by its title, with actions beside it. */
export function CaseSection({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        {actions ? (
          <Group justify="space-between">
            <Title order={3}>{title}</Title>
            {actions}
          </Group>
        ) : (
          <Title order={3}>{title}</Title>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
