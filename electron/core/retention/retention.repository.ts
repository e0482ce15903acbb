/**
 * SQL for retention: the periods (settings), the closed cases past a period, legal holds, and the
 * purge — the one place that deletes a case, which is why it names every table that holds a part
 * of one. Reads no sealed value and no content: references, outcomes, dates and hold reasons only.
 */
import type { RetentionOutcome } from '../../common/retention';
import type { Tx } from '../db/connection';

export const PERIOD_KEY = (outcome: RetentionOutcome) => `retention_months.${outcome}`;

export async function readPeriodSettings(tx: Tx): Promise<Map<string, string>> {
  const rows = await tx.all<{ key: string; value: string }>("SELECT key, value FROM settings WHERE key LIKE 'retention\\_months.%' ESCAPE '\\'");
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function writePeriodSetting(tx: Tx, outcome: RetentionOutcome, months: number): Promise<void> {
  await tx.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [PERIOD_KEY(outcome), String(months)]);
}

export interface ClosedCaseRow {
  id: string;
  num: number;
  reference: string;
  ref_year: number;
  ref_seq: number;
  stage: string;
  closing_outcome: string | null;
  closed_at: string | null;
  created_at: string;
}

const CLOSED_COLUMNS = 'c.id, c.num, c.reference, c.ref_year, c.ref_seq, c.stage, c.closing_outcome, c.closed_at, c.created_at';

/**
 * Closed cases whose closing day is on or before the given day of their outcome (each range runs
 * over the `cases_closed` index). `before` is the day after the last closing day due: closing times
 * are ISO instants, so `closed_at < '2026-05-01'` is every instant of 30 April and before.
 */
export async function closedBefore(tx: Tx, cutoffs: readonly { outcome: RetentionOutcome; before: string }[]): Promise<ClosedCaseRow[]> {
  const rows: ClosedCaseRow[] = [];
  for (const { outcome, before } of cutoffs) {
    rows.push(
      ...(await tx.all<ClosedCaseRow>(`SELECT ${CLOSED_COLUMNS} FROM cases c WHERE c.stage = 'closed' AND c.closing_outcome = ? AND c.closed_at < ?`, [outcome, before])),
    );
  }
  return rows;
}

export function caseHeader(tx: Tx, caseId: string): Promise<ClosedCaseRow | undefined> {
  return tx.get<ClosedCaseRow>(`SELECT ${CLOSED_COLUMNS} FROM cases c WHERE c.id = ?`, [caseId]);
}

export interface HoldRow {
  id: string;
  case_id: string;
  placed_at: string;
  placed_by: string;
  placed_by_name: string;
  reason: string;
  released_at: string | null;
  released_by: string | null;
  released_by_name: string | null;
  release_reason: string | null;
}

const HOLDS = `SELECT h.*, p.display_name AS placed_by_name, r.display_name AS released_by_name
  FROM legal_holds h JOIN users p ON p.id = h.placed_by LEFT JOIN users r ON r.id = h.released_by`;

/** Every hold of a case, newest first. */
export function holdsOf(tx: Tx, caseId: string): Promise<HoldRow[]> {
  return tx.all<HoldRow>(`${HOLDS} WHERE h.case_id = ? ORDER BY h.placed_at DESC, h.rowid DESC`, [caseId]);
}

/** The holds in force on any of `caseIds`. */
export async function holdsInForce(tx: Tx, caseIds: readonly string[]): Promise<Map<string, HoldRow>> {
  const found = new Map<string, HoldRow>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const chunk = caseIds.slice(i, i + 500);
    const rows = await tx.all<HoldRow>(`${HOLDS} WHERE h.released_at IS NULL AND h.case_id IN (${chunk.map(() => '?').join(', ')})`, [...chunk]);
    for (const r of rows) found.set(r.case_id, r);
  }
  return found;
}

export async function insertHold(tx: Tx, h: { id: string; case_id: string; placed_at: string; placed_by: string; reason: string }): Promise<void> {
  await tx.run('INSERT INTO legal_holds (id, case_id, placed_at, placed_by, reason) VALUES (?, ?, ?, ?, ?)', [h.id, h.case_id, h.placed_at, h.placed_by, h.reason]);
}

/** Releases the hold in force on the case; false when there is none. */
export async function releaseHold(tx: Tx, caseId: string, r: { at: string; by: string; reason: string }): Promise<boolean> {
  const done = await tx.run('UPDATE legal_holds SET released_at = ?, released_by = ?, release_reason = ? WHERE case_id = ? AND released_at IS NULL', [
    r.at,
    r.by,
    r.reason,
    caseId,
  ]);
  return done.changes === 1;
}

/**
 * Every table that holds a part of a case, and which rows of it are one case's (`?` is the case's id
 * or, with `key: 'num'`, its internal key). The purge deletes them in this order, a row before the
 * rows it references; tests/integration/retention.test.ts checks this list against the schema's
 * foreign keys, so a table added later without a line here fails the test until someone decides.
 */
export const CASE_PARTS: readonly { table: string; where: string; key: 'id' | 'num' }[] = [
  { table: 'interview_records', where: 'interview_id IN (SELECT id FROM interviews WHERE case_id = ?)', key: 'id' },
  { table: 'interviews', where: 'case_id = ?', key: 'id' },
  { table: 'decision_editors', where: 'decision_id IN (SELECT id FROM decisions WHERE case_id = ?)', key: 'id' },
  { table: 'decision_events', where: 'decision_id IN (SELECT id FROM decisions WHERE case_id = ?)', key: 'id' },
  // One statement for all of a case's decisions: superseded_by links them to each other.
  { table: 'decisions', where: 'case_id = ?', key: 'id' },
  { table: 'case_considerations', where: 'case_id = ?', key: 'id' },
  { table: 'case_wishes', where: 'case_id = ?', key: 'id' },
  { table: 'case_iom_consents', where: 'case_id = ?', key: 'id' },
  { table: 'case_notes', where: 'case_id = ?', key: 'id' },
  { table: 'case_events', where: 'case_id = ?', key: 'id' },
  { table: 'case_sealed', where: 'case_id = ?', key: 'id' },
  { table: 'case_wraps_due', where: 'case_id = ?', key: 'id' },
  { table: 'case_keys', where: 'case_id = ?', key: 'id' },
  { table: 'case_organisations', where: 'case_id = ?', key: 'id' },
  { table: 'adverse_parties', where: 'case_id = ?', key: 'id' },
  { table: 'legal_holds', where: 'case_id = ?', key: 'id' },
  { table: 'case_deadlines', where: 'case_num = ?', key: 'num' },
  { table: 'case_officers', where: 'case_num = ?', key: 'num' },
  { table: 'case_exploitation_types', where: 'case_num = ?', key: 'num' },
  // The name index (its words of the person's names); the trigram index is cleared by deleteCase.
  { table: 'case_names', where: 'case_num = ?', key: 'num' },
  { table: 'case_details', where: 'case_num = ?', key: 'num' },
  { table: 'cases', where: 'id = ?', key: 'id' },
];

/**
 * Tables that name a case but keep their rows when it is purged: the export register (a copy found
 * later is still traced by its number and SHA-256); its case content is blanked instead.
 */
export const CASE_RECORDS_KEPT = ['exports'] as const;

/** The tombstone: reference and dates, written first so the append-only tables let the case's rows go. */
export async function insertTombstone(
  tx: Tx,
  t: { case_id: string; reference: string; ref_year: number; ref_seq: number; opened_at: string; closed_at: string; outcome: string; purged_at: string; purged_by: string },
): Promise<void> {
  await tx.run(
    `INSERT INTO case_purges (case_id, reference, ref_year, ref_seq, opened_at, closed_at, outcome, purged_at, purged_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [t.case_id, t.reference, t.ref_year, t.ref_seq, t.opened_at, t.closed_at, t.outcome, t.purged_at, t.purged_by],
  );
}

/**
 * Removes every part of one case (the tombstone must already be written in this transaction): its rows
 * in every table of CASE_PARTS (the name index among them), its entries in the trigram index, and the
 * case content of its rows in the export register. `secure_delete` overwrites what is freed within each page.
 */
export async function deleteCase(tx: Tx, c: { id: string; num: number }): Promise<void> {
  for (const part of CASE_PARTS) await tx.run(`DELETE FROM ${part.table} WHERE ${part.where}`, [part.key === 'num' ? c.num : c.id]);
  // Contentless: the row ids are the case's num.
  await tx.run('DELETE FROM cases_fts WHERE rowid = ?', [c.num]);
  await tx.run("UPDATE exports SET recipient = '', purpose = '', sealed_reason = '' WHERE case_id = ?", [c.id]);
}

/**
 * Rewrites the trigram index without its deleted entries. A contentless index only marks a deleted
 * row; its terms (trigrams of a note) stay in the index's pages until its segments are merged, and
 * VACUUM alone would copy them over. (The name index is a plain table: its rows are gone.)
 */
export { mergeSearchIndexes } from '../cases/searchIndex';
