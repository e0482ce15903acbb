import type { StatisticsDimension, StatisticsGranularity, StatisticsTable } from '../../../electron/common/statistics';
import { defineStore } from '../../stores/registry';

export interface StatisticsState {
  dimension: StatisticsDimension;
  granularity: StatisticsGranularity;
  /** The suppressed table core last gave for the choice above (counts of k or more, zeros, hidden markers). */
  table: StatisticsTable | null;
  loaded: boolean;
  loading: boolean;
  /** The last CSV written (its file name and rows), for the confirmation under the button. */
  exported: { fileName: string; rows: number } | null;
}

export const initialStatisticsState: StatisticsState = {
  dimension: 'stage',
  granularity: 'year',
  table: null,
  loaded: false,
  loading: false,
  exported: null,
};

export const useStatisticsStore = defineStore('statistics', initialStatisticsState);

export const statisticsSelectors = {
  dimension: (s: StatisticsState) => s.dimension,
  granularity: (s: StatisticsState) => s.granularity,
  table: (s: StatisticsState) => s.table,
  loaded: (s: StatisticsState) => s.loaded,
  loading: (s: StatisticsState) => s.loading,
  exported: (s: StatisticsState) => s.exported,
};
