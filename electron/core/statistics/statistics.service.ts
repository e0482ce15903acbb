/**
 * Non-identifying statistics (issue 15). Counts come from SQL per month and category; the whole
 * dimension (its month, quarter and year tables together) goes through small-cell suppression with
 * the vault's k; only then is one table taken from it. Never return, log or audit a count that has
 * not been through protectDimension: the published table is the only thing that leaves this file,
 * and the chart, the table on screen and the CSV are all drawn from it.
 */
import { csvField } from '../audit/audit.export';
import { CoreError } from '../errors';
import {
  DIMENSIONS,
  periodLabel,
  SUPPRESSED,
  type CsvHeadings,
  type PublishedCell,
  type StatisticsGranularity,
  type StatisticsRequest,
  type StatisticsTable,
} from '../../common/statistics';
import { protectDimension } from '../../common/suppression';
import type { Tx } from '../db/connection';
import type { Ctx } from '../session/session.service';
import { readSettings } from '../settings/settings.service';
import * as repo from './statistics.repository';

/** Chooses where a CSV export goes (the OS save dialog); null if the user cancelled. */
export interface StatisticsDialogs {
  chooseCsvTarget(suggestedName: string): Promise<string | null>;
}

const PERIODS_PER_YEAR: Record<StatisticsGranularity, number> = { month: 12, quarter: 4, 'half-year': 2, year: 1 };
const JST_MS = 9 * 3_600_000;

/** `YYYY-MM` of an ISO instant in Japan time. */
const jstMonth = (iso: string) => new Date(Date.parse(iso) + JST_MS).toISOString().slice(0, 7);

/**
 * The suppressed table of one dimension and granularity under the vault's k, as of `at` (an ISO
 * instant): periods from the first with any count to the current period.
 */
export async function publishedTable(tx: Tx, request: StatisticsRequest, at: string): Promise<StatisticsTable> {
  const { dimension, granularity } = request;
  const spec = DIMENSIONS[dimension];
  // Missing-intern reports are per half-year: a month or quarter table would invent a date.
  if (!spec.granularities.includes(granularity)) throw new CoreError('STATISTICS_PERIOD_UNAVAILABLE');
  const k = (await readSettings(tx)).statisticsThreshold;
  const counts = await repo.monthlyCounts(tx, dimension);
  const column = new Map(spec.categories.map((c, i) => [c, i]));
  const now = jstMonth(at);
  // Counts outside the dimension's categories (a snapshot without a pathway) or without a date are not counted.
  const known = counts.filter((r) => column.has(r.category) && /^\d{4}-\d{2}$/.test(r.month ?? ''));
  const months = [now, ...known.map((r) => r.month)].sort();
  const firstYear = Number(months[0].slice(0, 4));
  const last = months[months.length - 1];
  const years = Number(last.slice(0, 4)) - firstYear + 1;

  const monthly = Array.from({ length: years * 12 }, () => new Array<number>(spec.categories.length).fill(0));
  for (const r of known) {
    const index = (Number(r.month.slice(0, 4)) - firstYear) * 12 + Number(r.month.slice(5, 7)) - 1;
    monthly[index][column.get(r.category)!] += r.n;
  }
  const level = protectDimension(monthly, spec.categories.length, k)[granularity];

  // Periods before the first count and after the current one (or the last count, if later) hold
  // nothing: not shown. Suppression ran over whole years; dropping empty periods reveals nothing.
  const per = PERIODS_PER_YEAR[granularity];
  const indexOf = (month: string) => (Number(month.slice(0, 4)) - firstYear) * per + Math.floor(((Number(month.slice(5, 7)) - 1) * per) / 12);
  const firstIndex = indexOf(months[0]);
  const lastIndex = indexOf(last);
  const periods = Array.from({ length: lastIndex - firstIndex + 1 }, (_, i) => periodLabel(granularity, firstYear + Math.floor((firstIndex + i) / per), (firstIndex + i) % per));
  return {
    dimension,
    granularity,
    basis: spec.basis,
    multiValued: spec.multiValued,
    k,
    categories: [...spec.categories],
    periods,
    cells: level.cells.slice(firstIndex, lastIndex + 1),
    periodTotals: level.periodTotals.slice(firstIndex, lastIndex + 1),
    categoryTotals: level.categoryTotals,
    total: level.total,
    withheld: level.withheld,
  };
}

/** What the trail records of a view or an export: which table, under which k; never a count. */
const describe = (t: StatisticsTable) => ({ dimension: t.dimension, granularity: t.granularity, k: t.k, periods: t.periods.length, withheld: t.withheld });

/** A table as the screen shows it; the view is audited. */
export async function view(ctx: Ctx, request: StatisticsRequest): Promise<StatisticsTable> {
  const table = await publishedTable(ctx.tx, request, ctx.at);
  await ctx.audit({ action: 'statistics.viewed', details: describe(table) });
  return table;
}

/** Records an export in the trail, in the transaction that writes the file. */
export async function recordExport(ctx: Ctx, table: StatisticsTable, fileName: string): Promise<void> {
  await ctx.audit({ action: 'statistics.exported', details: { ...describe(table), format: 'csv', file: fileName } });
}

const cellText = (cell: PublishedCell, k: number) => (cell === SUPPRESSED ? `<${k}` : String(cell));

/**
 * The published table as CSV: UTF-8 with a byte-order mark (spreadsheet software on Japanese Windows
 * reads it as UTF-8 then), CRLF lines, a heading row, one row per period with its total, and a last
 * row of totals. Hidden cells read `<k`, as on screen. Headings are the user's labels (text only).
 */
export function toCsv(t: StatisticsTable, headings: CsvHeadings): string {
  const lines = [[headings.period, ...t.categories.map((c) => headings.categories[c] ?? c), headings.total].map(csvField).join(',')];
  t.periods.forEach((period, p) => lines.push([period, ...t.cells[p].map((c) => cellText(c, t.k)), cellText(t.periodTotals[p], t.k)].map(csvField).join(',')));
  lines.push([headings.total, ...t.categoryTotals.map((c) => cellText(c, t.k)), cellText(t.total, t.k)].map(csvField).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** `mamori-statistics-nationality-quarter-20261129.csv` */
export const suggestedName = (t: StatisticsTable, at: string) => `mamori-statistics-${t.dimension}-${t.granularity}-${at.slice(0, 10).replace(/-/g, '')}.csv`;
