import type { AuditEntry, AuditFilter, ChainVerificationResult } from '../../../electron/common/contract.audit';
import type { ChannelOutput } from '../../../electron/common/contract';
import type { ErrorCode } from '../../../electron/common/errors';
import { defineStore } from '../../stores/registry';
import { EMPTY_DRAFT, type AuditFilterDraft } from './auditFilter';

export type AuditActor = ChannelOutput<'audit:actors'>['actors'][number];

export interface AuditState {
  actors: AuditActor[];
  /** The filter the page was read with, and the form values it came from. */
  filter: AuditFilter;
  draft: AuditFilterDraft;
  /**
   * One page only, however long the trail: with a million entries nothing more may be held.
   * Paging is by keyset: `before` is this page's cursor (null for the newest page).
   */
  entries: AuditEntry[];
  before: number | null;
  /** Cursors of the newer pages walked through to get here, nearest last: "Newer" pops one. */
  newerCursors: (number | null)[];
  /** Cursor of the next older page; null when this is the oldest. */
  nextBefore: number | null;
  loaded: boolean;
  verification: ChainVerificationResult | null;
  /** While a verification runs: entries checked so far of about how many; null otherwise. */
  verifyProgress: { done: number; total: number } | null;
  /**
   * The routine check after an auditor's or administrator's sign-in (the entries since the latest
   * checkpoint): running, its answer, or why it could not run.
   */
  routine: { running: true } | { running: false; result: ChainVerificationResult } | { running: false; failed: ErrorCode } | null;
  /** The last export's size, and whether the export limit cut it short. */
  exported: { rows: number; truncated: boolean } | null;
}

export const initialAuditState: AuditState = {
  actors: [],
  filter: {},
  draft: EMPTY_DRAFT,
  entries: [],
  before: null,
  newerCursors: [],
  nextBefore: null,
  loaded: false,
  verification: null,
  verifyProgress: null,
  routine: null,
  exported: null,
};

export const useAuditStore = defineStore('audit', initialAuditState);

export const auditSelectors = {
  actors: (s: AuditState) => s.actors,
  draft: (s: AuditState) => s.draft,
  entries: (s: AuditState) => s.entries,
  loaded: (s: AuditState) => s.loaded,
  hasNewer: (s: AuditState) => s.newerCursors.length > 0,
  hasOlder: (s: AuditState) => s.nextBefore !== null,
  verification: (s: AuditState) => s.verification,
  verifyProgress: (s: AuditState) => s.verifyProgress,
  routine: (s: AuditState) => s.routine,
  routineRunning: (s: AuditState) => s.routine?.running === true,
  exported: (s: AuditState) => s.exported,
};
