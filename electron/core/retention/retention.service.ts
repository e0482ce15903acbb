/**
 * Retention, legal holds and the purge (issue 13). Administrators set a period per closing outcome;
 * a closed case past its period is listed for purge unless a supervisor has placed a legal hold on
 * it; an administrator's purge removes the case's content from the vault in one transaction, leaves
 * a tombstone and audit entries with the reference and dates only, then compacts the file so that no
 * freed page keeps it. Never purge a case that is open, not yet due, or under a hold in force.
 */
import { randomUUID } from 'node:crypto';
import type { CaseRetention, LegalHold, PurgedCase, PurgeRow } from '../../common/contract.retention';
import { addDays } from '../../common/dates';
import {
  CLOSING_OUTCOMES,
  DEFAULT_RETENTION_MONTHS,
  RETENTION_MONTHS_MAX,
  RETENTION_OUTCOMES,
  RetentionMonthsSchema,
  isPastRetention,
  lastClosingDayDue,
  retentionDueOn,
  type RetentionOutcome,
  type RetentionPeriods,
} from '../../common/retention';
import { reachable } from '../caseAccess/caseAccess';
import type { Db, Tx } from '../db/connection';
import { CoreError } from '../errors';
import type { Ctx } from '../session/session.service';
import * as repo from './retention.repository';

export { DEFAULT_RETENTION_MONTHS };

/**
 * The vault's periods. One that cannot be read (edited behind the app's back) counts as the longest
 * allowed: an unreadable setting never makes a case due sooner. 'unspecified' is never shorter than
 * any other (RetentionPeriodsSchema).
 */
export async function readPeriods(tx: Tx): Promise<RetentionPeriods> {
  const stored = await repo.readPeriodSettings(tx);
  const months = (o: RetentionOutcome) => {
    const parsed = RetentionMonthsSchema.safeParse(Number(stored.get(repo.PERIOD_KEY(o))));
    return parsed.success ? parsed.data : RETENTION_MONTHS_MAX;
  };
  const periods = Object.fromEntries(RETENTION_OUTCOMES.map((o) => [o, months(o)])) as RetentionPeriods;
  periods.unspecified = Math.max(periods.unspecified, ...CLOSING_OUTCOMES.map((o) => periods[o]));
  return periods;
}

const describePeriods = (p: Partial<RetentionPeriods>) =>
  Object.entries(p)
    .map(([o, m]) => `${o}=${m}`)
    .join(',');

/** Administrators: sets the periods; the trail records each one that changed, before and after. */
export async function setPeriods(ctx: Ctx, periods: RetentionPeriods): Promise<RetentionPeriods> {
  const before = await readPeriods(ctx.tx);
  const changed = RETENTION_OUTCOMES.filter((o) => before[o] !== periods[o]);
  for (const o of changed) await repo.writePeriodSetting(ctx.tx, o, periods[o]);
  await ctx.audit({
    action: 'retention.policy-updated',
    details: {
      before: describePeriods(Object.fromEntries(changed.map((o) => [o, before[o]]))),
      after: describePeriods(Object.fromEntries(changed.map((o) => [o, periods[o]]))),
    },
  });
  return readPeriods(ctx.tx);
}

function toHold(h: repo.HoldRow): LegalHold {
  return {
    id: h.id,
    placedAt: h.placed_at,
    placedBy: h.placed_by_name,
    reason: h.reason,
    releasedAt: h.released_at,
    releasedBy: h.released_by_name,
    releaseReason: h.release_reason,
  };
}

/** A closed case's outcome, closing day and due day under `periods` (null while the case is open). */
function closingOf(c: repo.ClosedCaseRow, periods: RetentionPeriods) {
  if (c.stage !== 'closed' || !c.closing_outcome || !c.closed_at) return null;
  const outcome = c.closing_outcome as RetentionOutcome;
  return { outcome, closedOn: c.closed_at.slice(0, 10), dueOn: retentionDueOn(c.closed_at, periods[outcome]), closedAt: c.closed_at };
}

/**
 * The purge list: closed cases past their period on `today`, or falling due by `withinDays` later,
 * soonest first, each with its hold in force. Audited (how many, never which).
 */
export async function purgeList(ctx: Ctx, input: { withinDays: number; limit: number }): Promise<{ today: string; total: number; rows: PurgeRow[] }> {
  const today = ctx.at.slice(0, 10);
  const horizon = addDays(today, input.withinDays);
  const periods = await readPeriods(ctx.tx);
  const closed = await repo.closedBefore(
    ctx.tx,
    RETENTION_OUTCOMES.map((outcome) => ({ outcome, before: addDays(lastClosingDayDue(horizon, periods[outcome]), 1) })),
  );
  const holds = await repo.holdsInForce(
    ctx.tx,
    closed.map((c) => c.id),
  );
  const rows = closed
    .flatMap((c) => {
      const closing = closingOf(c, periods);
      if (!closing) return [];
      const hold = holds.get(c.id);
      return [{ caseId: c.id, reference: c.reference, outcome: closing.outcome, closedOn: closing.closedOn, dueOn: closing.dueOn, due: closing.dueOn <= today, hold: hold ? toHold(hold) : null }];
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference));
  await ctx.audit({
    action: 'retention.listed',
    details: { withinDays: input.withinDays, results: rows.length, purgeable: rows.filter((r) => r.due && !r.hold).length, held: rows.filter((r) => r.hold).length },
  });
  return { today, total: rows.length, rows: rows.slice(0, input.limit) };
}

/** A case's closing, due day and holds, as a supervisor sees them. */
async function retentionOf(ctx: Ctx, caseId: string): Promise<CaseRetention> {
  const row = await reachable(ctx, caseId);
  const c = await repo.caseHeader(ctx.tx, row.id);
  const closing = c ? closingOf(c, await readPeriods(ctx.tx)) : null;
  const holds = (await repo.holdsOf(ctx.tx, row.id)).map(toHold);
  return {
    reference: row.reference,
    closing: closing ? { outcome: closing.outcome, closedOn: closing.closedOn, dueOn: closing.dueOn, due: closing.dueOn <= ctx.at.slice(0, 10) } : null,
    hold: holds.find((h) => h.releasedAt === null) ?? null,
    holds,
  };
}

/** Supervisors: a case's retention and holds (audited as a view of the case's record). */
export async function caseRetention(ctx: Ctx, caseId: string): Promise<CaseRetention> {
  const r = await retentionOf(ctx, caseId);
  await ctx.audit({ action: 'case.retention-viewed', caseRef: r.reference, target: `case:${caseId}` });
  return r;
}

/**
 * Supervisors: places a legal hold, with the reason in the trail. Any case may be held (a hold placed
 * while it is open still holds once it closes); a hold changes nothing of the case itself, so it
 * neither moves its version nor invalidates a pending approval.
 */
export async function placeHold(ctx: Ctx, input: { caseId: string; reason: string }): Promise<CaseRetention> {
  const row = await reachable(ctx, input.caseId);
  if ((await repo.holdsInForce(ctx.tx, [row.id])).size > 0) throw new CoreError('LEGAL_HOLD_STATE');
  const id = randomUUID();
  await repo.insertHold(ctx.tx, { id, case_id: row.id, placed_at: ctx.at, placed_by: ctx.session.user.id, reason: input.reason });
  await ctx.audit({ action: 'case.hold-placed', caseRef: row.reference, target: `hold:${id}`, details: { reason: input.reason } });
  return retentionOf(ctx, row.id);
}

/** Supervisors: releases the hold in force, with the reason in the trail. */
export async function releaseHold(ctx: Ctx, input: { caseId: string; reason: string }): Promise<CaseRetention> {
  const row = await reachable(ctx, input.caseId);
  const hold = (await repo.holdsInForce(ctx.tx, [row.id])).get(row.id);
  if (!hold || !(await repo.releaseHold(ctx.tx, row.id, { at: ctx.at, by: ctx.session.user.id, reason: input.reason }))) throw new CoreError('LEGAL_HOLD_STATE');
  await ctx.audit({ action: 'case.hold-released', caseRef: row.reference, target: `hold:${hold.id}`, details: { reason: input.reason } });
  return retentionOf(ctx, row.id);
}

/**
 * Administrators: purges the listed cases, all or none. Each must still exist, be closed and past its
 * period today, and have no hold in force; otherwise nothing is purged. For each: the tombstone,
 * every part of the case gone (retention.repository CASE_PARTS), the export register's case content
 * blanked, and one audit entry with the reference, the outcome and the dates only — no name, nothing
 * typed about the person. One more entry records who purged how many and why. Existing audit entries
 * are never touched: the chain stays verifiable. Compaction follows, outside this transaction.
 */
export async function purge(ctx: Ctx, input: { caseIds: string[]; reason: string }): Promise<PurgedCase[]> {
  const today = ctx.at.slice(0, 10);
  const periods = await readPeriods(ctx.tx);
  const cases: (repo.ClosedCaseRow & { closing: NonNullable<ReturnType<typeof closingOf>> })[] = [];
  for (const caseId of input.caseIds) {
    const c = await repo.caseHeader(ctx.tx, caseId);
    if (!c) throw new CoreError('NOT_FOUND');
    const closing = closingOf(c, periods);
    if (!closing || !isPastRetention(closing.closedAt, periods[closing.outcome], today)) throw new CoreError('NOT_DUE_FOR_PURGE');
    cases.push({ ...c, closing });
  }
  if ((await repo.holdsInForce(ctx.tx, input.caseIds)).size > 0) throw new CoreError('LEGAL_HOLD');

  const purged: PurgedCase[] = [];
  for (const c of cases) {
    await repo.insertTombstone(ctx.tx, {
      case_id: c.id,
      reference: c.reference,
      ref_year: c.ref_year,
      ref_seq: c.ref_seq,
      opened_at: c.created_at,
      closed_at: c.closing.closedAt,
      outcome: c.closing.outcome,
      purged_at: ctx.at,
      purged_by: ctx.session.user.id,
    });
    await repo.deleteCase(ctx.tx, c);
    await ctx.audit({
      action: 'case.purged',
      caseRef: c.reference,
      target: `case:${c.id}`,
      details: { outcome: c.closing.outcome, closedAt: c.closing.closedAt, purgedAt: ctx.at },
    });
    purged.push({ reference: c.reference, outcome: c.closing.outcome, closedOn: c.closing.closedOn, purgedOn: today });
  }
  if (purged.length > 0) {
    await repo.mergeSearchIndexes(ctx.tx);
    await ctx.audit({ action: 'retention.purged', details: { cases: purged.length, reason: input.reason } });
  }
  return purged;
}

/**
 * Rewrites the database file so that no freed page keeps what was deleted (VACUUM), then copies the
 * log into it and truncates the log to nothing (a WAL keeps older copies of pages until it is
 * rewritten). Runs outside any transaction, after the purge committed. COMPACTION_FAILED when it could
 * not finish: the purge stands, the file may still hold freed pages until the next compaction.
 */
export async function compactFile(db: Db): Promise<{ pagesBefore: number; pagesAfter: number }> {
  try {
    const pages = async () => (await db.pragma<{ page_count: number }>('PRAGMA page_count'))[0].page_count;
    const pagesBefore = await pages();
    await db.pragma('VACUUM');
    const [checkpoint] = await db.pragma<{ busy: number; log: number; checkpointed: number }>('PRAGMA wal_checkpoint(TRUNCATE)');
    if (!checkpoint || checkpoint.busy !== 0) throw new Error('the log could not be emptied');
    return { pagesBefore, pagesAfter: await pages() };
  } catch (e) {
    if (e instanceof CoreError && (e.code === 'VAULT_LOCKED' || e.code === 'VAULT_DAMAGED')) throw e;
    throw new CoreError('COMPACTION_FAILED');
  }
}
