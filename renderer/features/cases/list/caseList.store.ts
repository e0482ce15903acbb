import type { CASE_SORTS, CaseListFilter, CaseListRow } from '../../../../electron/common/contract.cases';
import type { ChannelOutput } from '../../../../electron/common/contract';
import type { ErrorCode } from '../../../../electron/common/errors';
import { defineStore } from '../../../stores/registry';

export type CaseSort = (typeof CASE_SORTS)[number];
export type CaseStaff = ChannelOutput<'cases:staff'>['officers'][number];

/** What the cases section shows: the list, the intake form, or one case. */
export type CasesView = { kind: 'list' } | { kind: 'intake' } | { kind: 'case'; caseId: string };

export interface CaseListState {
  view: CasesView;
  filter: CaseListFilter;
  sort: CaseSort;
  /**
   * Bumped whenever filter or sort change: rows asked for under an older query are dropped, and
   * the list scrolls back to the top.
   */
  query: number;
  /** Matching cases in all, as core counted them with the last window; null until the first answer. */
  total: number | null;
  /**
   * Windows of rows keyed by their offset. Only a few are held however long the list is: with
   * 100,000 cases the renderer must not hold them all (and masked or not, less is safer).
   */
  windows: Record<number, CaseListRow[]>;
  error: ErrorCode | null;
  /** Officers for the supervisor's officer filter; empty for officers, who see only their own cases. */
  officers: CaseStaff[];
  /** The search field is to take the focus once it is shown (Ctrl/Cmd+K); it clears this when it does. */
  focusSearch: boolean;
}

export const initialCaseListState: CaseListState = {
  view: { kind: 'list' },
  filter: {},
  sort: 'updated',
  query: 0,
  total: null,
  windows: {},
  error: null,
  officers: [],
  focusSearch: false,
};

export const useCaseListStore = defineStore('caseList', initialCaseListState);

export const caseListSelectors = {
  view: (s: CaseListState) => s.view,
  filter: (s: CaseListState) => s.filter,
  sort: (s: CaseListState) => s.sort,
  query: (s: CaseListState) => s.query,
  total: (s: CaseListState) => s.total,
  windows: (s: CaseListState) => s.windows,
  error: (s: CaseListState) => s.error,
  officers: (s: CaseListState) => s.officers,
  focusSearch: (s: CaseListState) => s.focusSearch,
  isFiltered: (s: CaseListState) => Object.keys(s.filter).length > 0,
};
