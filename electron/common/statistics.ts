/**
 * Non-identifying statistics (issue 15): the fixed set of tables a supervisor or administrator can
 * see, each one dimension by one period granularity, and the threshold k below which a count is
 * never shown. The set is fixed on purpose — no free filters, no date ranges — so nobody can ask two
 * slightly different questions and subtract the answers (see suppression.ts for what protects the
 * cells of these tables, and README "Statistics" for what it does not).
 *
 * A dimension is a list of categories, the population it counts and the periods it can be read by.
 * Case dimensions come from the counts the database keeps (migration 0150); the registry's
 * (organisation status decisions, missing-intern reports per half-year) are counted directly.
 * Their SQL is in electron/core/statistics/statistics.repository.ts.
 */
import { z } from 'zod';
import { COMMON_NATIONALITIES, EXPLOITATION_TYPES, REFERRAL_SOURCES, SEXES, STAGES } from './cases';
import { PATHWAYS } from './guidance';
import { ORGANISATION_TYPES, STATUS_KINDS } from './organisations';
import { RETENTION_OUTCOMES } from './retention';

/** k: the smallest count shown. Administrators set it from 5 to 20 (issue 15); 10 by default. */
export const STATISTICS_THRESHOLD_MIN = 5;
export const STATISTICS_THRESHOLD_MAX = 20;
export const STATISTICS_THRESHOLD_DEFAULT = 10;
export const StatisticsThresholdSchema = z.number().int().min(STATISTICS_THRESHOLD_MIN).max(STATISTICS_THRESHOLD_MAX);

export const STATISTICS_DIMENSIONS = [
  'stage',
  'exploitation-type',
  'nationality',
  'sex',
  'age-band',
  'referral-source',
  'pathway-recommended',
  'pathway-decided',
  'outcome',
  'organisation-status',
  'missing-interns',
] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

export const STATISTICS_GRANULARITIES = ['month', 'quarter', 'half-year', 'year'] as const;
export type StatisticsGranularity = (typeof STATISTICS_GRANULARITIES)[number];

/**
 * Age at intake (the day the case was opened, Japan time), so a case keeps its band however late
 * the table is read and a band never moves a case between periods. No date of birth: 'unknown'. The
 * same bands as the non-identifying summary (summary.ts ageBand).
 */
export const AGE_BANDS = ['under-18', '18-24', '25-34', '35-44', '45-54', '55-plus', 'unknown'] as const;

/**
 * What a dimension counts and which date puts a count in a period (Japan Standard Time, UTC+9, the
 * agency's reporting calendar):
 * - `opened`: cases, by the day the case was opened (its current stage, its recorded facts);
 * - `submitted`: recommendations submitted for approval, each once, by its latest submission, with
 *   the pathway it was submitted with (the frozen snapshot);
 * - `approved`: decisions approved by a supervisor, by the day of approval (a later supersession
 *   does not undo that a decision was taken then);
 * - `closed`: closed cases, by the day they were closed, with how they ended;
 * - `status-effective`: the registry's status decisions (bans, licences revoked, names disclosed,
 *   reinstatements), by the day each took effect;
 * - `reported`: interns reported missing, per half-year as reported, by the type of the organisation
 *   they were reported missing from (only by half-year or year: reports have no finer date).
 */
export const STATISTICS_BASES = ['opened', 'submitted', 'approved', 'closed', 'status-effective', 'reported'] as const;
export type StatisticsBasis = (typeof STATISTICS_BASES)[number];

export interface DimensionSpec {
  readonly categories: readonly string[];
  readonly basis: StatisticsBasis;
  /** A case may count under several categories (its cells add up to mentions, not cases). */
  readonly multiValued: boolean;
  /** The periods it can be read by (the first is the default). */
  readonly granularities: readonly StatisticsGranularity[];
}

const ALL_PERIODS = STATISTICS_GRANULARITIES;

export const DIMENSIONS: Record<StatisticsDimension, DimensionSpec> = {
  stage: { categories: STAGES, basis: 'opened', multiValued: false, granularities: ALL_PERIODS },
  // A case with several exploitation types counts under each; one with none recorded under 'not-recorded'.
  'exploitation-type': { categories: [...EXPLOITATION_TYPES, 'not-recorded'], basis: 'opened', multiValued: true, granularities: ALL_PERIODS },
  // The less common nationalities are the most identifying: they are counted together as 'other'.
  nationality: { categories: [...COMMON_NATIONALITIES, 'other'], basis: 'opened', multiValued: false, granularities: ALL_PERIODS },
  sex: { categories: SEXES, basis: 'opened', multiValued: false, granularities: ALL_PERIODS },
  'age-band': { categories: AGE_BANDS, basis: 'opened', multiValued: false, granularities: ALL_PERIODS },
  'referral-source': { categories: REFERRAL_SOURCES, basis: 'opened', multiValued: false, granularities: ALL_PERIODS },
  'pathway-recommended': { categories: PATHWAYS, basis: 'submitted', multiValued: false, granularities: ALL_PERIODS },
  'pathway-decided': { categories: PATHWAYS, basis: 'approved', multiValued: false, granularities: ALL_PERIODS },
  outcome: { categories: RETENTION_OUTCOMES, basis: 'closed', multiValued: false, granularities: ALL_PERIODS },
  'organisation-status': { categories: STATUS_KINDS, basis: 'status-effective', multiValued: false, granularities: ALL_PERIODS },
  'missing-interns': { categories: ORGANISATION_TYPES, basis: 'reported', multiValued: false, granularities: ['half-year', 'year'] },
};

/** A published cell: a count of k or more, a zero, or the marker of a hidden count. Never 1 to k−1. */
export const SUPPRESSED = 'suppressed' as const;
export const PublishedCellSchema = z.union([z.number().int().min(0), z.literal(SUPPRESSED)]);
export type PublishedCell = z.infer<typeof PublishedCellSchema>;

export const StatisticsRequestSchema = z
  .object({ dimension: z.enum(STATISTICS_DIMENSIONS), granularity: z.enum(STATISTICS_GRANULARITIES) })
  .strict();
export type StatisticsRequest = z.infer<typeof StatisticsRequestSchema>;

/** Whether a cell may cross the boundary under threshold k. */
export const isPublishable = (cell: PublishedCell, k: number): boolean => cell === SUPPRESSED || cell === 0 || cell >= k;

/**
 * One published table. Rows are periods (`2026-03`, `2026-Q1`, `2026`) from the first year with any
 * count to the current period; columns are the dimension's categories. Every count in it has been
 * through the suppression in core: the schema refuses a count from 1 to k−1 anywhere, so a fault
 * that let one through would fail the request rather than show it.
 */
export const StatisticsTableSchema = z
  .object({
    dimension: z.enum(STATISTICS_DIMENSIONS),
    granularity: z.enum(STATISTICS_GRANULARITIES),
    basis: z.enum(STATISTICS_BASES),
    multiValued: z.boolean(),
    k: StatisticsThresholdSchema,
    categories: z.array(z.string()),
    periods: z.array(z.string()),
    /** periods × categories. */
    cells: z.array(z.array(PublishedCellSchema)),
    periodTotals: z.array(PublishedCellSchema),
    categoryTotals: z.array(PublishedCellSchema),
    total: PublishedCellSchema,
    /** The table could not be protected by hiding some cells, so every cell is hidden. */
    withheld: z.boolean(),
  })
  .superRefine((t, issue) => {
    const all = [...t.cells.flat(), ...t.periodTotals, ...t.categoryTotals, t.total];
    if (!all.every((c) => isPublishable(c, t.k))) issue.addIssue({ code: 'custom', message: 'statistics.unsuppressed' });
    if (t.cells.length !== t.periods.length || t.cells.some((row) => row.length !== t.categories.length)) {
      issue.addIssue({ code: 'custom', message: 'statistics.shape' });
    }
  });
export type StatisticsTable = z.infer<typeof StatisticsTableSchema>;

/** The column headings of a CSV export, in the user's language (text only: the counts come from core). */
const Heading = z.string().trim().min(1).max(80);
/** Every category code of every dimension: the only keys a heading may be given for (so the map is bounded). */
const CATEGORY_CODES = [...new Set(Object.values(DIMENSIONS).flatMap((d) => d.categories))] as [string, ...string[]];
export const CsvHeadingsSchema = z
  .object({ period: Heading, total: Heading, categories: z.partialRecord(z.enum(CATEGORY_CODES), Heading) })
  .strict();
export type CsvHeadings = z.infer<typeof CsvHeadingsSchema>;

/** A period's label: `2026-03`, `2026-Q1`, `2026-H1` or `2026`. */
export function periodLabel(granularity: StatisticsGranularity, year: number, index: number): string {
  if (granularity === 'year') return String(year);
  if (granularity === 'quarter') return `${year}-Q${index + 1}`;
  if (granularity === 'half-year') return `${year}-H${index + 1}`;
  return `${year}-${String(index + 1).padStart(2, '0')}`;
}
