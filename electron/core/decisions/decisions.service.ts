/**
 * Residence decisions (DESIGN.md §6): the officer drafts and submits a recommendation; submission
 * freezes a snapshot of the case's facts whose hash the supervisor approves. A supervisor cannot
 * approve their own; a change to the facts after submission stales the approval; an approved
 * decision never changes and is only superseded by a newer approved one. Every step is audited
 * with the case reference in the same transaction.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { CaseDetail } from '../../common/caseDetail';
import type { MyWork } from '../../common/contract.work';
import type { ReviewQueueRow } from '../../common/contract.decisions';
import { canonicalJson, snapshotFacts as caseFacts, DecisionDraftSchema, recommendationIssues, type DecisionDraft } from '../../common/decisions';
import * as caseRepo from '../cases/cases.repository';
import { caseDetail, forChange, reachable, reload, touch, type Ctx } from '../cases/cases.service';
import type { Tx } from '../db/connection';
import { CoreError } from '../errors';
import * as repo from './decisions.repository';
import { factsUnchanged } from './decisions.summary';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const today = (ctx: Ctx) => ctx.at.slice(0, 10);

async function stageEvent(ctx: Ctx, row: caseRepo.CaseRow, to: string, reason: string): Promise<void> {
  await caseRepo.insertEvent(ctx.tx, { id: randomUUID(), case_id: row.id, at: ctx.at, actor_id: ctx.session.user.id, kind: 'stage', from_stage: row.stage, to_stage: to, reason });
}

export async function saveDraft(ctx: Ctx, input: { caseId: string; version: number; draft: DecisionDraft }): Promise<CaseDetail> {
  const row = await forChange(ctx, input.caseId, input.version);
  const open = await repo.openDecision(ctx.tx, row.id);
  // A submitted recommendation is frozen until the supervisor returns it.
  if (open?.status === 'pending') throw new CoreError('DECISION_STATE');
  const draft = JSON.stringify(input.draft);
  const id = open?.id ?? randomUUID();
  if (open) await repo.updateDraft(ctx.tx, id, draft, ctx.at);
  else await repo.insertDecision(ctx.tx, { id, case_id: row.id, draft, created_at: ctx.at, created_by: ctx.session.user.id });
  await touch(ctx, row);
  await ctx.audit({ action: 'decision.draft-saved', caseRef: row.reference, target: `decision:${id}`, details: { pathway: input.draft.pathway, created: !open } });
  return reload(ctx, row.id);
}

export async function submit(ctx: Ctx, input: { caseId: string; version: number; decisionId: string }): Promise<CaseDetail> {
  const row = await forChange(ctx, input.caseId, input.version);
  const d = await repo.getDecision(ctx.tx, row.id, input.decisionId);
  if (!d) throw new CoreError('NOT_FOUND');
  if (d.status !== 'draft' && d.status !== 'returned') throw new CoreError('DECISION_STATE');
  const draft = DecisionDraftSchema.parse(JSON.parse(d.draft));
  const before = await caseDetail(ctx.tx, row);
  const { guidance, issues } = recommendationIssues(draft, before, today(ctx));
  if (row.stage !== 'decision') issues.unshift({ path: 'stage', message: 'decision.stage.notDecision' });
  if (issues.length) throw new CoreError('RECOMMENDATION_INCOMPLETE', 'recommendation', { issues });

  // The facts leave out the stage and its event, so the case read above is the case as submitted.
  const snapshot = canonicalJson({ facts: caseFacts(before), recommendation: draft, guidance });
  const hash = sha256(snapshot);
  await touch(ctx, row, { stage: 'approval' });
  await stageEvent(ctx, row, 'approval', '');
  await repo.markSubmitted(ctx.tx, d.id, ctx.at, ctx.session.user.id, snapshot, hash);
  await repo.insertDecisionEvent(ctx.tx, { id: randomUUID(), decision_id: d.id, kind: 'submitted', at: ctx.at, actor_id: ctx.session.user.id, comment: '', snapshot_hash: hash });
  await ctx.audit({ action: 'decision.submitted', caseRef: row.reference, target: `decision:${d.id}`, details: { pathway: draft.pathway, snapshot: hash } });
  return reload(ctx, row.id);
}

async function pendingOf(ctx: Ctx, caseId: string, decisionId: string) {
  const row = await reachable(ctx, caseId);
  const d = await repo.getDecision(ctx.tx, row.id, decisionId);
  if (!d) throw new CoreError('NOT_FOUND');
  if (d.status !== 'pending' || !d.snapshot || !d.snapshot_hash) throw new CoreError('DECISION_STATE');
  return { row, d: d as repo.DecisionRow & { snapshot: string; snapshot_hash: string } };
}

/** Approves exactly the snapshot the supervisor reviewed, if the case still stands as submitted. */
export async function approve(ctx: Ctx, input: { caseId: string; decisionId: string; snapshotHash: string; comment: string }): Promise<CaseDetail> {
  const { row, d } = await pendingOf(ctx, input.caseId, input.decisionId);
  const me = ctx.session.user.id;
  // Four eyes: whoever drafted or submitted the recommendation cannot approve it.
  if (d.submitted_by === me || d.created_by === me) throw new CoreError('OWN_RECOMMENDATION');
  if (input.snapshotHash !== d.snapshot_hash || sha256(d.snapshot) !== d.snapshot_hash) throw new CoreError('SNAPSHOT_STALE');
  if (!factsUnchanged(d.snapshot, await caseDetail(ctx.tx, row))) throw new CoreError('SNAPSHOT_STALE');

  const previous = await repo.approvedDecision(ctx.tx, row.id);
  if (previous) {
    await repo.markSuperseded(ctx.tx, previous.id, d.id);
    await repo.insertDecisionEvent(ctx.tx, { id: randomUUID(), decision_id: previous.id, kind: 'superseded', at: ctx.at, actor_id: me, comment: '', snapshot_hash: previous.snapshot_hash });
    await ctx.audit({ action: 'decision.superseded', caseRef: row.reference, target: `decision:${previous.id}`, details: { by: d.id } });
  }
  await repo.markApproved(ctx.tx, d.id, ctx.at, me);
  await repo.insertDecisionEvent(ctx.tx, { id: randomUUID(), decision_id: d.id, kind: 'approved', at: ctx.at, actor_id: me, comment: input.comment, snapshot_hash: d.snapshot_hash });
  await touch(ctx, row);
  const pathway = DecisionDraftSchema.parse(JSON.parse(d.draft)).pathway;
  await ctx.audit({ action: 'decision.approved', caseRef: row.reference, target: `decision:${d.id}`, details: { pathway, snapshot: d.snapshot_hash } });
  return reload(ctx, row.id);
}

/** Sends the recommendation back with comments; the case returns to the decision stage. */
export async function returnDecision(ctx: Ctx, input: { caseId: string; decisionId: string; comment: string }): Promise<CaseDetail> {
  const { row, d } = await pendingOf(ctx, input.caseId, input.decisionId);
  await repo.markReturned(ctx.tx, d.id, ctx.at);
  await repo.insertDecisionEvent(ctx.tx, { id: randomUUID(), decision_id: d.id, kind: 'returned', at: ctx.at, actor_id: ctx.session.user.id, comment: input.comment, snapshot_hash: d.snapshot_hash });
  if (row.stage === 'approval') {
    await touch(ctx, row, { stage: 'decision' });
    await stageEvent(ctx, row, 'decision', '');
  } else {
    await touch(ctx, row);
  }
  // The comment is case content: it stays in the case, not in the trail.
  await ctx.audit({ action: 'decision.returned', caseRef: row.reference, target: `decision:${d.id}`, details: { snapshot: d.snapshot_hash } });
  return reload(ctx, row.id);
}

/** Supervisors: every pending recommendation, oldest first, with whether it went stale. */
export async function reviewQueue(ctx: Ctx): Promise<{ rows: ReviewQueueRow[] }> {
  const pending = await repo.pendingQueue(ctx.tx);
  const rows: ReviewQueueRow[] = [];
  for (const p of pending) {
    const c = (await caseRepo.getCase(ctx.tx, p.case_id))!;
    rows.push({
      caseId: p.case_id,
      reference: p.reference,
      maskedName: p.masked_name,
      decisionId: p.decision_id,
      pathway: DecisionDraftSchema.parse(JSON.parse(p.draft)).pathway,
      submittedAt: p.submitted_at,
      submittedBy: p.submitted_by_name,
      own: p.submitted_by === ctx.session.user.id || p.created_by === ctx.session.user.id,
      stale: !factsUnchanged(p.snapshot, await caseDetail(ctx.tx, c)),
      nextDeadline: p.next_deadline,
    });
  }
  await ctx.audit({ action: 'cases.listed', details: { queue: 'decisions', results: rows.length } });
  return { rows };
}

/** How long an approval stays in the officer's My work as a notice. */
const APPROVAL_NOTICE_DAYS = 14;

/** My work's decision notices: returns and approvals for officers, new submissions for supervisors. */
export async function decisionNotices(tx: Tx, session: Ctx['session'], at: string, mine: string, params: string[]): Promise<MyWork['waiting']> {
  type Row = { case_id: string; reference: string; masked_name: string; since: string };
  const pick = (kind: MyWork['waiting'][number]['kind']) => (r: Row) => ({ caseId: r.case_id, reference: r.reference, maskedName: r.masked_name, kind, since: r.since });
  if (session.user.role === 'supervisor') {
    const rows = await tx.all<Row>(
      `SELECT c.id AS case_id, c.reference, c.masked_name, d.submitted_at AS since FROM decisions d JOIN cases c ON c.id = d.case_id
       WHERE d.status = 'pending' AND d.submitted_by != ? AND d.created_by != ? AND (c.supervisor_id = ? OR c.supervisor_id IS NULL)
       ORDER BY d.submitted_at LIMIT 100`,
      [session.user.id, session.user.id, session.user.id],
    );
    return rows.map(pick('decision-pending'));
  }
  const returned = await tx.all<Row>(
    `SELECT c.id AS case_id, c.reference, c.masked_name, d.updated_at AS since FROM decisions d JOIN cases c ON c.id = d.case_id
     WHERE d.status = 'returned' AND ${mine} ORDER BY d.updated_at LIMIT 100`,
    params,
  );
  const since = new Date(Date.parse(at) - APPROVAL_NOTICE_DAYS * 86_400_000).toISOString();
  const approved = await tx.all<Row>(
    `SELECT c.id AS case_id, c.reference, c.masked_name, d.decided_at AS since FROM decisions d JOIN cases c ON c.id = d.case_id
     WHERE d.status = 'approved' AND d.decided_at >= ? AND ${mine} ORDER BY d.decided_at LIMIT 100`,
    [since, ...params],
  );
  return [...returned.map(pick('decision-returned')), ...approved.map(pick('decision-approved'))];
}
