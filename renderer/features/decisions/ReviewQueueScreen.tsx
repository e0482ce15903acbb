import { Badge, Group, Paper, Table, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import type { ReviewQueueRow } from '../../../electron/common/contract.decisions';
import { daysUntil } from '../../i18n/dates';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useLabels } from '../../i18n/labels';
import { RefreshedScreen } from '../../ui/RefreshedScreen';
import { showCase } from '../cases/list/caseList.actions';
import { daysWaiting } from './decisionForms';
import { loadReviewQueue } from './decisions.actions';
import { decisionsSelectors, useDecisionsStore } from './decisions.store';

/** Deadlines this close (in days) get a warning, as in the case list. */
const DEADLINE_SOON_DAYS = 30;

/** Supervisors: pending recommendations, oldest first. */
export function ReviewQueueScreen() {
  const { t } = useLabels();
  const rows = useDecisionsStore(decisionsSelectors.queue);
  const loading = useDecisionsStore(decisionsSelectors.loading);
  return (
    <RefreshedScreen
      title={t('decisions.queue.title')}
      intro={t('decisions.queue.intro')}
      load={loadReviewQueue}
      loading={loading}
      loaded={rows !== null}
      refreshLabel={t('decisions.queue.refresh')}
      refreshTestId="decision-queue-refresh"
    >
      {rows?.length === 0 ? (
        <Paper withBorder p="lg" data-testid="decision-queue-empty">
          <Text>{t('decisions.queue.empty')}</Text>
        </Paper>
      ) : (
        rows && <QueueTable rows={rows} />
      )}
    </RefreshedScreen>
  );
}

function QueueTable({ rows }: { rows: ReviewQueueRow[] }) {
  const { t } = useLabels();
  const columns = ['reference', 'name', 'pathway', 'submittedBy', 'submittedAt', 'waiting', 'deadline', 'notes'] as const;
  return (
    <Paper withBorder>
      <Table highlightOnHover verticalSpacing="sm" aria-label={t('decisions.queue.label')} data-testid="decision-queue">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column}>{t(`decisions.queue.column.${column}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <QueueRow key={row.decisionId} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** A row opens its case on click, Enter or Space. Masked initials only (DESIGN.md §3). */
function QueueRow({ row }: { row: ReviewQueueRow }) {
  const { t, tx, i18n } = useLabels();
  const open = () => void showCase(row.caseId);
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open();
    }
  };
  const waiting = daysWaiting(row.submittedAt);
  return (
    <Table.Tr
      tabIndex={0}
      aria-label={t('decisions.queue.rowLabel', { reference: row.reference, name: row.maskedName })}
      onClick={open}
      onKeyDown={onKeyDown}
      style={{ cursor: 'pointer' }}
      data-testid="decision-queue-row"
      data-case-reference={row.reference}
    >
      <Table.Td ff="monospace" fw={600}>
        {row.reference}
      </Table.Td>
      <Table.Td>{row.maskedName}</Table.Td>
      <Table.Td>{tx(`guidance.pathway.${row.pathway}`)}</Table.Td>
      <Table.Td>{row.submittedBy}</Table.Td>
      <Table.Td>{formatDateTime(i18n.language, row.submittedAt)}</Table.Td>
      <Table.Td>{t('decisions.queue.waiting', { count: waiting })}</Table.Td>
      <Table.Td>
        <Deadline date={row.nextDeadline} />
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {row.stale && (
            <Badge color="orange" variant="light" tt="none" data-testid="decision-queue-stale">
              {t('decisions.queue.stale')}
            </Badge>
          )}
          {row.own && (
            <Badge color="gray" variant="light" tt="none" data-testid="decision-queue-own">
              {t('decisions.queue.own')}
            </Badge>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function Deadline({ date }: { date: string | null }) {
  const { t, i18n } = useLabels();
  if (!date) return <>{t('decisions.queue.noDeadline')}</>;
  const days = daysUntil(date);
  const word = days < 0 ? t('decisions.queue.overdue') : days === 0 ? t('decisions.queue.today') : t('decisions.queue.dueIn', { count: days });
  return (
    <Group gap={6} wrap="nowrap">
      <Text span size="sm" fw={days <= DEADLINE_SOON_DAYS ? 700 : undefined}>
        {formatDate(i18n.language, date)}
      </Text>
      {days <= DEADLINE_SOON_DAYS && (
        // Colour alone would not reach everyone: the state is also said in words.
        <Badge size="sm" variant={days < 0 ? 'filled' : 'light'} color={days < 0 ? 'red.8' : 'orange'} tt="none" data-testid="decision-queue-deadline">
          {word}
        </Badge>
      )}
    </Group>
  );
}
