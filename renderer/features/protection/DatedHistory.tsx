import { Button, Stack, Text } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { formatDateTime } from '../../i18n/format';
import { useLabels } from '../../i18n/labels';
import { Section } from '../../ui/Section';

/** A dated record: who recorded it and when. */
interface DatedEntry {
  id: string;
  recordedBy: string;
  recordedAt: string;
}

interface DatedHistoryProps<E extends DatedEntry> {
  /** A titled section of the case page, or a card inside one (each consideration). */
  as: 'section' | 'card';
  title: string;
  /** Newest first, as core sends them: the first is the current record, the others its history. */
  entries: E[];
  renderEntry: (entry: E) => ReactNode;
  /** The form that records a new entry; it calls `onDone` when saved or cancelled. */
  form: (onDone: () => void) => ReactNode;
  text: {
    record: string;
    /** Shown instead of the current record while there is none. */
    none: string;
    /** The list of earlier records, for screen readers. */
    historyLabel: string;
    intro?: string;
  };
  testId: string;
  footer?: ReactNode;
}

/**
 * One record kept as a dated history (the victim's wishes, IOM consent, each consideration): the
 * current entry, "Record" for a new one, and the earlier entries behind a "History (N)" toggle.
 * Nothing is ever overwritten: a new entry goes on top.
 */
export function DatedHistory<E extends DatedEntry>({ as, title, entries, renderEntry, form, text, testId, footer }: DatedHistoryProps<E>) {
  const { t } = useLabels();
  const [recording, setRecording] = useState(false);
  const [current, ...earlier] = entries;
  const record = !recording && (
    <Button size="xs" variant="default" onClick={() => setRecording(true)}>
      {text.record}
    </Button>
  );
  const shown = (entry: E) => (
    <Stack gap="xs">
      {renderEntry(entry)}
      <Recorded name={entry.recordedBy} at={entry.recordedAt} />
    </Stack>
  );
  const body = (
    <>
      {text.intro && (
        <Text size="sm" c="dimmed">
          {text.intro}
        </Text>
      )}
      {current ? shown(current) : <Text c="dimmed">{text.none}</Text>}
      {recording && form(() => setRecording(false))}
      <Earlier toggleLabel={t('protection.history', { n: earlier.length })} listLabel={text.historyLabel} items={earlier.map((entry) => ({ key: entry.id, content: shown(entry) }))} />
      {footer}
    </>
  );

  return (
    <Section title={title} actions={record} card={as === 'card'} testId={testId}>
      {body}
    </Section>
  );
}

/** Who recorded an entry and when. */
function Recorded({ name, at }: { name: string; at: string }) {
  const { t, i18n } = useLabels();
  return (
    <Text size="xs" c="dimmed">
      {t('protection.recorded', { name, at: formatDateTime(i18n.language, at) })}
    </Text>
  );
}

/** Earlier records behind a "History (N)" toggle, newest first; nothing at all while there are none. */
function Earlier({ toggleLabel, listLabel, items }: { toggleLabel: string; listLabel: string; items: { key: string; content: ReactNode }[] }) {
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
