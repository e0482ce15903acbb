/**
 * Each user's home view, My work (DESIGN.md §5): their interviews, their deadlines, and what waits
 * for them. An officer's cases are those assigned to them; a supervisor's those they supervise.
 * Names are masked as in every list. It gathers from interviews and decisions, above both.
 */
import type { MyWork } from '../../common/contract.work';
import { addDays } from '../../common/dates';
import { ownerOf } from '../caseAccess/caseAccess';
import { decisionNotices } from '../decisions/decisions.service';
import { mayStartNow } from '../interviews/interviews.service';
import type { Ctx } from '../session/session.service';
import * as repo from './work.repository';

/** How many days ahead My work lists deadlines (period-of-stay expiries and reporting dates). */
export const WORK_HORIZON_DAYS = 30;

const workCase = (r: repo.WorkRow) => ({ caseId: r.case_id, reference: r.reference, maskedName: r.masked_name });

export async function myWork(ctx: Ctx): Promise<MyWork> {
  const { tx } = ctx;
  const today = ctx.at.slice(0, 10);
  const owner = ownerOf(ctx);
  const supervisor = owner.role === 'supervisor';

  const interviews: MyWork['interviews'] = [];
  const waiting: MyWork['waiting'] = [];
  for (const o of await repo.openInterviews(tx, owner)) {
    const ready = await mayStartNow(tx, { id: o.case_id, sex: o.sex, languages: o.languages }, o);
    interviews.push({ ...workCase(o), interviewId: o.id, plannedAt: o.planned_at, status: o.status as 'planned' | 'in-progress', ready });
    if (supervisor && o.status === 'planned' && !ready) waiting.push({ ...workCase(o), kind: 'override-needed', since: o.updated_at });
    if (!supervisor && o.status === 'in-progress') waiting.push({ ...workCase(o), kind: 'outcome-needed', since: o.started_at ?? o.updated_at });
  }

  // Overdue expiries come first; the upcoming deadlines fill what is left of the list (none when
  // the overdue ones fill it, as they do for a large caseload).
  const overdue = await repo.overdueExpiries(tx, owner, today);
  const room = repo.WORK_LIMIT - overdue.length;
  const upcoming = room > 0 ? await repo.upcomingDeadlines(tx, owner, today, addDays(today, WORK_HORIZON_DAYS), room) : [];
  const deadlines = [...overdue.reverse(), ...upcoming];

  if (!supervisor) {
    // DESIGN.md §6: the three considerations and the wishes are what a recommendation rests on.
    const missing = await repo.missingConsiderations(tx, owner);
    waiting.push(...missing.map((m) => ({ ...workCase(m), kind: 'considerations-missing' as const, since: m.updated_at })));
    // DOMAIN.md §3: a deferred screening, or an absconded intern not yet screened, waits for the officer.
    // An absconded intern linked to an organisation with violations or a ban is flagged apart (issue 15).
    const screening = await repo.screeningDue(tx, owner, today);
    waiting.push(...screening.map((m) => ({ ...workCase(m), kind: m.flagged ? ('screening-flagged-organisation' as const) : ('screening-due' as const), since: m.updated_at })));
  }
  waiting.push(...(await decisionNotices(tx, owner, ctx.at)));
  waiting.sort((a, b) => a.since.localeCompare(b.since));

  await ctx.audit({ action: 'work.viewed', details: { interviews: interviews.length, deadlines: deadlines.length, waiting: waiting.length } });
  return { interviews, deadlines: deadlines.map((d) => ({ ...workCase(d), kind: d.kind, date: d.date })), waiting };
}
