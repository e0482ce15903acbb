import type { CaseRetention, PurgedCase } from '../../../electron/common/contract.retention';
import type { RetentionPeriods } from '../../../electron/common/retention';
import { callInSession } from '../session/session.actions';
import { useRetentionStore } from './retention.store';

/** Numbers each list request, so a slow answer to an earlier one cannot replace a later one. */
let latest = 0;

async function showList(withinDays: number): Promise<void> {
  const request = ++latest;
  useRetentionStore.setState({ loading: true, withinDays });
  try {
    const list = await callInSession('retention:list', { withinDays });
    if (request === latest) useRetentionStore.setState({ today: list.today, rows: list.rows, total: list.total });
  } catch (error) {
    if (request === latest) throw error;
  } finally {
    if (request === latest) useRetentionStore.setState({ loading: false });
  }
}

/** The screen's data read afresh: the periods and the purge list (on every visit and with Refresh). */
export async function loadRetention(): Promise<void> {
  const [periods] = await Promise.all([callInSession('retention:policy', {}), showList(useRetentionStore.getState().withinDays)]);
  useRetentionStore.setState({ periods, loaded: true });
}

/** Shows what is due now (0) or falls due within `withinDays`. */
export function showWithin(withinDays: number): Promise<void> {
  return showList(withinDays);
}

/** Administrators: sets every period at once; the list is read again, since what is due may have changed. */
export async function savePeriods(periods: RetentionPeriods): Promise<void> {
  const saved = await callInSession('retention:setPolicy', { periods });
  useRetentionStore.setState({ periods: saved });
  await showList(useRetentionStore.getState().withinDays);
}

/**
 * Administrators: purges the cases (all or none), then reads the list again whatever happened: a
 * refusal means the list on screen was out of date, and a failed compaction follows a purge that stood.
 */
export async function purgeCases(caseIds: string[], reason: string): Promise<PurgedCase[]> {
  try {
    return (await callInSession('retention:purge', { caseIds, reason })).purged;
  } finally {
    await showList(useRetentionStore.getState().withinDays).catch(() => undefined);
  }
}

function keepCase(retention: CaseRetention, caseId: string) {
  useRetentionStore.setState({ caseRetention: { ...retention, caseId } });
}

/** Supervisors, from the purge list or a case: places a legal hold; both views are brought up to date. */
export async function placeHold(caseId: string, reason: string): Promise<void> {
  const retention = await callInSession('retention:placeHold', { caseId, reason });
  await afterHoldChange(caseId, retention);
}

export async function releaseHold(caseId: string, reason: string): Promise<void> {
  const retention = await callInSession('retention:releaseHold', { caseId, reason });
  await afterHoldChange(caseId, retention);
}

async function afterHoldChange(caseId: string, retention: CaseRetention): Promise<void> {
  if (openCaseId === caseId) keepCase(retention, caseId);
  if (useRetentionStore.getState().loaded) await showList(useRetentionStore.getState().withinDays);
}

/** The case whose retention the case page shows, so a hold changed from elsewhere updates it. */
let openCaseId: string | null = null;

/** Supervisors: the open case's closing, due day and holds (audited in core as a view). */
export async function loadCaseRetention(caseId: string): Promise<void> {
  openCaseId = caseId;
  const retention = await callInSession('retention:case', { caseId });
  if (openCaseId === caseId) keepCase(retention, caseId);
}

/** Leaving the case drops what it showed of its holds. */
export function closeCaseRetention(): void {
  openCaseId = null;
  useRetentionStore.setState({ caseRetention: null });
}
