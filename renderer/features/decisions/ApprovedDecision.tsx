import { Text } from '@mantine/core';
import type { DecisionSummary } from '../../../electron/common/decisions';
import { formatDateTime } from '../../i18n/format';
import { useLabels } from '../../i18n/labels';
import { Section } from '../../ui/Section';
import { RecommendationView } from './RecommendationView';

/**
 * The decision in force, first on the decision tab once a supervisor approved it: who approved it
 * and when, their comment, and the recommendation exactly as approved.
 */
export function ApprovedDecision({ decision }: { decision: DecisionSummary }) {
  const { t, i18n } = useLabels();
  const approval = decision.events.find((e) => e.kind === 'approved');
  return (
    <Section title={t('decisions.decided.title')} testId="decision-in-force">
      {approval && (
        <Text fw={600} data-testid="decision-approved-by">
          {t('decisions.decided.approved', { name: approval.by, date: formatDateTime(i18n.language, approval.at) })}
        </Text>
      )}
      {approval?.comment && <Text style={{ whiteSpace: 'pre-wrap' }}>{t('decisions.history.comment', { comment: approval.comment })}</Text>}
      <RecommendationView draft={decision.draft} />
    </Section>
  );
}
