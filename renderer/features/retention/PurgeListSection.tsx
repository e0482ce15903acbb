import { Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { PURGE_LIST_HORIZONS, type PurgeRow } from '../../../electron/common/contract.retention';
import { formatNumber } from '../../i18n/format';
import { useLabels } from '../../i18n/labels';
import { FailureMessage } from '../../ui/ErrorMessage';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { Section } from '../../ui/Section';
import { SuccessNotice } from '../../ui/SuccessNotice';
import { useFailure } from '../../ui/useFailure';
import { showCase } from '../cases/list/caseList.actions';
import { placeHold, releaseHold, showWithin } from './retention.actions';
import { retentionSelectors, useRetentionStore } from './retention.store';
import { PurgeDialog } from './PurgeDialog';

type Role = 'administrator' | 'supervisor';

/**
 * The purge list (the dry run): what a purge would remove now is every row past its period without
 * a hold. Administrators purge, all at once (typing their number) or one (typing its reference);
 * supervisors place and release holds and may open the case. Core enforces the same.
 */
export function PurgeListSection({ role }: { role: Role }) {
  const { t, i18n } = useLabels();
  const rows = useRetentionStore(retentionSelectors.rows);
  const total = useRetentionStore(retentionSelectors.total);
  const withinDays = useRetentionStore(retentionSelectors.withinDays);
  const loading = useRetentionStore(retentionSelectors.loading);
  const purgeable = rows.filter((r) => r.due && !r.hold);
  const held = rows.filter((r) => r.hold !== null).length;
  const [purging, setPurging] = useState<{ cases: PurgeRow[]; expected: string } | null>(null);
  const [purged, setPurged] = useState<number | null>(null);
  const [holding, setHolding] = useState<{ row: PurgeRow; action: 'place' | 'release' } | null>(null);
  const failure = useFailure();

  const show = (days: number) => {
    failure.clear();
    setPurged(null);
    showWithin(days).catch(failure.report);
  };

  return (
    <Section
      title={t('retention.list.title')}
      actions={
        role === 'administrator' && (
          <Button color="red.8" disabled={purgeable.length === 0 || loading} onClick={() => setPurging({ cases: purgeable, expected: String(purgeable.length) })}>
            {t('retention.list.purgeAll', { count: purgeable.length })}
          </Button>
        )
      }
    >
      <SegmentedControl
        aria-label={t('retention.list.show')}
        value={String(withinDays)}
        onChange={(value) => show(Number(value))}
        data={PURGE_LIST_HORIZONS.map((days) => ({ value: String(days), label: t(`retention.list.horizon.${days}`) }))}
        disabled={loading}
        maw={640}
      />
      {purged !== null && (
        <SuccessNotice title={t('retention.list.purged', { count: purged })}>{t('retention.list.purgedDetail', { count: purged })}</SuccessNotice>
      )}
      <FailureMessage failure={failure} />
      <Text size="sm" data-testid="purge-summary">
        {t('retention.list.summary', { purgeable: formatNumber(i18n.language, purgeable.length), held: formatNumber(i18n.language, held) })}
        {total > rows.length && ` ${t('retention.list.truncated', { shown: formatNumber(i18n.language, rows.length), total: formatNumber(i18n.language, total) })}`}
      </Text>
      {rows.length === 0 ? (
        <Text c="dimmed">{t(withinDays === 0 ? 'retention.list.empty' : 'retention.list.emptyWithin')}</Text>
      ) : (
        <PurgeTable
          rows={rows}
          role={role}
          onPurge={(row) => setPurging({ cases: [row], expected: row.reference })}
          onHold={(row, action) => setHolding({ row, action })}
        />
      )}
      <PurgeDialog
        cases={purging?.cases ?? null}
        expected={purging?.expected ?? ''}
        onClose={() => setPurging(null)}
        onPurged={(count) => setPurged(count)}
      />
      <ReasonDialog
        opened={holding !== null}
        title={holding ? t(holding.action === 'place' ? 'retention.hold.placeTitle' : 'retention.hold.releaseTitle', { reference: holding.row.reference }) : ''}
        explanation={holding ? t(holding.action === 'place' ? 'retention.hold.placeExplanation' : 'retention.hold.releaseExplanation') : ''}
        confirmLabel={holding ? t(holding.action === 'place' ? 'retention.hold.placeConfirm' : 'retention.hold.releaseConfirm') : ''}
        onConfirm={(reason) => (holding ? (holding.action === 'place' ? placeHold : releaseHold)(holding.row.caseId, reason) : Promise.resolve())}
        onClose={() => setHolding(null)}
      />
    </Section>
  );
}

function PurgeTable({ rows, role, onPurge, onHold }: { rows: PurgeRow[]; role: Role; onPurge: (row: PurgeRow) => void; onHold: (row: PurgeRow, action: 'place' | 'release') => void }) {
  const { t, vocab, date } = useLabels();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm" fz="sm" aria-label={t('retention.list.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            {(['reference', 'outcome', 'closed', 'due', 'hold', 'actions'] as const).map((c) => (
              <Table.Th key={c} style={{ whiteSpace: 'nowrap' }}>
                {t(`retention.list.column.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.caseId} data-testid="purge-row" style={{ verticalAlign: 'top' }}>
              <Table.Td>
                {role === 'supervisor' ? (
                  <Button variant="subtle" size="compact-sm" ff="monospace" aria-label={t('retention.list.open', { reference: row.reference })} onClick={() => void showCase(row.caseId, 'retention')}>
                    {row.reference}
                  </Button>
                ) : (
                  <Text ff="monospace" size="sm" fw={700}>
                    {row.reference}
                  </Text>
                )}
              </Table.Td>
              <Table.Td maw={280}>{vocab('closingOutcome', row.outcome)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(row.closedOn)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={row.due ? 700 : 400} c={row.due ? 'red.9' : undefined}>
                  {t(row.due ? 'retention.list.dueSince' : 'retention.list.dueOn', { date: date(row.dueOn) })}
                </Text>
              </Table.Td>
              <Table.Td maw={320}>
                {row.hold ? (
                  <Stack gap={2}>
                    <Text size="sm" fw={700}>
                      {t('retention.list.heldSince', { date: date(row.hold.placedAt), name: row.hold.placedBy })}
                    </Text>
                    <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                      {row.hold.reason}
                    </Text>
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('retention.list.noHold')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {role === 'administrator' && row.due && !row.hold && (
                    <Button size="xs" variant="outline" color="red.8" aria-label={t('retention.list.purgeOneLabel', { reference: row.reference })} onClick={() => onPurge(row)}>
                      {t('retention.list.purgeOne')}
                    </Button>
                  )}
                  {role === 'supervisor' &&
                    (row.hold ? (
                      <Button size="xs" variant="default" aria-label={t('retention.list.releaseLabel', { reference: row.reference })} onClick={() => onHold(row, 'release')}>
                        {t('retention.list.release')}
                      </Button>
                    ) : (
                      <Button size="xs" variant="default" aria-label={t('retention.list.placeLabel', { reference: row.reference })} onClick={() => onHold(row, 'place')}>
                        {t('retention.list.place')}
                      </Button>
                    ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
