import { Button, Stack } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';

/**
 * Earlier records behind a "History (N)" toggle, newest first. Nothing is shown for a
 * record that has no earlier entries.
 */
export function History({ toggleLabel, listLabel, items }: { toggleLabel: string; listLabel: string; items: { key: string; content: ReactNode }[] }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (items.length === 0) return null;
  return (
    <Stack gap="xs">
      <Button variant="subtle" size="xs" px={0} w="fit-content" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {toggleLabel}
      </Button>
      <div id={id}>
        {open && (
          <Stack gap="xs" component="ol" aria-label={listLabel} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((item) => (
              <li key={item.key} style={{ borderLeft: '3px solid var(--mantine-color-gray-3)', paddingLeft: 'var(--mantine-spacing-sm)' }}>
                {item.content}
              </li>
            ))}
          </Stack>
        )}
      </div>
    </Stack>
  );
}
