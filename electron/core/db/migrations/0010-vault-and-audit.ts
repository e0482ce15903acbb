import type { Migration } from './migration';

/** Vault identity and the append-only, hash-chained audit trail (DESIGN.md §4). */
export const migration0010: Migration = {
  version: 10,
  name: 'vault-and-audit',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id TEXT,
        actor_role TEXT,
        action TEXT NOT NULL,
        case_ref TEXT,
        target TEXT,
        details TEXT NOT NULL DEFAULT '{}',
        mac TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_by_case_ref ON audit_log (case_ref, seq) WHERE case_ref IS NOT NULL;
      CREATE INDEX audit_log_by_actor ON audit_log (actor_id, seq);
      CREATE INDEX audit_log_by_action ON audit_log (action, seq);

      -- The trail is append-only: nothing, not even core, may rewrite or remove an entry.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
