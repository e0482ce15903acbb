/**
 * The protection workflow on one case (DESIGN.md §6): plan, override, start and record
 * interviews; record the three considerations, the wishes and IOM consent; and each user's
 * "My work". Need to know and concurrency are those of the case file (cases.service).
 */
import { randomUUID } from 'node:crypto';
import type { CaseDetail } from '../../common/caseDetail';
import { mayStart, unmetItems } from '../../common/interviewReadiness';
import type { MyWork } from '../../common/contract.work';
import { CONSIDERATION_KINDS, InterviewPlanSchema, type ConsiderationInput, type InterviewPlan, type InterviewRecordInput, type InterviewStatus, type IomConsentInput, type WishInput } from '../../common/protection';
import * as caseRepo from '../cases/cases.repository';
import { forChange, reachable, reload, touch, type Ctx } from '../cases/cases.service';
import { CoreError } from '../errors';
import * as repo from './protection.repository';
import { canRecord, readinessOf, recordIssues } from './protection.service';

async function interviewOf(ctx: Ctx, row: caseRepo.CaseRow, interviewId: string): Promise<repo.InterviewRow> {
  const v = await repo.getInterview(ctx.tx, row.id, interviewId);
  if (!v) throw new CoreError('NOT_FOUND');
  return v;
}

/** The interview's readiness against the case as it is now (the victim, the adverse parties, the interpreter). */
async function currentReadiness(ctx: Pick<Ctx, 'tx'>, row: Pick<caseRepo.CaseRow, 'id' | 'sex' | 'languages'>, v: Pick<repo.InterviewRow, 'plan' | 'interpreter_id'>) {
  const plan = InterviewPlanSchema.parse(JSON.parse(v.plan));
  const interpreter = v.interpreter_id ? await repo.getInterpreter(ctx.tx, v.interpreter_id) : undefined;
  return readinessOf(row, plan, interpreter, await caseRepo.listAdverse(ctx.tx, row.id));
}

async function checkPlan(ctx: Ctx, plan: InterviewPlan): Promise<void> {
  const ids = [...new Set(plan.officersPresent.map((o) => o.userId))];
  const staff = await ctx.tx.all<{ id: string }>(
    `SELECT id FROM users WHERE status = 'active' AND role IN ('officer', 'supervisor') AND id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  );
  if (staff.length !== ids.length || ids.length !== plan.officersPresent.length) {
    throw new CoreError('INVALID_INPUT', 'officers', { issues: [{ path: 'plan.officersPresent', message: 'interview.officers.invalid' }] });
  }
  if (plan.interpreterId) {
    const interpreter = await repo.getInterpreter(ctx.tx, plan.interpreterId);
    if (!interpreter) throw new CoreError('NOT_FOUND');
    // Only an active interpreter who signed the confidentiality pledge may hear a victim.
    if (interpreter.active !== 1 || !interpreter.pledge_date || interpreter.pledge_date > ctx.at.slice(0, 10)) throw new CoreError('INTERPRETER_UNAVAILABLE');
  }
}

export async function planInterview(ctx: Ctx, input: { caseId: string; version: number; interviewId?: string; plan: InterviewPlan }): Promise<CaseDetail> {
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
  const { readiness } = await currentReadiness(ctx, row, { plan: JSON.stringify(input.plan), interpreter_id: input.plan.interpreterId });
  // The plan's safeguards, not its text: the place label and reasons stay in the case.
  await ctx.audit({
    action: 'interview.planned',
    caseRef: row.reference,
    target: `interview:${id}`,
    details: { changed: !!input.interviewId, ready: readiness.ready, unmet: unmetItems(readiness).join(',') },
  });
  return reload(ctx, row.id);
}

/** Supervisors: the unmet safeguards of this plan may be set aside, for the stated reason. */
export async function overrideInterview(ctx: Ctx, input: { caseId: string; version: number; interviewId: string; reason: string }): Promise<CaseDetail> {
  const row = await forChange(ctx, input.caseId, input.version);
  const v = await interviewOf(ctx, row, input.interviewId);
  if (v.status !== 'planned') throw new CoreError('INTERVIEW_STATE');
  const unmet = unmetItems((await currentReadiness(ctx, row, v)).readiness);
  if (unmet.length === 0) throw new CoreError('INTERVIEW_STATE', 'nothing to override');
  await repo.setOverride(ctx.tx, v.id, ctx.session.user.id, ctx.at, input.reason, unmet);
  await touch(ctx, row);
  await ctx.audit({ action: 'interview.overridden', caseRef: row.reference, target: `interview:${v.id}`, details: { items: unmet.join(','), reason: input.reason } });
  return reload(ctx, row.id);
}

export async function startInterview(ctx: Ctx, input: { caseId: string; version: number; interviewId: string }): Promise<CaseDetail> {
  const row = await forChange(ctx, input.caseId, input.version);
  const v = await interviewOf(ctx, row, input.interviewId);
  if (v.status !== 'planned') throw new CoreError('INTERVIEW_STATE');
  // Checked again now, against the case as it is: an override covers only what was unmet when given.
  const { readiness } = await currentReadiness(ctx, row, v);
  if (!mayStart(readiness, v.override_items ? JSON.parse(v.override_items) : null)) throw new CoreError('INTERVIEW_NOT_READY');
  await repo.setInterviewStatus(ctx.tx, v.id, { status: 'in-progress', at: ctx.at, started: true });
  await touch(ctx, row);
  await ctx.audit({ action: 'interview.started', caseRef: row.reference, target: `interview:${v.id}`, details: { overridden: unmetItems(readiness).length > 0 } });
  return reload(ctx, row.id);
}

const OUTCOME_STATUS: Record<InterviewRecordInput['outcome'], InterviewStatus> = { held: 'held', declined: 'declined', 'ended-early': 'ended-early', postponed: 'postponed' };

/**
 * Records how the interview ended. A declined or postponed interview changes nothing else in the
 * case: no flag, no risk, no note; declining is the victim's right (ISA victim-protection policy).
 */
export async function recordInterview(ctx: Ctx, input: { caseId: string; version: number; interviewId: string; result: InterviewRecordInput }): Promise<CaseDetail> {
  const row = await forChange(ctx, input.caseId, input.version);
  const v = await interviewOf(ctx, row, input.interviewId);
  const r = input.result;
  if (!canRecord(v.status as InterviewStatus, r.outcome)) throw new CoreError('INTERVIEW_STATE');
  const issues = recordIssues(r);
  if (issues.length) throw new CoreError('INVALID_INPUT', 'record', { issues: issues.map((i) => ({ ...i, path: `result.${i.path}` })) });
  await repo.setInterviewStatus(ctx.tx, v.id, { status: OUTCOME_STATUS[r.outcome], at: ctx.at, ended: true, voluntariness: r.voluntariness.trim(), outcomeNote: r.note });
  if (r.record.trim()) await repo.putInterviewRecord(ctx.tx, v.id, r.record, ctx.at, ctx.session.user.id);
  await touch(ctx, row);
  // The outcome, never the content.
  await ctx.audit({ action: 'interview.recorded', caseRef: row.reference, target: `interview:${v.id}`, details: { outcome: r.outcome, sealedRecord: !!r.record.trim() } });
  return reload(ctx, row.id);
}

/** The sealed record of one interview: the reason is recorded first, in the same transaction. */
export async function revealInterviewRecord(ctx: Ctx, input: { caseId: string; interviewId: string; reason: string }): Promise<{ record: string }> {
  const row = await reachable(ctx, input.caseId);
  const v = await interviewOf(ctx, row, input.interviewId);
  await ctx.audit({ action: 'interview.record-revealed', caseRef: row.reference, target: `interview:${v.id}`, details: { reason: input.reason } });
  const record = await repo.getInterviewRecord(ctx.tx, v.id);
  if (record === undefined) throw new CoreError('NOT_FOUND');
  return { record };
}

export async function recordConsideration(ctx: Ctx, input: { caseId: string; version: number; consideration: ConsiderationInput }): Promise<CaseDetail> {
  const row = await forChange(ctx, input.caseId, input.version);
  const c = input.consideration;
  const id = randomUUID();
  await repo.insertConsideration(ctx.tx, {
    id,
    case_id: row.id,
    kind: c.kind,
    level: c.level,
    evidence: c.evidence,
    notes: c.notes,
    assessed_on: c.assessedOn,
    cooperation_status: c.cooperationStatus,
    authority_reference: c.authorityReference,
    recorded_at: ctx.at,
    recorded_by: ctx.session.user.id,
  });
  await touch(ctx, row);
  await ctx.audit({ action: 'case.consideration-recorded', caseRef: row.reference, target: `consideration:${id}`, details: { kind: c.kind, level: c.level } });
  return reload(ctx, row.id);
}

export async function recordWish(ctx: Ctx, input: { caseId: string; version: number; wish: WishInput }): Promise<CaseDetail> {
  const row = await forChange(ctx, input.caseId, input.version);
  const w = input.wish;
  if (w.interpreterId && !(await repo.getInterpreter(ctx.tx, w.interpreterId))) throw new CoreError('NOT_FOUND');
  const id = randomUUID();
  await repo.insertWish(ctx.tx, {
    id,
    case_id: row.id,
    wish: w.wish,
    own_words: w.ownWords,
    expressed_on: w.expressedOn,
    interpreter_id: w.interpreterId,
    recorded_at: ctx.at,
    recorded_by: ctx.session.user.id,
  });
  await touch(ctx, row);
  await ctx.audit({ action: 'case.wish-recorded', caseRef: row.reference, target: `wish:${id}`, details: { wish: w.wish } });
  return reload(ctx, row.id);
}

export async function recordIomConsent(ctx: Ctx, input: { caseId: string; version: number; consent: IomConsentInput }): Promise<CaseDetail> {
  const row = await forChange(ctx, input.caseId, input.version);
  const id = randomUUID();
  await repo.insertIomConsent(ctx.tx, {
    id,
    case_id: row.id,
    consent: input.consent.consent,
    on_date: input.consent.on,
    notes: input.consent.notes,
    recorded_at: ctx.at,
    recorded_by: ctx.session.user.id,
  });
  await touch(ctx, row);
  await ctx.audit({ action: 'case.iom-consent-recorded', caseRef: row.reference, target: `iom-consent:${id}`, details: { consent: input.consent.consent } });
  return reload(ctx, row.id);
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** How many days ahead My work lists deadlines (period-of-stay expiries and reporting dates). */
export const WORK_HORIZON_DAYS = 30;
const WORK_LIMIT = 100;

type WorkRow = { case_id: string; reference: string; masked_name: string };
const workCase = (r: WorkRow) => ({ caseId: r.case_id, reference: r.reference, maskedName: r.masked_name });

/**
 * The signed-in user's home view. An officer's cases are those assigned to them; a supervisor's
 * those they supervise. Names are masked as in every list.
 */
export async function myWork(ctx: Ctx, extraWaiting: (mine: string, params: string[]) => Promise<MyWork['waiting']> = async () => []): Promise<MyWork> {
  const { tx, session } = ctx;
  const today = ctx.at.slice(0, 10);
  const me = session.user.id;
  const supervisor = session.user.role === 'supervisor';
  // "Mine" as one probe per row: every query here is driven by a small index (open interviews,
  // dates, pending decisions) and must not start from a caseload of thousands.
  const mineByProbe = supervisor ? '+c.supervisor_id = ?' : 'EXISTS (SELECT 1 FROM case_officers x WHERE x.case_num = c.num AND x.user_id = ?)';

  type OpenRow = WorkRow & Pick<repo.InterviewRow, 'id' | 'planned_at' | 'status' | 'updated_at' | 'started_at' | 'plan' | 'interpreter_id' | 'override_items'>;
  // With what the readiness rule needs (the victim's sex and languages, the plan), in one read.
  const open = await tx.all<OpenRow & { sex: string; languages: string }>(
    `SELECT v.id, v.planned_at, v.status, v.updated_at, v.started_at, v.plan, v.interpreter_id, v.override_items,
            c.id AS case_id, c.reference, c.masked_name, c.sex, d.languages
     FROM interviews v JOIN cases c ON c.id = v.case_id JOIN case_details d ON d.case_num = c.num
     WHERE v.status IN ('planned', 'in-progress') AND +c.stage != 'closed' AND ${mineByProbe} ORDER BY v.planned_at LIMIT ${WORK_LIMIT}`,
    [me],
  );
  const interviews: MyWork['interviews'] = [];
  const waiting: MyWork['waiting'] = [];
  for (const o of open) {
    const { readiness } = await currentReadiness(ctx, { id: o.case_id, sex: o.sex, languages: o.languages }, o);
    const ready = mayStart(readiness, o.override_items ? JSON.parse(o.override_items) : null);
    interviews.push({ ...workCase(o), interviewId: o.id, plannedAt: o.planned_at, status: o.status as 'planned' | 'in-progress', ready });
    if (supervisor && o.status === 'planned' && !ready) waiting.push({ ...workCase(o), kind: 'override-needed', since: o.updated_at });
    if (!supervisor && o.status === 'in-progress') waiting.push({ ...workCase(o), kind: 'outcome-needed', since: o.started_at ?? o.updated_at });
  }

  // Walked by date (the unary + keeps the planner off the per-user indexes, which would read every
  // one of a large caseload's deadlines): the next 30 days, then the most recent overdue expiries
  // of cases whose status is still recorded as valid (for a violator the expiry is history, not a deadline).
  type DeadlineRow = WorkRow & { kind: 'period-of-stay-expiry' | 'reporting'; date: string };
  const select = `SELECT d.kind, d.date, c.id AS case_id, c.reference, c.masked_name FROM case_deadlines d JOIN cases c ON c.num = d.case_num`;
  const upcoming = await tx.all<DeadlineRow>(
    `${select} WHERE d.date >= ? AND d.date <= ? AND ${mineByProbe} AND +c.stage != 'closed' ORDER BY d.date, c.reference LIMIT ${WORK_LIMIT}`,
    [today, addDays(today, WORK_HORIZON_DAYS), me],
  );
  const overdue = await tx.all<DeadlineRow>(
    `${select} WHERE d.date < ? AND d.kind = 'period-of-stay-expiry' AND +c.situation = 'valid-status' AND ${mineByProbe} AND +c.stage != 'closed'
     ORDER BY d.date DESC LIMIT ${WORK_LIMIT}`,
    [today, me],
  );
  const deadlines = [...overdue.reverse(), ...upcoming].slice(0, WORK_LIMIT);

  if (!supervisor) {
    // DESIGN.md §6: the three considerations and the wishes are what a recommendation rests on.
    // Walked in update order (oldest first), stopping after one page: no sort of a whole caseload.
    const lacks = (kind: string) => `NOT EXISTS (SELECT 1 FROM case_considerations k WHERE k.case_id = c.id AND k.kind = '${kind}')`;
    const missing = await tx.all<WorkRow & { updated_at: string }>(
      `SELECT c.id AS case_id, c.reference, c.masked_name, c.updated_at FROM cases c INDEXED BY cases_by_updated_at
       WHERE +c.stage IN ('protection', 'decision') AND ${mineByProbe}
         AND (${CONSIDERATION_KINDS.map(lacks).join(' OR ')} OR NOT EXISTS (SELECT 1 FROM case_wishes w WHERE w.case_id = c.id))
       ORDER BY c.updated_at LIMIT ${WORK_LIMIT}`,
      [me],
    );
    waiting.push(...missing.map((m) => ({ ...workCase(m), kind: 'considerations-missing' as const, since: m.updated_at })));
  }
  waiting.push(...(await extraWaiting(mineByProbe, [me])));
  waiting.sort((a, b) => a.since.localeCompare(b.since));

  await ctx.audit({ action: 'work.viewed', details: { interviews: interviews.length, deadlines: deadlines.length, waiting: waiting.length } });
  return { interviews, deadlines: deadlines.map((d) => ({ ...workCase(d), kind: d.kind, date: d.date })), waiting };
}
