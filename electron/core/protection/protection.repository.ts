/**
 * SQL for the protection workflow. Sealed values (interpreter contacts, interview records) are
 * read only by `getInterpreterContact` and `getInterviewRecord`, after a recorded reason.
 */
import type { InterviewPlan } from '../../common/protection';
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

export interface InterviewRow {
  id: string;
  case_id: string;
  status: string;
  planned_at: string;
  plan: string;
  interpreter_id: string | null;
  override_by: string | null;
  override_at: string | null;
  override_reason: string | null;
  override_items: string | null;
  started_at: string | null;
  ended_at: string | null;
  voluntariness: string;
  outcome_note: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface InterviewListRow extends InterviewRow {
  created_by_name: string;
  override_by_name: string | null;
  has_record: number;
}

export function listInterviews(tx: Tx, caseId: string): Promise<InterviewListRow[]> {
  return tx.all<InterviewListRow>(
    `SELECT v.*, cu.display_name AS created_by_name, ou.display_name AS override_by_name,
            EXISTS (SELECT 1 FROM interview_records r WHERE r.interview_id = v.id) AS has_record
     FROM interviews v JOIN users cu ON cu.id = v.created_by LEFT JOIN users ou ON ou.id = v.override_by
     WHERE v.case_id = ? ORDER BY v.planned_at DESC, v.created_at DESC`,
    [caseId],
  );
}

export function getInterview(tx: Tx, caseId: string, id: string): Promise<InterviewRow | undefined> {
  return tx.get<InterviewRow>('SELECT * FROM interviews WHERE case_id = ? AND id = ?', [caseId, id]);
}

export async function insertInterview(tx: Tx, r: Pick<InterviewRow, 'id' | 'case_id' | 'planned_at' | 'plan' | 'interpreter_id' | 'created_at' | 'created_by'>): Promise<void> {
  await tx.run(
    `INSERT INTO interviews (id, case_id, status, planned_at, plan, interpreter_id, created_at, created_by, updated_at)
     VALUES (?, ?, 'planned', ?, ?, ?, ?, ?, ?)`,
    [r.id, r.case_id, r.planned_at, r.plan, r.interpreter_id, r.created_at, r.created_by, r.created_at],
  );
}

/** A new plan clears any override: it was given for the plan as it was. */
export async function replacePlan(tx: Tx, id: string, plan: InterviewPlan, at: string): Promise<void> {
  await tx.run(
    `UPDATE interviews SET plan = ?, planned_at = ?, interpreter_id = ?, override_by = NULL, override_at = NULL, override_reason = NULL,
       override_items = NULL, updated_at = ? WHERE id = ?`,
    [JSON.stringify(plan), plan.plannedAt, plan.interpreterId, at, id],
  );
}

export async function setOverride(tx: Tx, id: string, by: string, at: string, reason: string, items: string[]): Promise<void> {
  await tx.run('UPDATE interviews SET override_by = ?, override_at = ?, override_reason = ?, override_items = ?, updated_at = ? WHERE id = ?', [
    by,
    at,
    reason,
    JSON.stringify(items),
    at,
    id,
  ]);
}

export async function setInterviewStatus(
  tx: Tx,
  id: string,
  changes: { status: string; at: string; started?: boolean; ended?: boolean; voluntariness?: string; outcomeNote?: string },
): Promise<void> {
  await tx.run(
    `UPDATE interviews SET status = ?, updated_at = ?, started_at = CASE WHEN ? THEN ? ELSE started_at END,
       ended_at = CASE WHEN ? THEN ? ELSE ended_at END, voluntariness = coalesce(?, voluntariness), outcome_note = coalesce(?, outcome_note)
     WHERE id = ?`,
    [
      changes.status,
      changes.at,
      changes.started ? 1 : 0,
      changes.at,
      changes.ended ? 1 : 0,
      changes.at,
      changes.voluntariness ?? null,
      changes.outcomeNote ?? null,
      id,
    ],
  );
}

export async function putInterviewRecord(tx: Tx, id: string, value: string, at: string, by: string): Promise<void> {
  await tx.run('INSERT INTO interview_records (interview_id, value, recorded_at, recorded_by) VALUES (?, ?, ?, ?)', [id, value, at, by]);
}

/** The only read of an interview record. Call it only after the reason is recorded. */
export async function getInterviewRecord(tx: Tx, id: string): Promise<string | undefined> {
  return (await tx.get<{ value: string }>('SELECT value FROM interview_records WHERE interview_id = ?', [id]))?.value;
}

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

export function userNames(tx: Tx, ids: readonly string[]): Promise<{ id: string; display_name: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.all(`SELECT id, display_name FROM users WHERE id IN (${ids.map(() => '?').join(', ')})`, [...ids]);
}
