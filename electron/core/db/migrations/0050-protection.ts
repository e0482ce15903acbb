import type { Migration } from './migration';

/**
 * The protection workflow (DESIGN.md §6): the interpreter registry, interviews with their
 * safeguards, the three considerations and the victim's wishes, and the deadlines that feed
 * each user's "My work". Sealed values (interpreter contacts, interview records) live in their
 * own tables, read only after a recorded reason. Considerations, wishes and consents are
 * histories: rows are added, never changed or removed.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'protection',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE interpreters (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_variants TEXT NOT NULL DEFAULT '[]',
        languages TEXT NOT NULL,
        pledge_date TEXT,
        notes TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        -- Why the user went ahead although the name matched an adverse party somewhere.
        conflict_reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      CREATE TABLE interpreter_contacts (
        interpreter_id TEXT PRIMARY KEY REFERENCES interpreters (id),
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE interviews (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        status TEXT NOT NULL CHECK (status IN ('planned', 'in-progress', 'held', 'declined', 'ended-early', 'postponed')),
        planned_at TEXT NOT NULL,
        plan TEXT NOT NULL,
        interpreter_id TEXT REFERENCES interpreters (id),
        -- A supervisor's override of the safeguards unmet when it was given (cleared by any plan change).
        override_by TEXT REFERENCES users (id),
        override_at TEXT,
        override_reason TEXT,
        override_items TEXT,
        started_at TEXT,
        ended_at TEXT,
        voluntariness TEXT NOT NULL DEFAULT '',
        outcome_note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX interviews_by_case_id ON interviews (case_id, planned_at);
      CREATE INDEX interviews_open ON interviews (planned_at) WHERE status IN ('planned', 'in-progress');

      -- What was said in an interview: sealed.
      CREATE TABLE interview_records (
        interview_id TEXT PRIMARY KEY REFERENCES interviews (id),
        value TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE case_considerations (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        kind TEXT NOT NULL CHECK (kind IN ('danger-on-return', 'condition-and-protection', 'cooperation')),
        level TEXT NOT NULL CHECK (level IN ('none', 'low', 'moderate', 'high')),
        evidence TEXT NOT NULL,
        notes TEXT NOT NULL,
        assessed_on TEXT NOT NULL,
        cooperation_status TEXT,
        authority_reference TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX case_considerations_by_case_id ON case_considerations (case_id, recorded_at);
      CREATE INDEX case_considerations_by_kind ON case_considerations (case_id, kind);

      CREATE TABLE case_wishes (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        wish TEXT NOT NULL CHECK (wish IN ('remain', 'return', 'undecided')),
        own_words TEXT NOT NULL,
        expressed_on TEXT NOT NULL,
        interpreter_id TEXT REFERENCES interpreters (id),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX case_wishes_by_case_id ON case_wishes (case_id, recorded_at);

      CREATE TABLE case_iom_consents (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        consent TEXT NOT NULL CHECK (consent IN ('given', 'refused', 'withdrawn')),
        on_date TEXT NOT NULL,
        notes TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX case_iom_consents_by_case_id ON case_iom_consents (case_id, recorded_at);

      CREATE TRIGGER case_considerations_no_update BEFORE UPDATE ON case_considerations BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      CREATE TRIGGER case_considerations_no_delete BEFORE DELETE ON case_considerations BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      CREATE TRIGGER case_wishes_no_update BEFORE UPDATE ON case_wishes BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      CREATE TRIGGER case_wishes_no_delete BEFORE DELETE ON case_wishes BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      CREATE TRIGGER case_iom_consents_no_update BEFORE UPDATE ON case_iom_consents BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      CREATE TRIGGER case_iom_consents_no_delete BEFORE DELETE ON case_iom_consents BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

      -- Every dated obligation of a case, one row each, so "My work" reads a user's next 30 days
      -- through an index instead of parsing every case's dates.
      CREATE TABLE case_deadlines (
        case_num INTEGER NOT NULL REFERENCES cases (num),
        kind TEXT NOT NULL CHECK (kind IN ('period-of-stay-expiry', 'reporting')),
        date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX case_deadlines_by_case_num ON case_deadlines (case_num, date);
      CREATE INDEX case_deadlines_by_date ON case_deadlines (date, kind);

      INSERT INTO case_deadlines (case_num, kind, date)
        SELECT case_num, 'period-of-stay-expiry', period_of_stay_expiry FROM case_details WHERE period_of_stay_expiry IS NOT NULL;
      INSERT INTO case_deadlines (case_num, kind, date, note)
        SELECT d.case_num, 'reporting', json_extract(r.value, '$.date'), coalesce(json_extract(r.value, '$.note'), '')
        FROM case_details d, json_each(d.reporting_dates) r;

      -- A supervisor's own cases (My work, the review queue).
      CREATE INDEX cases_by_supervisor_id ON cases (supervisor_id) WHERE supervisor_id IS NOT NULL;
    `);
  },
};
