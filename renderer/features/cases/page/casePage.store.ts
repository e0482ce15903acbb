import type { ChannelOutput } from '../../../../electron/common/contract';
import type { CaseDetail } from '../../../../electron/common/caseDetail';
import { defineStore } from '../../../stores/registry';

export type AccessLogEntry = ChannelOutput<'cases:accessLog'>['entries'][number];
export type Staff = ChannelOutput<'cases:staff'>;

/** The case page's tabs, in the order CasePage shows them. */
export type CaseTabId = 'person' | 'immigration' | 'exploitation' | 'adverse' | 'interviews' | 'protection' | 'decision' | 'sealed' | 'timeline' | 'stage' | 'retention' | 'access';

/**
 * The open case as core sent it. Never put a revealed sealed value or sealed note here: those
 * live only in the component that shows them, for as long as they are shown.
 */
export interface CasePageState {
  detail: CaseDetail | null;
  /** The tab shown: here rather than in the page, so a part of the case can send the user to another (the checklist). */
  tab: CaseTabId;
  staff: Staff | null;
  /** One page of the access log; `before` is its cursor, `newerCursors` the way back. */
  accessLog: AccessLogEntry[];
  accessLogBefore: number | null;
  accessLogNewer: (number | null)[];
  accessLogNextBefore: number | null;
  accessLogLoaded: boolean;
}

export const initialCasePageState: CasePageState = {
  detail: null,
  tab: 'person',
  staff: null,
  accessLog: [],
  accessLogBefore: null,
  accessLogNewer: [],
  accessLogNextBefore: null,
  accessLogLoaded: false,
};

export const useCasePageStore = defineStore('casePage', initialCasePageState);

export const casePageSelectors = {
  detail: (s: CasePageState) => s.detail,
  tab: (s: CasePageState) => s.tab,
  staff: (s: CasePageState) => s.staff,
  accessLog: (s: CasePageState) => s.accessLog,
  accessLogLoaded: (s: CasePageState) => s.accessLogLoaded,
  hasNewerAccess: (s: CasePageState) => s.accessLogNewer.length > 0,
  hasOlderAccess: (s: CasePageState) => s.accessLogNextBefore !== null,
};
