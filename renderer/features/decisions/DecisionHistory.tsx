import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { DecisionStatus, DecisionSummary } from '../../../electron/common/decisions';
import { formatDateTime } from '../../i18n/format';
import { useLabels } from '../../i18n/labels';
import { Section } from '../../ui/Section';
import { hasStatus } from './decisionForms';

const STATUS_COLOURS: Record<DecisionStatus, string> = { draft: 'gray', pending: 'blue', returned: 'orange', approved: 'teal', superseded: 'gray' };

/** Every recommendation and decision of the case, newest first, with what happened to each. */
export function DecisionHistory({ decisions }: { decisions: DecisionSummary[] }) {
  const { t } = useLabels();
  return (
    <Section title={t('decisions.history.title')}>
      {decisions.length === 0 ? <Text c="dimmed">{t('decisions.history.empty')}</Text> : decisions.map((d) => <DecisionEntry key={d.id} decision={d} />)}
    </Section>
  );
}

function DecisionEntry({ decision }: { decision: DecisionSummary }) {
  const { t, tx, vocab, date, i18n } = useLabels();
  const headingId = useId();
  const { draft, status } = decision;
  const when = (iso: string) => formatDateTime(i18n.language, iso);
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} data-testid="decision-history-item" data-status={status}>
      <Stack gap="xs">
        <Group gap="sm">
          <Title order={4} id={headingId}>
            {t('decisions.history.item', { date: date(decision.createdAt) })}
          </Title>
          {/* The status in words; the colour only repeats it. */}
          <Badge color={STATUS_COLOURS[status]} variant={status === 'approved' ? 'filled' : 'light'} tt="none">
            {t(`decisions.history.status.${status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {tx(`guidance.pathway.${draft.pathway}`)}
          {hasStatus(draft.pathway) && draft.proposedStatus ? ` · ${vocab('statusOfResidence', draft.proposedStatus)}` : ''}
          {hasStatus(draft.pathway) && draft.proposedPeriod ? ` · ${draft.proposedPeriod}` : ''}
        </Text>
        {decision.events.length > 0 && (
          <List size="sm" spacing={4} aria-label={t('decisions.history.events')}>
            {decision.events.map((e, index) => (
              <List.Item key={`${e.kind}:${e.at}:${index}`}>
                <Text span size="sm">
                  {t(`decisions.history.event.${e.kind}`, { date: when(e.at), name: e.by })}
                </Text>
                {e.comment && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {t('decisions.history.comment', { comment: e.comment })}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
        {status === 'approved' && (
          <Text size="sm" fw={600}>
            {t('decisions.history.approvedNote')}
          </Text>
        )}
        {status === 'superseded' && (
          <Text size="sm" c="dimmed">
            {t('decisions.history.supersededNote')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
