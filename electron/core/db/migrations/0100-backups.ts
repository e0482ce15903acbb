import type { Migration } from './migration';

/**
 * Verified backups (issue 13): the register of backups written from this vault, so administrators
 * see when the last verified one was made. Append-only like the audit trail. (0090 is taken by
 * retention and legal hold, built alongside.)
 */
export const migration0100: Migration = {
  version: 100,
  name: 'backups',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE backups (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        file_name TEXT NOT NULL,
        bytes INTEGER NOT NULL CHECK (bytes > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        case_count INTEGER NOT NULL,
        audit_seq INTEGER NOT NULL,
        schema_version INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX backups_by_created_at ON backups (created_at);
      CREATE TRIGGER backups_no_update BEFORE UPDATE ON backups BEGIN SELECT RAISE(ABORT, 'the backup register is append-only'); END;
      CREATE TRIGGER backups_no_delete BEFORE DELETE ON backups BEGIN SELECT RAISE(ABORT, 'the backup register is append-only'); END;
    `);
  },
};
