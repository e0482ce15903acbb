import { Badge, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { INTERVIEW_OUTCOMES, InterviewRecordInputSchema, type InterviewOutcome, type InterviewRecordInput, type InterviewSummary } from '../../../electron/common/protection';
import { useLabels } from '../../i18n/labels';
import type { Issue, Parsed } from '../../ui/forms';
import { CaseForm } from '../cases/page/CaseForm';
import { interviewErrors, useInterviewForm } from './interviewForms';
import { recordInterview } from './interviews.actions';

interface RecordDraft {
  outcome: InterviewOutcome | '';
  record: string;
  voluntariness: string;
  note: string;
}

/** Testimony exists only for an interview that was held or ended early by the victim. */
const isTestimony = (outcome: RecordDraft['outcome']) => outcome === 'held' || outcome === 'ended-early';

/**
 * Mirrors core's rule: what was said is only recorded with a statement that it was said
 * voluntarily; a declined or postponed interview carries neither (and nothing adverse).
 */
function parseRecord(d: RecordDraft): Parsed<InterviewRecordInput> {
  const testimony = isTestimony(d.outcome);
  const parsed = InterviewRecordInputSchema.safeParse({
    outcome: d.outcome,
    record: testimony ? d.record : '',
    voluntariness: testimony ? d.voluntariness : '',
    note: testimony ? '' : d.note,
  });
  const issues: Issue[] = parsed.success ? [] : [...parsed.error.issues];
  if (testimony && d.voluntariness.trim().length < 10) issues.push({ path: 'voluntariness', message: 'interview.voluntariness.required' });
  if (d.outcome === 'held' && d.record.trim().length === 0) issues.push({ path: 'record', message: 'interview.record.required' });
  return parsed.success && issues.length === 0 ? { ok: true, data: parsed.data } : { ok: false, errors: interviewErrors(issues) };
}

/**
 * How the interview ended. A planned interview can only be declined or postponed; there is no
 * outcome for compelled testimony. The record typed here lives in this form only until it is
 * sent: never put it in a store.
 */
export function RecordForm({ interview, onDone }: { interview: InterviewSummary; onDone: () => void }) {
  const { t, vocab } = useLabels();
  const form = useInterviewForm((): RecordDraft => ({ outcome: '', record: '', voluntariness: t('interviews.outcome.voluntarinessSuggestion'), note: '' }), {
    parse: parseRecord,
    send: (result: InterviewRecordInput) => recordInterview(interview.id, result),
    issuePrefix: 'result',
  });
  const { draft } = form;
  const outcomes = interview.status === 'planned' ? INTERVIEW_OUTCOMES.filter((o) => o === 'declined' || o === 'postponed') : INTERVIEW_OUTCOMES;
  const testimony = isTestimony(draft.outcome);
  const title = t('interviews.outcome.title');

  return (
    <CaseForm title={title} form={form} saveLabel={t('interviews.outcome.save')} onDone={onDone} testId="interview-record-form">
      <Radio.Group label={t('interviews.outcome.legend')} required {...form.choice('outcome')}>
        <Stack gap="xs" mt="xs">
          {outcomes.map((o) => (
            <Radio key={o} value={o} label={vocab('interviewOutcome', o)} />
          ))}
        </Stack>
      </Radio.Group>
      {interview.status === 'planned' && (
        <Text size="sm" c="dimmed">
          {t('interviews.outcome.plannedOnly')}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {t('interviews.outcome.noCompelled')}
      </Text>
      {testimony && (
        <>
          <Textarea
            label={t('interviews.outcome.voluntariness')}
            description={t('interviews.outcome.voluntarinessHint')}
            required
            rows={3}
            {...form.text('voluntariness')}
          />
          <Stack gap={4}>
            <Group gap="xs">
              <Badge color="yellow" variant="light">
                {t('interviews.record.sealed')}
              </Badge>
              <Text size="sm" data-testid="record-sealed-note">
                {t('interviews.outcome.recordSealed')}
              </Text>
            </Group>
            <Textarea
              label={t('interviews.outcome.record')}
              description={draft.outcome === 'held' ? t('interviews.outcome.recordRequired') : undefined}
              required={draft.outcome === 'held'}
              rows={8}
              {...form.text('record')}
              autoComplete="off"
              spellCheck={false}
            />
          </Stack>
        </>
      )}
      {(draft.outcome === 'declined' || draft.outcome === 'postponed') && (
        <>
          <Text size="sm" fw={600} data-testid="decline-reassurance">
            {t('interviews.outcome.reassurance')}
          </Text>
          <Textarea label={t('interviews.outcome.note')} description={t('interviews.outcome.noteHint')} rows={2} {...form.text('note')} />
        </>
      )}
    </CaseForm>
  );
}
