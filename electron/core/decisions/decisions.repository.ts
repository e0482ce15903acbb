/** SQL for residence decisions. Decided rows are protected by triggers (migration 0060). */
import { ownerProbe, type Owner } from '../caseAccess/caseAccess.repository';
import type { Tx } from '../db/connection';

export interface DecisionRow {
  id: string;
  case_id: string;
  status: string;
  draft: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  submitted_at: string | null;
  submitted_by: string | null;
  snapshot: string | null;
  snapshot_hash: string | null;
  decided_at: string | null;
  decided_by: string | null;
  superseded_by: string | null;
}

export interface DecisionListRow extends DecisionRow {
  created_by_name: string;
  submitted_by_name: string | null;
}

export function listDecisions(tx: Tx, caseId: string): Promise<DecisionListRow[]> {
  return tx.all<DecisionListRow>(
    `SELECT d.*, cu.display_name AS created_by_name, su.display_name AS submitted_by_name
     FROM decisions d JOIN users cu ON cu.id = d.created_by LEFT JOIN users su ON su.id = d.submitted_by
     WHERE d.case_id = ? ORDER BY d.created_at DESC, d.rowid DESC`,
    [caseId],
  );
}

export function getDecision(tx: Tx, caseId: string, id: string): Promise<DecisionRow | undefined> {
  return tx.get<DecisionRow>('SELECT * FROM decisions WHERE case_id = ? AND id = ?', [caseId, id]);
}

/** The case's recommendation in the works (draft, pending or returned), if any. */
export function openDecision(tx: Tx, caseId: string): Promise<DecisionRow | undefined> {
  return tx.get<DecisionRow>("SELECT * FROM decisions WHERE case_id = ? AND status IN ('draft', 'pending', 'returned')", [caseId]);
}

export function approvedDecision(tx: Tx, caseId: string): Promise<DecisionRow | undefined> {
  return tx.get<DecisionRow>("SELECT * FROM decisions WHERE case_id = ? AND status = 'approved'", [caseId]);
}

export async function insertDecision(tx: Tx, r: Pick<DecisionRow, 'id' | 'case_id' | 'draft' | 'created_at' | 'created_by'>): Promise<void> {
  await tx.run("INSERT INTO decisions (id, case_id, status, draft, created_at, created_by, updated_at) VALUES (?, ?, 'draft', ?, ?, ?, ?)", [
    r.id,
    r.case_id,
    r.draft,
    r.created_at,
    r.created_by,
    r.created_at,
  ]);
}

export async function updateDraft(tx: Tx, id: string, draft: string, at: string): Promise<void> {
  await tx.run("UPDATE decisions SET status = 'draft', draft = ?, updated_at = ? WHERE id = ? AND status IN ('draft', 'returned')", [draft, at, id]);
}

export async function markSubmitted(tx: Tx, id: string, at: string, by: string, snapshot: string, hash: string): Promise<void> {
  await tx.run("UPDATE decisions SET status = 'pending', submitted_at = ?, submitted_by = ?, snapshot = ?, snapshot_hash = ?, updated_at = ? WHERE id = ?", [
    at,
    by,
    snapshot,
    hash,
    at,
    id,
  ]);
}

export async function markReturned(tx: Tx, id: string, at: string): Promise<void> {
  await tx.run("UPDATE decisions SET status = 'returned', updated_at = ? WHERE id = ? AND status = 'pending'", [at, id]);
}

export async function markApproved(tx: Tx, id: string, at: string, by: string): Promise<void> {
  await tx.run("UPDATE decisions SET status = 'approved', decided_at = ?, decided_by = ?, updated_at = ? WHERE id = ? AND status = 'pending'", [at, by, at, id]);
}

export async function markSuperseded(tx: Tx, id: string, by: string): Promise<void> {
  await tx.run("UPDATE decisions SET status = 'superseded', superseded_by = ? WHERE id = ? AND status = 'approved'", [by, id]);
}

/** Records that `userId` shaped the recommendation (wrote its draft or submitted it); once per person. */
export async function recordEditor(tx: Tx, decisionId: string, userId: string, at: string): Promise<void> {
  await tx.run('INSERT OR IGNORE INTO decision_editors (decision_id, user_id, first_at) VALUES (?, ?, ?)', [decisionId, userId, at]);
}

/** Whether `userId` ever wrote the recommendation's draft or submitted it. */
export async function isEditor(tx: Tx, decisionId: string, userId: string): Promise<boolean> {
  return (await tx.get('SELECT 1 AS x FROM decision_editors WHERE decision_id = ? AND user_id = ?', [decisionId, userId])) !== undefined;
}

/** The editors of every decision of a case, by decision id. */
export async function editorsOfCase(tx: Tx, caseId: string): Promise<Map<string, string[]>> {
  const rows = await tx.all<{ decision_id: string; user_id: string }>(
    'SELECT e.decision_id, e.user_id FROM decision_editors e JOIN decisions d ON d.id = e.decision_id WHERE d.case_id = ? ORDER BY e.first_at, e.user_id',
    [caseId],
  );
  const byDecision = new Map<string, string[]>();
  for (const r of rows) byDecision.set(r.decision_id, [...(byDecision.get(r.decision_id) ?? []), r.user_id]);
  return byDecision;
}

export interface DecisionEventRow {
  id: string;
  decision_id: string;
  kind: string;
  at: string;
  actor_id: string;
  actor_name: string;
  comment: string;
  snapshot_hash: string | null;
}

export async function insertDecisionEvent(tx: Tx, e: Omit<DecisionEventRow, 'actor_name'>): Promise<void> {
  await tx.run('INSERT INTO decision_events (id, decision_id, kind, at, actor_id, comment, snapshot_hash) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    e.id,
    e.decision_id,
    e.kind,
    e.at,
    e.actor_id,
    e.comment,
    e.snapshot_hash,
  ]);
}

export function listDecisionEvents(tx: Tx, caseId: string): Promise<DecisionEventRow[]> {
  return tx.all<DecisionEventRow>(
    `SELECT e.*, u.display_name AS actor_name FROM decision_events e JOIN decisions d ON d.id = e.decision_id JOIN users u ON u.id = e.actor_id
     WHERE d.case_id = ? ORDER BY e.at DESC, e.rowid DESC`,
    [caseId],
  );
}

export interface QueueRow {
  decision_id: string;
  case_id: string;
  reference: string;
  masked_name: string;
  draft: string;
  submitted_at: string;
  submitted_by: string;
  submitted_by_name: string;
  created_by: string;
  next_deadline: string | null;
  snapshot: string;
  /** 1 when the reader wrote its draft or submitted it. */
  edited_by_me: number;
}

/** Pending recommendations, oldest submission first. */
export function pendingQueue(tx: Tx, readerId: string): Promise<QueueRow[]> {
  return tx.all<QueueRow>(
    `SELECT d.id AS decision_id, c.id AS case_id, c.reference, c.masked_name, d.draft, d.submitted_at, d.submitted_by, u.display_name AS submitted_by_name,
            d.created_by, c.next_deadline, d.snapshot,
            EXISTS (SELECT 1 FROM decision_editors e WHERE e.decision_id = d.id AND e.user_id = ?) AS edited_by_me
     FROM decisions d JOIN cases c ON c.id = d.case_id JOIN users u ON u.id = d.submitted_by
     WHERE d.status = 'pending' ORDER BY d.submitted_at, d.rowid`,
    [readerId],
  );
}

type NoticeRow = { case_id: string; reference: string; masked_name: string; since: string };

/** Supervisors: recommendations submitted by others for cases they supervise (or nobody does). */
export function pendingFor(tx: Tx, supervisorId: string): Promise<NoticeRow[]> {
  return tx.all<NoticeRow>(
    `SELECT c.id AS case_id, c.reference, c.masked_name, d.submitted_at AS since FROM decisions d JOIN cases c ON c.id = d.case_id
     WHERE d.status = 'pending' AND d.submitted_by != ? AND d.created_by != ? AND (c.supervisor_id = ? OR c.supervisor_id IS NULL)
       AND NOT EXISTS (SELECT 1 FROM decision_editors e WHERE e.decision_id = d.id AND e.user_id = ?)
     ORDER BY d.submitted_at LIMIT 100`,
    [supervisorId, supervisorId, supervisorId, supervisorId],
  );
}

/** The owner's cases whose recommendation came back with comments. */
export function returnedFor(tx: Tx, owner: Owner): Promise<NoticeRow[]> {
  const mine = ownerProbe(owner);
  return tx.all<NoticeRow>(
    `SELECT c.id AS case_id, c.reference, c.masked_name, d.updated_at AS since FROM decisions d JOIN cases c ON c.id = d.case_id
     WHERE d.status = 'returned' AND ${mine.sql} ORDER BY d.updated_at LIMIT 100`,
    mine.params,
  );
}

/** The owner's cases with a decision approved since `since` (ISO time). */
export function approvedFor(tx: Tx, owner: Owner, since: string): Promise<NoticeRow[]> {
  const mine = ownerProbe(owner);
  return tx.all<NoticeRow>(
    `SELECT c.id AS case_id, c.reference, c.masked_name, d.decided_at AS since FROM decisions d JOIN cases c ON c.id = d.case_id
     WHERE d.status = 'approved' AND d.decided_at >= ? AND ${mine.sql} ORDER BY d.decided_at LIMIT 100`,
    [since, ...mine.params],
  );
}
