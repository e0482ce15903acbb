import { Alert, Button, Code, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useId, useState } from 'react';
import type { CaseDetail } from '../../../electron/common/caseDetail';
import type { DecisionSummary } from '../../../electron/common/decisions';
import { ApiError } from '../../api/mamori';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FailureMessage } from '../../ui/ErrorMessage';
import { useFailure } from '../../ui/useFailure';
import { apiPathErrors } from '../cases/page/caseForms';
import { loadCase } from '../cases/page/casePage.actions';
import { CaseSection } from '../cases/page/CaseSection';
import { formatDateTime } from '../cases/page/dates';
import { Fields } from '../cases/page/Fields';
import { useLabels } from '../cases/page/labels';
import { sessionSelectors, useSessionStore } from '../session/session.store';
import { approveDecision, returnDecision } from './decisions.actions';
import { changedItem, decisionIssueKey, shortHash } from './decisionForms';
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
    <CaseSection title={t('decisions.pending.title')}>
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
        <ReviewActions detail={detail} decision={decision} own={decision.submittedById === user.id || decision.createdById === user.id} stale={changed.length > 0} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('decisions.pending.waiting')}
        </Text>
      )}
    </CaseSection>
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
  const { t } = useLabels();
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
      <Textarea label={t('decisions.approve.comment')} rows={2} maxLength={4000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} data-autofocus />
    </ConfirmDialog>
  );
}

/** The same rule as the contract's: a return carries a comment of at least 5 characters. */
const MIN_COMMENT = 5;

function ReturnDialog({ opened, decision, onClose }: { opened: boolean; decision: DecisionSummary; onClose: () => void }) {
  const { t, tx } = useLabels();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const failure = useFailure();

  const close = () => {
    setComment('');
    setError(null);
    failure.clear();
    onClose();
  };
  const confirm = async () => {
    failure.clear();
    const text = comment.trim();
    if (text.length < MIN_COMMENT) {
      setError(decisionIssueKey({ message: 'decision.comment.tooShort' }));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await returnDecision(decision.id, text);
      setComment('');
      onClose();
    } catch (caught) {
      const fields = apiPathErrors(caught, 'draft', decisionIssueKey);
      if (fields?.comment) setError(fields.comment);
      else failure.report(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('decisions.return.title')} size="lg" closeButtonProps={{ 'aria-label': t('dialog.close') }}>
      <Stack gap="md">
        <Text size="sm">{t('decisions.return.text')}</Text>
        <Textarea
          label={t('decisions.return.comment')}
          description={t('decisions.return.commentHint')}
          required
          rows={3}
          maxLength={4000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={error ? tx(error) : undefined}
          data-autofocus
          data-testid="decision-return-comment"
        />
        <FailureMessage failure={failure} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={busy}>
            {t('dialog.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void confirm()} data-testid="decision-return-confirm">
            {t('decisions.return.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
