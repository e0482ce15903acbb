import type { ReviewQueueRow } from '../../../electron/common/contract.decisions';
import { defineStore } from '../../stores/registry';

export interface DecisionsState {
  /** The last answer of `decisions:queue`, oldest first; null until the first one arrives. Masked names only. */
  queue: ReviewQueueRow[] | null;
  loading: boolean;
}

export const initialDecisionsState: DecisionsState = { queue: null, loading: false };

/** Registered, so a lock clears the review queue from the screen. */
export const useDecisionsStore = defineStore('decisions', initialDecisionsState);

export const decisionsSelectors = {
  queue: (s: DecisionsState) => s.queue,
  loading: (s: DecisionsState) => s.loading,
};
