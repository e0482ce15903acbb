import type { Migration } from './migration';

/**
 * Indexes that let My work (work/work.repository.ts) walk indexes instead of rows (issue 17: My
 * work for an officer of 20,000 cases under 10 ms at 100,000 cases).
 *
 * - The deadline lists walk `case_deadlines` by date and keep the rows of the user's open cases.
 *   With the index on (date, kind), every step read the table row too, for its case number: an
 *   officer's overdue expiries walk about a thousand rows to find their hundred. The index now holds
 *   the case number.
 * - The considerations and screening lists walk cases in update order and keep those at some stages.
 *   Both update-order indexes now hold the stage, so a case at another stage is passed over without
 *   reading its row (SQLite reads a column from the index when it holds it, and seeks the row only
 *   for what it lacks). The case list's own update order (updated_at, then num) must stay whole:
 *   `num` is named before the stage, where the old index held it implicitly as the rowid.
 */
export const migration0190: Migration = {
  version: 190,
  name: 'my-work-indexes',
  async up(tx) {
    await tx.exec(`
      DROP INDEX case_deadlines_by_date;
      CREATE INDEX case_deadlines_by_date ON case_deadlines (date, kind, case_num);
      DROP INDEX cases_by_updated_at;
      CREATE INDEX cases_by_updated_at ON cases (updated_at, num, stage);
      DROP INDEX cases_screening_due;
      CREATE INDEX cases_screening_due ON cases (updated_at, stage) WHERE screening_due = 1;
    `);
  },
};
