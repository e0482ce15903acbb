/**
 * Interviews (DESIGN.md §6, DOMAIN.md §1): plan them against the safeguards, let a supervisor
 * override unmet ones with a reason, start, and record how they ended. Need to know and
 * concurrency are those of the case (caseAccess). The sealed record leaves core only with a
 * recorded reason. Changes return nothing: the handler shows the case as the case file assembles it.
 */
import { randomUUID } from 'node:crypto';
import { matchingPartyCount } from '../../common/caseRules';
import { interviewReadiness, mayStart, unmetItems, type Readiness } from '../../common/interviewReadiness';
import { INTERVIEW_PLAN_DATES, InterviewPlanSchema, type InterviewPlan, type InterviewRecordInput, type InterviewStatus, type InterviewSummary } from '../../common/protection';
import { adversePartyNames, forChange, reachable, touch, type CaseRow } from '../caseAccess/caseAccess';
import type { Tx } from '../db/connection';
import { checkDates, CoreError } from '../errors';
import { openCaseValue, place, sealCaseValue } from '../sealing/sealing.service';
import type { Ctx } from '../session/session.service';
import * as repo from './interviews.repository';

/** An adverse party's names as stored. */
export type PartyNames = { id: string; name: string; name_variants: string };

/** How many of the case's adverse parties the interpreter's name or any of its variants matches. */
export function interpreterMatches(interpreter: Pick<repo.InterviewInterpreter, 'name' | 'name_variants'> | undefined, parties: readonly PartyNames[]): number {
  if (!interpreter) return 0;
  const named = parties.map((p) => ({ id: p.id, name: p.name, nameVariants: JSON.parse(p.name_variants) as string[] }));
  return matchingPartyCount([interpreter.name, ...(JSON.parse(interpreter.name_variants) as string[])], named);
}

/** The readiness rule applied to the case as it is now. */
export function readinessOf(
  c: Pick<CaseRow, 'sex' | 'languages'>,
  plan: InterviewPlan,
  interpreter: Pick<repo.InterviewInterpreter, 'name' | 'name_variants' | 'languages'> | undefined,
  parties: readonly PartyNames[],
): { readiness: Readiness; adverseMatches: number } {
  const adverseMatches = interpreterMatches(interpreter, parties);
  const readiness = interviewReadiness({
    victim: { sex: c.sex as InterviewPlan['officersPresent'][number]['sex'], languages: JSON.parse(c.languages), condition: plan.condition },
    interpreter: interpreter ? { languages: JSON.parse(interpreter.languages) } : null,
    noInterpreterReason: plan.noInterpreterReason,
    officersPresent: plan.officersPresent,
    noFemaleOfficerReason: plan.noFemaleOfficerReason,
    place: { private: plan.placePrivate, disclosesWhereabouts: plan.placeDisclosesWhereabouts },
    adverseMatches,
    rightsExplained: plan.rightsExplained,
  });
  return { readiness, adverseMatches };
}

/** The interview's readiness against the case as it is now (the victim, the adverse parties, the interpreter). */
export async function currentReadiness(tx: Tx, row: Pick<CaseRow, 'id' | 'sex' | 'languages'>, v: Pick<repo.InterviewRow, 'plan' | 'interpreter_id'>) {
  const plan = InterviewPlanSchema.parse(JSON.parse(v.plan));
  const interpreter = v.interpreter_id ? await repo.interpreterForInterview(tx, v.interpreter_id) : undefined;
  return readinessOf(row, plan, interpreter, await adversePartyNames(tx, row.id));
}

/** Whether an open interview may start now (ready, or overridden for exactly what is unmet). */
export async function mayStartNow(tx: Tx, row: Pick<CaseRow, 'id' | 'sex' | 'languages'>, v: Pick<repo.InterviewRow, 'plan' | 'interpreter_id' | 'override_items'>): Promise<boolean> {
  const { readiness } = await currentReadiness(tx, row, v);
  return mayStart(readiness, v.override_items ? JSON.parse(v.override_items) : null);
}

/** The case's interviews as its page shows them, with the readiness computed now. No sealed record. */
export async function interviewSummaries(tx: Tx, c: CaseRow, parties: readonly PartyNames[]): Promise<InterviewSummary[]> {
  const interviews = await repo.listInterviews(tx, c.id);
  const interpreters = new Map<string, repo.InterviewInterpreter>();
  for (const id of new Set(interviews.map((v) => v.interpreter_id).filter((id): id is string => id !== null))) {
    const row = await repo.interpreterForInterview(tx, id);
    if (row) interpreters.set(id, row);
  }
  const plans = interviews.map((v) => InterviewPlanSchema.parse(JSON.parse(v.plan)));
  const names = new Map((await repo.userNames(tx, [...new Set(plans.flatMap((p) => p.officersPresent.map((o) => o.userId)))])).map((u) => [u.id, u.display_name]));
  return interviews.map((v, i) => {
    const plan = plans[i];
    const interpreter = v.interpreter_id ? interpreters.get(v.interpreter_id) : undefined;
    const { readiness, adverseMatches } = readinessOf(c, plan, interpreter, parties);
    return {
      id: v.id,
      status: v.status as InterviewStatus,
      plan,
      interpreterName: interpreter?.name ?? null,
      officersPresent: plan.officersPresent.map((o) => ({ ...o, displayName: names.get(o.userId) ?? '—' })),
      adverseMatches,
      readiness,
      override:
        v.override_by && v.override_at && v.override_reason && v.override_items
          ? { by: v.override_by_name ?? '—', at: v.override_at, reason: v.override_reason, items: JSON.parse(v.override_items) }
          : null,
      startedAt: v.started_at,
      endedAt: v.ended_at,
      voluntariness: v.voluntariness,
      outcomeNote: v.outcome_note,
      hasRecord: v.has_record === 1,
      createdAt: v.created_at,
      createdBy: v.created_by_name,
    };
  });
}

async function interviewOf(ctx: Ctx, row: CaseRow, interviewId: string): Promise<repo.InterviewRow> {
  const v = await repo.getInterview(ctx.tx, row.id, interviewId);
  if (!v) throw new CoreError('NOT_FOUND');
  return v;
}

async function checkPlan(ctx: Ctx, plan: InterviewPlan): Promise<void> {
  const ids = [...new Set(plan.officersPresent.map((o) => o.userId))];
  const staff = await repo.activeCaseworkerIds(ctx.tx, ids);
  if (staff.length !== ids.length || ids.length !== plan.officersPresent.length) {
    throw new CoreError('INVALID_INPUT', 'officers', { issues: [{ path: 'plan.officersPresent', message: 'interview.officers.invalid' }] });
  }
  if (plan.interpreterId) {
    const interpreter = await repo.interpreterForInterview(ctx.tx, plan.interpreterId);
    if (!interpreter) throw new CoreError('NOT_FOUND');
    // Only an active interpreter who signed the confidentiality pledge may hear a victim.
    if (interpreter.active !== 1 || !interpreter.pledge_date || interpreter.pledge_date > ctx.at.slice(0, 10)) throw new CoreError('INTERPRETER_UNAVAILABLE');
  }
}

export async function planInterview(ctx: Ctx, input: { caseId: string; version: number; interviewId?: string; plan: InterviewPlan }): Promise<void> {
  checkDates(ctx.at, [input.plan, INTERVIEW_PLAN_DATES, 'plan']);
  const row = await forChange(ctx, input.caseId, input.version);
  await checkPlan(ctx, input.plan);
  let id = input.interviewId;
  if (id) {
    const v = await interviewOf(ctx, row, id);
    if (v.status !== 'planned') throw new CoreError('INTERVIEW_STATE');
    await repo.replacePlan(ctx.tx, id, input.plan, ctx.at);
  } else {
    id = randomUUID();
    await repo.insertInterview(ctx.tx, {
      id,
      case_id: row.id,
      planned_at: input.plan.plannedAt,
      plan: JSON.stringify(input.plan),
      interpreter_id: input.plan.interpreterId,
      created_at: ctx.at,
      created_by: ctx.session.user.id,
    });
  }
  await touch(ctx, row);
  const { readiness } = await currentReadiness(ctx.tx, row, { plan: JSON.stringify(input.plan), interpreter_id: input.plan.interpreterId });
  // The plan's safeguards, not its text: the place label and reasons stay in the case.
  await ctx.audit({
    action: 'interview.planned',
    caseRef: row.reference,
    target: `interview:${id}`,
    details: { changed: !!input.interviewId, ready: readiness.ready, unmet: unmetItems(readiness).join(',') },
  });
}

/** Supervisors: the unmet safeguards of this plan may be set aside, for the stated reason. */
export async function overrideInterview(ctx: Ctx, input: { caseId: string; version: number; interviewId: string; reason: string }): Promise<void> {
  const row = await forChange(ctx, input.caseId, input.version);
  const v = await interviewOf(ctx, row, input.interviewId);
  if (v.status !== 'planned') throw new CoreError('INTERVIEW_STATE');
  const unmet = unmetItems((await currentReadiness(ctx.tx, row, v)).readiness);
  if (unmet.length === 0) throw new CoreError('INTERVIEW_STATE', 'nothing to override');
  await repo.setOverride(ctx.tx, v.id, ctx.session.user.id, ctx.at, input.reason, unmet);
  await touch(ctx, row);
  await ctx.audit({ action: 'interview.overridden', caseRef: row.reference, target: `interview:${v.id}`, details: { items: unmet.join(','), reason: input.reason } });
}

export async function startInterview(ctx: Ctx, input: { caseId: string; version: number; interviewId: string }): Promise<void> {
  const row = await forChange(ctx, input.caseId, input.version);
  const v = await interviewOf(ctx, row, input.interviewId);
  if (v.status !== 'planned') throw new CoreError('INTERVIEW_STATE');
  // Checked again now, against the case as it is: an override covers only what was unmet when given.
  const { readiness } = await currentReadiness(ctx.tx, row, v);
  if (!mayStart(readiness, v.override_items ? JSON.parse(v.override_items) : null)) throw new CoreError('INTERVIEW_NOT_READY');
  await repo.setInterviewStatus(ctx.tx, v.id, { status: 'in-progress', at: ctx.at, started: true });
  await touch(ctx, row);
  await ctx.audit({ action: 'interview.started', caseRef: row.reference, target: `interview:${v.id}`, details: { overridden: unmetItems(readiness).length > 0 } });
}

const OUTCOME_STATUS: Record<InterviewRecordInput['outcome'], InterviewStatus> = { held: 'held', declined: 'declined', 'ended-early': 'ended-early', postponed: 'postponed' };

/** Which outcomes may be recorded from which status. Declining or postponing needs no start. */
export function canRecord(status: InterviewStatus, outcome: InterviewRecordInput['outcome']): boolean {
  if (status === 'in-progress') return true;
  return status === 'planned' && (outcome === 'declined' || outcome === 'postponed');
}

/** Checks the record's fields against its outcome; returns the issues (message keys). */
export function recordIssues(r: InterviewRecordInput): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const testimony = r.outcome === 'held' || r.outcome === 'ended-early';
  // ISA victim-protection policy: never forced testimony. What was said is only recorded with a
  // statement that it was said voluntarily; a victim who declined or was not questioned gave none.
  if (testimony && r.voluntariness.trim().length < 10) issues.push({ path: 'voluntariness', message: 'interview.voluntariness.required' });
  if (r.outcome === 'held' && r.record.trim().length === 0) issues.push({ path: 'record', message: 'interview.record.required' });
  if (!testimony && r.record.trim().length > 0) issues.push({ path: 'record', message: 'interview.record.notForOutcome' });
  if (!testimony && r.voluntariness.trim().length > 0) issues.push({ path: 'voluntariness', message: 'interview.voluntariness.notForOutcome' });
  return issues;
}

/**
 * Records how the interview ended. A declined or postponed interview changes nothing else in the
 * case: no flag, no risk, no note; declining is the victim's right (ISA victim-protection policy).
 */
export async function recordInterview(ctx: Ctx, input: { caseId: string; version: number; interviewId: string; result: InterviewRecordInput }): Promise<void> {
  const row = await forChange(ctx, input.caseId, input.version);
  const v = await interviewOf(ctx, row, input.interviewId);
  const r = input.result;
  if (!canRecord(v.status as InterviewStatus, r.outcome)) throw new CoreError('INTERVIEW_STATE');
  const issues = recordIssues(r);
  if (issues.length) throw new CoreError('INVALID_INPUT', 'record', { issues: issues.map((i) => ({ ...i, path: `result.${i.path}` })) });
  await repo.setInterviewStatus(ctx.tx, v.id, { status: OUTCOME_STATUS[r.outcome], at: ctx.at, ended: true, voluntariness: r.voluntariness.trim(), outcomeNote: r.note });
  if (r.record.trim()) {
    // Sealed: stored under the case's key (sealing/).
    await repo.putInterviewRecord(ctx.tx, v.id, await sealCaseValue(ctx, row.id, place.interviewRecord(row.id, v.id), r.record), ctx.at, ctx.session.user.id);
  }
  await touch(ctx, row);
  // The outcome, never the content.
  await ctx.audit({ action: 'interview.recorded', caseRef: row.reference, target: `interview:${v.id}`, details: { outcome: r.outcome, sealedRecord: !!r.record.trim() } });
}

/** The sealed record of one interview: the reason is recorded first, in the same transaction. */
export async function revealInterviewRecord(ctx: Ctx, input: { caseId: string; interviewId: string; reason: string }): Promise<{ record: string }> {
  const row = await reachable(ctx, input.caseId);
  const v = await interviewOf(ctx, row, input.interviewId);
  await ctx.audit({ action: 'interview.record-revealed', caseRef: row.reference, target: `interview:${v.id}`, details: { reason: input.reason } });
  const stored = await repo.getInterviewRecord(ctx.tx, v.id);
  if (stored === undefined) throw new CoreError('NOT_FOUND');
  return { record: await openCaseValue(ctx, row.id, place.interviewRecord(row.id, v.id), stored) };
}
