import { Badge, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import type { Role } from '../../../../electron/common/accounts';
import type { CaseDetail } from '../../../../electron/common/caseDetail';
import { checkTransition, moveDirection, type MoveDirection } from '../../../../electron/common/caseRules';
import { FLAGS, RISK_LEVELS, STAGES, type Stage } from '../../../../electron/common/cases';
import type { ClosingOutcome } from '../../../../electron/common/retention';
import type { ErrorCode } from '../../../../electron/common/errors';
import { errorCodeOf } from '../../../api/mamori';
import { useLabels } from '../../../i18n/labels';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { parseWith } from '../../../ui/forms';
import { ReasonDialog } from '../../../ui/ReasonDialog';
import { Section } from '../../../ui/Section';
import { transitionCase, updateCase } from './casePage.actions';
import { CloseCaseDialog } from './CloseCaseDialog';
import { EditableSection } from './EditableSection';
import { CaseFailure } from './SaveBar';
import { BusyButton } from '../../../ui/BusyButton';

/** One move offered: where it leads and which way. */
interface Move {
  to: Stage;
  direction: MoveDirection;
}

/**
 * Offers only the moves checkTransition allows this user, so a refused button is never shown. Each
 * is labelled by where it leads, forward or back, and asks first, saying what the move changes.
 */
export function StageSection({ detail, role }: { detail: CaseDetail; role: Role }) {
  const { t, vocab, date } = useLabels();
  const [asking, setAsking] = useState<Move | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const moves: Move[] = STAGES.flatMap((to) => (checkTransition(detail.stage, to, role).allowed ? [{ to, direction: moveDirection(detail.stage, to) }] : []));
  const title = t('caseFields.stage');
  const label = (m: Move) => {
    const stage = vocab('stage', m.to);
    if (m.direction === 'close') return t('casePage.stage.close');
    if (m.direction === 'reopen') return t('casePage.stage.reopen', { stage });
    return m.direction === 'forward' ? t('casePage.stage.forwardTo', { stage }) : t('casePage.stage.backTo', { stage });
  };

  const move = async (to: Stage, reason: string) => {
    setFailure(null);
    setBusy(true);
    try {
      await transitionCase(to, reason);
    } catch (error) {
      // Shown in the section, not the dialog: a stale version needs the Reload offered there.
      setFailure(errorCodeOf(error));
    } finally {
      setBusy(false);
    }
  };

  /** Closing: the dialog shows a refusal about its own fields; anything else shows here, like any move. */
  const closeCase = async (outcome: ClosingOutcome, reason: string) => {
    setFailure(null);
    try {
      await transitionCase('closed', reason, outcome);
    } catch (error) {
      if (errorCodeOf(error) === 'INVALID_INPUT') throw error;
      setFailure(errorCodeOf(error));
    }
  };

  const forward = asking?.direction === 'forward' ? asking : null;
  const withReason = asking?.direction === 'back' || asking?.direction === 'reopen' ? asking : null;

  return (
    <Section title={title}>
      <Group gap="xs">
        <Text>{t('casePage.stage.current')}</Text>
        <Badge size="lg">{vocab('stage', detail.stage)}</Badge>
      </Group>
      {detail.closing && (
        <Text data-testid="case-closing">{t('casePage.stage.closed', { date: date(detail.closing.closedAt), outcome: vocab('closingOutcome', detail.closing.outcome) })}</Text>
      )}
      <Group gap="sm" role="group" aria-label={t('casePage.stage.moves')}>
        {moves.length === 0 && <Text c="dimmed">{t('casePage.stage.noMoves')}</Text>}
        {moves.map((m) => (
          <BusyButton key={m.to} variant={m.direction === 'forward' ? 'filled' : 'default'} busy={busy && asking === null} onClick={() => setAsking(m)} data-direction={m.direction}>
            {label(m)}
          </BusyButton>
        ))}
      </Group>
      {detail.stage === 'decision' && <Text size="sm" c="dimmed">{t('casePage.stage.approvalBySubmission')}</Text>}
      {detail.stage === 'decided' && <Text size="sm" c="dimmed">{t('casePage.stage.decidedByApproval', { decision: vocab('stage', 'decision') })}</Text>}
      <CaseFailure failure={failure} />
      <CloseCaseDialog opened={asking?.direction === 'close'} onClose={() => setAsking(null)} onConfirm={closeCase} />
      <ConfirmDialog
        opened={forward !== null}
        title={forward ? t('casePage.stage.forwardTitle', { stage: vocab('stage', forward.to) }) : ''}
        confirmLabel={forward ? label(forward) : ''}
        busy={busy}
        onConfirm={() => {
          if (!forward) return;
          void move(forward.to, '').then(() => setAsking(null));
        }}
        onCancel={() => setAsking(null)}
      >
        {forward && <Consequence from={detail.stage} move={forward} />}
      </ConfirmDialog>
      <ReasonDialog
        opened={withReason !== null}
        title={withReason ? t(withReason.direction === 'reopen' ? 'casePage.stage.reopenTitle' : 'casePage.stage.backTitle', { stage: vocab('stage', withReason.to) }) : ''}
        explanation={withReason ? <Consequence from={detail.stage} move={withReason} /> : ''}
        confirmLabel={withReason ? label(withReason) : ''}
        onConfirm={(reason) => (withReason ? move(withReason.to, reason) : Promise.resolve())}
        onClose={() => setAsking(null)}
      />
    </Section>
  );
}

type Labels = ReturnType<typeof useLabels>;

/**
 * What a move changes, in sentences: the change itself (recorded on the timeline and in the trail),
 * then what it opens or closes: the work that comes next, what stays as it was, or what is cleared.
 */
function consequenceText(t: Labels['t'], vocab: Labels['vocab'], from: Stage, m: Move): string[] {
  const stages = { from: vocab('stage', from), to: vocab('stage', m.to) };
  const recorded = t('casePage.stage.consequence.recorded', stages);
  switch (m.direction) {
    case 'forward':
      if (m.to === 'identification') return [recorded, t('casePage.stage.consequence.toIdentification')];
      if (m.to === 'protection') return [recorded, t('casePage.stage.consequence.toProtection')];
      if (m.to === 'decision') return [recorded, t('casePage.stage.consequence.toDecision')];
      return [recorded];
    case 'back':
      if (from === 'decided') return [recorded, t('casePage.stage.consequence.backFromDecided')];
      if (from === 'decision') return [recorded, t('casePage.stage.consequence.backFromDecision', { decision: vocab('stage', 'decision') }), t('casePage.stage.consequence.keptWithReason')];
      return [recorded, t('casePage.stage.consequence.keptWithReason')];
    case 'reopen':
      return [recorded, t('casePage.stage.consequence.reopen')];
    case 'close':
      return [recorded];
  }
}

function Consequence({ from, move }: { from: Stage; move: Move }) {
  const { t, vocab } = useLabels();
  return (
    <Stack gap="xs" data-testid="stage-consequence">
      {consequenceText(t, vocab, from, move).map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </Stack>
  );
}

const RiskSchema = z.object({ riskLevel: z.enum(RISK_LEVELS), flags: z.array(z.enum(FLAGS)).max(FLAGS.length) });
type RiskDraft = z.infer<typeof RiskSchema>;

export function RiskSection({ detail }: { detail: CaseDetail }) {
  const { t, vocab } = useLabels();
  return (
    <EditableSection<RiskDraft, RiskDraft>
      title={t('casePage.risk.title')}
      toDraft={() => ({ riskLevel: detail.riskLevel, flags: [...detail.flags] })}
      parse={(d) => parseWith(RiskSchema, d)}
      send={(d) => updateCase(d)}
      issuePrefix=""
      view={
        <Group gap="xs">
          <Badge color={riskColor(detail.riskLevel)} size="lg">
            {vocab('riskLevel', detail.riskLevel)}
          </Badge>
          {detail.flags.length === 0 ? (
            <Text c="dimmed">{t('casePage.risk.noFlags')}</Text>
          ) : (
            detail.flags.map((f) => (
              <Badge key={f} color="orange" variant="light">
                {vocab('flag', f)}
              </Badge>
            ))
          )}
        </Group>
      }
      form={({ value: draft, onChange }) => (
        <>
          <NativeSelect label={t('caseFields.riskLevel')} value={draft.riskLevel} onChange={(e) => onChange({ riskLevel: e.currentTarget.value as RiskDraft['riskLevel'] })} data={RISK_LEVELS.map((r) => ({ value: r, label: vocab('riskLevel', r) }))} maw={240} />
          <Checkbox.Group label={t('caseFields.flags')} value={draft.flags} onChange={(v) => onChange({ flags: v as RiskDraft['flags'] })}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs">
              {FLAGS.map((f) => (
                <Checkbox key={f} value={f} label={vocab('flag', f)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </>
      )}
    />
  );
}

export function riskColor(level: CaseDetail['riskLevel']): string {
  return { low: 'gray', medium: 'blue', high: 'orange', critical: 'red' }[level];
}
