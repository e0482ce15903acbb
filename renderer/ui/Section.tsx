import { Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionProps {
  title: string;
  /** Beside the title: the section's buttons, or what it counts. */
  actions?: ReactNode;
  /** A card inside a section (an article with a smaller heading), such as one consideration. */
  card?: boolean;
  testId?: string;
  children: ReactNode;
}

/** One titled part of a screen (a section of the case page, a list on My work): a landmark named by its title. */
export function Section({ title, actions, card = false, testId, children }: SectionProps) {
  const heading = <Title order={card ? 4 : 3}>{title}</Title>;
  return (
    <Paper withBorder p={card ? 'md' : 'lg'} component={card ? 'article' : 'section'} aria-label={title} data-testid={testId}>
      <Stack gap={card ? 'sm' : 'md'}>
        {actions ? (
          <Group justify="space-between">
            {heading}
            {actions}
          </Group>
        ) : (
          heading
        )}
        {children}
      </Stack>
    </Paper>
  );
}
