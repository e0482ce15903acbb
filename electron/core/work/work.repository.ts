/**
 * SQL for My work. Every query is driven by a small index (open interviews, dates, update order)
 * and probes "is this case the owner's" per row: it must never start from a caseload of thousands.
 */
import { ALREADY } from '../../common/immigration';
import { CONSIDERATION_KINDS } from '../../common/protection';
import { ownerProbe, type Owner } from '../caseAccess/caseAccess.repository';
import type { Tx } from '../db/connection';

/** The most rows of each list. */
export const WORK_LIMIT = 100;

export type WorkRow = { case_id: string; reference: string; masked_name: string };

export type OpenInterviewRow = WorkRow & {
  id: string;
  planned_at: string;
  status: string;
  updated_at: string;
  started_at: string | null;
  plan: string;
  interpreter_id: string | null;
  override_items: string | null;
  sex: string;
  languages: string;
};

/** Planned and started interviews of the owner's open cases, soonest first, with what the readiness rule needs. */
export function openInterviews(tx: Tx, owner: Owner): Promise<OpenInterviewRow[]> {
  const mine = ownerProbe(owner);
  return tx.all<OpenInterviewRow>(
    `SELECT v.id, v.planned_at, v.status, v.updated_at, v.started_at, v.plan, v.interpreter_id, v.override_items,
            c.id AS case_id, c.reference, c.masked_name, c.sex, d.languages
     FROM interviews v JOIN cases c ON c.id = v.case_id JOIN case_details d ON d.case_num = c.num
     WHERE v.status IN ('planned', 'in-progress') AND +c.stage != 'closed' AND ${mine.sql} ORDER BY v.planned_at LIMIT ${WORK_LIMIT}`,
    mine.params,
  );
}

export type DeadlineRow = WorkRow & { kind: 'period-of-stay-expiry' | 'reporting'; date: string };

const DEADLINES = `SELECT d.kind, d.date, c.id AS case_id, c.reference, c.masked_name FROM case_deadlines d JOIN cases c ON c.num = d.case_num`;

// Walked by date (the unary + keeps the planner off the per-user indexes, which would read every
// one of a large caseload's deadlines).

/** The owner's open cases' deadlines from `from` to `to` (inclusive), soonest first, at most `limit`. */
export function upcomingDeadlines(tx: Tx, owner: Owner, from: string, to: string, limit = WORK_LIMIT): Promise<DeadlineRow[]> {
  const mine = ownerProbe(owner);
  return tx.all<DeadlineRow>(
    `${DEADLINES} WHERE d.date >= ? AND d.date <= ? AND ${mine.sql} AND +c.stage != 'closed' ORDER BY d.date, c.reference LIMIT ?`,
    [from, to, ...mine.params, limit],
  );
}

/**
 * The most recent overdue period-of-stay expiries of the owner's open cases for which nothing but the
 * expiry makes a violation (no deportation procedure, custody, revocation...: for those the expiry is
 * history, not a deadline), newest first.
 */
export function overdueExpiries(tx: Tx, owner: Owner, before: string): Promise<DeadlineRow[]> {
  const mine = ownerProbe(owner);
  return tx.all<DeadlineRow>(
    `${DEADLINES} WHERE d.date < ? AND d.kind = 'period-of-stay-expiry' AND +c.violation_from > '${ALREADY}' AND ${mine.sql} AND +c.stage != 'closed'
     ORDER BY d.date DESC LIMIT ${WORK_LIMIT}`,
    [before, ...mine.params],
  );
}

/**
 * The owner's cases in protection or decision that lack one of the three considerations or a
 * recorded wish. Walked in update order (oldest first), stopping after one page: no sort of a whole caseload.
 */
export function missingConsiderations(tx: Tx, owner: Owner): Promise<(WorkRow & { updated_at: string })[]> {
  const mine = ownerProbe(owner);
  const lacks = (kind: string) => `NOT EXISTS (SELECT 1 FROM case_considerations k WHERE k.case_id = c.id AND k.kind = '${kind}')`;
  return tx.all(
    `SELECT c.id AS case_id, c.reference, c.masked_name, c.updated_at FROM cases c INDEXED BY cases_by_updated_at
     WHERE +c.stage IN ('protection', 'decision') AND ${mine.sql}
       AND (${CONSIDERATION_KINDS.map(lacks).join(' OR ')} OR NOT EXISTS (SELECT 1 FROM case_wishes w WHERE w.case_id = c.id))
     ORDER BY c.updated_at LIMIT ${WORK_LIMIT}`,
    mine.params,
  );
}

/**
 * The owner's open cases that wait for their indicator screening (deferred, or an absconded intern
 * not yet screened), oldest first. `flagged` marks an absconded intern linked to a registry
 * organisation with a recorded violation or a ban in force on `today` (issue 15): probed for these
 * rows only, never for the whole caseload.
 */
export function screeningDue(tx: Tx, owner: Owner, today: string): Promise<(WorkRow & { updated_at: string; flagged: 0 | 1 })[]> {
  const mine = ownerProbe(owner);
  return tx.all(
    `SELECT c.id AS case_id, c.reference, c.masked_name, c.updated_at,
       (SELECT d.absconded = 1 FROM case_details d WHERE d.case_num = c.num)
       AND EXISTS (SELECT 1 FROM case_organisations l WHERE l.case_id = c.id AND (
         EXISTS (SELECT 1 FROM organisation_violations v WHERE v.organisation_id = l.organisation_id)
         OR EXISTS (SELECT 1 FROM organisation_statuses s WHERE s.organisation_id = l.organisation_id AND s.kind = 'banned'
                    AND s.from_date <= ? AND (s.to_date IS NULL OR s.to_date >= ?)))) AS flagged
     FROM cases c INDEXED BY cases_screening_due
     WHERE c.screening_due = 1 AND +c.stage != 'closed' AND ${mine.sql} ORDER BY c.updated_at LIMIT ${WORK_LIMIT}`,
    [today, today, ...mine.params],
  );
}
