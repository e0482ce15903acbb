import { Button, Checkbox, Group, Paper, Radio, SimpleGrid, Stack, Stepper, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FLAGS, RISK_LEVELS, type RiskLevel } from '../../../../electron/common/cases';
import { ApiError } from '../../../api/mamori';
import { displayName, useLabels } from '../../../i18n/labels';
import { FailureMessage } from '../../../ui/ErrorMessage';
import { useFailure } from '../../../ui/useFailure';
import { hasMeasures, hasReporting } from '../fields/caseDrafts';
import { ExploitationFields } from '../fields/ExploitationFields';
import { ImmigrationFields, useConditionsLabel } from '../fields/ImmigrationFields';
import { PersonFields } from '../fields/PersonFields';
import { createCase } from './caseList.actions';
import { formatDay } from './caseListFormat';
import { EMPTY_INTAKE, firstStepWithError, INTAKE_SECTIONS, serverErrors, toCreateInput, validateSection, type IntakeDraft, type IntakeErrors, type IntakeSection } from './intake';

const REVIEW_STEP = INTAKE_SECTIONS.length;

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

  const stepProps: StepProps = { draft, update, error };
  const steps: { section: IntakeSection | 'review'; content: ReactNode }[] = [
    { section: 'person', content: <PersonFields {...sectionProps('person', stepProps)} /> },
    { section: 'immigration', content: <ImmigrationFields onlyForSituation {...sectionProps('immigration', stepProps)} /> },
    { section: 'exploitation', content: <ExploitationFields {...sectionProps('exploitation', stepProps)} /> },
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
              label={section === 'person' ? t('caseFields.person.title') : t(`caseList.intake.steps.${section}`)}
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

/** One step's field set, on its section of the draft; its errors are kept under the section's name ('person.familyName'). */
function sectionProps<S extends IntakeSection>(section: S, { draft, update, error }: StepProps) {
  return { value: draft[section], onChange: (patch: Partial<IntakeDraft[S]>) => update(section, patch), error: (path: string) => error(`${section}.${path}`) };
}

function ReviewStep({ draft, setDraft }: { draft: IntakeDraft; setDraft: (update: (d: IntakeDraft) => IntakeDraft) => void }) {
  const { t, i18n, vocab } = useLabels();
  const conditionsLabel = useConditionsLabel();
  const { person: p, immigration: m, exploitation: e } = draft;
  const none = t('caseList.intake.review.none');
  const day = (value: string) => (value ? formatDay(i18n.language, value) : none);
  const chosen = (list: string, code: string) => (code ? vocab(list, code) : none);
  const listed = (list: string, codes: readonly string[]) => codes.map((code) => vocab(list, code)).join(', ') || none;
  const name = (family: string, given: string) => displayName(i18n.language, family, given) || none;
  const summary: [string, string][] = [
    [t('caseList.intake.review.name'), name(p.familyName, p.givenName)],
    [t('caseList.intake.review.nativeName'), name(p.familyNameNative, p.givenNameNative)],
    [t('caseFields.person.aliases'), p.aliases.join(', ') || none],
    [t('caseFields.person.sex'), chosen('sex', p.sex)],
    [t('caseFields.person.dateOfBirth'), day(p.dateOfBirth)],
    [t('caseFields.person.nationality'), chosen('nationality', p.nationality)],
    [t('caseFields.person.languages'), listed('language', p.languages)],
    [t('caseFields.person.interpreterNeeded'), p.interpreterNeeded ? t('caseFields.yes') : t('caseFields.no')],
    [t('caseFields.immigration.statusOfResidence'), chosen('statusOfResidence', m.statusOfResidence)],
    [t('caseFields.immigration.periodOfStayExpiry'), day(m.periodOfStayExpiry)],
    [t('caseFields.immigration.situation'), chosen('situation', m.situation)],
    ...(hasMeasures(m.situation) ? ([[conditionsLabel(m.situation), m.measureConditions.trim() || none]] as [string, string][]) : []),
    ...(hasReporting(m.situation)
      ? ([[t('caseFields.immigration.reportingDates'), m.reportingDates.map((r) => [day(r.date), r.note.trim()].filter(Boolean).join(' ')).join(' / ') || none]] as [string, string][])
      : []),
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
