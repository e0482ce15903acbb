import { Badge, Button, Checkbox, Group, NativeSelect, SimpleGrid, Text } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import type { Role } from '../../../../electron/common/accounts';
import type { CaseDetail } from '../../../../electron/common/caseDetail';
import { checkTransition } from '../../../../electron/common/caseRules';
import { FLAGS, RISK_LEVELS, STAGES, type Stage } from '../../../../electron/common/cases';
import type { ClosingOutcome } from '../../../../electron/common/retention';
import type { ErrorCode } from '../../../../electron/common/errors';
import { errorCodeOf } from '../../../api/mamori';
import { useLabels } from '../../../i18n/labels';
import { parseWith } from '../../../ui/forms';
import { ReasonDialog } from '../../../ui/ReasonDialog';
import { Section } from '../../../ui/Section';
import { transitionCase, updateCase } from './casePage.actions';
import { CloseCaseDialog } from './CloseCaseDialog';
import { EditableSection } from './EditableSection';
import { CaseFailure } from './SaveBar';

/** Offers only the moves checkTransition allows this user, so a refused button is never shown. */
export function StageSection({ detail, role }: { detail: CaseDetail; role: Role }) {
  const { t, vocab, date } = useLabels();
  const [asking, setAsking] = useState<Stage | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const moves = STAGES.flatMap((to) => {
    const check = checkTransition(detail.stage, to, role);
    return check.allowed ? [{ to, needsReason: check.needsReason }] : [];
  });
  const title = t('caseFields.stage');

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
        {moves.map(({ to, needsReason }) => (
          <Button
            key={to}
            variant={needsReason ? 'default' : 'filled'}
            loading={busy && asking === null}
            onClick={() => (needsReason ? setAsking(to) : void move(to, ''))}
          >
            {t(to === 'closed' ? 'casePage.stage.close' : detail.stage === 'closed' ? 'casePage.stage.reopen' : 'casePage.stage.moveTo', { stage: vocab('stage', to) })}
          </Button>
        ))}
      </Group>
      {detail.stage === 'decision' && <Text size="sm" c="dimmed">{t('casePage.stage.approvalBySubmission')}</Text>}
      <CaseFailure failure={failure} />
      <CloseCaseDialog opened={asking === 'closed'} onClose={() => setAsking(null)} onConfirm={closeCase} />
      <ReasonDialog
        opened={asking !== null && asking !== 'closed'}
        title={asking ? t('casePage.stage.reasonTitle', { stage: vocab('stage', asking) }) : ''}
        explanation={t('casePage.stage.reasonExplanation')}
        confirmLabel={asking ? t('casePage.stage.moveTo', { stage: vocab('stage', asking) }) : ''}
        onConfirm={(reason) => (asking ? move(asking, reason) : Promise.resolve())}
        onClose={() => setAsking(null)}
      />
    </Section>
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
