import { errorCodeOf, onEvent } from '../../api/mamori';
import type { AuditFilter, SignatureScope } from '../../../electron/common/contract.audit';
import { downloadFile } from '../../ui/download';
import { callInSession } from '../session/session.actions';
import { useSessionStore, whenSessionOpens } from '../session/session.store';
import { useAuditStore, type AuditState } from './audit.store';
import type { AuditFilterDraft } from './auditFilter';

export const AUDIT_PAGE_SIZE = 50;

/** Numbers each page request, so a slow answer to an earlier click cannot replace a later one. */
let lastRequest = 0;

/** Reads one page and swaps it in together with the cursors that lead to it, or changes nothing. */
async function showPage(
  filter: AuditFilter,
  before: number | null,
  newerCursors: (number | null)[],
  alongside: Partial<AuditState> = {},
): Promise<void> {
  const request = ++lastRequest;
  const page = await callInSession('audit:list', {
    filter,
    ...(before === null ? {} : { before }),
    limit: AUDIT_PAGE_SIZE,
  });
  if (request !== lastRequest) return;
  useAuditStore.setState({
    ...alongside,
    filter,
    before,
    newerCursors,
    entries: page.entries,
    nextBefore: page.nextBefore,
    loaded: true,
  });
}

export async function loadActors(): Promise<void> {
  const { actors } = await callInSession('audit:actors', {});
  useAuditStore.setState({ actors });
}

/** Starts over at the newest entries matching the filter. */
export async function applyAuditFilter(filter: AuditFilter, draft: AuditFilterDraft): Promise<void> {
  await showPage(filter, null, [], { draft, exported: null });
}

export function showNewest(): Promise<void> {
  return showPage(useAuditStore.getState().filter, null, []);
}

export async function showOlder(): Promise<void> {
  const { filter, before, nextBefore, newerCursors } = useAuditStore.getState();
  if (nextBefore === null) return;
  await showPage(filter, nextBefore, [...newerCursors, before]);
}

export async function showNewer(): Promise<void> {
  const { filter, newerCursors } = useAuditStore.getState();
  if (newerCursors.length === 0) return;
  await showPage(filter, newerCursors[newerCursors.length - 1], newerCursors.slice(0, -1));
}

/**
 * Verifies the whole chain (every MAC; signatures since the latest checkpoint, or every one with
 * `signatures: 'all'`) and checks the external anchors given (`SEQ:HASH`, as written down
 * earlier); while it runs, how far it has come is in the store (`verifyProgress`).
 */
export async function verifyAuditChain(anchors: string[] = [], signatures: SignatureScope = 'since-checkpoint'): Promise<void> {
  useAuditStore.setState({ verification: null, verifyProgress: { done: 0, total: 0 } });
  const stop = onEvent('vault:progress', (p) => {
    if (p.operation === 'verification' && p.phase === 'verifying') useAuditStore.setState({ verifyProgress: { done: p.done, total: p.total } });
  });
  try {
    useAuditStore.setState({ verification: await callInSession('audit:verify', { anchors, ...(signatures === 'all' ? { signatures } : {}) }) });
  } finally {
    stop();
    useAuditStore.setState({ verifyProgress: null });
  }
}

/** Numbers the routine checks, so an answer from an earlier session cannot replace a later one's. */
let routineRuns = 0;

/**
 * The routine check after sign-in: the MACs and signatures of the entries since the latest
 * checkpoint (every entry, before the first), recorded like any verification, so its record is the
 * next checkpoint. Its answer waits in the store: the audit screen says what it covered, and a
 * break is shown on every screen.
 */
export async function runRoutineCheck(): Promise<void> {
  const run = ++routineRuns;
  useAuditStore.setState({ routine: { running: true } });
  try {
    const result = await callInSession('audit:verify', { macs: 'since-checkpoint' });
    if (run === routineRuns) useAuditStore.setState({ routine: { running: false, result } });
  } catch (error) {
    // After a lock the store is already cleared, and must stay so; a later sign-in has its own check.
    if (run === routineRuns && useSessionStore.getState().status === 'signed-in') useAuditStore.setState({ routine: { running: false, failed: errorCodeOf(error) } });
  }
}

/**
 * Starts the routine check each time an auditor's or administrator's session opens: at sign-in, or
 * once a temporary passphrase is replaced (core refuses everything else until then). Returns the
 * unsubscribe.
 */
export function checkTrailOnSignIn(): () => void {
  return whenSessionOpens((user) => {
    if (user.role === 'auditor' || user.role === 'administrator') void runRoutineCheck();
  });
}

/** Exports every entry matching the current filter as CSV; the text goes straight to the download, never to a store. */
export async function exportAuditCsv(): Promise<void> {
  useAuditStore.setState({ exported: null });
  const { csv, rows, truncated, fileName } = await callInSession('audit:export', { filter: useAuditStore.getState().filter });
  downloadFile(fileName, csv, 'text/csv;charset=utf-8');
  useAuditStore.setState({ exported: { rows, truncated } });
}
