import type { Migration } from './migration';

/**
 * An adverse party may be a registry entry (issue 15): the employer, supervising organisation,
 * broker or recruiter a case names is linked to the organisation the registry knows, so the case
 * page shows its ban and the conflict check its names. Existing parties stay as they were, unlinked.
 */
export const migration0160: Migration = {
  version: 160,
  name: 'adverse-party-organisations',
  async up(tx) {
    // ADD COLUMN with REFERENCES needs a NULL default while foreign keys are on: unlinked is NULL.
    await tx.exec(`
      ALTER TABLE adverse_parties ADD COLUMN organisation_id TEXT REFERENCES organisations (id);
    `);
  },
};
