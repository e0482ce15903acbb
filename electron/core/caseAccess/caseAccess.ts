/**
 * Shared case access (DESIGN.md §3, §5), below every case feature: whether this user may reach a
 * case at all (need to know), whether a change is based on the case's current version, marking the
 * case changed, and its timeline events. Case features meet here and never import each other.
 */
import { randomUUID } from 'node:crypto';
import { CoreError } from '../errors';
import type { Ctx } from '../session/session.service';
import * as repo from './caseAccess.repository';
import type { CaseColumns, CaseRow, EventKind, Owner } from './caseAccess.repository';

export type { CaseColumns, CaseRow, Owner };

/** The case, if this user may reach it. An unassigned officer learns nothing, not even that it exists. */
export async function reachable(ctx: Pick<Ctx, 'session' | 'tx'>, caseId: string): Promise<CaseRow> {
  const row = await repo.getCase(ctx.tx, caseId);
  const user = ctx.session.user;
  if (!row) throw new CoreError('NOT_FOUND');
  if (user.role === 'supervisor') return row;
  if (user.role === 'officer' && (await repo.isAssigned(ctx.tx, row.num, user.id))) return row;
  throw new CoreError('NOT_FOUND');
}

/** Like `reachable`, for a change based on `version`: a stale base is refused, nothing written. */
export async function forChange(ctx: Ctx, caseId: string, version: number): Promise<CaseRow> {
  const row = await reachable(ctx, caseId);
  if (row.stage === 'closed') throw new CoreError('FORBIDDEN');
  if (row.version !== version) throw new CoreError('STALE_VERSION');
  return row;
}

/** Marks the case changed (new version, time) or refuses a stale save. */
export async function touch(ctx: Ctx, row: CaseRow, changes: Partial<CaseColumns> = {}): Promise<CaseRow> {
  const stored = { ...changes, updated_at: ctx.at };
  if (!(await repo.updateCase(ctx.tx, row, row.version, stored))) throw new CoreError('STALE_VERSION');
  // The row as now stored (no trigger changes a case's own columns).
  return { ...row, ...stored, version: row.version + 1 };
}

/** Adds an event to the case's timeline (creation, a stage change, an assignment, an acknowledged conflict). */
export async function recordEvent(ctx: Ctx, caseId: string, kind: EventKind, e: { from?: string | null; to?: string | null; reason?: string } = {}): Promise<void> {
  await repo.insertEvent(ctx.tx, {
    id: randomUUID(),
    case_id: caseId,
    at: ctx.at,
    actor_id: ctx.session.user.id,
    kind,
    from_stage: e.from ?? null,
    to_stage: e.to ?? null,
    reason: e.reason ?? '',
  });
}

/** A submitted recommendation holds the case at approval until the supervisor returns or approves it. */
export async function heldForApproval(ctx: Pick<Ctx, 'tx'>, row: CaseRow): Promise<boolean> {
  return row.stage === 'approval' && (await repo.openDecisionStatus(ctx.tx, row.id)) === 'pending';
}

/** Whose cases this user's work lists show (DESIGN.md §3): assigned cases for officers, supervised ones for supervisors. */
export function ownerOf(ctx: Pick<Ctx, 'session'>): Owner {
  return { role: ctx.session.user.role === 'supervisor' ? 'supervisor' : 'officer', userId: ctx.session.user.id };
}

export { adversePartyNames, partyRegistryNames } from './caseAccess.repository';
