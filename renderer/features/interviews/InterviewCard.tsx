import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { unmetItems } from '../../../electron/common/interviewReadiness';
import type { InterviewStatus, InterviewSummary } from '../../../electron/common/protection';
import { localToday } from '../../i18n/dates';
import { formatDateTime } from '../../i18n/format';
import { useLabels } from '../../i18n/labels';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FailureMessage } from '../../ui/ErrorMessage';
import { Fields } from '../../ui/Fields';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { SealedReveal } from '../../ui/SealedReveal';
import { useFailure } from '../../ui/useFailure';
import { canStart } from './interviewForms';
import { overrideInterview, revealInterviewRecord, startInterview } from './interviews.actions';
import { ReadinessBadge, ReadinessChecklist } from './ReadinessChecklist';
import { RecordForm } from './RecordForm';
import { BusyButton } from '../../ui/BusyButton';

/** Declined, ended early, postponed: neutral grey, never a warning colour (nothing adverse to the victim). */
const STATUS_COLOR: Record<InterviewStatus, string> = {
  planned: 'blue',
  'in-progress': 'cyan',
  held: 'teal',
  declined: 'gray',
  'ended-early': 'gray',
  postponed: 'gray',
};

interface InterviewCardProps {
  interview: InterviewSummary;
  supervisor: boolean;
  /** Another form on the tab is open: editing this one waits. */
  locked: boolean;
  onEdit: () => void;
}

/** One interview: its plan, core's readiness check, and what may be done with it now. */
export function InterviewCard({ interview, supervisor, locked, onEdit }: InterviewCardProps) {
  const { t, vocab, i18n } = useLabels();
  const [recording, setRecording] = useState(false);
  const [overriding, setOverriding] = useState(false);
  const [starting, setStarting] = useState(false);
  const failure = useFailure();
  const v = interview;
  const plan = v.plan;
  const when = formatDateTime(i18n.language, plan.plannedAt);
  const open = v.status === 'planned' || v.status === 'in-progress';
  const unmet = unmetItems(v.readiness);
  const startable = canStart(v);
  const blockedId = `interview-${v.id}-blocked`;
  // Starting before the planned day is allowed, but asked about: the victim, the interpreter and the room were arranged for that day.
  const early = localToday() < plan.plannedAt.slice(0, 10);
  const [confirmingEarly, setConfirmingEarly] = useState(false);

  const start = async () => {
    failure.clear();
    setStarting(true);
    try {
      await startInterview(v.id);
      setConfirmingEarly(false);
    } catch (error) {
      failure.report(error);
    } finally {
      setStarting(false);
    }
  };

  return (
    <Paper withBorder p="md" component="article" aria-label={t('interviews.card.label', { date: when })} data-testid={`interview-${v.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Group gap="xs">
            <Text fw={700}>
              <time dateTime={plan.plannedAt}>{when}</time>
            </Text>
            <Badge color={STATUS_COLOR[v.status]} variant="light" data-testid="interview-status">
              {vocab('interviewStatus', v.status)}
            </Badge>
            {open && <ReadinessBadge readiness={v.readiness} override={v.override} />}
            {v.hasRecord && (
              <Badge color="yellow" variant="light">
                {t('interviews.record.sealed')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('interviews.card.plannedBy', { name: v.createdBy, date: formatDateTime(i18n.language, v.createdAt) })}
          </Text>
        </Group>

        <Fields
          items={[
            [t('interviews.card.place'), [vocab('placeType', plan.placeType), plan.placeLabel].filter(Boolean).join(' · ')],
            [t('interviews.card.durationLabel'), t('interviews.card.duration', { count: plan.durationMinutes })],
            [t('interviews.card.breaks'), plan.breaks],
            [t('interviews.card.interpreter'), v.interpreterName ?? t('interviews.card.interpreterNone')],
            [t('interviews.card.officers'), v.officersPresent.map((o) => t('interviews.card.officer', { name: o.displayName, sex: vocab('sex', o.sex) })).join(', ')],
            [t('interviews.card.condition'), [vocab('condition', plan.condition), plan.conditionNotes].filter(Boolean).join(' — ')],
            ...(v.startedAt ? [[t('interviews.card.started'), formatDateTime(i18n.language, v.startedAt)] as [string, string]] : []),
            ...(v.endedAt ? [[t('interviews.card.ended'), formatDateTime(i18n.language, v.endedAt)] as [string, string]] : []),
          ]}
        />

        {open && (
          <ReadinessChecklist
            readiness={v.readiness}
            overriddenItems={v.override?.items ?? null}
            reasons={{ interpreter: plan.noInterpreterReason, 'female-officer': plan.noFemaleOfficerReason }}
            summary={v.status === 'planned'}
          />
        )}

        {v.override && (
          <Alert color={open ? 'orange' : 'gray'} variant="light" title={t('interviews.override.shown', { name: v.override.by, date: formatDateTime(i18n.language, v.override.at) })} data-testid="interview-override">
            <Stack gap={2}>
              <Text size="sm">{t('interviews.override.reason', { reason: v.override.reason })}</Text>
              <Text size="sm">{t('interviews.override.items', { items: v.override.items.map((item) => vocab('readinessItem', item)).join(t('interviews.override.separator')) })}</Text>
            </Stack>
          </Alert>
        )}

        {v.voluntariness && <Fields items={[[t('interviews.card.voluntariness'), v.voluntariness]]} />}
        {v.outcomeNote && <Fields items={[[t('interviews.card.note'), v.outcomeNote]]} />}
        {v.status === 'declined' && (
          <Text size="sm" c="dimmed">
            {t('interviews.outcome.reassurance')}
          </Text>
        )}

        {v.hasRecord && <SealedRecord interviewId={v.id} />}

        {v.status === 'planned' && !startable && (
          <Text size="sm" id={blockedId}>
            {t('interviews.readiness.startBlocked')}
          </Text>
        )}
        {!confirmingEarly && <FailureMessage failure={failure} />}
        {open && !recording && (
          <Group gap="xs">
            {v.status === 'planned' && (
              <>
                <Button size="xs" variant="default" disabled={locked} onClick={onEdit}>
                  {t('interviews.card.edit')}
                </Button>
                <BusyButton size="xs" disabled={!startable || locked} busy={starting} aria-describedby={startable ? undefined : blockedId} onClick={() => (early ? setConfirmingEarly(true) : void start())}>
                  {t('interviews.card.start')}
                </BusyButton>
                {supervisor && !startable && (
                  <Button size="xs" variant="default" color="orange" disabled={locked} onClick={() => setOverriding(true)}>
                    {t('interviews.override.button')}
                  </Button>
                )}
              </>
            )}
            <Button size="xs" variant="default" disabled={locked} onClick={() => setRecording(true)}>
              {t('interviews.card.record')}
            </Button>
          </Group>
        )}
        {recording && <RecordForm interview={v} onDone={() => setRecording(false)} />}
      </Stack>
      <ConfirmDialog
        opened={confirmingEarly}
        title={t('interviews.start.earlyTitle')}
        confirmLabel={t('interviews.start.earlyConfirm')}
        busy={starting}
        failure={failure}
        onConfirm={() => void start()}
        onCancel={() => {
          failure.clear();
          setConfirmingEarly(false);
        }}
      >
        <Text>{t('interviews.start.earlyText', { date: when })}</Text>
      </ConfirmDialog>
      {supervisor && (
        <ReasonDialog
          opened={overriding}
          title={t('interviews.override.title')}
          explanation={t('interviews.override.explanation', { items: unmet.map((item) => vocab('readinessItem', item)).join(', ') })}
          confirmLabel={t('interviews.override.confirm')}
          onConfirm={(reason) => overrideInterview(v.id, reason)}
          onClose={() => setOverriding(false)}
        />
      )}
    </Paper>
  );
}

/** The sealed record: fetched with a reason, shown for 60 seconds, held in the reveal only. */
function SealedRecord({ interviewId }: { interviewId: string }) {
  const { t } = useLabels();
  return (
    <SealedReveal
      reveal={(reason) => revealInterviewRecord(interviewId, reason)}
      render={(record) => (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="interview-record-text">
          {record}
        </Text>
      )}
      text={{ show: t('interviews.record.show'), title: t('interviews.record.revealTitle'), explanation: t('interviews.record.revealExplanation') }}
    />
  );
}
