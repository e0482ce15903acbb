import { BarChart } from '@mantine/charts';
import { Group, NativeSelect, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { DIMENSIONS, STATISTICS_DIMENSIONS, SUPPRESSED, type PublishedCell, type StatisticsDimension, type StatisticsGranularity, type StatisticsTable } from '../../../electron/common/statistics';
import { useLabels } from '../../i18n/labels';
import { FailureMessage } from '../../ui/ErrorMessage';
import { RefreshedScreen } from '../../ui/RefreshedScreen';
import { useFailure } from '../../ui/useFailure';
import { sessionSelectors, useSessionStore } from '../session/session.store';
import { chooseTable, exportStatisticsCsv, loadStatistics } from './statistics.actions';
import { statisticsSelectors, useStatisticsStore } from './statistics.store';
import { BusyButton } from '../../ui/BusyButton';

/** Colours of the chart's series, in category order (repeated for long lists such as nationalities). */
const COLOURS = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.7', 'pink.6', 'lime.7', 'indigo.5', 'red.6', 'yellow.7', 'violet.5', 'green.7', 'gray.6'];

/** Labels of a dimension's categories, periods and cells in the user's language. */
function useStatisticsLabels() {
  const { t, tx, vocab, i18n } = useLabels();
  const language = i18n.language;
  const category = (dimension: StatisticsDimension, code: string): string => {
    switch (dimension) {
      case 'stage':
        return vocab('stage', code);
      case 'exploitation-type':
        return code === 'not-recorded' ? t('statistics.notRecorded') : vocab('exploitationType', code);
      case 'nationality':
        return code === 'other' ? t('statistics.otherNationality') : vocab('nationality', code);
      case 'sex':
        return vocab('sex', code);
      case 'age-band':
        return vocab('ageBand', code);
      case 'referral-source':
        return vocab('referralSource', code);
      case 'pathway-recommended':
      case 'pathway-decided':
        return tx(`guidance.pathway.${code}`, undefined, code);
      case 'outcome':
        return vocab('closingOutcome', code);
      case 'organisation-status':
        return tx(`organisations.statusKinds.${code}`, undefined, code);
      case 'missing-interns':
        return tx(`organisations.types.${code}`, undefined, code);
    }
  };
  const period = (granularity: StatisticsGranularity, label: string): string => {
    const year = Number(label.slice(0, 4));
    if (granularity === 'quarter') return t('statistics.quarter', { year, quarter: Number(label.slice(6)) });
    if (granularity === 'half-year') return t('statistics.half', { year, half: t(label.endsWith('H1') ? 'statistics.halves.1' : 'statistics.halves.2') });
    const options: Intl.DateTimeFormatOptions = granularity === 'month' ? { year: 'numeric', month: 'short', timeZone: 'UTC' } : { year: 'numeric', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(language, options).format(Date.UTC(year, granularity === 'month' ? Number(label.slice(5, 7)) - 1 : 0, 1));
  };
  const number = new Intl.NumberFormat(language);
  /** A published cell as text: the count, or `<k` for a hidden one (the same text as the CSV). */
  const cell = (value: PublishedCell, k: number): string => (value === SUPPRESSED ? `<${k}` : number.format(value));
  return { t, category, period, cell };
}

/**
 * Non-identifying statistics (issue 15), for supervisors and administrators: one table at a time, a
 * dimension by month, quarter, half-year or year, as a chart with the same numbers in an accessible table
 * beneath it. Everything on this screen (bars, tooltips, table, CSV) is drawn from the table core
 * sent, which holds no count from 1 to k−1: hidden counts are a marker, shown as `<k`.
 */
export function StatisticsScreen() {
  const { t } = useLabels();
  const role = useSessionStore(sessionSelectors.user)?.role;
  const loaded = useStatisticsStore(statisticsSelectors.loaded);
  const loading = useStatisticsStore(statisticsSelectors.loading);
  const table = useStatisticsStore(statisticsSelectors.table);
  if (role !== 'administrator' && role !== 'supervisor') return null;
  return (
    <RefreshedScreen
      title={t('statistics.screen.title')}
      intro={t('statistics.screen.intro')}
      load={loadStatistics}
      loading={loading}
      loaded={loaded}
      refreshLabel={t('statistics.screen.refresh')}
      refreshTestId="statistics-refresh"
    >
      <Stack gap="lg">
        <TableChoice />
        {table && <StatisticsView table={table} />}
      </Stack>
    </RefreshedScreen>
  );
}

function TableChoice() {
  const { t } = useLabels();
  const dimension = useStatisticsStore(statisticsSelectors.dimension);
  const granularity = useStatisticsStore(statisticsSelectors.granularity);
  const failure = useFailure();
  const choose = (choice: Parameters<typeof chooseTable>[0]) => {
    failure.clear();
    chooseTable(choice).catch(failure.report);
  };
  return (
    <Stack gap="xs">
      <Group align="end" gap="lg">
        <NativeSelect
          label={t('statistics.dimensionLabel')}
          data={STATISTICS_DIMENSIONS.map((d) => ({ value: d, label: t(`statistics.dimension.${d}`) }))}
          value={dimension}
          onChange={(event) => choose({ dimension: event.currentTarget.value as StatisticsDimension })}
          w={280}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="statistics-granularity-label">
            {t('statistics.granularityLabel')}
          </Text>
          <SegmentedControl
            aria-labelledby="statistics-granularity-label"
            data={DIMENSIONS[dimension].granularities.map((g) => ({ value: g, label: t(`statistics.granularity.${g}`) }))}
            value={granularity}
            onChange={(value) => choose({ granularity: value as StatisticsGranularity })}
          />
        </Stack>
      </Group>
      <FailureMessage failure={failure} />
    </Stack>
  );
}

function StatisticsView({ table }: { table: StatisticsTable }) {
  const { t, category, period, cell } = useStatisticsLabels();
  const marker = `<${table.k}`;
  const dimensionName = t(`statistics.dimension.${table.dimension}`);
  const granularityName = t(`statistics.granularity.${table.granularity}`);
  return (
    <Stack gap="md">
      <Text size="sm">{t(`statistics.basis.${table.basis}`)}</Text>
      {table.multiValued && <Text size="sm">{t('statistics.multiValued')}</Text>}
      <Paper withBorder p="sm" bg="blue.0">
        <Text size="sm">{t('statistics.suppression', { marker, below: table.k - 1, k: table.k })}</Text>
      </Paper>
      {table.withheld ? (
        <Paper withBorder p="sm" bg="yellow.0">
          <Text size="sm">{t('statistics.withheld')}</Text>
        </Paper>
      ) : (
        <StatisticsChart table={table} label={t('statistics.chartLabel', { dimension: dimensionName, granularity: granularityName })} />
      )}
      <Table.ScrollContainer minWidth={480}>
        <Table striped withTableBorder withColumnBorders captionSide="top" data-testid="statistics-table">
          <Table.Caption>{t('statistics.caption', { dimension: dimensionName, granularity: granularityName, marker })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('statistics.period')}</Table.Th>
              {table.categories.map((c) => (
                <Table.Th scope="col" key={c} ta="right">
                  {category(table.dimension, c)}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('statistics.total')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.periods.map((p, i) => (
              <Table.Tr key={p}>
                <Table.Th scope="row" fw={400}>
                  {period(table.granularity, p)}
                </Table.Th>
                {table.cells[i].map((value, j) => (
                  <Table.Td key={table.categories[j]} ta="right">
                    {cell(value, table.k)}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={600}>
                  {cell(table.periodTotals[i], table.k)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('statistics.total')}</Table.Th>
              {table.categoryTotals.map((value, j) => (
                <Table.Td key={table.categories[j]} ta="right" fw={600}>
                  {cell(value, table.k)}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={700}>
                {cell(table.total, table.k)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      <ExportButton table={table} />
    </Stack>
  );
}

/** The series key of a period's hidden counts drawn together (not a category code of any dimension). */
const HIDDEN_SERIES = '__hidden';

/**
 * What a period's hidden counts add up to, when its total is published: the total minus the shown
 * counts, a number anyone reading the table can work out, never one hidden count on its own (a
 * hidden cell always has another beside it in its row or its row total is hidden). 0 otherwise.
 */
function hiddenTogether(row: readonly PublishedCell[], total: PublishedCell): number {
  if (total === SUPPRESSED || !row.includes(SUPPRESSED)) return 0;
  return total - row.reduce<number>((sum, cell) => sum + (cell === SUPPRESSED ? 0 : cell), 0);
}

/**
 * The chart: stacked bars per period. A hidden count draws no bar of its own (its height would be a
 * number core never sent); where the period's total is published, the hidden counts of the period
 * are drawn together as one grey segment, so the bar still reaches the total. The tooltip names
 * each hidden count with the table's marker, like the table.
 */
function StatisticsChart({ table, label }: { table: StatisticsTable; label: string }) {
  const { t, category, period, cell } = useStatisticsLabels();
  const data = table.periods.map((p, i) => ({
    period: period(table.granularity, p),
    ...Object.fromEntries(table.categories.map((c, j) => [c, table.cells[i][j] === SUPPRESSED ? 0 : table.cells[i][j]])),
    [HIDDEN_SERIES]: hiddenTogether(table.cells[i], table.periodTotals[i]),
  }));
  const series = [
    ...table.categories.map((c, j) => ({ name: c, label: category(table.dimension, c), color: COLOURS[j % COLOURS.length] })),
    ...(data.some((d) => d[HIDDEN_SERIES] > 0) ? [{ name: HIDDEN_SERIES, label: t('statistics.hiddenTogether'), color: 'gray.4' }] : []),
  ];
  return (
    <div role="img" aria-label={label}>
      <BarChart
        h={320}
        data={data}
        dataKey="period"
        type="stacked"
        series={series}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        tooltipAnimationDuration={0}
        tooltipProps={{
          content: ({ label: periodText, payload }) => {
            const index = data.findIndex((d) => d.period === periodText);
            if (index < 0 || !payload?.length) return null;
            return (
              <Paper withBorder shadow="sm" p="xs" data-testid="statistics-tooltip">
                <Text size="sm" fw={600}>
                  {periodText}
                </Text>
                {table.categories.map((c, j) => (
                  <Text size="xs" key={c}>
                    {t('statistics.tooltipItem', { category: category(table.dimension, c), value: cell(table.cells[index][j], table.k) })}
                  </Text>
                ))}
                {data[index][HIDDEN_SERIES] > 0 && (
                  <Text size="xs">{t('statistics.tooltipItem', { category: t('statistics.hiddenTogether'), value: cell(data[index][HIDDEN_SERIES] >= table.k ? data[index][HIDDEN_SERIES] : SUPPRESSED, table.k) })}</Text>
                )}
              </Paper>
            );
          },
        }}
      />
    </div>
  );
}

function ExportButton({ table }: { table: StatisticsTable }) {
  const { t, category } = useStatisticsLabels();
  const exported = useStatisticsStore(statisticsSelectors.exported);
  const failure = useFailure();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    failure.clear();
    setBusy(true);
    try {
      await exportStatisticsCsv({
        period: t('statistics.period'),
        total: t('statistics.total'),
        categories: Object.fromEntries(DIMENSIONS[table.dimension].categories.map((c) => [c, category(table.dimension, c)])),
      });
    } catch (error) {
      failure.report(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs" align="flex-start">
      <BusyButton variant="default" onClick={() => void save()} busy={busy}>
        {t('statistics.export')}
      </BusyButton>
      <Text role="status" size="sm" c="teal.9">
        {exported ? t('statistics.exported', exported) : ''}
      </Text>
      <FailureMessage failure={failure} />
    </Stack>
  );
}
