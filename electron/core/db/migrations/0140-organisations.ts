import type { Migration } from './migration';

/**
 * The registry of Technical Intern Training organisations and brokers (issue 15): entries with
 * their names (searchable like cases: trigrams, and a scan of the names for shorter queries), the
 * chain between them, an append-only status history (bans from–to, licence revoked, name
 * disclosed, reinstated), violations, missing-intern reports per half-year, the cases they are
 * involved in, and the same-workplace follow-up (other trainees to interview). Types are a lookup the 育成就労 terms join by date (electron/common/organisations.ts).
 */
export const migration0140: Migration = {
  version: 140,
  name: 'organisations',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE organisations (
        num INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        name_ja TEXT NOT NULL,
        name_latin TEXT NOT NULL,
        corporate_number TEXT UNIQUE,
        prefecture TEXT NOT NULL,
        country TEXT NOT NULL,
        licence_number TEXT NOT NULL,
        notes TEXT NOT NULL,
        -- Both names in search form (NFKC, lower case, katakana as hiragana): a query shorter than a
        -- trigram (a two-kanji part of a name) scans this column; the registry stays small.
        search_names TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX organisations_by_type ON organisations (type, name_latin);

      CREATE TABLE organisation_relations (
        from_id TEXT NOT NULL REFERENCES organisations (id),
        to_id TEXT NOT NULL REFERENCES organisations (id),
        PRIMARY KEY (from_id, to_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX organisation_relations_to ON organisation_relations (to_id);

      CREATE TABLE organisation_statuses (
        id TEXT PRIMARY KEY,
        organisation_id TEXT NOT NULL REFERENCES organisations (id),
        kind TEXT NOT NULL CHECK (kind IN ('banned', 'licence-revoked', 'name-disclosed', 'reinstated')),
        from_date TEXT NOT NULL,
        to_date TEXT CHECK (to_date IS NULL OR (kind = 'banned' AND to_date >= from_date)),
        decision_reference TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX organisation_statuses_by_org ON organisation_statuses (organisation_id, from_date);

      CREATE TABLE organisation_violations (
        id TEXT PRIMARY KEY,
        organisation_id TEXT NOT NULL REFERENCES organisations (id),
        on_date TEXT NOT NULL,
        article TEXT NOT NULL,
        source TEXT NOT NULL,
        note TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX organisation_violations_by_org ON organisation_violations (organisation_id, on_date);

      CREATE TABLE organisation_missing_reports (
        organisation_id TEXT NOT NULL REFERENCES organisations (id),
        half TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0),
        source TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id),
        PRIMARY KEY (organisation_id, half)
      ) STRICT, WITHOUT ROWID;

      -- History is append-only: a ban that ended early is followed by a reinstatement, never edited.
      CREATE TRIGGER organisation_statuses_no_update BEFORE UPDATE ON organisation_statuses BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      CREATE TRIGGER organisation_statuses_no_delete BEFORE DELETE ON organisation_statuses BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      CREATE TRIGGER organisation_violations_no_update BEFORE UPDATE ON organisation_violations BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      CREATE TRIGGER organisation_violations_no_delete BEFORE DELETE ON organisation_violations BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

      CREATE TABLE case_organisations (
        case_id TEXT NOT NULL REFERENCES cases (id),
        organisation_id TEXT NOT NULL REFERENCES organisations (id),
        linked_at TEXT NOT NULL,
        linked_by TEXT NOT NULL REFERENCES users (id),
        PRIMARY KEY (case_id, organisation_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_organisations_by_org ON case_organisations (organisation_id, case_id);

      -- Same-workplace follow-up: other trainees of an organisation to interview, each assigned to an officer.
      CREATE TABLE organisation_followups (
        id TEXT PRIMARY KEY,
        organisation_id TEXT NOT NULL REFERENCES organisations (id),
        trainee TEXT NOT NULL,
        planned_on TEXT,
        outcome TEXT NOT NULL,
        note TEXT NOT NULL,
        assigned_to TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX organisation_followups_by_org ON organisation_followups (organisation_id, planned_on);
      CREATE INDEX organisation_followups_by_officer ON organisation_followups (assigned_to, planned_on);

      CREATE VIRTUAL TABLE organisations_fts USING fts5 (names, content = '', contentless_delete = 1, tokenize = 'trigram');
    `);
  },
};
