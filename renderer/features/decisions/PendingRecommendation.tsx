import { Alert, Button, Code, Group, Stack, Text, Textarea } from '@mantine/core';
import { useId, useState } from 'react';
import type { CaseDetail } from '../../../electron/common/caseDetail';
import type { DecisionSummary } from '../../../electron/common/decisions';
import { ApiError } from '../../api/mamori';
import { formatDateTime } from '../../i18n/format';
import { useLabels } from '../../i18n/labels';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Fields } from '../../ui/Fields';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { Section } from '../../ui/Section';
import { useFailure } from '../../ui/useFailure';
import { loadCase } from '../cases/page/casePage.actions';
import { sessionSelectors, useSessionStore } from '../session/session.store';
import { changedItem, decisionIssueKey, shortHash } from './decisionForms';
import { approveDecision, returnDecision } from './decisions.actions';
import { RecommendationView } from './RecommendationView';

/**
 * A submitted recommendation, read-only, as the supervisor approves it: the snapshot it froze and,
 * if the case changed since, what changed. Supervisors approve or return it here.
 */
export function PendingRecommendation({ detail, decision }: { detail: CaseDetail; decision: DecisionSummary }) {
  const { t, i18n } = useLabels();
  const user = useSessionStore(sessionSelectors.user);
  const supervisor = user?.role === 'supervisor';
  const changed = decision.changedSinceSubmission ?? [];

  return (
    <Section title={t('decisions.pending.title')}>
      <Text size="sm" data-testid="decision-submitted">
        {t('decisions.pending.submitted', { name: decision.submittedBy ?? '—', date: decision.submittedAt ? formatDateTime(i18n.language, decision.submittedAt) : '—' })}
      </Text>
      {decision.snapshotHash && (
        <Fields
          items={[
            [
              t('decisions.pending.snapshot'),
              <Code key="hash" data-testid="decision-snapshot">
                {shortHash(decision.snapshotHash)}
              </Code>,
            ],
          ]}
        />
      )}
      <Text size="xs" c="dimmed">
        {t('decisions.pending.snapshotHint')}
      </Text>
      {changed.length > 0 && <ChangedWarning paths={changed} />}
      <RecommendationView draft={decision.draft} />
      {supervisor && user ? (
        <ReviewActions detail={detail} decision={decision} own={decision.editorIds.includes(user.id) || decision.submittedById === user.id || decision.createdById === user.id} stale={changed.length > 0} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('decisions.pending.waiting')}
        </Text>
      )}
    </Section>
  );
}

/** The changed facts in words: "Immigration situation (periodOfStayExpiry)". */
function ChangedWarning({ paths }: { paths: string[] }) {
  const { t, tx, i18n } = useLabels();
  const items = [
    ...new Set(
      paths.map((path) => {
        const { section, rest } = changedItem(path);
        const label = tx(`decisions.changed.${section}`, undefined, section);
        return rest ? `${label} (${rest})` : label;
      }),
    ),
  ];
  return (
    <Alert color="orange" variant="light" data-testid="decision-changed">
      {t('decisions.pending.changed', { items: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(items) })}
    </Alert>
  );
}

function ReviewActions({ detail, decision, own, stale }: { detail: CaseDetail; decision: DecisionSummary; own: boolean; stale: boolean }) {
  const { t } = useLabels();
  const [approving, setApproving] = useState(false);
  const [returning, setReturning] = useState(false);
  const whyId = useId();
  // Four eyes (DESIGN.md §6): core refuses both too; the button says why before anyone tries.
  const blocked = own ? t('decisions.pending.ownBlocked') : stale ? t('decisions.pending.staleBlocked') : null;

  return (
    <Stack gap="xs" role="group" aria-label={t('decisions.pending.actions')}>
      {blocked && (
        <Text size="sm" fw={600} id={whyId} data-testid="decision-approve-blocked">
          {blocked}
        </Text>
      )}
      <Group gap="sm">
        <Button disabled={blocked !== null} aria-describedby={blocked ? whyId : undefined} onClick={() => setApproving(true)} data-testid="decision-approve">
          {t('decisions.pending.approve')}
        </Button>
        <Button variant="default" onClick={() => setReturning(true)} data-testid="decision-return">
          {t('decisions.pending.return')}
        </Button>
      </Group>
      <ApproveDialog opened={approving} detail={detail} decision={decision} onClose={() => setApproving(false)} />
      <ReturnDialog opened={returning} decision={decision} onClose={() => setReturning(false)} />
    </Stack>
  );
}

function ApproveDialog({ opened, detail, decision, onClose }: { opened: boolean; detail: CaseDetail; decision: DecisionSummary; onClose: () => void }) {
  const { t, vocab } = useLabels();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const failure = useFailure();
  const hash = decision.snapshotHash ?? '';

  const close = () => {
    setComment('');
    failure.clear();
    onClose();
  };
  const confirm = async () => {
    failure.clear();
    setBusy(true);
    try {
      // The hash of the snapshot on screen: core approves exactly that, or refuses.
      await approveDecision(decision.id, hash, comment.trim());
      setComment('');
      onClose();
    } catch (caught) {
      failure.report(caught);
      // Show what changed: the case is read again and the warning appears under the dialog.
      if (caught instanceof ApiError && caught.code === 'SNAPSHOT_STALE') void loadCase(detail.id).catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog opened={opened} title={t('decisions.approve.title')} confirmLabel={t('decisions.approve.confirm')} busy={busy} failure={failure} onConfirm={() => void confirm()} onCancel={close}>
      <Text size="sm">{t('decisions.approve.text', { hash: shortHash(hash) })}</Text>
      <Stack gap={4} data-testid="decision-approve-consequence">
        <Text size="sm">{t('decisions.approve.decides', { decided: vocab('stage', 'decided') })}</Text>
        {!detail.supervisor && <Text size="sm">{t('decisions.approve.supervisorOfRecord')}</Text>}
      </Stack>
      <Textarea label={t('decisions.approve.comment')} rows={2} maxLength={4000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} data-autofocus />
    </ConfirmDialog>
  );
}

/** The same rule as the contract's: a return carries a comment of at least 5 characters. */
const MIN_COMMENT = 5;

function ReturnDialog({ opened, decision, onClose }: { opened: boolean; decision: DecisionSummary; onClose: () => void }) {
  const { t } = useLabels();
  return (
    <ReasonDialog
      opened={opened}
      title={t('decisions.return.title')}
      explanation={t('decisions.return.text')}
      confirmLabel={t('decisions.return.confirm')}
      onConfirm={(comment) => returnDecision(decision.id, comment)}
      onClose={onClose}
      asks={{
        label: t('decisions.return.comment'),
        description: t('decisions.return.commentHint'),
        check: (text) => (text.trim().length < MIN_COMMENT ? decisionIssueKey({ message: 'decision.comment.tooShort' }) : null),
        issueField: 'comment',
        issueKey: decisionIssueKey,
        required: true,
        rows: 3,
        maxLength: 4000,
        testId: 'decision-return-comment',
        confirmTestId: 'decision-return-confirm',
      }}
    />
  );
}
