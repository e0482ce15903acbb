import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useId, useState } from 'react';
import {
  CONSIDERATION_KINDS,
  CONSIDERATION_LEVELS,
  COOPERATION_STATUSES,
  ConsiderationInputSchema,
  type Consideration,
  type ConsiderationInput,
  type ConsiderationKind,
  type ConsiderationLevel,
  type CooperationStatus,
  type ProtectionDetail,
} from '../../../../../electron/common/protection';
import type { Parsed } from '../caseForms';
import { CaseSection } from '../CaseSection';
import { Fields } from '../Fields';
import { useLabels } from '../labels';
import { SaveBar } from '../SaveBar';
import { History } from './History';
import { recordConsideration } from './protection.actions';
import { assessmentsOf, parseProtection, protectionIssueKey, today, useRecordForm } from './protectionForms';
import { Recorded } from './Recorded';

/** The three circumstances the ISA victim-protection policy names, each assessed with its history. */
export function ConsiderationsSection({ protection }: { protection: ProtectionDetail }) {
  const { t } = useLabels();
  return (
    <CaseSection title={t('protection.considerations.title')}>
      <Text size="sm" c="dimmed">
        {t('protection.considerations.intro')}
      </Text>
      {CONSIDERATION_KINDS.map((kind) => (
        <ConsiderationCard key={kind} kind={kind} assessments={assessmentsOf(protection, kind)} />
      ))}
    </CaseSection>
  );
}

const LEVEL_COLOURS: Record<ConsiderationLevel, string> = { none: 'gray', low: 'blue', moderate: 'orange', high: 'red' };

/** The level as a badge whose text says it: the colour only repeats it. */
export function LevelBadge({ level }: { level: ConsiderationLevel }) {
  const { vocab } = useLabels();
  return (
    <Badge color={LEVEL_COLOURS[level]} variant="light">
      {vocab('considerationLevel', level)}
    </Badge>
  );
}

function ConsiderationCard({ kind, assessments }: { kind: ConsiderationKind; assessments: Consideration[] }) {
  const { t, vocab } = useLabels();
  const [recording, setRecording] = useState(false);
  const headingId = useId();
  const [current, ...earlier] = assessments;
  const kindLabel = vocab('considerationKind', kind);
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} data-testid={`consideration-${kind}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={4} id={headingId}>
            {kindLabel}
          </Title>
          {!recording && (
            <Button size="xs" variant="default" onClick={() => setRecording(true)}>
              {t('protection.consideration.record')}
            </Button>
          )}
        </Group>
        {current ? <Assessment entry={current} /> : <Text c="dimmed">{t('protection.consideration.notAssessed')}</Text>}
        {recording && <ConsiderationForm kind={kind} onDone={() => setRecording(false)} />}
        <History
          toggleLabel={t('protection.consideration.history', { n: earlier.length })}
          listLabel={t('protection.consideration.historyLabel', { kind: kindLabel })}
          items={earlier.map((entry) => ({ key: entry.id, content: <Assessment entry={entry} /> }))}
        />
        {kind === 'cooperation' && (
          <Text size="sm" fw={600}>
            {t('protection.consideration.cooperationHelp')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Assessment({ entry }: { entry: Consideration }) {
  const { t, vocab, date } = useLabels();
  const cooperation = entry.kind === 'cooperation';
  return (
    <Stack gap="xs">
      <Fields
        items={[
          [t('protection.consideration.level'), <LevelBadge key="level" level={entry.level} />],
          [t('protection.consideration.assessedOn'), date(entry.assessedOn)],
          ...(cooperation
            ? ([
                [t('protection.consideration.cooperationStatus'), entry.cooperationStatus ? vocab('cooperationStatus', entry.cooperationStatus) : ''],
                [t('protection.consideration.authorityReference'), entry.authorityReference],
              ] as [string, string][])
            : []),
        ]}
      />
      <LongText label={t('protection.consideration.evidence')} text={entry.evidence} />
      {entry.notes && <LongText label={t('protection.consideration.notes')} text={entry.notes} />}
      <Recorded name={entry.recordedBy} at={entry.recordedAt} />
    </Stack>
  );
}

function LongText({ label, text }: { label: string; text: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
    </Stack>
  );
}

interface Draft {
  level: ConsiderationLevel | '';
  evidence: string;
  notes: string;
  assessedOn: string;
  cooperationStatus: CooperationStatus | '';
  authorityReference: string;
}

function ConsiderationForm({ kind, onDone }: { kind: ConsiderationKind; onDone: () => void }) {
  const { t, vocab, fieldError } = useLabels();
  const [draft, setDraft] = useState<Draft>(() => ({ level: '', evidence: '', notes: '', assessedOn: today(), cooperationStatus: '', authorityReference: '' }));
  const cooperation = kind === 'cooperation';

  const parse = (d: Draft): Parsed<ConsiderationInput> => {
    // The schema refuses a cooperation status on the other two kinds, and requires one on cooperation.
    const cooperationStatus = cooperation && d.cooperationStatus !== '' ? d.cooperationStatus : null;
    const parsed = parseProtection(ConsiderationInputSchema, {
      kind,
      level: d.level,
      evidence: d.evidence,
      notes: d.notes,
      assessedOn: d.assessedOn,
      cooperationStatus,
      authorityReference: cooperation ? d.authorityReference : '',
    });
    // The schema checks the status only once every other field passes; say it together with them.
    if (!parsed.ok && cooperation && cooperationStatus === null) parsed.errors.cooperationStatus ??= protectionIssueKey({ message: 'consideration.cooperationStatus' });
    return parsed;
  };
  const { errors, failure, busy, save } = useRecordForm({ parse, send: recordConsideration, issuePrefix: 'consideration' });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const legend = t('protection.consideration.formTitle', { kind: vocab('considerationKind', kind) });
  const choose = { value: '', label: t('protection.choose') };

  return (
    <Paper withBorder p="md" component="form" aria-label={legend} onSubmit={(e) => e.preventDefault()}>
      <Stack gap="sm">
        <Text fw={700}>{legend}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('protection.consideration.level')}
            description={t(`protection.consideration.levelHint.${kind}`)}
            required
            value={draft.level}
            onChange={(e) => set('level', e.currentTarget.value as Draft['level'])}
            data={[choose, ...CONSIDERATION_LEVELS.map((l) => ({ value: l, label: vocab('considerationLevel', l) }))]}
            error={fieldError(errors, 'level')}
          />
          <TextInput type="date" label={t('protection.consideration.assessedOn')} required value={draft.assessedOn} onChange={(e) => set('assessedOn', e.currentTarget.value)} error={fieldError(errors, 'assessedOn')} />
        </SimpleGrid>
        {cooperation && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('protection.consideration.cooperationStatus')}
              required
              value={draft.cooperationStatus}
              onChange={(e) => set('cooperationStatus', e.currentTarget.value as Draft['cooperationStatus'])}
              data={[choose, ...COOPERATION_STATUSES.map((s) => ({ value: s, label: vocab('cooperationStatus', s) }))]}
              error={fieldError(errors, 'cooperationStatus')}
            />
            <TextInput label={t('protection.consideration.authorityReference')} value={draft.authorityReference} onChange={(e) => set('authorityReference', e.currentTarget.value)} error={fieldError(errors, 'authorityReference')} />
          </SimpleGrid>
        )}
        <Textarea
          label={t('protection.consideration.evidence')}
          description={t('protection.consideration.evidenceHint')}
          required
          rows={3}
          value={draft.evidence}
          onChange={(e) => set('evidence', e.currentTarget.value)}
          error={fieldError(errors, 'evidence')}
        />
        <Textarea label={t('protection.consideration.notes')} rows={2} value={draft.notes} onChange={(e) => set('notes', e.currentTarget.value)} error={fieldError(errors, 'notes')} />
        <SaveBar busy={busy} failure={failure} saveLabel={t('protection.consideration.save')} onCancel={onDone} onSave={() => void save(draft).then((saved) => saved && onDone())} />
      </Stack>
    </Paper>
  );
}
