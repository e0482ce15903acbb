/**
 * Residence decisions (DESIGN.md §6): the officer drafts and submits a recommendation; submission
 * freezes a snapshot of the case's facts whose hash the supervisor approves, and the approval
 * decides the case. A supervisor cannot
 * approve their own; a change to the facts after submission stales the approval; an approved
 * decision never changes and is only superseded by a newer approved one. Every step is audited
 * with the case reference in the same transaction.
 *
 * The facts a decision rests on belong to other features (the case file, interviews, protection):
 * they are read through the `ReadCase` the caller gives, so decisions imports none of them.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { MyWork } from '../../common/contract.work';
import type { ReviewQueueRow } from '../../common/contract.decisions';
import { canonicalJson, DecisionDraftSchema, recommendationIssues, snapshotFacts, type CaseFacts, type DecisionDraft, type SnapshotSource } from '../../common/decisions';
import { forChange, reachable, recordEvent, touch, type CaseRow, type Owner } from '../caseAccess/caseAccess';
import { getCase } from '../caseAccess/caseAccess.repository';
import type { Tx } from '../db/connection';
import { CoreError } from '../errors';
import type { Ctx } from '../session/session.service';
import * as repo from './decisions.repository';
import { factsUnchanged } from './decisions.summary';

/** Reads the case as a decision sees it: the facts it snapshots and the facts the guidance reads. */
export type ReadCase = (r: Pick<Ctx, 'tx' | 'at'>, row: CaseRow) => Promise<SnapshotSource & CaseFacts>;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const today = (ctx: Ctx) => ctx.at.slice(0, 10);

export async function saveDraft(ctx: Ctx, input: { caseId: string; version: number; draft: DecisionDraft }): Promise<void> {
  const row = await forChange(ctx, input.caseId, input.version);
  const open = await repo.openDecision(ctx.tx, row.id);
  // A submitted recommendation is frozen until the supervisor returns it.
  if (open?.status === 'pending') throw new CoreError('DECISION_STATE');
  const draft = JSON.stringify(input.draft);
  const id = open?.id ?? randomUUID();
  if (open) await repo.updateDraft(ctx.tx, id, draft, ctx.at);
  else await repo.insertDecision(ctx.tx, { id, case_id: row.id, draft, created_at: ctx.at, created_by: ctx.session.user.id });
  await repo.recordEditor(ctx.tx, id, ctx.session.user.id, ctx.at);
  await touch(ctx, row);
  await ctx.audit({ action: 'decision.draft-saved', caseRef: row.reference, target: `decision:${id}`, details: { pathway: input.draft.pathway, created: !open } });
}

export async function submit(ctx: Ctx, input: { caseId: string; version: number; decisionId: string }, readCase: ReadCase): Promise<void> {
  const row = await forChange(ctx, input.caseId, input.version);
  const d = await repo.getDecision(ctx.tx, row.id, input.decisionId);
  if (!d) throw new CoreError('NOT_FOUND');
  if (d.status !== 'draft' && d.status !== 'returned') throw new CoreError('DECISION_STATE');
  const draft = DecisionDraftSchema.parse(JSON.parse(d.draft));
  const before = await readCase(ctx, row);
  const { guidance, issues } = recommendationIssues(draft, before, today(ctx));
  if (row.stage !== 'decision') issues.unshift({ path: 'stage', message: 'decision.stage.notDecision' });
  if (issues.length) throw new CoreError('RECOMMENDATION_INCOMPLETE', 'recommendation', { issues });

  // The facts leave out the stage and its event, so the case read above is the case as submitted.
  const snapshot = canonicalJson({ facts: snapshotFacts(before), recommendation: draft, guidance });
  const hash = sha256(snapshot);
  await touch(ctx, row, { stage: 'approval' });
  await recordEvent(ctx, row.id, 'stage', { from: row.stage, to: 'approval' });
  await repo.markSubmitted(ctx.tx, d.id, ctx.at, ctx.session.user.id, snapshot, hash);
  await repo.recordEditor(ctx.tx, d.id, ctx.session.user.id, ctx.at);
  await repo.insertDecisionEvent(ctx.tx, { id: randomUUID(), decision_id: d.id, kind: 'submitted', at: ctx.at, actor_id: ctx.session.user.id, comment: '', snapshot_hash: hash });
  await ctx.audit({ action: 'decision.submitted', caseRef: row.reference, target: `decision:${d.id}`, details: { pathway: draft.pathway, snapshot: hash } });
}

async function pendingOf(ctx: Ctx, caseId: string, decisionId: string) {
  const row = await reachable(ctx, caseId);
  const d = await repo.getDecision(ctx.tx, row.id, decisionId);
  if (!d) throw new CoreError('NOT_FOUND');
  const { snapshot, snapshot_hash: snapshotHash } = d;
  if (d.status !== 'pending' || !snapshot || !snapshotHash) throw new CoreError('DECISION_STATE');
  return { row, d, snapshot, snapshotHash };
}

/** Approves exactly the snapshot the supervisor reviewed, if the case still stands as submitted. */
export async function approve(ctx: Ctx, input: { caseId: string; decisionId: string; snapshotHash: string; comment: string }, readCase: ReadCase): Promise<void> {
  const { row, d, snapshot, snapshotHash } = await pendingOf(ctx, input.caseId, input.decisionId);
  const me = ctx.session.user.id;
  // Four eyes: whoever created, edited or submitted the recommendation cannot approve it.
  if (d.submitted_by === me || d.created_by === me || (await repo.isEditor(ctx.tx, d.id, me))) throw new CoreError('OWN_RECOMMENDATION');
  if (input.snapshotHash !== snapshotHash || sha256(snapshot) !== snapshotHash) throw new CoreError('SNAPSHOT_STALE');
  if (!factsUnchanged(snapshot, await readCase(ctx, row))) throw new CoreError('SNAPSHOT_STALE');

  const previous = await repo.approvedDecision(ctx.tx, row.id);
  if (previous) {
    await repo.markSuperseded(ctx.tx, previous.id, d.id);
    await repo.insertDecisionEvent(ctx.tx, { id: randomUUID(), decision_id: previous.id, kind: 'superseded', at: ctx.at, actor_id: me, comment: '', snapshot_hash: previous.snapshot_hash });
    await ctx.audit({ action: 'decision.superseded', caseRef: row.reference, target: `decision:${previous.id}`, details: { by: d.id } });
  }
  await repo.markApproved(ctx.tx, d.id, ctx.at, me);
  await repo.insertDecisionEvent(ctx.tx, { id: randomUUID(), decision_id: d.id, kind: 'approved', at: ctx.at, actor_id: me, comment: input.comment, snapshot_hash: snapshotHash });
  const pathway = DecisionDraftSchema.parse(JSON.parse(d.draft)).pathway;
  await ctx.audit({ action: 'decision.approved', caseRef: row.reference, target: `decision:${d.id}`, details: { pathway, snapshot: snapshotHash } });

  // The case is decided, no longer waiting at approval; and whoever approved it answers for it when no
  // supervisor had been assigned (My work then shows it to them).
  const decided = row.stage === 'approval';
  const supervisorOfRecord = row.supervisor_id === null;
  await touch(ctx, row, { ...(decided ? { stage: 'decided' } : {}), ...(supervisorOfRecord ? { supervisor_id: me } : {}) });
  if (decided) {
    await recordEvent(ctx, row.id, 'stage', { from: row.stage, to: 'decided' });
    await ctx.audit({ action: 'case.stage-changed', caseRef: row.reference, target: `case:${row.id}`, details: { from: row.stage, to: 'decided', via: 'approval' } });
  }
  if (supervisorOfRecord) {
    await recordEvent(ctx, row.id, 'assigned');
    await ctx.audit({ action: 'case.assigned', caseRef: row.reference, target: `case:${row.id}`, details: { supervisor: me, via: 'approval' } });
  }
}

/** Sends the recommendation back with comments; the case returns to the decision stage. */
export async function returnDecision(ctx: Ctx, input: { caseId: string; decisionId: string; comment: string }): Promise<void> {
  const { row, d, snapshotHash } = await pendingOf(ctx, input.caseId, input.decisionId);
  await repo.markReturned(ctx.tx, d.id, ctx.at);
  await repo.insertDecisionEvent(ctx.tx, { id: randomUUID(), decision_id: d.id, kind: 'returned', at: ctx.at, actor_id: ctx.session.user.id, comment: input.comment, snapshot_hash: snapshotHash });
  if (row.stage === 'approval') {
    await touch(ctx, row, { stage: 'decision' });
    await recordEvent(ctx, row.id, 'stage', { from: row.stage, to: 'decision' });
  } else {
    await touch(ctx, row);
  }
  // The comment is case content: it stays in the case, not in the trail.
  await ctx.audit({ action: 'decision.returned', caseRef: row.reference, target: `decision:${d.id}`, details: { snapshot: snapshotHash } });
}

/** Supervisors: every pending recommendation, oldest first, with whether it went stale. */
export async function reviewQueue(ctx: Ctx, readCase: ReadCase): Promise<{ rows: ReviewQueueRow[] }> {
  const pending = await repo.pendingQueue(ctx.tx, ctx.session.user.id);
  const rows: ReviewQueueRow[] = [];
  for (const p of pending) {
    const c = await getCase(ctx.tx, p.case_id);
    if (!c) continue;
    rows.push({
      caseId: p.case_id,
      reference: p.reference,
      maskedName: p.masked_name,
      decisionId: p.decision_id,
      pathway: DecisionDraftSchema.parse(JSON.parse(p.draft)).pathway,
      submittedAt: p.submitted_at,
      submittedBy: p.submitted_by_name,
      own: p.edited_by_me === 1 || p.submitted_by === ctx.session.user.id || p.created_by === ctx.session.user.id,
      stale: !factsUnchanged(p.snapshot, await readCase(ctx, c)),
      nextDeadline: p.next_deadline,
    });
  }
  await ctx.audit({ action: 'cases.listed', details: { queue: 'decisions', results: rows.length } });
  return { rows };
}

/** How long an approval stays in the officer's My work as a notice. */
const APPROVAL_NOTICE_DAYS = 14;

/** My work's decision notices: returns and approvals for officers, new submissions for supervisors. */
export async function decisionNotices(tx: Tx, owner: Owner, at: string): Promise<MyWork['waiting']> {
  const pick = (kind: MyWork['waiting'][number]['kind']) => (r: { case_id: string; reference: string; masked_name: string; since: string }) => ({
    caseId: r.case_id,
    reference: r.reference,
    maskedName: r.masked_name,
    kind,
    since: r.since,
  });
  if (owner.role === 'supervisor') return (await repo.pendingFor(tx, owner.userId)).map(pick('decision-pending'));
  const since = new Date(Date.parse(at) - APPROVAL_NOTICE_DAYS * 86_400_000).toISOString();
  const [returned, approved] = [await repo.returnedFor(tx, owner), await repo.approvedFor(tx, owner, since)];
  return [...returned.map(pick('decision-returned')), ...approved.map(pick('decision-approved'))];
}
