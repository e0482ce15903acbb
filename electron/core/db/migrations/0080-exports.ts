import type { Migration } from './migration';

/**
 * Printed case summaries (DESIGN.md §7): the export register, append-only like the audit trail,
 * and the name a person wishes to be called (the shelter handover prints it, never the legal name).
 */
export const migration0080: Migration = {
  version: 80,
  name: 'exports',
  async up(tx) {
    await tx.exec(`
      ALTER TABLE case_details ADD COLUMN preferred_name TEXT NOT NULL DEFAULT '';

      -- One row per summary that left the vault, on paper or as a PDF. Never updated or deleted:
      -- it is how a copy found later is traced to who made it, for whom and why.
      CREATE TABLE exports (
        number TEXT PRIMARY KEY,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        case_id TEXT NOT NULL REFERENCES cases (id),
        case_ref TEXT NOT NULL,
        profile TEXT NOT NULL CHECK (profile IN ('decision-brief', 'prosecution-liaison', 'shelter-handover', 'non-identifying')),
        medium TEXT NOT NULL CHECK (medium IN ('pdf', 'print')),
        copy INTEGER NOT NULL CHECK (copy >= 1),
        recipient TEXT NOT NULL,
        purpose TEXT NOT NULL,
        exported_by TEXT NOT NULL REFERENCES users (id),
        exported_at TEXT NOT NULL,
        pages INTEGER NOT NULL CHECK (pages >= 1),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        sealed_items TEXT NOT NULL DEFAULT '[]',
        sealed_authorised_by TEXT REFERENCES users (id),
        sealed_reason TEXT NOT NULL DEFAULT '',
        anchor_seq INTEGER NOT NULL,
        anchor_mac TEXT NOT NULL,
        UNIQUE (year, seq)
      ) STRICT;
      CREATE INDEX exports_by_sha256 ON exports (sha256);
      CREATE INDEX exports_by_exported_at ON exports (exported_at);
      CREATE INDEX exports_by_exported_by ON exports (exported_by, exported_at);
      CREATE INDEX exports_by_case_id ON exports (case_id, profile);
      CREATE TRIGGER exports_no_update BEFORE UPDATE ON exports BEGIN SELECT RAISE(ABORT, 'the export register is append-only'); END;
      CREATE TRIGGER exports_no_delete BEFORE DELETE ON exports BEGIN SELECT RAISE(ABORT, 'the export register is append-only'); END;
    `);
  },
};
