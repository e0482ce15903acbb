/** SQL for the three considerations, the victim's wishes and IOM consent: append-only histories. */
import type { Tx } from '../db/connection';

export interface ConsiderationRow {
  id: string;
  case_id: string;
  kind: string;
  level: string;
  evidence: string;
  notes: string;
  assessed_on: string;
  cooperation_status: string | null;
  authority_reference: string;
  recorded_at: string;
  recorded_by: string;
}

export async function insertConsideration(tx: Tx, r: ConsiderationRow): Promise<void> {
  await tx.run(
    `INSERT INTO case_considerations (id, case_id, kind, level, evidence, notes, assessed_on, cooperation_status, authority_reference, recorded_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [r.id, r.case_id, r.kind, r.level, r.evidence, r.notes, r.assessed_on, r.cooperation_status, r.authority_reference, r.recorded_at, r.recorded_by],
  );
}

/** Newest first, with the recorder's name in place of the id. */
export function listConsiderations(tx: Tx, caseId: string): Promise<ConsiderationRow[]> {
  return tx.all<ConsiderationRow>(
    `SELECT c.id, c.case_id, c.kind, c.level, c.evidence, c.notes, c.assessed_on, c.cooperation_status, c.authority_reference, c.recorded_at,
            u.display_name AS recorded_by
     FROM case_considerations c JOIN users u ON u.id = c.recorded_by WHERE c.case_id = ? ORDER BY c.recorded_at DESC, c.rowid DESC`,
    [caseId],
  );
}

export interface WishRow {
  id: string;
  case_id: string;
  wish: string;
  own_words: string;
  expressed_on: string;
  interpreter_id: string | null;
  recorded_at: string;
  recorded_by: string;
}

export async function insertWish(tx: Tx, r: WishRow): Promise<void> {
  await tx.run('INSERT INTO case_wishes (id, case_id, wish, own_words, expressed_on, interpreter_id, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    r.id,
    r.case_id,
    r.wish,
    r.own_words,
    r.expressed_on,
    r.interpreter_id,
    r.recorded_at,
    r.recorded_by,
  ]);
}

export function listWishes(tx: Tx, caseId: string): Promise<(WishRow & { interpreter_name: string | null })[]> {
  return tx.all(
    `SELECT w.id, w.case_id, w.wish, w.own_words, w.expressed_on, w.interpreter_id, w.recorded_at, u.display_name AS recorded_by, i.name AS interpreter_name
     FROM case_wishes w JOIN users u ON u.id = w.recorded_by LEFT JOIN interpreters i ON i.id = w.interpreter_id
     WHERE w.case_id = ? ORDER BY w.recorded_at DESC, w.rowid DESC`,
    [caseId],
  );
}

export interface IomConsentRow {
  id: string;
  case_id: string;
  consent: string;
  on_date: string;
  notes: string;
  recorded_at: string;
  recorded_by: string;
}

export async function insertIomConsent(tx: Tx, r: IomConsentRow): Promise<void> {
  await tx.run('INSERT INTO case_iom_consents (id, case_id, consent, on_date, notes, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    r.id,
    r.case_id,
    r.consent,
    r.on_date,
    r.notes,
    r.recorded_at,
    r.recorded_by,
  ]);
}

export function listIomConsents(tx: Tx, caseId: string): Promise<IomConsentRow[]> {
  return tx.all(
    `SELECT c.id, c.case_id, c.consent, c.on_date, c.notes, c.recorded_at, u.display_name AS recorded_by
     FROM case_iom_consents c JOIN users u ON u.id = c.recorded_by WHERE c.case_id = ? ORDER BY c.recorded_at DESC, c.rowid DESC`,
    [caseId],
  );
}

/** Whether the interpreter exists (a wish may name who interpreted it). */
export async function interpreterExists(tx: Tx, id: string): Promise<boolean> {
  return !!(await tx.get('SELECT 1 AS x FROM interpreters WHERE id = ?', [id]));
}
