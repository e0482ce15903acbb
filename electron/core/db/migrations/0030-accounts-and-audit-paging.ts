import type { Migration } from './migration';

/**
 * Per-user last view (restored at sign-in) and indexes for time-range audit queries: with a
 * time range the planner ranges over (filter, at) and sorts only that slice by seq.
 */
export const migration0030: Migration = {
  version: 30,
  name: 'accounts-and-audit-paging',
  async up(tx) {
    await tx.exec(`
      ALTER TABLE users ADD COLUMN last_view TEXT;
      CREATE INDEX audit_log_by_at ON audit_log (at, seq);
      CREATE INDEX audit_log_by_actor_at ON audit_log (actor_id, at);
      CREATE INDEX audit_log_by_action_at ON audit_log (action, at);
      CREATE INDEX audit_log_by_case_ref_at ON audit_log (case_ref, at) WHERE case_ref IS NOT NULL;
    `);
  },
};
