/** SQL for the interpreter registry. The sealed contact is read only by `getInterpreterContact`, after a recorded reason. */
import type { Tx } from '../db/connection';

export interface InterpreterRow {
  id: string;
  name: string;
  name_variants: string;
  languages: string;
  pledge_date: string | null;
  notes: string;
  active: number;
  conflict_reason: string;
  created_at: string;
  updated_at: string;
  version: number;
  has_contact: number;
}

const INTERPRETER_SELECT = `SELECT i.*, EXISTS (SELECT 1 FROM interpreter_contacts c WHERE c.interpreter_id = i.id) AS has_contact FROM interpreters i`;

export function listInterpreters(tx: Tx, includeInactive: boolean): Promise<InterpreterRow[]> {
  return tx.all<InterpreterRow>(`${INTERPRETER_SELECT} ${includeInactive ? '' : 'WHERE i.active = 1'} ORDER BY i.name COLLATE NOCASE, i.id`);
}

export function getInterpreter(tx: Tx, id: string): Promise<InterpreterRow | undefined> {
  return tx.get<InterpreterRow>(`${INTERPRETER_SELECT} WHERE i.id = ?`, [id]);
}

export async function insertInterpreter(tx: Tx, r: Omit<InterpreterRow, 'version' | 'has_contact'>): Promise<void> {
  await tx.run(
    `INSERT INTO interpreters (id, name, name_variants, languages, pledge_date, notes, active, conflict_reason, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [r.id, r.name, r.name_variants, r.languages, r.pledge_date, r.notes, r.active, r.conflict_reason, r.created_at, r.updated_at],
  );
}

/** Applies the change only at `version` (optimistic concurrency). */
export async function updateInterpreter(
  tx: Tx,
  id: string,
  version: number,
  r: Omit<InterpreterRow, 'id' | 'version' | 'has_contact' | 'created_at'>,
): Promise<boolean> {
  const res = await tx.run(
    `UPDATE interpreters SET name = ?, name_variants = ?, languages = ?, pledge_date = ?, notes = ?, active = ?, conflict_reason = ?,
       updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`,
    [r.name, r.name_variants, r.languages, r.pledge_date, r.notes, r.active, r.conflict_reason, r.updated_at, id, version],
  );
  return res.changes === 1;
}

export async function putInterpreterContact(tx: Tx, id: string, value: string, at: string, by: string): Promise<void> {
  await tx.run(
    `INSERT INTO interpreter_contacts (interpreter_id, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (interpreter_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [id, value, at, by],
  );
}

/** The only read of an interpreter's contact. Call it only after the reason is recorded. */
export async function getInterpreterContact(tx: Tx, id: string): Promise<string | undefined> {
  return (await tx.get<{ value: string }>('SELECT value FROM interpreter_contacts WHERE interpreter_id = ?', [id]))?.value;
}

/** Every adverse party's names (all cases), for the registry's conflict check. */
export function allAdverseNames(tx: Tx): Promise<{ id: string; name: string; name_variants: string }[]> {
  return tx.all('SELECT id, name, name_variants FROM adverse_parties');
}
