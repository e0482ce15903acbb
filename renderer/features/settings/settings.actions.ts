import { callInSession } from '../session/session.actions';
import { useSessionStore } from '../session/session.store';

/** Administrators only; core refuses anyone else with FORBIDDEN. */
export async function updateStatisticsThreshold(statisticsThreshold: number): Promise<void> {
  const settings = await callInSession('settings:update', { statisticsThreshold });
  useSessionStore.setState({ settings });
}

/** Administrators only; core refuses anyone else with FORBIDDEN. */
export async function updateAutoLockMinutes(autoLockMinutes: number): Promise<void> {
  const settings = await callInSession('settings:update', { autoLockMinutes });
  useSessionStore.setState({ settings });
}
