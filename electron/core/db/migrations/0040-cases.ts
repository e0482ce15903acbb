import type { Migration } from './migration';

/**
 * Case files (DESIGN.md §5). Sealed values live in their own table so that no list or search
 * query ever reads them; the full-text index holds names, aliases, references and non-sealed
 * notes only.
 */
export const migration0040: Migration = {
  version: 40,
  name: 'cases',
  async up(tx) {
    await tx.exec(`
      -- The case header: everything the list filters, sorts and shows, kept narrow so that a
      -- list or a count over 100,000 cases reads few pages. num is the stable internal key
      -- (an alias of the rowid, unchanged by VACUUM) used by the search index and link tables.
      CREATE TABLE cases (
        num INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        reference TEXT NOT NULL UNIQUE,
        ref_year INTEGER NOT NULL,
        ref_seq INTEGER NOT NULL,
        stage TEXT NOT NULL CHECK (stage IN ('intake', 'identification', 'protection', 'decision', 'approval', 'closed')),
        risk_level TEXT NOT NULL CHECK (risk_level IN ('low', 'medium', 'high', 'critical')),
        flags TEXT NOT NULL DEFAULT '[]',
        supervisor_id TEXT REFERENCES users (id),
        masked_name TEXT NOT NULL,
        sex TEXT NOT NULL,
        nationality TEXT NOT NULL,
        situation TEXT NOT NULL,
        next_deadline TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (ref_year, ref_seq)
      ) STRICT;
      CREATE INDEX cases_by_updated_at ON cases (updated_at);
      CREATE INDEX cases_by_stage ON cases (stage, updated_at);
      CREATE INDEX cases_by_risk_level ON cases (risk_level, updated_at);
      CREATE INDEX cases_by_nationality ON cases (nationality, stage, updated_at);
      CREATE INDEX cases_by_situation ON cases (situation, updated_at);
      CREATE INDEX cases_by_next_deadline ON cases (next_deadline) WHERE next_deadline IS NOT NULL;

      -- Everything else about the person and the situation, read one case at a time.
      CREATE TABLE case_details (
        case_num INTEGER PRIMARY KEY REFERENCES cases (num),
        family_name TEXT NOT NULL,
        given_name TEXT NOT NULL,
        family_name_native TEXT NOT NULL,
        given_name_native TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        date_of_birth TEXT,
        languages TEXT NOT NULL,
        interpreter_needed INTEGER NOT NULL,
        status_of_residence TEXT NOT NULL,
        period_of_stay_expiry TEXT,
        situation_since TEXT,
        measure_conditions TEXT NOT NULL,
        reporting_dates TEXT NOT NULL DEFAULT '[]',
        exploitation TEXT NOT NULL,
        referral_source TEXT NOT NULL,
        identification_status TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_officers (
        case_num INTEGER NOT NULL REFERENCES cases (num),
        user_id TEXT NOT NULL REFERENCES users (id),
        PRIMARY KEY (case_num, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_officers_by_user_id ON case_officers (user_id, case_num);

      CREATE TABLE case_exploitation_types (
        case_num INTEGER NOT NULL REFERENCES cases (num),
        type TEXT NOT NULL,
        PRIMARY KEY (case_num, type)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_exploitation_types_by_type ON case_exploitation_types (type, case_num);

      -- Never read by a list or a search; revealed one field at a time with a recorded reason.
      CREATE TABLE case_sealed (
        case_id TEXT NOT NULL REFERENCES cases (id),
        field TEXT NOT NULL CHECK (field IN ('whereabouts', 'identity-documents', 'residence-card-number')),
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users (id),
        PRIMARY KEY (case_id, field)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE case_notes (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        at TEXT NOT NULL,
        author_id TEXT NOT NULL REFERENCES users (id),
        type TEXT NOT NULL,
        sealed INTEGER NOT NULL CHECK (sealed IN (0, 1)),
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_notes_by_case_id ON case_notes (case_id, at);

      CREATE TABLE case_events (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL REFERENCES users (id),
        kind TEXT NOT NULL CHECK (kind IN ('created', 'stage', 'assigned', 'conflict-acknowledged')),
        from_stage TEXT,
        to_stage TEXT,
        reason TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX case_events_by_case_id ON case_events (case_id, at);

      CREATE TABLE adverse_parties (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        name_variants TEXT NOT NULL DEFAULT '[]',
        organisation TEXT NOT NULL,
        contact TEXT NOT NULL,
        notes TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX adverse_parties_by_case_id ON adverse_parties (case_id);

      -- Trigram: substring search across Latin, kana and kanji. Contentless: the text lives in the
      -- tables above, the index only points at cases by num. Sealed text is never written here.
      CREATE VIRTUAL TABLE cases_fts USING fts5 (names, reference, notes, content = '', contentless_delete = 1, tokenize = 'trigram');
      -- Queries of one or two characters (a two-kanji family name) are too short for trigrams:
      -- they match name words by prefix here instead.
      CREATE VIRTUAL TABLE cases_name_prefix USING fts5 (names, content = '', contentless_delete = 1, tokenize = 'unicode61', prefix = '1 2');
    `);
  },
};
