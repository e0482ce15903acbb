import { Alert, Checkbox, Grid, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { CaseDetail } from '../../../electron/common/caseDetail';
import { SEXES } from '../../../electron/common/cases';
import { CONDITIONS, INTERVIEW_PLAN_DATES, InterviewPlanInputSchema, PLACE_TYPES, type Interpreter, type InterviewPlan, type InterviewSummary } from '../../../electron/common/protection';
import { useLabels } from '../../i18n/labels';
import { DateTimeField } from '../../ui/DateTimeField';
import { FailureMessage } from '../../ui/ErrorMessage';
import { parseWith, withDateRules } from '../../ui/forms';
import { useFailure } from '../../ui/useFailure';
import { CaseForm } from '../cases/page/CaseForm';
import { loadStaff } from '../cases/page/casePage.actions';
import { casePageSelectors, useCasePageStore } from '../cases/page/casePage.store';
import {
  draftOf,
  EMPTY_DRAFT,
  interviewIssueKey,
  liveReadiness,
  needsFemaleOfficerReason,
  needsInterpreterReason,
  planOf,
  useInterviewForm,
  type PlanDraft,
  type Sex,
} from './interviewForms';
import { loadInterpreters, planInterview } from './interviews.actions';
import { ReadinessChecklist } from './ReadinessChecklist';

/**
 * Plans a new interview or changes a planned one, with the readiness check recomputed on every
 * change. The check here is feedback only; core applies the same rule when it saves and starts.
 */
export function PlanForm({ detail, interview, onDone }: { detail: CaseDetail; interview?: InterviewSummary; onDone: () => void }) {
  const { t, vocab } = useLabels();
  const [interpreters, setInterpreters] = useState<Interpreter[] | null>(null);
  const staff = useCasePageStore(casePageSelectors.staff);
  const loadFailure = useFailure();
  const { report } = loadFailure;

  useEffect(() => {
    let current = true;
    loadInterpreters()
      .then((list) => current && setInterpreters(list))
      .catch(report);
    if (!useCasePageStore.getState().staff) loadStaff().catch(report);
    return () => {
      current = false;
    };
  }, [report]);

  const victim = detail.person;
  /** The chosen interpreter's languages, as the readiness rule reads them. */
  const interpreterOf = (d: PlanDraft) => {
    const chosen = interpreters?.find((i) => i.id === d.interpreterId);
    return chosen ? { languages: chosen.languages } : null;
  };
  const form = useInterviewForm(() => (interview ? draftOf(interview.plan) : EMPTY_DRAFT), {
    parse: (d: PlanDraft) => withDateRules(parseWith(InterviewPlanInputSchema, planOf(d, victim, interpreterOf(d)), interviewIssueKey), INTERVIEW_PLAN_DATES, interviewIssueKey),
    send: (plan: InterviewPlan) => planInterview(plan, interview?.id),
    issuePrefix: 'plan',
  });
  const { draft, setDraft, set, error: err } = form;
  const interpreter = interpreterOf(draft);
  // Only core knows whether a newly chosen interpreter matches an adverse party; it checks on save.
  const adverseMatches = interview && draft.interpreterId === (interview.plan.interpreterId ?? '') ? interview.adverseMatches : 0;
  const readiness = liveReadiness(draft, victim, interpreter, adverseMatches);
  const askFemaleReason = needsFemaleOfficerReason(draft, victim);
  const askInterpreterReason = needsInterpreterReason(victim, interpreter);

  const people = useMemo(() => {
    const list: { id: string; displayName: string }[] = [];
    for (const p of [...(staff?.officers ?? []), ...(staff?.supervisors ?? []), ...(interview?.officersPresent.map((o) => ({ id: o.userId, displayName: o.displayName })) ?? [])]) {
      if (!list.some((s) => s.id === p.id)) list.push(p);
    }
    return list;
  }, [staff, interview]);
  const nameOf = (userId: string) => people.find((p) => p.id === userId)?.displayName ?? userId;

  // An officer's sex as given in an earlier plan of this case, so it need not be entered again.
  const knownSex = useMemo(() => {
    const known = new Map<string, Sex>();
    for (const v of detail.protection.interviews) for (const o of v.officersPresent) if (!known.has(o.userId)) known.set(o.userId, o.sex);
    return known;
  }, [detail.protection.interviews]);


  const chooseOfficers = (ids: string[]) =>
    setDraft((d) => ({
      ...d,
      officers: ids.map((userId) => d.officers.find((o) => o.userId === userId) ?? { userId, sex: knownSex.get(userId) ?? '' }),
    }));
  const setOfficerSex = (userId: string, sex: Sex | '') => setDraft((d) => ({ ...d, officers: d.officers.map((o) => (o.userId === userId ? { ...o, sex } : o)) }));

  const interpreterOptions = [
    { value: '', label: t('interviews.form.interpreterNone') },
    ...(interpreters ?? []).map((i) => ({
      value: i.id,
      label: t('interviews.form.interpreterOption', { name: i.name, languages: i.languages.map((l) => vocab('language', l)).join(', ') }),
    })),
  ];
  if (interview?.plan.interpreterId && interpreters && !interpreters.some((i) => i.id === interview.plan.interpreterId)) {
    interpreterOptions.push({ value: interview.plan.interpreterId, label: t('interviews.form.interpreterUnavailable', { name: interview.interpreterName ?? '—' }) });
  }
  const native = victim.languages[0];
  const legend = interview ? t('interviews.form.editTitle') : t('interviews.form.newTitle');
  const officerError = err('officersPresent');

  return (
    <CaseForm title={legend} form={form} saveLabel={t('interviews.form.save')} onDone={onDone} testId="interview-plan-form">
      {interview?.override && (
        <Alert color="orange" variant="light">
          {t('interviews.override.clearedOnEdit')}
        </Alert>
      )}
      <FailureMessage failure={loadFailure} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateTimeField label={t('interviews.form.plannedAt')} required kind={INTERVIEW_PLAN_DATES.plannedAt} value={draft.plannedAt} onChange={(value) => set('plannedAt', value)} error={err('plannedAt')} />
              <NumberInput
                label={t('interviews.form.duration')}
                description={t('interviews.form.durationHint')}
                min={10}
                max={480}
                // What is typed stays as typed and is refused with a message: a minus sign, a decimal
                // point or an out-of-range value is never dropped or clamped silently.
                clampBehavior="none"
                value={draft.durationMinutes}
                onChange={(v) => set('durationMinutes', v)}
                error={err('durationMinutes')}
              />
            </SimpleGrid>
            <TextInput label={t('interviews.form.breaks')} description={t('interviews.form.breaksHint')} {...form.text('breaks')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('interviews.form.placeType')}
                value={draft.placeType}
                onChange={(e) => set('placeType', e.currentTarget.value as PlanDraft['placeType'])}
                data={PLACE_TYPES.map((p) => ({ value: p, label: vocab('placeType', p) }))}
              />
              <TextInput label={t('interviews.form.placeLabel')} description={t('interviews.form.placeLabelHint')} {...form.text('placeLabel')} autoComplete="off" />
            </SimpleGrid>
            <Checkbox label={t('interviews.form.placePrivate')} checked={draft.placePrivate} onChange={(e) => set('placePrivate', e.currentTarget.checked)} />
            <Checkbox label={t('interviews.form.placeDisclosesWhereabouts')} checked={draft.placeDisclosesWhereabouts} onChange={(e) => set('placeDisclosesWhereabouts', e.currentTarget.checked)} />

            <Checkbox.Group label={t('interviews.form.officers')} description={t('interviews.form.officersHint')} value={draft.officers.map((o) => o.userId)} onChange={chooseOfficers} error={officerError}>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs">
                {people.map((p) => (
                  <Checkbox key={p.id} value={p.id} label={p.displayName} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            {!staff && !loadFailure.code && (
              <Text size="sm" c="dimmed">
                {t('interviews.form.officersLoading')}
              </Text>
            )}
            {draft.officers.length > 0 && (
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                {draft.officers.map((o, index) => (
                  <NativeSelect
                    key={o.userId}
                    label={t('interviews.form.officerSex', { name: nameOf(o.userId) })}
                    value={o.sex}
                    onChange={(e) => setOfficerSex(o.userId, e.currentTarget.value as Sex | '')}
                    data={[{ value: '', label: t('interviews.form.chooseSex') }, ...SEXES.map((s) => ({ value: s, label: vocab('sex', s) }))]}
                    error={err(`officersPresent.${index}.sex`)}
                  />
                ))}
              </SimpleGrid>
            )}
            {askFemaleReason && (
              <Textarea
                label={t('interviews.form.noFemaleOfficerReason')}
                description={t('interviews.form.noFemaleOfficerHint')}
                rows={2}
                {...form.text('noFemaleOfficerReason')}
              />
            )}

            <NativeSelect
              label={t('interviews.form.interpreter')}
              description={t('interviews.form.interpreterHint')}
              {...form.text('interpreterId')}
              data={interpreterOptions}
            />
            {askInterpreterReason && native !== undefined && (
              <Textarea
                label={t('interviews.form.noInterpreterReason', { language: vocab('language', native) })}
                description={t('interviews.form.noInterpreterHint')}
                rows={2}
                {...form.text('noInterpreterReason')}
              />
            )}

            <NativeSelect
              label={t('interviews.form.condition')}
              required
              {...form.text('condition')}
              data={[{ value: '', label: t('interviews.form.chooseCondition') }, ...CONDITIONS.map((c) => ({ value: c, label: vocab('condition', c) }))]}
            />
            <Textarea label={t('interviews.form.conditionNotes')} rows={2} {...form.text('conditionNotes')} />
            <Checkbox label={t('interviews.form.rightsExplained')} checked={draft.rightsExplained} onChange={(e) => set('rightsExplained', e.currentTarget.checked)} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper p="sm" bg="gray.0">
            <ReadinessChecklist readiness={readiness} live />
          </Paper>
        </Grid.Col>
      </Grid>
    </CaseForm>
  );
}
