import { Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import type { CaseDetail, TimelineItem } from '../../../../electron/common/caseDetail';
import { NOTE_TYPES } from '../../../../electron/common/cases';
import { formatDateTime } from '../../../i18n/format';
import { useLabels } from '../../../i18n/labels';
import { parseWith } from '../../../ui/forms';
import { SealedReveal } from '../../../ui/SealedReveal';
import { Section } from '../../../ui/Section';
import { useDraftForm } from '../../../ui/useSave';
import { CaseForm } from './CaseForm';
import { addNote, revealNote } from './casePage.actions';

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
    <Section
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
    </Section>
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
        {note.sealed ? (
          <SealedReveal
            reveal={(reason) => revealNote(note.id, reason)}
            render={(body) => <NoteBody body={body} />}
            text={{
              show: t('casePage.sealed.show'),
              showLabel: t('casePage.timeline.showNote'),
              hideLabel: t('casePage.timeline.hideNote'),
              title: t('casePage.timeline.revealTitle'),
              explanation: t('casePage.sealed.revealExplanation'),
            }}
          >
            {({ trigger, shown }) =>
              shown ?? (
                <Group gap="sm">
                  <Text size="sm" c="dimmed">
                    {t('casePage.timeline.sealedNote')}
                  </Text>
                  {trigger}
                </Group>
              )
            }
          </SealedReveal>
        ) : (
          <NoteBody body={note.body ?? ''} />
        )}
      </Stack>
    </Paper>
  );
}

function NoteBody({ body }: { body: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {body}
    </Text>
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
  const { t, vocab } = useLabels();
  const form = useDraftForm((): NoteDraft => ({ noteType: 'general', body: '', sealed: false }), { parse: (d: NoteDraft) => parseWith(NoteSchema, d), send: addNote, issuePrefix: '' });
  return (
    <CaseForm title={t('casePage.timeline.addNote')} titled={false} form={form} saveLabel={t('casePage.timeline.saveNote')} onDone={onDone}>
      <NativeSelect label={t('casePage.timeline.noteType')} {...form.text('noteType')} data={NOTE_TYPES.map((n) => ({ value: n, label: vocab('noteType', n) }))} />
      <Textarea label={t('casePage.timeline.noteText')} rows={3} {...form.text('body')} />
      <Checkbox label={t('casePage.timeline.sealedCheckbox')} description={t('casePage.timeline.sealedHint')} checked={form.draft.sealed} onChange={(e) => form.set('sealed', e.currentTarget.checked)} />
    </CaseForm>
  );
}
