import type { Migration } from './migration';

const OUTCOMES = "('residence-granted', 'returned-home', 'not-identified', 'transferred', 'contact-lost', 'other', 'unspecified')";

/**
 * The periods a vault starts with, as they were when this migration was written (a migration never
 * changes with later code): electron/common/retention.ts DEFAULT_RETENTION_MONTHS says why.
 */
const DEFAULT_MONTHS: [string, number][] = [
  ['residence-granted', 120],
  ['returned-home', 60],
  ['not-identified', 36],
  ['transferred', 60],
  ['contact-lost', 120],
  ['other', 120],
  ['unspecified', 360],
];

/**
 * Retention, legal holds and the purge (issue 13; NNEDV Safety Net: scheduled purge of records).
 *
 * - A closed case records its outcome and when it was closed; triggers keep the two in step with the
 *   stage, so an open case never carries a closing (and so is never due for purge). Cases closed
 *   before outcomes existed get 'unspecified' (the longest period) and the time of their last move
 *   to closed, or of their last change when no such event is left.
 * - The periods are written into the vault now, so a later version's defaults never shorten them.
 * - Legal holds: placed and released (once) with reasons; one in force per case at most.
 * - `case_purges` is the tombstone of a purged case: its reference (never reused) and dates, no
 *   content. Only a closed case without a hold in force can get one (trigger).
 * - Purge is the single exception to the append-only histories: their delete triggers let a row go
 *   only once its case has a tombstone, written first in the purge's own transaction. The export
 *   register outlives the case it describes (a copy found later is still traced by number and
 *   SHA-256), so it is rebuilt without its foreign key to cases, and its one permitted change is
 *   blanking the recipient, purpose and sealed-item reason (case content) of a purged case's rows.
 * - A case row is deleted only by a purge.
 */
export const migration0090: Migration = {
  version: 90,
  name: 'retention',
  async up(tx) {
    await tx.exec(`
      ALTER TABLE cases ADD COLUMN closing_outcome TEXT CHECK (closing_outcome IN ${OUTCOMES});
      ALTER TABLE cases ADD COLUMN closed_at TEXT;
      UPDATE cases SET
        closing_outcome = 'unspecified',
        closed_at = coalesce(
          (SELECT max(e.at) FROM case_events e WHERE e.case_id = cases.id AND e.kind = 'stage' AND e.to_stage = 'closed'),
          updated_at)
      WHERE stage = 'closed';
      -- The purge list ranges over the closed cases of each outcome by closing time.
      CREATE INDEX cases_closed ON cases (closing_outcome, closed_at) WHERE stage = 'closed';

      CREATE TRIGGER cases_closing_on_insert BEFORE INSERT ON cases
      WHEN (NEW.stage = 'closed') IS NOT (NEW.closing_outcome IS NOT NULL AND NEW.closed_at IS NOT NULL)
        OR (NEW.stage != 'closed' AND (NEW.closing_outcome IS NOT NULL OR NEW.closed_at IS NOT NULL))
      BEGIN SELECT RAISE(ABORT, 'a case has a closing exactly while it is closed'); END;
      CREATE TRIGGER cases_closing_on_update BEFORE UPDATE ON cases
      WHEN (NEW.stage = 'closed') IS NOT (NEW.closing_outcome IS NOT NULL AND NEW.closed_at IS NOT NULL)
        OR (NEW.stage != 'closed' AND (NEW.closing_outcome IS NOT NULL OR NEW.closed_at IS NOT NULL))
      BEGIN SELECT RAISE(ABORT, 'a case has a closing exactly while it is closed'); END;

      CREATE TABLE legal_holds (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        placed_at TEXT NOT NULL,
        placed_by TEXT NOT NULL REFERENCES users (id),
        reason TEXT NOT NULL,
        released_at TEXT,
        released_by TEXT REFERENCES users (id),
        release_reason TEXT,
        CHECK ((released_at IS NULL) = (released_by IS NULL) AND (released_at IS NULL) = (release_reason IS NULL))
      ) STRICT;
      CREATE INDEX legal_holds_by_case_id ON legal_holds (case_id, placed_at);
      CREATE UNIQUE INDEX legal_holds_in_force ON legal_holds (case_id) WHERE released_at IS NULL;
      CREATE TRIGGER legal_holds_released_once BEFORE UPDATE ON legal_holds
      WHEN OLD.released_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id OR NEW.placed_at IS NOT OLD.placed_at
        OR NEW.placed_by IS NOT OLD.placed_by OR NEW.reason IS NOT OLD.reason
      BEGIN SELECT RAISE(ABORT, 'a legal hold is only ever released, once'); END;

      CREATE TABLE case_purges (
        case_id TEXT PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        ref_year INTEGER NOT NULL,
        ref_seq INTEGER NOT NULL,
        opened_at TEXT NOT NULL,
        closed_at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ${OUTCOMES}),
        purged_at TEXT NOT NULL,
        purged_by TEXT NOT NULL REFERENCES users (id),
        UNIQUE (ref_year, ref_seq)
      ) STRICT;
      CREATE TRIGGER case_purges_closed_and_free BEFORE INSERT ON case_purges
      WHEN NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = NEW.case_id AND c.stage = 'closed' AND c.closed_at IS NOT NULL)
        OR EXISTS (SELECT 1 FROM legal_holds h WHERE h.case_id = NEW.case_id AND h.released_at IS NULL)
      BEGIN SELECT RAISE(ABORT, 'only a closed case without a legal hold in force can be purged'); END;
      CREATE TRIGGER case_purges_no_update BEFORE UPDATE ON case_purges BEGIN SELECT RAISE(ABORT, 'the purge record is append-only'); END;
      CREATE TRIGGER case_purges_no_delete BEFORE DELETE ON case_purges BEGIN SELECT RAISE(ABORT, 'the purge record is append-only'); END;

      CREATE TRIGGER cases_deleted_only_by_purge BEFORE DELETE ON cases
      WHEN NOT EXISTS (SELECT 1 FROM case_purges p WHERE p.case_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'a case is removed only by a purge'); END;
      CREATE TRIGGER legal_holds_deleted_only_by_purge BEFORE DELETE ON legal_holds
      WHEN NOT EXISTS (SELECT 1 FROM case_purges p WHERE p.case_id = OLD.case_id)
      BEGIN SELECT RAISE(ABORT, 'a legal hold is never deleted'); END;

      DROP TRIGGER case_considerations_no_delete;
      CREATE TRIGGER case_considerations_no_delete BEFORE DELETE ON case_considerations
      WHEN NOT EXISTS (SELECT 1 FROM case_purges p WHERE p.case_id = OLD.case_id)
      BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      DROP TRIGGER case_wishes_no_delete;
      CREATE TRIGGER case_wishes_no_delete BEFORE DELETE ON case_wishes
      WHEN NOT EXISTS (SELECT 1 FROM case_purges p WHERE p.case_id = OLD.case_id)
      BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      DROP TRIGGER case_iom_consents_no_delete;
      CREATE TRIGGER case_iom_consents_no_delete BEFORE DELETE ON case_iom_consents
      WHEN NOT EXISTS (SELECT 1 FROM case_purges p WHERE p.case_id = OLD.case_id)
      BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      DROP TRIGGER decisions_no_delete;
      CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
      WHEN NOT EXISTS (SELECT 1 FROM case_purges p WHERE p.case_id = OLD.case_id)
      BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END;
      DROP TRIGGER decision_events_no_delete;
      CREATE TRIGGER decision_events_no_delete BEFORE DELETE ON decision_events
      WHEN NOT EXISTS (SELECT 1 FROM decisions d JOIN case_purges p ON p.case_id = d.case_id WHERE d.id = OLD.decision_id)
      BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

      CREATE TABLE exports_new (
        number TEXT PRIMARY KEY,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        -- No foreign key: the register keeps the rows of a purged case (case_purges names it).
        case_id TEXT NOT NULL,
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
      INSERT INTO exports_new SELECT number, year, seq, case_id, case_ref, profile, medium, copy, recipient, purpose, exported_by, exported_at, pages,
        sha256, sealed_items, sealed_authorised_by, sealed_reason, anchor_seq, anchor_mac FROM exports;
      DROP TABLE exports;
      ALTER TABLE exports_new RENAME TO exports;
      CREATE INDEX exports_by_sha256 ON exports (sha256);
      CREATE INDEX exports_by_exported_at ON exports (exported_at);
      CREATE INDEX exports_by_exported_by ON exports (exported_by, exported_at);
      CREATE INDEX exports_by_case_id ON exports (case_id, profile);
      -- A new row must name a case that exists (what the foreign key did for new rows).
      CREATE TRIGGER exports_case_exists BEFORE INSERT ON exports
      WHEN NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = NEW.case_id)
      BEGIN SELECT RAISE(ABORT, 'an export names an existing case'); END;
      CREATE TRIGGER exports_no_update BEFORE UPDATE ON exports
      WHEN NOT (
        EXISTS (SELECT 1 FROM case_purges p WHERE p.case_id = OLD.case_id)
        AND NEW.recipient = '' AND NEW.purpose = '' AND NEW.sealed_reason = ''
        AND NEW.number IS OLD.number AND NEW.year IS OLD.year AND NEW.seq IS OLD.seq AND NEW.case_id IS OLD.case_id AND NEW.case_ref IS OLD.case_ref
        AND NEW.profile IS OLD.profile AND NEW.medium IS OLD.medium AND NEW.copy IS OLD.copy AND NEW.exported_by IS OLD.exported_by
        AND NEW.exported_at IS OLD.exported_at AND NEW.pages IS OLD.pages AND NEW.sha256 IS OLD.sha256 AND NEW.sealed_items IS OLD.sealed_items
        AND NEW.sealed_authorised_by IS OLD.sealed_authorised_by AND NEW.anchor_seq IS OLD.anchor_seq AND NEW.anchor_mac IS OLD.anchor_mac
      )
      BEGIN SELECT RAISE(ABORT, 'the export register is append-only'); END;
      CREATE TRIGGER exports_no_delete BEFORE DELETE ON exports BEGIN SELECT RAISE(ABORT, 'the export register is append-only'); END;
    `);
    for (const [outcome, months] of DEFAULT_MONTHS) {
      await tx.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [`retention_months.${outcome}`, String(months)]);
    }
  },
};
