/** The decisions of one case as the case page shows them (no sealed value is part of them). */
import { canonicalJson, changedPaths, DecisionDraftSchema, snapshotFacts, type DecisionStatus, type DecisionSummary, type SnapshotSource } from '../../common/decisions';
import type { Tx } from '../db/connection';
import * as repo from './decisions.repository';

export interface Snapshot {
  facts: ReturnType<typeof snapshotFacts>;
  recommendation: unknown;
  guidance: unknown;
}

/** Whether the case's facts still are those of the submitted snapshot. */
export function factsUnchanged(snapshot: string, current: SnapshotSource): boolean {
  return canonicalJson((JSON.parse(snapshot) as Snapshot).facts) === canonicalJson(snapshotFacts(current));
}

export async function decisionSummaries(tx: Tx, current: SnapshotSource & { id: string }): Promise<DecisionSummary[]> {
  const [rows, events, editors] = await Promise.all([repo.listDecisions(tx, current.id), repo.listDecisionEvents(tx, current.id), repo.editorsOfCase(tx, current.id)]);
  return rows.map((d) => ({
    id: d.id,
    status: d.status as DecisionStatus,
    draft: DecisionDraftSchema.parse(JSON.parse(d.draft)),
    createdAt: d.created_at,
    createdBy: d.created_by_name,
    createdById: d.created_by,
    editorIds: editors.get(d.id) ?? [d.created_by],
    updatedAt: d.updated_at,
    submittedById: d.submitted_by,
    submittedBy: d.submitted_by_name,
    submittedAt: d.submitted_at,
    snapshotHash: d.snapshot_hash,
    changedSinceSubmission: d.status === 'pending' && d.snapshot ? changedPaths((JSON.parse(d.snapshot) as Snapshot).facts, snapshotFacts(current)) : null,
    supersededBy: d.superseded_by,
    events: events
      .filter((e) => e.decision_id === d.id)
      .map((e) => ({ kind: e.kind as DecisionSummary['events'][number]['kind'], at: e.at, by: e.actor_name, comment: e.comment, snapshotHash: e.snapshot_hash })),
  }));
}
