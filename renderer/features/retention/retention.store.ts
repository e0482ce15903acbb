import type { CaseRetention, PurgeRow } from '../../../electron/common/contract.retention';
import type { RetentionPeriods } from '../../../electron/common/retention';
import { defineStore } from '../../stores/registry';

export interface RetentionState {
  /** The vault's retention period per closing outcome, in months. */
  periods: RetentionPeriods | null;
  /** The purge list as core last gave it: its day, the rows shown (references, outcomes, dates, holds) and how many in all. */
  today: string | null;
  rows: PurgeRow[];
  total: number;
  /** How many days ahead the list looks (0: what is due now). */
  withinDays: number;
  loaded: boolean;
  loading: boolean;
  /** The open case's closing and holds (supervisors, on the case page). Hold reasons are case content: reset on lock. */
  caseRetention: (CaseRetention & { caseId: string }) | null;
}

export const initialRetentionState: RetentionState = {
  periods: null,
  today: null,
  rows: [],
  total: 0,
  withinDays: 0,
  loaded: false,
  loading: false,
  caseRetention: null,
};

export const useRetentionStore = defineStore('retention', initialRetentionState);

export const retentionSelectors = {
  periods: (s: RetentionState) => s.periods,
  rows: (s: RetentionState) => s.rows,
  total: (s: RetentionState) => s.total,
  withinDays: (s: RetentionState) => s.withinDays,
  loaded: (s: RetentionState) => s.loaded,
  loading: (s: RetentionState) => s.loading,
  caseRetention: (s: RetentionState) => s.caseRetention,
  /** What a purge would remove now: past the period, no hold in force (the dry run). */
  purgeable: (s: RetentionState) => s.rows.filter((r) => r.due && !r.hold),
  held: (s: RetentionState) => s.rows.filter((r) => r.hold !== null).length,
};
