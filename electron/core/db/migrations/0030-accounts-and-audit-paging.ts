import type { Migration } from './index';

/** Per-user last view (restored at sign-in) and an index for time-range audit queries. */
export const migration0030: Migration = {
  version: 30,
  name: 'accounts-and-audit-paging',
  async up(tx) {
    await tx.exec(`
      ALTER TABLE users ADD COLUMN last_view TEXT;
      CREATE INDEX audit_log_by_at ON audit_log (at, seq);
    `);
  },
};
