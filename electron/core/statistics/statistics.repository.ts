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

/** The table migration 0150 keeps each dimension's counts in (ages are stored as ages, not bands). */
const STORED: Record<StatisticsDimension, string> = {
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
 * The dimension's unsuppressed counts per month and category, from the counts the database keeps
 * (migration 0150), grouped into the dimension's categories. Never send these anywhere.
 */
export async function monthlyCounts(tx: Tx, dimension: StatisticsDimension): Promise<MonthlyCount[]> {
  const rows = await tx.all<{ month: string; value: string; n: number }>('SELECT month, value, n FROM statistics_counts WHERE dimension = ? AND n > 0', [STORED[dimension]]);
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
