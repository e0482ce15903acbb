import { Badge, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import {
  CONSIDERATION_DATES,
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
} from '../../../electron/common/protection';
import { localToday } from '../../i18n/dates';
import { useLabels } from '../../i18n/labels';
import { DateField } from '../../ui/DateField';
import { Fields } from '../../ui/Fields';
import { withDateRules, type Parsed } from '../../ui/forms';
import { Section } from '../../ui/Section';
import { CaseForm } from '../cases/page/CaseForm';
import { DatedHistory } from './DatedHistory';
import { recordConsideration } from './protection.actions';
import { assessmentsOf, parseProtection, protectionIssueKey, useProtectionForm } from './protectionForms';

/** The three circumstances the ISA victim-protection policy names, each assessed with its history. */
export function ConsiderationsSection({ protection }: { protection: ProtectionDetail }) {
  const { t } = useLabels();
  return (
    <Section title={t('protection.considerations.title')}>
      <Text size="sm" c="dimmed">
        {t('protection.considerations.intro')}
      </Text>
      {CONSIDERATION_KINDS.map((kind) => (
        <ConsiderationCard key={kind} kind={kind} assessments={assessmentsOf(protection, kind)} />
      ))}
    </Section>
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
  const kindLabel = vocab('considerationKind', kind);
  return (
    <DatedHistory
      as="card"
      title={kindLabel}
      entries={assessments}
      renderEntry={(entry) => <Assessment entry={entry} />}
      form={(onDone) => <ConsiderationForm kind={kind} onDone={onDone} />}
      text={{ record: t('protection.consideration.record'), none: t('protection.consideration.notAssessed'), historyLabel: t('protection.consideration.historyLabel', { kind: kindLabel }) }}
      testId={`consideration-${kind}`}
      footer={
        kind === 'cooperation' && (
          <Text size="sm" fw={600}>
            {t('protection.consideration.cooperationHelp')}
          </Text>
        )
      }
    />
  );
}

function Assessment({ entry }: { entry: Consideration }) {
  const { t, vocab, date } = useLabels();
  const cooperation = entry.kind === 'cooperation';
  return (
    <>
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
    </>
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
  const { t, vocab } = useLabels();
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
    return withDateRules(parsed, CONSIDERATION_DATES, protectionIssueKey);
  };
  const form = useProtectionForm((): Draft => ({ level: '', evidence: '', notes: '', assessedOn: localToday(), cooperationStatus: '', authorityReference: '' }), {
    parse,
    send: recordConsideration,
    issuePrefix: 'consideration',
  });
  const choose = { value: '', label: t('protection.choose') };

  return (
    <CaseForm title={t('protection.consideration.formTitle', { kind: vocab('considerationKind', kind) })} form={form} saveLabel={t('protection.consideration.save')} onDone={onDone}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('protection.consideration.level')}
          description={t(`protection.consideration.levelHint.${kind}`)}
          required
          data={[choose, ...CONSIDERATION_LEVELS.map((l) => ({ value: l, label: vocab('considerationLevel', l) }))]}
          {...form.text('level')}
        />
        <DateField label={t('protection.consideration.assessedOn')} required kind={CONSIDERATION_DATES.assessedOn} {...form.date('assessedOn')} />
      </SimpleGrid>
      {cooperation && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('protection.consideration.cooperationStatus')}
            required
            data={[choose, ...COOPERATION_STATUSES.map((s) => ({ value: s, label: vocab('cooperationStatus', s) }))]}
            {...form.text('cooperationStatus')}
          />
          <TextInput label={t('protection.consideration.authorityReference')} {...form.text('authorityReference')} />
        </SimpleGrid>
      )}
      <Textarea label={t('protection.consideration.evidence')} description={t('protection.consideration.evidenceHint')} required rows={3} {...form.text('evidence')} />
      <Textarea label={t('protection.consideration.notes')} rows={2} {...form.text('notes')} />
    </CaseForm>
  );
}
