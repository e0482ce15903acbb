import type { ExportEntry } from '../../../electron/common/contract.exports';
import { defineStore } from '../../stores/registry';

export interface ExportsState {
  /** One page of the export register, newest first (recipients and purposes are case content: reset on lock). */
  entries: ExportEntry[];
  /** This page's cursor (null: the newest page), and the next older page's (null: this is the oldest). */
  before: string | null;
  nextBefore: string | null;
  loaded: boolean;
  loading: boolean;
}

export const initialExportsState: ExportsState = { entries: [], before: null, nextBefore: null, loaded: false, loading: false };

export const useExportsStore = defineStore('exports', initialExportsState);

export const exportsSelectors = {
  entries: (s: ExportsState) => s.entries,
  loaded: (s: ExportsState) => s.loaded,
  loading: (s: ExportsState) => s.loading,
  isNewest: (s: ExportsState) => s.before === null,
  hasOlder: (s: ExportsState) => s.nextBefore !== null,
};
