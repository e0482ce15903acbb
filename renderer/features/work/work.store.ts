import type { MyWork } from '../../../electron/common/contract.work';
import { defineStore } from '../../stores/registry';

export interface WorkState {
  /** The last answer of `work:mine`; null until the first one arrives. Masked names only. */
  work: MyWork | null;
  loading: boolean;
}

export const initialWorkState: WorkState = { work: null, loading: false };

/** Registered, so a lock clears what was on the home view. */
export const useWorkStore = defineStore('work', initialWorkState);

export const workSelectors = {
  work: (s: WorkState) => s.work,
  loading: (s: WorkState) => s.loading,
};
