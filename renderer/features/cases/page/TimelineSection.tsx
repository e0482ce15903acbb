import { Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import { NOTE_TYPES } from '../../../../electron/common/cases';
import type { CaseDetail, TimelineItem } from '../../../../electron/common/caseDetail';
import { parseWith } from './caseForms';
import { addNote, revealNote } from './casePage.actions';
import { formatDateTime } from './dates';
import { useLabels } from './labels';
import { ReasonDialog } from './ReasonDialog';
import { SaveBar } from './SaveBar';
import { useReveal } from './useReveal';
import { useSave } from './useSave';
import { CaseSection } from './CaseSection';

type NoteItem = Extract<TimelineItem, { kind: 'note' }>;
type EventItem = Extract<TimelineItem, { kind: 'event' }>;

const NoteSchema = z.object({ noteType: z.enum(NOTE_TYPES), body: z.string().trim().min(1).max(20_000), sealed: z.boolean() });
type NoteDraft = z.infer<typeof NoteSchema>;

/** Notes and events, newest first, with the form to add a note. */
export function TimelineSection({ detail }: { detail: CaseDetail }) {
  const { t } = useLabels();
  const [adding, setAdding] = useState(false);
  const title = t('casePage.timeline.title');
  const items = [...detail.timeline].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <CaseSection
      title={title}
      actions={
        <>
          {!adding && (
            <Button size="xs" variant="default" onClick={() => setAdding(true)}>
              {t('casePage.timeline.addNote')}
            </Button>
          )}
        </>
      }
    >
      {adding && <NoteForm onDone={() => setAdding(false)} />}
      <Text size="xs" c="dimmed">
        {t('casePage.timeline.order')}
      </Text>
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((item) => (
          <li key={`${item.kind}-${item.id}`}>{item.kind === 'note' ? <NoteEntry note={item} /> : <EventEntry event={item} />}</li>
        ))}
      </Stack>
    </CaseSection>
  );
}

function Stamp({ at, author }: { at: string; author: string }) {
  const { i18n } = useLabels();
  return (
    <Text size="xs" c="dimmed">
      <time dateTime={at}>{formatDateTime(i18n.language, at)}</time> · {author}
    </Text>
  );
}

function NoteEntry({ note }: { note: NoteItem }) {
  const { t, vocab } = useLabels();
  const [asking, setAsking] = useState(false);
  const { revealed, secondsLeft, show, hide } = useReveal<string>();
  const body = note.sealed ? revealed?.value : note.body;
  return (
    <Paper withBorder p="sm" component="article">
      <Stack gap={4}>
        <Group justify="space-between">
          <Group gap="xs">
            <Badge variant="light">{vocab('noteType', note.noteType)}</Badge>
            {note.sealed && (
              <Badge variant="light" color="yellow">
                {t('casePage.timeline.sealedNote')}
              </Badge>
            )}
          </Group>
          <Stamp at={note.at} author={note.authorName} />
        </Group>
        {body !== undefined && body !== null ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {body}
          </Text>
        ) : (
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {t('casePage.timeline.sealedNote')}
            </Text>
            <Button size="xs" onClick={() => setAsking(true)} aria-label={t('casePage.timeline.showNote')}>
              {t('casePage.sealed.show')}
            </Button>
          </Group>
        )}
        {note.sealed && revealed && (
          <Group justify="space-between">
            <Text role="timer" size="xs" fw={700}>
              {t('casePage.reveal.hidesIn', { count: secondsLeft })}
            </Text>
            <Button size="xs" variant="default" onClick={hide} aria-label={t('casePage.timeline.hideNote')}>
              {t('casePage.reveal.hide')}
            </Button>
          </Group>
        )}
      </Stack>
      <ReasonDialog
        opened={asking}
        title={t('casePage.timeline.revealTitle')}
        explanation={t('casePage.sealed.revealExplanation')}
        confirmLabel={t('casePage.reveal.confirm')}
        onConfirm={async (reason) => show(await revealNote(note.id, reason))}
        onClose={() => setAsking(false)}
      />
    </Paper>
  );
}

function EventEntry({ event }: { event: EventItem }) {
  const { t, vocab } = useLabels();
  const stage = (s: EventItem['fromStage']) => (s ? vocab('stage', s) : '—');
  const text = {
    created: t('casePage.timeline.event.created', { author: event.authorName }),
    stage: t('casePage.timeline.event.stage', { author: event.authorName, from: stage(event.fromStage), to: stage(event.toStage) }),
    assigned: t('casePage.timeline.event.assigned', { author: event.authorName }),
    'conflict-acknowledged': t('casePage.timeline.event.conflictAcknowledged', { author: event.authorName }),
  }[event.event];
  return (
    <Paper p="sm" bg="gray.0" component="article">
      <Stack gap={2}>
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {text}
          </Text>
          <Stamp at={event.at} author={event.authorName} />
        </Group>
        {event.reason && (
          <Text size="sm">
            {t('casePage.timeline.reason')}: {event.reason}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function NoteForm({ onDone }: { onDone: () => void }) {
  const { t, vocab, fieldError } = useLabels();
  const [draft, setDraft] = useState<NoteDraft>({ noteType: 'general', body: '', sealed: false });
  const { errors, failure, busy, save } = useSave({ parse: (d: NoteDraft) => parseWith(NoteSchema, d), send: addNote, issuePrefix: '' });
  return (
    <Paper withBorder p="md" component="form" aria-label={t('casePage.timeline.addNote')} onSubmit={(e) => e.preventDefault()}>
      <Stack gap="sm">
        <NativeSelect label={t('casePage.timeline.noteType')} value={draft.noteType} onChange={(e) => setDraft({ ...draft, noteType: e.currentTarget.value as NoteDraft['noteType'] })} data={NOTE_TYPES.map((n) => ({ value: n, label: vocab('noteType', n) }))} />
        <Textarea label={t('casePage.timeline.noteText')} rows={3} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.currentTarget.value })} error={fieldError(errors, 'body')} />
        <Checkbox label={t('casePage.timeline.sealedCheckbox')} description={t('casePage.timeline.sealedHint')} checked={draft.sealed} onChange={(e) => setDraft({ ...draft, sealed: e.currentTarget.checked })} />
        <SaveBar busy={busy} failure={failure} onCancel={onDone} saveLabel={t('casePage.timeline.saveNote')} onSave={() => void save(draft).then((saved) => saved && onDone())} />
      </Stack>
    </Paper>
  );
}
