import type { Migration } from './migration';

/**
 * Residence decisions (DESIGN.md §6). A recommendation is edited while it is a draft (or was
 * returned); submitting freezes a snapshot of the case's facts and its hash; a supervisor approves
 * that hash. An approved decision never changes: triggers refuse any edit except being marked
 * superseded by a newer approved one, and refuse every deletion. Events are append-only.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'decisions',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE decisions (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        status TEXT NOT NULL CHECK (status IN ('draft', 'pending', 'returned', 'approved', 'superseded')),
        draft TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL,
        submitted_at TEXT,
        submitted_by TEXT REFERENCES users (id),
        snapshot TEXT,
        snapshot_hash TEXT,
        decided_at TEXT,
        decided_by TEXT REFERENCES users (id),
        superseded_by TEXT REFERENCES decisions (id)
      ) STRICT;
      CREATE INDEX decisions_by_case_id ON decisions (case_id, created_at);
      CREATE INDEX decisions_pending ON decisions (submitted_at) WHERE status = 'pending';
      CREATE INDEX decisions_returned ON decisions (updated_at) WHERE status = 'returned';
      CREATE INDEX decisions_approved ON decisions (decided_at) WHERE status = 'approved';
      -- At most one recommendation in the works per case.
      CREATE UNIQUE INDEX decisions_one_open ON decisions (case_id) WHERE status IN ('draft', 'pending', 'returned');

      CREATE TRIGGER decisions_decided_immutable BEFORE UPDATE ON decisions
      WHEN OLD.status IN ('approved', 'superseded') AND NOT (
        OLD.status = 'approved' AND NEW.status = 'superseded' AND NEW.superseded_by IS NOT NULL
        AND NEW.draft IS OLD.draft AND NEW.snapshot IS OLD.snapshot AND NEW.snapshot_hash IS OLD.snapshot_hash
        AND NEW.submitted_by IS OLD.submitted_by AND NEW.submitted_at IS OLD.submitted_at
        AND NEW.decided_by IS OLD.decided_by AND NEW.decided_at IS OLD.decided_at
        AND NEW.case_id IS OLD.case_id AND NEW.created_by IS OLD.created_by AND NEW.created_at IS OLD.created_at
      )
      BEGIN SELECT RAISE(ABORT, 'a decided record cannot be changed'); END;
      CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END;

      CREATE TABLE decision_events (
        id TEXT PRIMARY KEY,
        decision_id TEXT NOT NULL REFERENCES decisions (id),
        kind TEXT NOT NULL CHECK (kind IN ('submitted', 'returned', 'approved', 'superseded')),
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL REFERENCES users (id),
        comment TEXT NOT NULL DEFAULT '',
        snapshot_hash TEXT
      ) STRICT;
      CREATE INDEX decision_events_by_decision_id ON decision_events (decision_id, at);
      CREATE TRIGGER decision_events_no_update BEFORE UPDATE ON decision_events BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      CREATE TRIGGER decision_events_no_delete BEFORE DELETE ON decision_events BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
    `);
  },
};
