import { randomUUID } from 'node:crypto';
import type { Migration } from './migration';

/** The stage check as migration 0040 wrote it, and as it reads with the decided stage. */
const STAGE_CHECK = "CHECK (stage IN ('intake', 'identification', 'protection', 'decision', 'approval', 'closed'))";
const WITH_DECIDED = "CHECK (stage IN ('intake', 'identification', 'protection', 'decision', 'approval', 'decided', 'closed'))";

/**
 * The decided stage (issue 16): approving a recommendation moves the case from approval to
 * `decided`, where it had stayed at approval as if still waiting.
 *
 * The stage's CHECK gains one value. SQLite cannot alter a CHECK, and rebuilding `cases` would mean
 * recreating, exactly, every trigger and index that the migrations since 0040 (and any written in
 * parallel) put on a table some fifteen others reference. A constraint that only gains a value is
 * widened in the stored schema instead: the procedure SQLite documents for removing or loosening a
 * CHECK (sqlite.org/lang_altertable.html §7: writable_schema, then a new schema_version), safe because
 * every stored row already satisfies the wider check and no stored byte changes.
 *
 * Cases already approved (an approved decision, none pending) are moved to decided, with the timeline
 * event the approval would now write, at the approval's time by the approving supervisor. The
 * statistics triggers move their stage counts with them.
 */
export const migration0170: Migration = {
  version: 170,
  name: 'decided-stage',
  async up(tx) {
    const table = await tx.get<{ sql: string }>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'cases'");
    // Refuse rather than guess if the stored definition is not the one this migration knows.
    if (!table || table.sql.split(STAGE_CHECK).length !== 2) throw new Error('cases.stage has not the CHECK migration 0040 wrote');
    const version = await tx.get<{ schema_version: number }>('PRAGMA schema_version');
    await tx.exec('PRAGMA writable_schema = ON');
    try {
      await tx.run("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'cases'", [table.sql.replace(STAGE_CHECK, WITH_DECIDED)]);
      // A new schema version makes every connection read the changed definition before its next statement.
      await tx.exec(`PRAGMA schema_version = ${(version?.schema_version ?? 0) + 1}`);
    } finally {
      await tx.exec('PRAGMA writable_schema = OFF');
    }

    const approved = await tx.all<{ id: string; decided_at: string; decided_by: string }>(
      `SELECT c.id, d.decided_at, d.decided_by FROM cases c JOIN decisions d ON d.case_id = c.id AND d.status = 'approved'
       WHERE c.stage = 'approval' AND NOT EXISTS (SELECT 1 FROM decisions p WHERE p.case_id = c.id AND p.status = 'pending')`,
    );
    for (const c of approved) {
      await tx.run("UPDATE cases SET stage = 'decided' WHERE id = ?", [c.id]);
      await tx.run("INSERT INTO case_events (id, case_id, at, actor_id, kind, from_stage, to_stage, reason) VALUES (?, ?, ?, ?, 'stage', 'approval', 'decided', '')", [
        randomUUID(),
        c.id,
        c.decided_at,
        c.decided_by,
      ]);
    }
  },
};
