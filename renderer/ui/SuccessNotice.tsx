import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A positive outcome, announced politely. The palest teal keeps the teal title above 4.5:1
 * contrast; Mantine's default light background leaves it just below.
 */
export function SuccessNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Alert
      role="status"
      color="teal"
      variant="light"
      title={title}
      styles={{ root: { backgroundColor: 'var(--mantine-color-teal-0)' } }}
    >
      {children}
    </Alert>
  );
}
