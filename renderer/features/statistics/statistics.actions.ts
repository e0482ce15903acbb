import { DIMENSIONS, type CsvHeadings, type StatisticsDimension, type StatisticsGranularity } from '../../../electron/common/statistics';
import { callInSession } from '../session/session.actions';
import { useStatisticsStore } from './statistics.store';

/** Numbers each request, so a slow answer to an earlier choice cannot replace a later one. */
let latest = 0;

/** Reads the chosen table afresh (every visit, every choice, Refresh); core audits each read. */
export async function loadStatistics(): Promise<void> {
  const request = ++latest;
  const { dimension, granularity } = useStatisticsStore.getState();
  useStatisticsStore.setState({ loading: true });
  try {
    const table = await callInSession('statistics:table', { dimension, granularity });
    if (request === latest) useStatisticsStore.setState({ table, loaded: true });
  } catch (error) {
    if (request === latest) throw error;
  } finally {
    if (request === latest) useStatisticsStore.setState({ loading: false });
  }
}

/** Chooses a table; a dimension that cannot be read by the current period switches to its first. */
export function chooseTable(choice: { dimension?: StatisticsDimension; granularity?: StatisticsGranularity }): Promise<void> {
  const dimension = choice.dimension ?? useStatisticsStore.getState().dimension;
  const offered = DIMENSIONS[dimension].granularities;
  const granularity = choice.granularity ?? useStatisticsStore.getState().granularity;
  useStatisticsStore.setState({ dimension, granularity: offered.includes(granularity) ? granularity : offered[0], exported: null });
  return loadStatistics();
}

/**
 * Saves the current table as CSV where the user chooses (core builds it from the same suppressed
 * table and writes it; the renderer only supplies the headings in the user's language). False when
 * the dialog was cancelled.
 */
export async function exportStatisticsCsv(headings: CsvHeadings): Promise<boolean> {
  const { dimension, granularity } = useStatisticsStore.getState();
  useStatisticsStore.setState({ exported: null });
  const result = await callInSession('statistics:exportCsv', { dimension, granularity, headings });
  if (result.saved && result.fileName) useStatisticsStore.setState({ exported: { fileName: result.fileName, rows: result.rows } });
  return result.saved;
}
