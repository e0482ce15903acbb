import type { Migration } from './migration';

/**
 * Four eyes (issue 14.6): every account that ever wrote a recommendation's draft, not only its
 * creator and submitter, so core can refuse an approval by anyone who shaped it. Append-only; the
 * purge of a closed case (0090) is the one exception. Existing decisions are filled from what the
 * vault already knows: the creator, the submitter, and every `decision.draft-saved` entry of the
 * audit trail.
 */
export const migration0110: Migration = {
  version: 110,
  name: 'decision-editors',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE decision_editors (
        decision_id TEXT NOT NULL REFERENCES decisions (id),
        user_id TEXT NOT NULL REFERENCES users (id),
        first_at TEXT NOT NULL,
        PRIMARY KEY (decision_id, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER decision_editors_no_update BEFORE UPDATE ON decision_editors
      BEGIN SELECT RAISE(ABORT, 'the editors of a recommendation are append-only'); END;
      CREATE TRIGGER decision_editors_no_delete BEFORE DELETE ON decision_editors
      WHEN NOT EXISTS (SELECT 1 FROM decisions d JOIN case_purges p ON p.case_id = d.case_id WHERE d.id = OLD.decision_id)
      BEGIN SELECT RAISE(ABORT, 'the editors of a recommendation are append-only'); END;

      INSERT OR IGNORE INTO decision_editors (decision_id, user_id, first_at)
        SELECT id, created_by, created_at FROM decisions;
      INSERT OR IGNORE INTO decision_editors (decision_id, user_id, first_at)
        SELECT a.decision_id, a.actor_id, min(a.at) FROM (
          SELECT substr(target, 10) AS decision_id, actor_id, at FROM audit_log
          WHERE action = 'decision.draft-saved' AND target LIKE 'decision:%' AND actor_id IS NOT NULL
        ) a
        WHERE a.decision_id IN (SELECT id FROM decisions) AND a.actor_id IN (SELECT id FROM users)
        GROUP BY a.decision_id, a.actor_id;
      INSERT OR IGNORE INTO decision_editors (decision_id, user_id, first_at)
        SELECT id, submitted_by, submitted_at FROM decisions WHERE submitted_by IS NOT NULL;
    `);
  },
};
