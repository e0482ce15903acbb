import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CaseDetail } from '../../../electron/common/caseDetail';
import { useLabels } from '../../i18n/labels';
import { FailureMessage } from '../../ui/ErrorMessage';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { Section } from '../../ui/Section';
import { useFailure } from '../../ui/useFailure';
import { closeCaseRetention, loadCaseRetention, placeHold, releaseHold } from './retention.actions';
import { retentionSelectors, useRetentionStore } from './retention.store';

/**
 * A case's retention on its page (supervisors): when it was closed and how, when its period runs,
 * and its legal hold, which a supervisor places or releases with a reason. Read afresh each time the
 * tab is shown (core audits the view).
 */
export function CaseRetentionSection({ detail }: { detail: CaseDetail }) {
  const { t, date, vocab } = useLabels();
  const retention = useRetentionStore(retentionSelectors.caseRetention);
  const failure = useFailure();
  const [asking, setAsking] = useState<'place' | 'release' | null>(null);
  const { report } = failure;
  const closedAt = detail.closing?.closedAt ?? null;

  useEffect(() => {
    // Read again when the case is closed or reopened while the tab is open.
    loadCaseRetention(detail.id).catch(report);
  }, [detail.id, closedAt, report]);
  useEffect(() => () => closeCaseRetention(), []);

  const shown = retention?.caseId === detail.id ? retention : null;
  if (!shown) return failure.code ? <FailureMessage failure={failure} /> : <LoadingIndicator />;
  const released = shown.holds.filter((h) => h.releasedAt !== null);

  return (
    <Stack gap="lg">
      <FailureMessage failure={failure} />
      <Section title={t('retention.case.title')}>
        {shown.closing ? (
          <Stack gap={4} data-testid="case-retention">
            <Text>{t('retention.case.closed', { closed: date(shown.closing.closedOn), outcome: vocab('closingOutcome', shown.closing.outcome) })}</Text>
            <Text fw={600}>{t(shown.closing.due ? 'retention.case.dueNow' : 'retention.case.due', { due: date(shown.closing.dueOn) })}</Text>
          </Stack>
        ) : (
          <Text data-testid="case-retention">{t('retention.case.open')}</Text>
        )}
      </Section>
      <Section
        title={t('retention.case.holdTitle')}
        actions={
          shown.hold ? (
            <Button variant="default" onClick={() => setAsking('release')}>
              {t('retention.list.release')}
            </Button>
          ) : (
            <Button variant="default" onClick={() => setAsking('place')}>
              {t('retention.list.place')}
            </Button>
          )
        }
      >
        {shown.hold ? (
          <Alert color="orange" variant="light" data-testid="case-hold" title={t('retention.case.held', { date: date(shown.hold.placedAt), name: shown.hold.placedBy })}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {t('retention.case.heldReason', { reason: shown.hold.reason })}
            </Text>
          </Alert>
        ) : (
          <Text c="dimmed" data-testid="case-hold">
            {t('retention.case.noHold')}
          </Text>
        )}
        {released.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={700}>
              {t('retention.case.history')}
            </Text>
            <List size="sm">
              {released.map((h) => (
                <List.Item key={h.id}>
                  {t('retention.case.historyItem', {
                    placed: date(h.placedAt),
                    placedBy: h.placedBy,
                    reason: h.reason,
                    released: date(h.releasedAt),
                    releasedBy: h.releasedBy ?? '—',
                    releaseReason: h.releaseReason ?? '',
                  })}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Section>
      <ReasonDialog
        opened={asking !== null}
        title={t(asking === 'release' ? 'retention.hold.releaseTitle' : 'retention.hold.placeTitle', { reference: shown.reference })}
        explanation={t(asking === 'release' ? 'retention.hold.releaseExplanation' : 'retention.hold.placeExplanation')}
        confirmLabel={t(asking === 'release' ? 'retention.hold.releaseConfirm' : 'retention.hold.placeConfirm')}
        onConfirm={(reason) => (asking === 'release' ? releaseHold : placeHold)(detail.id, reason)}
        onClose={() => setAsking(null)}
      />
    </Stack>
  );
}
