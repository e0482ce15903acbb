import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMMON_LANGUAGES,
  COMMON_NATIONALITIES,
  EXPLOITATION_TYPES,
  FLAGS,
  IDENTIFICATION_STATUSES,
  REFERRAL_SOURCES,
  RISK_LEVELS,
  SEXES,
  SITUATIONS,
  STATUSES_OF_RESIDENCE,
  type RiskLevel,
  type Situation,
} from '../../../../electron/common/cases';
import { ApiError } from '../../../api/mamori';
import { FailureMessage } from '../../../ui/ErrorMessage';
import { useFailure } from '../../../ui/useFailure';
import { createCase } from './caseList.actions';
import { formatDay } from './caseListFormat';
import {
  EMPTY_INTAKE,
  firstStepWithError,
  INTAKE_SECTIONS,
  MEASURE_SITUATIONS,
  REPORTING_SITUATIONS,
  serverErrors,
  toCreateInput,
  validateSection,
  type IntakeDraft,
  type IntakeErrors,
  type IntakeSection,
} from './intake';

const REVIEW_STEP = INTAKE_SECTIONS.length;

type MeasureSituation = 'detained' | 'provisional-release' | 'supervision-measures';

/** Drops the errors of one section (or one field), leaving the rest. */
function without(errors: IntakeErrors, prefix: string): IntakeErrors {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => key !== prefix && !key.startsWith(`${prefix}.`)));
}

/**
 * Intake: a new case in four steps. Each step is checked with the contract's schema before the
 * next; core checks everything again, and whatever it refuses is shown on its field. Typed values
 * stay on every error.
 */
export function IntakeForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<IntakeDraft>(EMPTY_INTAKE);
  const [errors, setErrors] = useState<IntakeErrors>({});
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const failure = useFailure();
  const formRef = useRef<HTMLFormElement>(null);
  const [focusInvalid, setFocusInvalid] = useState(0);

  // After a refused step, take keyboard and screen-reader users to the first field to fix.
  useEffect(() => {
    if (focusInvalid > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalid]);

  const error = (path: string) => (errors[path] ? t(errors[path]) : undefined);
  function update<S extends 'person' | 'immigration' | 'exploitation'>(section: S, patch: Partial<IntakeDraft[S]>) {
    setDraft((current) => ({ ...current, [section]: { ...current[section], ...patch } }));
    setErrors((current) => Object.keys(patch).reduce((rest, field) => without(rest, `${section}.${field}`), current));
  }

  const next = () => {
    const section = INTAKE_SECTIONS[active];
    const found = validateSection(draft, section);
    setErrors((current) => ({ ...without(current, section), ...found }));
    if (Object.keys(found).length > 0) setFocusInvalid((n) => n + 1);
    else setActive(active + 1);
  };

  const showErrors = (found: IntakeErrors) => {
    setErrors(found);
    const step = firstStepWithError(found);
    if (step !== null) setActive(step);
    setFocusInvalid((n) => n + 1);
  };

  const submit = async () => {
    failure.clear();
    const result = toCreateInput(draft);
    if (!result.ok) {
      showErrors(result.errors);
      return;
    }
    setBusy(true);
    try {
      await createCase(result.input);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'INVALID_INPUT' && caught.issues?.length) {
        showErrors(serverErrors(draft, caught.issues));
      }
      failure.report(caught);
      setBusy(false);
    }
  };

  const steps: { section: IntakeSection | 'review'; content: ReactNode }[] = [
    { section: 'person', content: <PersonStep draft={draft} update={update} error={error} /> },
    { section: 'immigration', content: <ImmigrationStep draft={draft} update={update} error={error} /> },
    { section: 'exploitation', content: <ExploitationStep draft={draft} update={update} error={error} /> },
    { section: 'review', content: <ReviewStep draft={draft} setDraft={setDraft} /> },
  ];

  return (
    <Stack gap="lg">
      <Title order={2}>{t('caseList.intake.title')}</Title>
      <form
        ref={formRef}
        noValidate
        aria-label={t('caseList.intake.title')}
        onSubmit={(event) => {
          event.preventDefault();
          if (active === REVIEW_STEP) void submit();
          else next();
        }}
      >
        <Stepper
          active={active}
          onStepClick={(step) => step < active && setActive(step)}
          allowNextStepsSelect={false}
          size="sm"
          aria-label={t('caseList.intake.stepsLabel')}
        >
          {steps.map(({ section, content }) => (
            <Stepper.Step
              key={section}
              label={t(`caseList.intake.steps.${section}`)}
              description={t(`caseList.intake.stepDescriptions.${section}`)}
              color={section !== 'review' && Object.keys(errors).some((key) => key.startsWith(`${section}.`)) ? 'red' : undefined}
            >
              <Paper withBorder p="lg" mt="md">
                {content}
              </Paper>
            </Stepper.Step>
          ))}
        </Stepper>
        {active === REVIEW_STEP && failure.code && (
          <Stack mt="md" gap="xs">
            <FailureMessage failure={failure}>
              {Object.keys(errors).length > 0 && <Text size="sm">{t('caseList.intake.failed')}</Text>}
            </FailureMessage>
          </Stack>
        )}
        <Group justify="space-between" mt="lg">
          <Button variant="subtle" onClick={onCancel} disabled={busy}>
            {t('caseList.intake.cancel')}
          </Button>
          <Group gap="sm">
            {active > 0 && (
              <Button variant="default" onClick={() => setActive(active - 1)} disabled={busy}>
                {t('caseList.intake.back')}
              </Button>
            )}
            <Button type="submit" loading={busy}>
              {t(active === REVIEW_STEP ? 'caseList.intake.open' : 'caseList.intake.next')}
            </Button>
          </Group>
        </Group>
      </form>
    </Stack>
  );
}

interface StepProps {
  draft: IntakeDraft;
  update: <S extends 'person' | 'immigration' | 'exploitation'>(section: S, patch: Partial<IntakeDraft[S]>) => void;
  error: (path: string) => string | undefined;
}

function useChoices() {
  const { t } = useTranslation();
  const choose = { value: '', label: t('caseList.intake.choose'), disabled: true };
  return {
    /** A native select that starts on "Choose…", so nothing is chosen for the user by default. */
    withChoose: (options: { value: string; label: string }[]) => [choose, ...options],
  };
}

function PersonStep({ draft, update, error }: StepProps) {
  const { t } = useTranslation();
  const { withChoose } = useChoices();
  const p = draft.person;
  const set = (patch: Partial<IntakeDraft['person']>) => update('person', patch);
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('caseList.intake.person.familyName')} required autoComplete="off" value={p.familyName} onChange={(e) => set({ familyName: e.currentTarget.value })} error={error('person.familyName')} />
        <TextInput label={t('caseList.intake.person.givenName')} autoComplete="off" value={p.givenName} onChange={(e) => set({ givenName: e.currentTarget.value })} error={error('person.givenName')} />
        <TextInput label={t('caseList.intake.person.familyNameNative')} autoComplete="off" value={p.familyNameNative} onChange={(e) => set({ familyNameNative: e.currentTarget.value })} error={error('person.familyNameNative')} />
        <TextInput label={t('caseList.intake.person.givenNameNative')} autoComplete="off" value={p.givenNameNative} onChange={(e) => set({ givenNameNative: e.currentTarget.value })} error={error('person.givenNameNative')} />
      </SimpleGrid>
      <TagsInput
        label={t('caseList.intake.person.aliases')}
        description={t('caseList.intake.person.aliasesDescription')}
        value={p.aliases}
        onChange={(aliases) => set({ aliases })}
        maxTags={20}
        error={error('person.aliases')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t('caseList.intake.person.sex')}
          required
          data={withChoose(SEXES.map((code) => ({ value: code, label: t(`vocab.sex.${code}`) })))}
          value={p.sex}
          onChange={(e) => set({ sex: e.currentTarget.value })}
          error={error('person.sex')}
        />
        <TextInput type="date" label={t('caseList.intake.person.dateOfBirth')} value={p.dateOfBirth} onChange={(e) => set({ dateOfBirth: e.currentTarget.value })} error={error('person.dateOfBirth')} />
        <Select
          label={t('caseList.intake.person.nationality')}
          required
          searchable
          placeholder={t('caseList.intake.choose')}
          data={COMMON_NATIONALITIES.map((code) => ({ value: code, label: t(`vocab.nationality.${code}`) })).sort(byLabel)}
          value={p.nationality || null}
          onChange={(value) => set({ nationality: value ?? '' })}
          error={error('person.nationality')}
        />
      </SimpleGrid>
      <MultiSelect
        label={t('caseList.intake.person.languages')}
        required
        searchable
        placeholder={p.languages.length === 0 ? t('caseList.intake.choose') : undefined}
        data={COMMON_LANGUAGES.map((code) => ({ value: code, label: t(`vocab.language.${code}`) }))}
        value={p.languages}
        onChange={(languages) => set({ languages })}
        maxValues={6}
        error={error('person.languages')}
      />
      <Checkbox label={t('caseList.intake.person.interpreterNeeded')} checked={p.interpreterNeeded} onChange={(e) => set({ interpreterNeeded: e.currentTarget.checked })} />
    </Stack>
  );
}

function ImmigrationStep({ draft, update, error }: StepProps) {
  const { t } = useTranslation();
  const { withChoose } = useChoices();
  const m = draft.immigration;
  const set = (patch: Partial<IntakeDraft['immigration']>) => update('immigration', patch);
  const situation = m.situation as Situation;
  const setReportingDate = (index: number, patch: Partial<IntakeDraft['immigration']['reportingDates'][number]>) =>
    set({ reportingDates: m.reportingDates.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)) });

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('caseList.intake.immigration.statusOfResidence')}
          required
          data={withChoose(STATUSES_OF_RESIDENCE.map((code) => ({ value: code, label: t(`vocab.statusOfResidence.${code}`) })))}
          value={m.statusOfResidence}
          onChange={(e) => set({ statusOfResidence: e.currentTarget.value })}
          error={error('immigration.statusOfResidence')}
        />
        <TextInput type="date" label={t('caseList.intake.immigration.periodOfStayExpiry')} value={m.periodOfStayExpiry} onChange={(e) => set({ periodOfStayExpiry: e.currentTarget.value })} error={error('immigration.periodOfStayExpiry')} />
        <NativeSelect
          label={t('caseList.intake.immigration.situation')}
          required
          data={withChoose(SITUATIONS.map((code) => ({ value: code, label: t(`vocab.situation.${code}`) })))}
          value={m.situation}
          onChange={(e) => set({ situation: e.currentTarget.value })}
          error={error('immigration.situation')}
        />
        <TextInput type="date" label={t('caseList.intake.immigration.situationSince')} value={m.situationSince} onChange={(e) => set({ situationSince: e.currentTarget.value })} error={error('immigration.situationSince')} />
      </SimpleGrid>
      {MEASURE_SITUATIONS.includes(situation) && (
        <Textarea
          label={t(`caseList.intake.immigration.measureConditions.${situation as MeasureSituation}`)}
          rows={4}
          maxLength={2000}
          value={m.measureConditions}
          onChange={(e) => set({ measureConditions: e.currentTarget.value })}
          error={error('immigration.measureConditions')}
        />
      )}
      {REPORTING_SITUATIONS.includes(situation) && (
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={600} size="sm">
            {t('caseList.intake.immigration.reportingDates')}
          </Text>
          {m.reportingDates.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('caseList.intake.immigration.noReportingDates')}
            </Text>
          )}
          {m.reportingDates.map((entry, index) => {
            const number = index + 1;
            return (
              <Group key={index} align="flex-start" gap="sm" wrap="nowrap">
                <TextInput type="date" label={t('caseList.intake.immigration.reportingDate', { number })} value={entry.date} onChange={(e) => setReportingDate(index, { date: e.currentTarget.value })} error={error(`immigration.reportingDates.${index}.date`)} />
                <TextInput style={{ flex: 1 }} label={t('caseList.intake.immigration.reportingNote', { number })} maxLength={200} value={entry.note} onChange={(e) => setReportingDate(index, { note: e.currentTarget.value })} error={error(`immigration.reportingDates.${index}.note`)} />
                <Button mt={25} variant="subtle" color="red" onClick={() => set({ reportingDates: m.reportingDates.filter((_, i) => i !== index) })}>
                  {t('caseList.intake.immigration.removeReportingDate', { number })}
                </Button>
              </Group>
            );
          })}
          <Group>
            <Button variant="default" size="xs" disabled={m.reportingDates.length >= 60} onClick={() => set({ reportingDates: [...m.reportingDates, { date: '', note: '' }] })}>
              {t('caseList.intake.immigration.addReportingDate')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

function ExploitationStep({ draft, update, error }: StepProps) {
  const { t } = useTranslation();
  const { withChoose } = useChoices();
  const e = draft.exploitation;
  const set = (patch: Partial<IntakeDraft['exploitation']>) => update('exploitation', patch);
  return (
    <Stack gap="md">
      <Checkbox.Group label={t('caseList.intake.exploitation.types')} value={e.types} onChange={(types) => set({ types: types as IntakeDraft['exploitation']['types'] })} error={error('exploitation.types')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
          {EXPLOITATION_TYPES.map((code) => (
            <Checkbox key={code} value={code} label={t(`vocab.exploitationType.${code}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <NativeSelect
        label={t('caseList.intake.exploitation.referralSource')}
        required
        data={withChoose(REFERRAL_SOURCES.map((code) => ({ value: code, label: t(`vocab.referralSource.${code}`) })))}
        value={e.referralSource}
        onChange={(event) => set({ referralSource: event.currentTarget.value })}
        error={error('exploitation.referralSource')}
      />
      <Radio.Group
        label={t('caseList.intake.exploitation.identificationStatus')}
        value={e.identificationStatus}
        onChange={(value) => set({ identificationStatus: value as IntakeDraft['exploitation']['identificationStatus'] })}
        error={error('exploitation.identificationStatus')}
      >
        <Group mt="xs">
          {IDENTIFICATION_STATUSES.map((code) => (
            <Radio key={code} value={code} label={t(`vocab.identificationStatus.${code}`)} />
          ))}
        </Group>
      </Radio.Group>
    </Stack>
  );
}

function ReviewStep({ draft, setDraft }: { draft: IntakeDraft; setDraft: (update: (d: IntakeDraft) => IntakeDraft) => void }) {
  const { t, i18n } = useTranslation();
  const { person: p, immigration: m, exploitation: e } = draft;
  const none = t('caseList.intake.review.none');
  const day = (value: string) => (value ? formatDay(i18n.language, value) : none);
  // Names family-name-first in Japanese, given-name-first in English (STYLE.md, UI).
  const name = (family: string, given: string) =>
    (i18n.language === 'ja' ? [family, given] : [given, family]).filter(Boolean).join(' ') || none;
  const summary: [string, string][] = [
    [t('caseList.intake.review.name'), name(p.familyName, p.givenName)],
    [t('caseList.intake.review.nativeName'), name(p.familyNameNative, p.givenNameNative)],
    [t('caseList.intake.person.aliases'), p.aliases.join(', ') || none],
    [t('caseList.intake.person.sex'), p.sex ? t(`vocab.sex.${p.sex as (typeof SEXES)[number]}`) : none],
    [t('caseList.intake.person.dateOfBirth'), day(p.dateOfBirth)],
    [t('caseList.intake.person.nationality'), p.nationality ? t(`vocab.nationality.${p.nationality as (typeof COMMON_NATIONALITIES)[number]}`) : none],
    [t('caseList.intake.person.languages'), p.languages.map((code) => t(`vocab.language.${code as (typeof COMMON_LANGUAGES)[number]}`)).join(', ') || none],
    [t('caseList.intake.person.interpreterNeeded'), t(p.interpreterNeeded ? 'caseList.intake.review.yes' : 'caseList.intake.review.no')],
    [t('caseList.intake.immigration.statusOfResidence'), m.statusOfResidence ? t(`vocab.statusOfResidence.${m.statusOfResidence as (typeof STATUSES_OF_RESIDENCE)[number]}`) : none],
    [t('caseList.intake.immigration.periodOfStayExpiry'), day(m.periodOfStayExpiry)],
    [t('caseList.intake.immigration.situation'), m.situation ? t(`vocab.situation.${m.situation as Situation}`) : none],
    ...(MEASURE_SITUATIONS.includes(m.situation as Situation)
      ? ([[t(`caseList.intake.immigration.measureConditions.${m.situation as MeasureSituation}`), m.measureConditions.trim() || none]] as [string, string][])
      : []),
    ...(REPORTING_SITUATIONS.includes(m.situation as Situation)
      ? ([[t('caseList.intake.immigration.reportingDates'), m.reportingDates.map((r) => [day(r.date), r.note.trim()].filter(Boolean).join(' ')).join(' / ') || none]] as [string, string][])
      : []),
    [t('caseList.intake.exploitation.types'), e.types.map((code) => t(`vocab.exploitationType.${code}`)).join(', ') || none],
    [t('caseList.intake.exploitation.referralSource'), e.referralSource ? t(`vocab.referralSource.${e.referralSource as (typeof REFERRAL_SOURCES)[number]}`) : none],
    [t('caseList.intake.exploitation.identificationStatus'), t(`vocab.identificationStatus.${e.identificationStatus}`)],
  ];
  return (
    <Stack gap="lg">
      <Radio.Group label={t('caseList.intake.review.riskLevel')} value={draft.riskLevel} onChange={(value) => setDraft((d) => ({ ...d, riskLevel: value as RiskLevel }))}>
        <Group mt="xs">
          {RISK_LEVELS.map((code) => (
            <Radio key={code} value={code} label={t(`vocab.riskLevel.${code}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Checkbox.Group label={t('caseList.intake.review.flags')} value={draft.flags} onChange={(flags) => setDraft((d) => ({ ...d, flags: flags as IntakeDraft['flags'] }))}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
          {FLAGS.map((code) => (
            <Checkbox key={code} value={code} label={t(`vocab.flag.${code}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <div>
        <Title order={3} size="h5" mb="xs">
          {t('caseList.intake.review.summary')}
        </Title>
        <SimpleGrid component="dl" cols={2} spacing={4} verticalSpacing={4} style={{ gridTemplateColumns: 'max-content 1fr', columnGap: 24, margin: 0 }}>
          {summary.map(([label, value]) => (
            <SummaryItem key={label} label={label} value={value} />
          ))}
        </SimpleGrid>
      </div>
    </Stack>
  );
}

function SummaryItem({ label, value }: { label: string; value: string }) {
  return (
    <>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </>
  );
}
