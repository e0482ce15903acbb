import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import type { CaseDetail } from '../../../electron/common/caseDetail';
import { guidanceInputOf, type DecisionSummary } from '../../../electron/common/decisions';
import { residenceGuidance, type Guidance, type Pathway } from '../../../electron/common/guidance';
import { localToday } from '../../i18n/dates';
import { useLabels } from '../../i18n/labels';
import { ApprovedDecision } from './ApprovedDecision';
import { emptyForm, formOf, openDecisionOf, withPathway, type WorksheetForm } from './decisionForms';
import { DecisionHistory } from './DecisionHistory';
import { GuidancePanel } from './GuidancePanel';
import { PendingRecommendation } from './PendingRecommendation';
import { Worksheet } from './Worksheet';

/** Which saved recommendation the worksheet was filled from: a new one, a return or an approval starts it over. */
function sourceOf(caseId: string, open: DecisionSummary | undefined): string {
  return open ? `${caseId}:${open.id}:${open.status === 'pending' ? 'pending' : 'editable'}:${open.events[0]?.kind ?? ''}` : `${caseId}:none`;
}

function initialForm(open: DecisionSummary | undefined): WorksheetForm {
  return open && open.status !== 'pending' ? formOf(open.draft) : emptyForm();
}

/**
 * The decision worksheet, submission, review and the case's decision history. Once a decision is
 * approved it comes first, and the guidance folds away until a new recommendation is started.
 */
export function DecisionSection({ detail }: { detail: CaseDetail }) {
  const { t } = useLabels();
  const open = openDecisionOf(detail);
  const inForce = detail.decisions.find((d) => d.status === 'approved');
  const pending = open?.status === 'pending' ? open : undefined;
  const editable = open && !pending ? open : undefined;

  const [form, setForm] = useState<WorksheetForm>(() => initialForm(open));
  const [source, setSource] = useState(() => sourceOf(detail.id, open));
  /** A new recommendation started after an approved decision. */
  const [starting, setStarting] = useState(false);
  // The saved recommendation changed under the form (submitted, returned, approved): fill it again
  // from what core now holds. A save of the form's own values keeps the source, so typing is never lost.
  const current = sourceOf(detail.id, open);
  if (current !== source) {
    setSource(current);
    setForm(initialForm(open));
    setStarting(false);
  }

  // The local calendar day: the rule reads no clock, and a deadline turns at the user's midnight.
  const today = localToday();
  const showWorksheet = !pending && (editable !== undefined || detail.decisions.length === 0 || starting);
  const chosen: Pathway | null = pending ? pending.draft.pathway : showWorksheet && form.pathway !== '' ? form.pathway : null;
  const guidance = residenceGuidance(guidanceInputOf(detail, chosen, today));
  const returned = editable?.events[0]?.kind === 'returned' ? editable.events[0] : undefined;

  const choose = (pathway: Pathway) => {
    setStarting(true);
    setForm((f) => withPathway(f, pathway));
  };
  // Decided, and nothing new in the works: the guidance is there on request, below the decision.
  const decided = inForce !== undefined && open === undefined && !starting;

  return (
    <Stack gap="lg">
      {inForce && <ApprovedDecision decision={inForce} />}
      {decided ? (
        <FoldedGuidance guidance={guidance} onChoose={choose} />
      ) : (
        <GuidancePanel guidance={guidance} chosen={chosen} onChoose={pending ? undefined : choose} />
      )}
      {returned && <ReturnedNotice by={returned.by} at={returned.at} comment={returned.comment} />}
      {pending ? (
        <PendingRecommendation detail={detail} decision={pending} />
      ) : showWorksheet ? (
        <Worksheet detail={detail} form={form} setForm={setForm} editable={editable} today={today} />
      ) : (
        <Paper withBorder p="lg" data-testid="decision-new">
          <Stack gap="sm" align="flex-start">
            <Text>{t('decisions.worksheet.newIntro')}</Text>
            <Button onClick={() => setStarting(true)} data-testid="decision-start">
              {t('decisions.worksheet.new')}
            </Button>
          </Stack>
        </Paper>
      )}
      <DecisionHistory decisions={detail.decisions} />
    </Stack>
  );
}

/** The guidance of a decided case, folded: one button opens it (and closes it again). */
function FoldedGuidance({ guidance, onChoose }: { guidance: Guidance; onChoose: (pathway: Pathway) => void }) {
  const { t } = useLabels();
  const [shown, setShown] = useState(false);
  const panelId = useId();
  return (
    <Stack gap="sm" data-testid="guidance-folded">
      <Paper withBorder p="md">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('decisions.decided.guidanceFolded')}</Text>
          <Button variant="default" size="xs" aria-expanded={shown} aria-controls={panelId} onClick={() => setShown((s) => !s)} data-testid="guidance-toggle">
            {t(shown ? 'decisions.decided.hideGuidance' : 'decisions.decided.showGuidance')}
          </Button>
        </Stack>
      </Paper>
      <div id={panelId}>{shown && <GuidancePanel guidance={guidance} chosen={null} onChoose={onChoose} />}</div>
    </Stack>
  );
}

/** The supervisor's comments, above the worksheet they ask the officer to revise. */
function ReturnedNotice({ by, at, comment }: { by: string; at: string; comment: string }) {
  const { t, date } = useLabels();
  return (
    <Alert role="status" color="orange" variant="filled" title={t('decisions.returned.title')} data-testid="decision-returned">
      <Text style={{ whiteSpace: 'pre-wrap' }}>{t('decisions.returned.text', { name: by, date: date(at), comment })}</Text>
    </Alert>
  );
}
