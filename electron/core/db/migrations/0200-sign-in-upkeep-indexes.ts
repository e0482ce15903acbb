import type { Migration } from './migration';

/**
 * Indexes for what a supervisor's sign-in looks for before the session opens (sealing.service.ts,
 * upkeep; issue 17: sign-in to the first painted page). At 100,000 cases, on the freshly opened
 * database, the two looks took 270 to 390 ms and 100 to 190 ms of each sign-in.
 *
 * - Sealed values still stored as plaintext (from before per-case keys, or written to a case that
 *   had no key yet), to encrypt them: the look read every sealed value, note and interview record.
 *   These partial indexes hold only the rows not yet encrypted, so it reads nothing when there are
 *   none. Their condition is the one sealing.repository.ts writes (`mse1:` is crypto/sealing.ts's
 *   ENCRYPTED_PREFIX): SQLite uses a partial index only for a query with the same literal condition.
 * - An officer's assigned cases whose key is not sealed to them: the look read the row of every
 *   assigned case for its id. `cases_id_by_num` gives the id from the case number alone.
 */
export const migration0200: Migration = {
  version: 200,
  name: 'sign-in-upkeep-indexes',
  async up(tx) {
    await tx.exec(`
      CREATE INDEX case_sealed_plain ON case_sealed (case_id) WHERE substr(value, 1, 5) <> 'mse1:';
      CREATE INDEX case_notes_sealed_plain ON case_notes (case_id) WHERE sealed = 1 AND substr(body, 1, 5) <> 'mse1:';
      CREATE INDEX interview_records_plain ON interview_records (interview_id) WHERE substr(value, 1, 5) <> 'mse1:';
      CREATE INDEX cases_id_by_num ON cases (num, id);
    `);
  },
};
