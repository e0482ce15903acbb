/** SQL for interviews. The sealed interview record is read only by `getInterviewRecord`, after a recorded reason. */
import type { InterviewPlan } from '../../common/protection';
import type { Tx } from '../db/connection';

/** What an interview needs to know of its interpreter: the languages, the names (for the conflict check) and whether they may hear a victim. */
export interface InterviewInterpreter {
  id: string;
  name: string;
  name_variants: string;
  languages: string;
  pledge_date: string | null;
  active: number;
}

export function interpreterForInterview(tx: Tx, id: string): Promise<InterviewInterpreter | undefined> {
  return tx.get<InterviewInterpreter>('SELECT id, name, name_variants, languages, pledge_date, active FROM interpreters WHERE id = ?', [id]);
}

/** The active caseworkers (officers and supervisors) among `ids`: who may be present at an interview. */
export function activeCaseworkerIds(tx: Tx, ids: readonly string[]): Promise<{ id: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.all(`SELECT id FROM users WHERE status = 'active' AND role IN ('officer', 'supervisor') AND id IN (${ids.map(() => '?').join(', ')})`, [...ids]);
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

export function userNames(tx: Tx, ids: readonly string[]): Promise<{ id: string; display_name: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.all(`SELECT id, display_name FROM users WHERE id IN (${ids.map(() => '?').join(', ')})`, [...ids]);
}
