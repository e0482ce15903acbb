import type { Migration } from './migration';

/**
 * The case keys each granted holder is owed: a ledger written where a gap can arise, so that a
 * supervisor's sign-in seals what is owed instead of looking for it (issue 17: sign-in).
 *
 * Before this, the sign-in's upkeep walked, for every granted holder, every case it is entitled
 * to: all keyed cases for each other supervisor and the escrow, each assigned case for each
 * officer. In a vault where most cases hold sealed information that is 200–300 ms per holder at
 * 100,000 cases, at every supervisor's sign-in, for the rare day something is owed.
 *
 * A row (case, holder) says: the case has a key, the holder's granted key may be entitled to it,
 * and no wrap to that key was there when the row was written. The triggers write it, so no code
 * path can forget to; the upkeep (sealing.service.ts) seals what it can and drops the rows that
 * are settled. A gap arises only where:
 * - an officer is assigned a case that has a key (the assigning request seals it to them when it
 *   can; the wrap's trigger then removes the row at once);
 * - a key is granted, or made granted (an officer's first key, a new escrow): it is owed every
 *   keyed case it is entitled to (a grant seals them in the same request, the escrow's at the
 *   next supervisor's sign-in).
 * A wrap to the holder's current granted key settles its row; a revoked key, an officer removed
 * from the case, and a purged case take theirs with them (the purge lists the table in CASE_PARTS).
 *
 * Rows name only a case id and a holder, inside the encrypted database: an insider who copies the
 * folder learns nothing the wraps themselves do not say. Deleting rows offline withholds a wrap,
 * which deleting the wrap's own row could do already.
 *
 * `cases_id_by_num` (0200) served only the officer's walk, and goes.
 */
const OWED_BY_HOLDER = (holder: string, keyId: string) => `
  INSERT OR IGNORE INTO case_wraps_due (case_id, holder)
    SELECT ck.case_id, ${holder} FROM case_keys ck
    WHERE (${holder} = 'escrow' OR (SELECT role FROM users WHERE id = ${holder}) = 'supervisor')
      AND NOT EXISTS (SELECT 1 FROM case_keys x WHERE x.case_id = ck.case_id AND x.holder = ${holder} AND x.key_id = ${keyId});
  INSERT OR IGNORE INTO case_wraps_due (case_id, holder)
    SELECT c.id, ${holder} FROM case_officers o JOIN cases c ON c.num = o.case_num
    WHERE o.user_id = ${holder} AND EXISTS (SELECT 1 FROM case_keys ck WHERE ck.case_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM case_keys x WHERE x.case_id = c.id AND x.holder = ${holder} AND x.key_id = ${keyId});`;

/** A wrap to the holder's current granted key settles what the holder was owed for the case. */
const SETTLED_BY_WRAP = `
  DELETE FROM case_wraps_due WHERE case_id = NEW.case_id AND holder = NEW.holder
    AND EXISTS (SELECT 1 FROM sealing_keys s WHERE s.holder = NEW.holder AND s.key_id = NEW.key_id AND s.status = 'granted');`;

export const migration0210: Migration = {
  version: 210,
  name: 'case-wraps-due',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE case_wraps_due (
        case_id TEXT NOT NULL REFERENCES cases (id),
        holder TEXT NOT NULL,
        PRIMARY KEY (case_id, holder)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_wraps_due_by_holder ON case_wraps_due (holder, case_id);

      CREATE TRIGGER case_wraps_due_assigned AFTER INSERT ON case_officers BEGIN
        INSERT OR IGNORE INTO case_wraps_due (case_id, holder)
          SELECT c.id, NEW.user_id FROM cases c JOIN sealing_keys s ON s.holder = NEW.user_id AND s.status = 'granted'
          WHERE c.num = NEW.case_num AND EXISTS (SELECT 1 FROM case_keys ck WHERE ck.case_id = c.id)
            AND NOT EXISTS (SELECT 1 FROM case_keys x WHERE x.case_id = c.id AND x.holder = NEW.user_id AND x.key_id = s.key_id);
      END;
      CREATE TRIGGER case_wraps_due_unassigned AFTER DELETE ON case_officers BEGIN
        DELETE FROM case_wraps_due WHERE holder = OLD.user_id AND case_id = (SELECT id FROM cases WHERE num = OLD.case_num);
      END;
      CREATE TRIGGER case_wraps_due_key_made AFTER INSERT ON sealing_keys WHEN NEW.status = 'granted' BEGIN
        ${OWED_BY_HOLDER('NEW.holder', 'NEW.key_id')}
      END;
      CREATE TRIGGER case_wraps_due_key_granted AFTER UPDATE OF status ON sealing_keys WHEN NEW.status = 'granted' AND OLD.status <> 'granted' BEGIN
        ${OWED_BY_HOLDER('NEW.holder', 'NEW.key_id')}
      END;
      CREATE TRIGGER case_wraps_due_key_revoked AFTER UPDATE OF status ON sealing_keys WHEN NEW.status = 'revoked' BEGIN
        DELETE FROM case_wraps_due WHERE holder = NEW.holder;
      END;
      CREATE TRIGGER case_wraps_due_wrapped AFTER INSERT ON case_keys BEGIN ${SETTLED_BY_WRAP} END;
      CREATE TRIGGER case_wraps_due_rewrapped AFTER UPDATE ON case_keys BEGIN ${SETTLED_BY_WRAP} END;

      DROP INDEX cases_id_by_num;
    `);
    // What is owed now: every granted key's gaps, as the walk would have found them.
    await tx.exec(`
      INSERT OR IGNORE INTO case_wraps_due (case_id, holder)
        SELECT ck.case_id, s.holder FROM sealing_keys s JOIN case_keys ck
        WHERE s.status = 'granted' AND (s.holder = 'escrow' OR (SELECT role FROM users WHERE id = s.holder) = 'supervisor')
          AND NOT EXISTS (SELECT 1 FROM case_keys x WHERE x.case_id = ck.case_id AND x.holder = s.holder AND x.key_id = s.key_id);
      INSERT OR IGNORE INTO case_wraps_due (case_id, holder)
        SELECT c.id, s.holder FROM sealing_keys s JOIN case_officers o ON o.user_id = s.holder JOIN cases c ON c.num = o.case_num
        WHERE s.status = 'granted' AND EXISTS (SELECT 1 FROM case_keys ck WHERE ck.case_id = c.id)
          AND NOT EXISTS (SELECT 1 FROM case_keys x WHERE x.case_id = c.id AND x.holder = s.holder AND x.key_id = s.key_id);
    `);
  },
};
