/** The decisions of one case as the case page shows them (no sealed value is part of them). */
import type { CaseDetail } from '../../common/caseDetail';
import { canonicalJson, snapshotFacts as caseFacts, changedPaths, DecisionDraftSchema, type DecisionStatus, type DecisionSummary } from '../../common/decisions';
import type { Tx } from '../db/connection';
import * as repo from './decisions.repository';

export interface Snapshot {
  facts: ReturnType<typeof caseFacts>;
  recommendation: unknown;
  guidance: unknown;
}

/** Whether the case's facts still are those of the submitted snapshot. */
export function factsUnchanged(snapshot: string, base: Omit<CaseDetail, 'decisions'>): boolean {
  return canonicalJson((JSON.parse(snapshot) as Snapshot).facts) === canonicalJson(caseFacts(base));
}

export async function decisionSummaries(tx: Tx, base: Omit<CaseDetail, 'decisions'>): Promise<DecisionSummary[]> {
  const [rows, events] = await Promise.all([repo.listDecisions(tx, base.id), repo.listDecisionEvents(tx, base.id)]);
  return rows.map((d) => ({
    id: d.id,
    status: d.status as DecisionStatus,
    draft: DecisionDraftSchema.parse(JSON.parse(d.draft)),
    createdAt: d.created_at,
    createdBy: d.created_by_name,
    createdById: d.created_by,
    updatedAt: d.updated_at,
    submittedById: d.submitted_by,
    submittedBy: d.submitted_by_name,
    submittedAt: d.submitted_at,
    snapshotHash: d.snapshot_hash,
    changedSinceSubmission: d.status === 'pending' && d.snapshot ? changedPaths((JSON.parse(d.snapshot) as Snapshot).facts, caseFacts(base)) : null,
    supersededBy: d.superseded_by,
    events: events
      .filter((e) => e.decision_id === d.id)
      .map((e) => ({ kind: e.kind as DecisionSummary['events'][number]['kind'], at: e.at, by: e.actor_name, comment: e.comment, snapshotHash: e.snapshot_hash })),
  }));
}
