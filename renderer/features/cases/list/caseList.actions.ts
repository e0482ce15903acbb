import type { ChannelInput } from '../../../../electron/common/contract';
import type { CaseListFilter } from '../../../../electron/common/contract.cases';
import { errorCodeOf } from '../../../api/mamori';
import { storeGeneration } from '../../../stores/registry';
import { openSection } from '../../navigation/navigation.actions';
import { callInSession } from '../../session/session.actions';
import { useCasePageStore, type CaseTabId } from '../page/casePage.store';
import { useCaseListStore, type CaseSort } from './caseList.store';

/** Rows per `cases:list` request. */
export const WINDOW_SIZE = 100;
/** Windows kept at once (a screenful needs at most two); the farthest from view are dropped first. */
export const MAX_WINDOWS = 5;

/** Window offsets asked for and not yet answered, per query, so scrolling does not ask twice. */
const pending = new Set<string>();

function windowOffsets(firstIndex: number, lastIndex: number): number[] {
  const offsets: number[] = [];
  for (let offset = Math.floor(firstIndex / WINDOW_SIZE) * WINDOW_SIZE; offset <= lastIndex; offset += WINDOW_SIZE) {
    offsets.push(offset);
  }
  return offsets;
}

async function loadWindow(offset: number, near: number): Promise<void> {
  const { filter, sort, query } = useCaseListStore.getState();
  // The store generation too: after a lock the query counter starts again from 0.
  const key = `${storeGeneration()}:${query}:${offset}`;
  if (pending.has(key)) return;
  pending.add(key);
  try {
    const input: ChannelInput<'cases:list'> = { filter, sort, offset, limit: WINDOW_SIZE };
    const page = await callInSession('cases:list', input);
    // Filter or sort changed while this was on its way: these rows belong to a list no longer shown.
    if (useCaseListStore.getState().query !== query) return;
    useCaseListStore.setState((s) => {
      const windows = { ...s.windows, [offset]: page.rows };
      const kept = Object.keys(windows)
        .map(Number)
        .sort((a, b) => Math.abs(a - near) - Math.abs(b - near))
        .slice(0, MAX_WINDOWS);
      return { total: page.total, windows: Object.fromEntries(kept.map((o) => [o, windows[o]])), error: null };
    });
  } catch (error) {
    if (useCaseListStore.getState().query === query) useCaseListStore.setState({ error: errorCodeOf(error) });
  } finally {
    pending.delete(key);
  }
}

/** Makes sure the rows from `firstIndex` to `lastIndex` are held, reading the windows that are missing. */
export async function ensureRows(firstIndex: number, lastIndex: number): Promise<void> {
  const { windows } = useCaseListStore.getState();
  const missing = windowOffsets(firstIndex, lastIndex).filter((offset) => !(offset in windows));
  await Promise.all(missing.map((offset) => loadWindow(offset, firstIndex)));
}

/** Starts the list over with a new filter and sort, from the first row. */
export async function showCases(filter: CaseListFilter, sort: CaseSort): Promise<void> {
  useCaseListStore.setState((s) => ({ filter, sort, query: s.query + 1, total: null, windows: {}, error: null }));
  await loadWindow(0, 0);
}

/** The same filter and sort read again, e.g. after returning from a case that may have changed. */
export function reloadCases(): Promise<void> {
  const { filter, sort } = useCaseListStore.getState();
  return showCases(filter, sort);
}

/** The read `prefetchCases` started, until the list's first showing takes it. */
let prefetched: { generation: number; query: number } | null = null;

/**
 * Starts reading the list as the session opens, before the shell renders, so core reads while the
 * page draws (issue 17: sign-in to the first painted page). The list's first showing then takes
 * this read instead of starting another (`takePrefetchedCases`).
 */
export function prefetchCases(): void {
  // The request leaves before the first await: by the time this returns it is on its way.
  void reloadCases();
  prefetched = { generation: storeGeneration(), query: useCaseListStore.getState().query };
}

/** Whether the list's current read is the one started at sign-in and not yet taken (then it is taken). */
export function takePrefetchedCases(): boolean {
  const taken = prefetched !== null && prefetched.generation === storeGeneration() && prefetched.query === useCaseListStore.getState().query;
  prefetched = null;
  return taken;
}

export async function loadOfficers(): Promise<void> {
  const { officers } = await callInSession('cases:staff', {});
  useCaseListStore.setState({ officers });
}

/** Opens a case on its first tab, or on `tab`. */
export function openCase(caseId: string, tab: CaseTabId = 'person'): void {
  useCasePageStore.setState({ tab });
  useCaseListStore.setState({ view: { kind: 'case', caseId } });
}

/** Opens a case from another section (My work, the review queue); core then remembers the cases section as the last view. */
export async function showCase(caseId: string, tab?: CaseTabId): Promise<void> {
  openCase(caseId, tab);
  await openSection('cases');
}

export function openIntake(): void {
  useCaseListStore.setState({ view: { kind: 'intake' } });
}

/** The case list with its search field focused (Ctrl/Cmd+K). */
export function findCases(): void {
  useCaseListStore.setState({ view: { kind: 'list' }, focusSearch: true });
}

export function showList(): void {
  useCaseListStore.setState({ view: { kind: 'list' } });
}

/** Intake: opens the new case on success; an ApiError (INVALID_INPUT with issues…) is for the form to show. */
export async function createCase(input: ChannelInput<'cases:create'>): Promise<void> {
  const created = await callInSession('cases:create', input);
  openCase(created.id);
}
