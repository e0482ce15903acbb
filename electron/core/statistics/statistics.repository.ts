/**
 * SQL for statistics: counts per month (Japan time) and category, one query per dimension, computed
 * in the database. Reads no name, no sealed value and no free text: stages, codes, dates of birth
 * (for the age at intake) and dates only. The counts leave this file unsuppressed: only the service
 * may turn them into a published table.
 */
import type { StatisticsDimension } from '../../common/statistics';
import { COMMON_NATIONALITIES } from '../../common/cases';
import type { Tx } from '../db/connection';

export interface MonthlyCount {
  /** `YYYY-MM` in Japan Standard Time. */
  month: string;
  category: string;
  n: number;
}

/** An ISO instant as a Japan-time month or day (UTC+9, no daylight saving). */
const JST_MONTH = (column: string) => `strftime('%Y-%m', ${column}, '+9 hours')`;
const JST_DAY = (column: string) => `date(${column}, '+9 hours')`;

/** Whole years between a date of birth and a day (both YYYY-MM-DD). */
const AGE = (dob: string, day: string) => `(CAST(substr(${day}, 1, 4) AS INTEGER) - CAST(substr(${dob}, 1, 4) AS INTEGER) - (substr(${day}, 6, 5) < substr(${dob}, 6, 5)))`;

const NATIONALITIES = COMMON_NATIONALITIES.map((n) => `'${n}'`).join(', ');

/** One aggregate per dimension: month, category, count. */
const QUERIES: Record<StatisticsDimension, string> = {
  stage: `SELECT ${JST_MONTH('created_at')} AS month, stage AS category, count(*) AS n FROM cases GROUP BY 1, 2`,
  'exploitation-type': `SELECT ${JST_MONTH('c.created_at')} AS month, coalesce(t.type, 'not-recorded') AS category, count(*) AS n
    FROM cases c LEFT JOIN case_exploitation_types t ON t.case_num = c.num GROUP BY 1, 2`,
  nationality: `SELECT ${JST_MONTH('created_at')} AS month, CASE WHEN nationality IN (${NATIONALITIES}) THEN nationality ELSE 'other' END AS category, count(*) AS n
    FROM cases GROUP BY 1, 2`,
  sex: `SELECT ${JST_MONTH('created_at')} AS month, sex AS category, count(*) AS n FROM cases GROUP BY 1, 2`,
  'age-band': `SELECT month, CASE
      WHEN dob IS NULL OR age IS NULL OR age < 0 THEN 'unknown'
      WHEN age < 18 THEN 'under-18' WHEN age < 25 THEN '18-24' WHEN age < 35 THEN '25-34' WHEN age < 45 THEN '35-44' WHEN age < 55 THEN '45-54' ELSE '55-plus' END AS category,
      count(*) AS n
    FROM (SELECT ${JST_MONTH('c.created_at')} AS month, d.date_of_birth AS dob, ${AGE('d.date_of_birth', JST_DAY('c.created_at'))} AS age
          FROM cases c JOIN case_details d ON d.case_num = c.num)
    GROUP BY 1, 2`,
  'referral-source': `SELECT ${JST_MONTH('c.created_at')} AS month, d.referral_source AS category, count(*) AS n
    FROM cases c JOIN case_details d ON d.case_num = c.num GROUP BY 1, 2`,
  // Each recommendation once, at its latest submission, with the pathway its frozen snapshot holds.
  'pathway-recommended': `SELECT ${JST_MONTH('submitted_at')} AS month, json_extract(snapshot, '$.recommendation.pathway') AS category, count(*) AS n
    FROM decisions WHERE submitted_at IS NOT NULL AND snapshot IS NOT NULL GROUP BY 1, 2`,
  // Every approval, superseded later or not: the decision was taken in its period.
  'pathway-decided': `SELECT ${JST_MONTH('decided_at')} AS month, json_extract(snapshot, '$.recommendation.pathway') AS category, count(*) AS n
    FROM decisions WHERE status IN ('approved', 'superseded') AND decided_at IS NOT NULL GROUP BY 1, 2`,
  outcome: `SELECT ${JST_MONTH('closed_at')} AS month, closing_outcome AS category, count(*) AS n
    FROM cases WHERE stage = 'closed' AND closed_at IS NOT NULL GROUP BY 1, 2`,
};

/** The dimension's unsuppressed counts per month and category. Never send these anywhere. */
export function monthlyCounts(tx: Tx, dimension: StatisticsDimension): Promise<MonthlyCount[]> {
  return tx.all<MonthlyCount>(QUERIES[dimension]);
}
