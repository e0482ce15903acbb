import type { Interpreter } from '../../../electron/common/protection';
import { defineStore } from '../../stores/registry';

/**
 * The interpreter registry as core lists it. Never a contact: core sends those only on a reveal,
 * and the component that shows one is its only holder.
 */
export interface InterpretersState {
  byId: Record<string, Interpreter>;
  /** In the order core lists them. */
  ids: string[];
  loaded: boolean;
  /** Whether the list was asked for with the inactive interpreters too. */
  includeInactive: boolean;
}

export const initialInterpretersState: InterpretersState = { byId: {}, ids: [], loaded: false, includeInactive: false };

export const useInterpretersStore = defineStore('interpreters', initialInterpretersState);

export const interpretersSelectors = {
  byId: (s: InterpretersState) => s.byId,
  ids: (s: InterpretersState) => s.ids,
  loaded: (s: InterpretersState) => s.loaded,
  includeInactive: (s: InterpretersState) => s.includeInactive,
};
