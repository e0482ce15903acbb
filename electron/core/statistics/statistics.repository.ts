/**
 * Statistics counts per month (Japan time) and category. The database keeps them as it is written
 * (migration 0150: triggers on the cases, their details, exploitation types and decisions), so a
 * table reads a few hundred rows instead of counting every case. They hold no name, no sealed value
 * and no free text. The counts leave this file unsuppressed: only the service may turn them into a
 * published table.
 */
import type { StatisticsDimension } from '../../common/statistics';
import { COMMON_NATIONALITIES } from '../../common/cases';
import { bandOfAge } from '../../common/summary';
import type { Tx } from '../db/connection';

export interface MonthlyCount {
  /** `YYYY-MM` in Japan Standard Time. */
  month: string;
  category: string;
  n: number;
}

/** The published category of a stored value: less common nationalities as 'other', ages as bands. */
function categoryOf(dimension: StatisticsDimension): (value: string) => string {
  if (dimension === 'nationality') {
    const common = new Set<string>(COMMON_NATIONALITIES);
    return (v) => (common.has(v) ? v : 'other');
  }
  if (dimension === 'age-band') return (v) => (v === 'unknown' ? v : bandOfAge(Number(v)));
  return (v) => v;
}

/** The dimensions migration 0150 keeps counts of (ages are stored as ages, not bands). */
const STORED: Partial<Record<StatisticsDimension, string>> = {
  stage: 'stage',
  'exploitation-type': 'exploitation-type',
  nationality: 'nationality',
  sex: 'sex',
  'age-band': 'age',
  'referral-source': 'referral-source',
  'pathway-recommended': 'pathway-recommended',
  'pathway-decided': 'pathway-decided',
  outcome: 'outcome',
};

/**
 * The registry's dimensions, counted directly (the registry holds hundreds of entries, not
 * hundreds of thousands). A status decision counts in the month it took effect (a calendar date);
 * a half-year's missing-intern report in the first month of its half (January or July), which is
 * why those tables are offered by half-year and year only.
 */
const DIRECT: Partial<Record<StatisticsDimension, string>> = {
  'organisation-status': `SELECT substr(from_date, 1, 7) AS value_month, kind AS value, count(*) AS n FROM organisation_statuses GROUP BY 1, 2`,
  'missing-interns': `SELECT substr(r.half, 1, 4) || CASE substr(r.half, 6, 2) WHEN 'H1' THEN '-01' ELSE '-07' END AS value_month, o.type AS value, sum(r.count) AS n
    FROM organisation_missing_reports r JOIN organisations o ON o.id = r.organisation_id GROUP BY 1, 2`,
};

/**
 * The dimension's unsuppressed counts per month and category: a case dimension's from the counts
 * the database keeps (migration 0150), grouped into its categories; a registry dimension's counted
 * directly. Never send these anywhere.
 */
export async function monthlyCounts(tx: Tx, dimension: StatisticsDimension): Promise<MonthlyCount[]> {
  const stored = STORED[dimension];
  const rows = stored
    ? await tx.all<{ month: string; value: string; n: number }>('SELECT month, value, n FROM statistics_counts WHERE dimension = ? AND n > 0', [stored])
    : await tx.all<{ month: string; value: string; n: number }>(`SELECT value_month AS month, value, n FROM (${DIRECT[dimension]!}) WHERE n > 0`);
  const category = categoryOf(dimension);
  const grouped = new Map<string, MonthlyCount>();
  for (const r of rows) {
    const c = category(r.value);
    const key = `${r.month}\u0000${c}`;
    const cell = grouped.get(key);
    if (cell) cell.n += r.n;
    else grouped.set(key, { month: r.month, category: c, n: r.n });
  }
  return [...grouped.values()];
}
