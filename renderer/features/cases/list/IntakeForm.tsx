import { Button, Checkbox, Group, Paper, Radio, SimpleGrid, Stack, Stepper, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FLAGS, RISK_LEVELS, type RiskLevel } from '../../../../electron/common/cases';
import { isCalendarDay } from '../../../../electron/common/dates';
import { ApiError } from '../../../api/mamori';
import { displayName, useLabels } from '../../../i18n/labels';
import { FailureMessage } from '../../../ui/ErrorMessage';
import { useFailure } from '../../../ui/useFailure';
import { INDICATORS } from '../../../../electron/common/cases';
import { localToday } from '../../../i18n/dates';
import { calledFor, isAbscondedIntern, screeningBlocksNotAVictim } from '../fields/caseDrafts';
import { ExploitationFields } from '../fields/ExploitationFields';
import { ImmigrationFields, useImmigrationLabels } from '../fields/ImmigrationFields';
import { PersonFields } from '../fields/PersonFields';
import { ScreeningFields } from '../fields/ScreeningFields';
import { createCase } from './caseList.actions';
import { formatDay } from './caseListFormat';
import { EMPTY_INTAKE, firstStepWithError, INTAKE_STEPS, serverErrors, stepOf, toCreateInput, validateStep, type IntakeDraft, type IntakeErrors, type IntakeSection, type IntakeStep } from './intake';
import { BusyButton } from '../../../ui/BusyButton';

const REVIEW_STEP = INTAKE_STEPS.length;
const SCREENING_STEP = INTAKE_STEPS.indexOf('screening');

/** Drops the errors of one field (and those below it), leaving the rest. */
function without(errors: IntakeErrors, prefix: string): IntakeErrors {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => key !== prefix && !key.startsWith(`${prefix}.`)));
}

/** Drops the errors shown on one step. */
const withoutStep = (errors: IntakeErrors, step: IntakeStep): IntakeErrors => Object.fromEntries(Object.entries(errors).filter(([key]) => stepOf(key) !== step));

/**
 * Intake: a new case in five steps. Each step is checked with the contract's schema before the
 * next; core checks everything again, and whatever it refuses is shown on its field. Typed values
 * stay on every error.
 */
export function IntakeForm({ onCancel }: { onCancel: () => void }) {
  const { t, tx } = useLabels();
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

  const error = (path: string) => (errors[path] ? tx(errors[path]) : undefined);
  function update<S extends 'person' | 'immigration' | 'exploitation'>(section: S, patch: Partial<IntakeDraft[S]>) {
    setDraft((current) => ({ ...current, [section]: { ...current[section], ...patch } }));
    setErrors((current) => Object.keys(patch).reduce((rest, field) => without(rest, `${section}.${field}`), current));
  }

  const next = () => {
    const step = INTAKE_STEPS[active];
    const found = validateStep(draft, step);
    setErrors((current) => ({ ...withoutStep(current, step), ...found }));
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
      if (caught instanceof ApiError && (caught.code === 'INVALID_INPUT' || caught.code === 'SCREENING_REQUIRED') && caught.issues?.length) {
        showErrors(serverErrors(draft, caught.issues));
      }
      failure.report(caught);
      setBusy(false);
    }
  };

  const stepProps: StepProps = { draft, update, error };
  // The local calendar day: a checklist completed now is recorded as gone through today.
  const today = localToday();
  const absconded = isAbscondedIntern(draft.immigration);
  const steps: { step: IntakeStep | 'review'; content: ReactNode }[] = [
    { step: 'person', content: <PersonFields {...sectionProps('person', stepProps)} /> },
    { step: 'immigration', content: <ImmigrationFields onlyCalledFor today={today} {...sectionProps('immigration', stepProps)} /> },
    { step: 'screening', content: <ScreeningFields today={today} absconded={absconded} {...sectionProps('exploitation', stepProps)} /> },
    {
      step: 'exploitation',
      content: (
        <ExploitationFields
          {...sectionProps('exploitation', stepProps)}
          notAVictimBlocked={screeningBlocksNotAVictim(absconded, draft.exploitation.screening)}
          checklistLink={
            <Button size="compact-sm" variant="light" onClick={() => setActive(SCREENING_STEP)}>
              {t('caseFields.screening.goToChecklist')}
            </Button>
          }
        />
      ),
    },
    { step: 'review', content: <ReviewStep draft={draft} setDraft={setDraft} /> },
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
          {steps.map(({ step, content }) => (
            <Stepper.Step
              key={step}
              label={step === 'person' ? t('caseFields.person.title') : t(`caseList.intake.steps.${step}`)}
              description={t(`caseList.intake.stepDescriptions.${step}`)}
              color={step !== 'review' && Object.keys(errors).some((key) => stepOf(key) === step) ? 'red' : undefined}
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
            <BusyButton type="submit" busy={busy}>
              {t(active === REVIEW_STEP ? 'caseList.intake.open' : 'caseList.intake.next')}
            </BusyButton>
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

/** One step's field set, on its section of the draft; its errors are kept under the section's name ('person.familyName'). */
function sectionProps<S extends IntakeSection>(section: S, { draft, update, error }: StepProps) {
  return { value: draft[section], onChange: (patch: Partial<IntakeDraft[S]>) => update(section, patch), error: (path: string) => error(`${section}.${path}`) };
}

function ReviewStep({ draft, setDraft }: { draft: IntakeDraft; setDraft: (update: (d: IntakeDraft) => IntakeDraft) => void }) {
  const { t, i18n, vocab } = useLabels();
  const labels = useImmigrationLabels();
  const { person: p, immigration: m, exploitation: e } = draft;
  const needed = calledFor(m);
  const none = t('caseList.intake.review.none');
  // Every step is checked before the review, so a date is a date here; anything else is shown as typed.
  const day = (value: string | null) => (!value ? none : isCalendarDay(value) ? formatDay(i18n.language, value) : value);
  const chosen = (list: string, code: string) => (code ? vocab(list, code) : none);
  const listed = (list: string, codes: readonly string[]) => codes.map((code) => vocab(list, code)).join(', ') || none;
  const name = (family: string, given: string) => displayName(i18n.language, family, given) || none;
  const yesNo = (value: boolean) => (value ? t('caseFields.yes') : t('caseFields.no'));
  const only = (shown: boolean, label: string, value: string): [string, string][] => (shown ? [[label, value]] : []);
  const present = INDICATORS.filter((i) => e.indicators[i]?.present);
  const summary: [string, string][] = [
    [t('caseList.intake.review.name'), name(p.familyName, p.givenName)],
    [t('caseList.intake.review.nativeName'), name(p.familyNameNative, p.givenNameNative)],
    [t('caseFields.person.preferredName'), p.preferredName.trim() || none],
    [t('caseFields.person.aliases'), p.aliases.join(', ') || none],
    [t('caseFields.person.sex'), chosen('sex', p.sex)],
    [t('caseFields.person.dateOfBirth'), day(p.dateOfBirth)],
    [t('caseFields.person.nationality'), chosen('nationality', p.nationality)],
    [t('caseFields.person.languages'), listed('language', p.languages)],
    [t('caseFields.person.interpreterNeeded'), yesNo(p.interpreterNeeded)],
    [t('caseFields.immigration.statusOfResidence'), chosen('statusOfResidence', m.statusOfResidence)],
    [t('caseFields.immigration.periodOfStayExpiry'), day(m.periodOfStayExpiry)],
    [t('caseFields.immigration.statusValidity'), vocab('statusValidity', m.statusValidity)],
    ...only(needed.statusValiditySince, labels.validitySince(m.statusValidity), day(m.statusValiditySince)),
    [t('caseFields.immigration.unauthorisedWork'), yesNo(m.unauthorisedWork)],
    ...only(needed.abscondedFromTraining, t('caseFields.immigration.abscondedFromTraining'), yesNo(m.abscondedFromTraining)),
    ...only(needed.abscondedSince, t('caseFields.immigration.abscondedSince'), day(m.abscondedSince)),
    [t('caseFields.immigration.deportationProcedure'), yesNo(m.deportationProcedure)],
    ...only(needed.custody, t('caseFields.immigration.custody'), vocab('custody', m.custody)),
    ...only(needed.custodySince, labels.custodySince(m.custody), day(m.custodySince)),
    ...only(needed.measureConditions, labels.conditions(m.custody), m.measureConditions.trim() || none),
    ...only(
      needed.reportingDates,
      t('caseFields.immigration.reportingDates'),
      m.reportingDates.map((r) => [day(r.date), r.note.trim()].filter(Boolean).join(' ')).join(' / ') || none,
    ),
    [t('caseFields.screening.title'), e.screening === 'completed' && e.screenedOn ? t('casePage.exploitation.screenedOn', { date: day(e.screenedOn) }) : vocab('screening', e.screening)],
    [t('caseFields.screening.indicators'), listed('indicator', present)],
    [t('caseFields.exploitation.types'), listed('exploitationType', e.types)],
    [t('caseFields.exploitation.referralSource'), chosen('referralSource', e.referralSource)],
    [t('caseFields.exploitation.identificationStatus'), vocab('identificationStatus', e.identificationStatus)],
  ];
  return (
    <Stack gap="lg">
      <Radio.Group label={t('caseFields.riskLevel')} value={draft.riskLevel} onChange={(value) => setDraft((d) => ({ ...d, riskLevel: value as RiskLevel }))}>
        <Group mt="xs">
          {RISK_LEVELS.map((code) => (
            <Radio key={code} value={code} label={vocab('riskLevel', code)} />
          ))}
        </Group>
      </Radio.Group>
      <Checkbox.Group label={t('caseFields.flags')} value={draft.flags} onChange={(flags) => setDraft((d) => ({ ...d, flags: flags as IntakeDraft['flags'] }))}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
          {FLAGS.map((code) => (
            <Checkbox key={code} value={code} label={vocab('flag', code)} />
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
