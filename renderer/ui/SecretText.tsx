import { Box } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

interface SecretTextProps {
  /** Names the output for screen readers (and for tests, as a status). */
  label: string;
  size: number;
  /** Layout of its parts, e.g. the recovery key's groups in a grid. */
  style?: CSSProperties;
  children: ReactNode;
}

/**
 * A secret shown once to be written down or read out (the recovery key, a temporary passphrase):
 * large, spaced monospace. It is not selectable, which makes pasting it into a file or a message harder.
 */
export function SecretText({ label, size, style, children }: SecretTextProps) {
  return (
    <Box component="output" aria-label={label} ff="monospace" fz={size} fw={700} style={{ letterSpacing: '0.08em', userSelect: 'none', ...style }}>
      {children}
    </Box>
  );
}
