import type { DecisionDraft } from '../../../electron/common/decisions';
import { ref } from '../cases/page/casePage.actions';
import { useCasePageStore } from '../cases/page/casePage.store';
import { callInSession } from '../session/session.actions';
import { useDecisionsStore } from './decisions.store';

function caseId(): string {
  return ref().caseId;
}

/** Saves the case's open recommendation (core creates one if there is none), against the version on screen. */
export async function saveDecisionDraft(draft: DecisionDraft): Promise<void> {
  const detail = await callInSession('decisions:saveDraft', { ...ref(), draft });
  useCasePageStore.setState({ detail });
}

/** Submits the open recommendation: core freezes the case's facts and moves the case to approval. */
export async function submitDecision(decisionId: string): Promise<void> {
  const detail = await callInSession('decisions:submit', { ...ref(), decisionId });
  useCasePageStore.setState({ detail });
}

/** Supervisors: approves exactly the snapshot on screen; core refuses it if the case changed since. */
export async function approveDecision(decisionId: string, snapshotHash: string, comment: string): Promise<void> {
  const detail = await callInSession('decisions:approve', { caseId: caseId(), decisionId, snapshotHash, comment });
  useCasePageStore.setState({ detail });
}

/** Supervisors: sends the recommendation back to the officer with comments. */
export async function returnDecision(decisionId: string, comment: string): Promise<void> {
  const detail = await callInSession('decisions:return', { caseId: caseId(), decisionId, comment });
  useCasePageStore.setState({ detail });
}

/** Counts requests, so an answer overtaken by a later refresh neither replaces it nor reports its failure. */
let latest = 0;

/** Reads the review queue afresh; a failure is thrown for the screen to show. */
export async function loadReviewQueue(): Promise<void> {
  const request = ++latest;
  useDecisionsStore.setState({ loading: true });
  try {
    const { rows } = await callInSession('decisions:queue', {});
    if (request === latest) useDecisionsStore.setState({ queue: rows });
  } catch (error) {
    if (request === latest) throw error;
  } finally {
    if (request === latest) useDecisionsStore.setState({ loading: false });
  }
}
