import type { Migration } from './migration';

/**
 * Statistics counts kept up to date by the database itself (issue 15: all dimensions over all
 * years < 300 ms at 100,000 cases; counting the cases table for each of nine dimensions took
 * seconds). `statistics_counts` holds, per dimension, Japan-time month and raw value, how many
 * cases (or recommendations, or decisions) have it. Triggers on the tables the values live in keep
 * it exact in the same transaction as every write, whichever code path writes (intake, edits,
 * decisions, closing, a purge); a direct count over the tables is the test's oracle
 * (tests/integration/statistics.test.ts).
 *
 * Values are stored raw — a nationality code, an age in whole years at intake — and grouped into
 * the published categories ('other' nationalities, age bands) by the service, so a change of those
 * groups needs no rebuild of this table. Rows are counts only: no case, no name, no free text.
 *
 * The counting rules (what `DIMENSIONS` in common/statistics.ts describes):
 * - stage, nationality, sex, exploitation type, age, referral source: every case, by the month it
 *   was opened; a case with no exploitation type counts as 'not-recorded';
 * - pathway recommended: each recommendation with a frozen snapshot, by its latest submission;
 * - pathway decided: each approval (superseded later or not), by the month of approval;
 * - outcome: each closed case, by the month it was closed.
 */

/** `YYYY-MM` of an ISO instant in Japan time (UTC+9, no daylight saving). */
const month = (column: string) => `strftime('%Y-%m', ${column}, '+9 hours')`;

/** Adds `delta` to one count, when `when` holds and the month and value are known. */
const count = (dimension: string, m: string, value: string, delta: 1 | -1, when = '1') =>
  `INSERT INTO statistics_counts (dimension, month, value, n)
     SELECT '${dimension}', ${m}, ${value}, ${delta} WHERE (${when}) AND ${m} IS NOT NULL AND ${value} IS NOT NULL
     ON CONFLICT (dimension, month, value) DO UPDATE SET n = n + excluded.n;`;

/** Age in whole years at intake (the Japan-time day the case was opened), or 'unknown'. */
const age = (dob: string, createdAt: string) => {
  const day = `date(${createdAt}, '+9 hours')`;
  const years = `(CAST(substr(${day}, 1, 4) AS INTEGER) - CAST(substr(${dob}, 1, 4) AS INTEGER) - (substr(${day}, 6, 5) < substr(${dob}, 6, 5)))`;
  return `(CASE WHEN ${dob} IS NULL OR ${years} < 0 THEN 'unknown' ELSE CAST(${years} AS TEXT) END)`;
};

/** The month a case (by its num) was opened. */
const openedMonth = (caseNum: string) => month(`(SELECT created_at FROM cases WHERE num = ${caseNum})`);
const openedAt = (caseNum: string) => `(SELECT created_at FROM cases WHERE num = ${caseNum})`;
const typeCount = (caseNum: string) => `(SELECT count(*) FROM case_exploitation_types WHERE case_num = ${caseNum})`;

/** A case's own columns: stage, nationality, sex; its outcome once closed. */
const caseCounts = (row: 'NEW' | 'OLD', delta: 1 | -1) => [
  count('stage', month(`${row}.created_at`), `${row}.stage`, delta),
  count('nationality', month(`${row}.created_at`), `${row}.nationality`, delta),
  count('sex', month(`${row}.created_at`), `${row}.sex`, delta),
  count('outcome', month(`${row}.closed_at`), `${row}.closing_outcome`, delta, `${row}.stage = 'closed'`),
];

/** A case's details: its age at intake and referral source (the case row is written first, removed last). */
const detailCounts = (row: 'NEW' | 'OLD', delta: 1 | -1) => [
  count('age', openedMonth(`${row}.case_num`), age(`${row}.date_of_birth`, openedAt(`${row}.case_num`)), delta),
  count('referral-source', openedMonth(`${row}.case_num`), `${row}.referral_source`, delta),
];

const PATHWAY = (row: string) => `json_extract(${row}.snapshot, '$.recommendation.pathway')`;
const decisionCounts = (row: 'NEW' | 'OLD', delta: 1 | -1) => [
  count('pathway-recommended', month(`${row}.submitted_at`), PATHWAY(row), delta, `${row}.snapshot IS NOT NULL`),
  count('pathway-decided', month(`${row}.decided_at`), PATHWAY(row), delta, `${row}.status IN ('approved', 'superseded')`),
];

const trigger = (name: string, event: string, body: string[]) => `CREATE TRIGGER ${name} ${event} BEGIN\n${body.join('\n')}\nEND;`;

export const migration0150: Migration = {
  version: 150,
  name: 'statistics-counts',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE statistics_counts (
        dimension TEXT NOT NULL,
        month TEXT NOT NULL,
        value TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (dimension, month, value)
      ) STRICT, WITHOUT ROWID;

      ${trigger('statistics_case_insert', 'AFTER INSERT ON cases', [
        ...caseCounts('NEW', 1),
        // No exploitation type yet: 'not-recorded' until the first is written.
        count('exploitation-type', month('NEW.created_at'), "'not-recorded'", 1, `${typeCount('NEW.num')} = 0`),
      ])}
      ${trigger('statistics_case_update', 'AFTER UPDATE OF stage, nationality, sex, closed_at, closing_outcome ON cases', [...caseCounts('OLD', -1), ...caseCounts('NEW', 1)])}
      ${trigger('statistics_case_delete', 'AFTER DELETE ON cases', [
        ...caseCounts('OLD', -1),
        count('exploitation-type', month('OLD.created_at'), "'not-recorded'", -1, `${typeCount('OLD.num')} = 0`),
      ])}
      -- The day a case was opened is fixed: every count above is filed under it.
      CREATE TRIGGER statistics_case_opened_fixed BEFORE UPDATE OF created_at ON cases WHEN OLD.created_at IS NOT NEW.created_at
        BEGIN SELECT RAISE(ABORT, 'a case''s opening date is fixed'); END;

      ${trigger('statistics_details_insert', 'AFTER INSERT ON case_details', detailCounts('NEW', 1))}
      ${trigger('statistics_details_update', 'AFTER UPDATE OF date_of_birth, referral_source, case_num ON case_details', [...detailCounts('OLD', -1), ...detailCounts('NEW', 1)])}
      ${trigger('statistics_details_delete', 'AFTER DELETE ON case_details', detailCounts('OLD', -1))}

      ${trigger('statistics_type_insert', 'AFTER INSERT ON case_exploitation_types', [
        count('exploitation-type', openedMonth('NEW.case_num'), 'NEW.type', 1),
        count('exploitation-type', openedMonth('NEW.case_num'), "'not-recorded'", -1, `${typeCount('NEW.case_num')} = 1`),
      ])}
      ${trigger('statistics_type_delete', 'AFTER DELETE ON case_exploitation_types', [
        count('exploitation-type', openedMonth('OLD.case_num'), 'OLD.type', -1),
        count('exploitation-type', openedMonth('OLD.case_num'), "'not-recorded'", 1, `${typeCount('OLD.case_num')} = 0`),
      ])}
      CREATE TRIGGER statistics_type_fixed BEFORE UPDATE ON case_exploitation_types
        BEGIN SELECT RAISE(ABORT, 'exploitation types are replaced, not edited'); END;

      ${trigger('statistics_decision_insert', 'AFTER INSERT ON decisions', decisionCounts('NEW', 1))}
      ${trigger('statistics_decision_update', 'AFTER UPDATE OF status, snapshot, submitted_at, decided_at ON decisions', [...decisionCounts('OLD', -1), ...decisionCounts('NEW', 1)])}
      ${trigger('statistics_decision_delete', 'AFTER DELETE ON decisions', decisionCounts('OLD', -1))}
    `);

    // What the vault already holds.
    const fill = (dimension: string, select: string) =>
      tx.exec(`INSERT INTO statistics_counts (dimension, month, value, n)
        SELECT '${dimension}', m, v, count(*) FROM (${select}) WHERE m IS NOT NULL AND v IS NOT NULL GROUP BY m, v;`);
    await fill('stage', `SELECT ${month('created_at')} AS m, stage AS v FROM cases`);
    await fill('nationality', `SELECT ${month('created_at')} AS m, nationality AS v FROM cases`);
    await fill('sex', `SELECT ${month('created_at')} AS m, sex AS v FROM cases`);
    await fill('outcome', `SELECT ${month('closed_at')} AS m, closing_outcome AS v FROM cases WHERE stage = 'closed'`);
    await fill(
      'exploitation-type',
      `SELECT ${month('c.created_at')} AS m, coalesce(t.type, 'not-recorded') AS v FROM cases c LEFT JOIN case_exploitation_types t ON t.case_num = c.num`,
    );
    await fill('age', `SELECT ${month('c.created_at')} AS m, ${age('d.date_of_birth', 'c.created_at')} AS v FROM cases c JOIN case_details d ON d.case_num = c.num`);
    await fill('referral-source', `SELECT ${month('c.created_at')} AS m, d.referral_source AS v FROM cases c JOIN case_details d ON d.case_num = c.num`);
    await fill('pathway-recommended', `SELECT ${month('submitted_at')} AS m, ${PATHWAY('decisions')} AS v FROM decisions WHERE snapshot IS NOT NULL`);
    await fill('pathway-decided', `SELECT ${month('decided_at')} AS m, ${PATHWAY('decisions')} AS v FROM decisions WHERE status IN ('approved', 'superseded')`);
  },
};
