import { applyCaseEdit } from '../../../../electron/common/caseDetail';
import type { ChannelInput, ChannelOutput } from '../../../../electron/common/contract';
import type { SealedField, SealedValue } from '../../../../electron/common/cases';
import type { ClosingOutcome } from '../../../../electron/common/retention';
import { callInSession } from '../../session/session.actions';
import { useCasePageStore, type CaseTabId } from './casePage.store';

type UpdateSections = Omit<ChannelInput<'cases:update'>, 'caseId' | 'version'>;

function current() {
  const detail = useCasePageStore.getState().detail;
  if (!detail) throw new Error('No case is open');
  return detail;
}

/** Every save is made against the version on screen, so core can refuse one based on stale data. */
export function ref() {
  const { id, version } = current();
  return { caseId: id, version };
}

export async function loadCase(caseId: string): Promise<void> {
  const detail = await callInSession('cases:get', { caseId });
  useCasePageStore.setState({ detail });
}

/** Leaving the page drops the case: nothing of it stays in memory for the next screen. */
export function closeCase(): void {
  useCasePageStore.setState({
    detail: null,
    accessLog: [],
    accessLogBefore: null,
    accessLogNewer: [],
    accessLogNextBefore: null,
    accessLogLoaded: false,
  });
}

/**
 * Shows a tab of the open case and, once it is drawn, moves the focus to the element `focusId`
 * within it (a link to the checklist lands on the checklist, for keyboard and screen-reader users too).
 */
export function showCaseTab(tab: CaseTabId, focusId?: string): void {
  useCasePageStore.setState({ tab });
  if (focusId) setTimeout(() => document.getElementById(focusId)?.focus(), 0);
}

/** Saves sections of the case; core returns what the save changed, laid over the page's case. */
export async function updateCase(sections: UpdateSections): Promise<void> {
  const edit = await callInSession('cases:update', { ...ref(), ...sections });
  useCasePageStore.setState({ detail: applyCaseEdit(current(), edit) });
}

export async function assignCase(officerIds: string[], supervisorId: string | null): Promise<void> {
  const detail = await callInSession('cases:assign', { ...ref(), officerIds, supervisorId });
  useCasePageStore.setState({ detail });
}

/** Moves the case; closing names how it ended (`outcome`), which no other move takes. */
export async function transitionCase(to: ChannelInput<'cases:transition'>['to'], reason: string, outcome?: ClosingOutcome): Promise<void> {
  const detail = await callInSession('cases:transition', { ...ref(), to, reason, ...(outcome ? { outcome } : {}) });
  useCasePageStore.setState({ detail });
}

export async function setSealedValue(sealed: SealedValue): Promise<void> {
  const detail = await callInSession('cases:setSealed', { ...ref(), sealed });
  useCasePageStore.setState({ detail });
}

/**
 * Asks core for one sealed value with the user's reason. The value is returned to the caller
 * and never stored: the component that shows it is the only holder.
 */
export async function revealSealed(field: SealedField, reason: string): Promise<ChannelOutput<'cases:revealSealed'>> {
  return callInSession('cases:revealSealed', { caseId: current().id, field, reason });
}

/** Same as `revealSealed`, for a sealed note: the body goes to the caller only. */
export async function revealNote(noteId: string, reason: string): Promise<string> {
  const { body } = await callInSession('cases:revealNote', { caseId: current().id, noteId, reason });
  return body;
}

export async function addNote(input: Omit<ChannelInput<'cases:addNote'>, 'caseId'>): Promise<void> {
  const detail = await callInSession('cases:addNote', { caseId: current().id, ...input });
  useCasePageStore.setState({ detail });
}

export async function saveAdverseParty(party: ChannelInput<'cases:saveAdverseParty'>['party'], partyId?: string): Promise<void> {
  const detail = await callInSession('cases:saveAdverseParty', { ...ref(), ...(partyId ? { partyId } : {}), party });
  useCasePageStore.setState({ detail });
}

export async function removeAdverseParty(partyId: string, reason: string): Promise<void> {
  const detail = await callInSession('cases:removeAdverseParty', { ...ref(), partyId, reason });
  useCasePageStore.setState({ detail });
}

export async function checkConflict(name: string): Promise<ChannelOutput<'cases:checkConflict'>['matches']> {
  const { matches } = await callInSession('cases:checkConflict', { caseId: current().id, name });
  return matches;
}

export async function acknowledgeConflict(input: Omit<ChannelInput<'cases:acknowledgeConflict'>, 'caseId'>): Promise<void> {
  const detail = await callInSession('cases:acknowledgeConflict', { caseId: current().id, ...input });
  useCasePageStore.setState({ detail });
}

export async function loadStaff(): Promise<void> {
  useCasePageStore.setState({ staff: await callInSession('cases:staff', {}) });
}

/** Numbers each access-log request, so a slow answer to an earlier click cannot replace a later one. */
let lastAccessRequest = 0;

async function showAccessPage(before: number | null, newer: (number | null)[]): Promise<void> {
  const request = ++lastAccessRequest;
  const page = await callInSession('cases:accessLog', { caseId: current().id, ...(before === null ? {} : { before }) });
  if (request !== lastAccessRequest) return;
  useCasePageStore.setState({
    accessLog: page.entries,
    accessLogBefore: before,
    accessLogNewer: newer,
    accessLogNextBefore: page.nextBefore,
    accessLogLoaded: true,
  });
}

export function showNewestAccess(): Promise<void> {
  return showAccessPage(null, []);
}

export async function showOlderAccess(): Promise<void> {
  const { accessLogBefore, accessLogNextBefore, accessLogNewer } = useCasePageStore.getState();
  if (accessLogNextBefore === null) return;
  await showAccessPage(accessLogNextBefore, [...accessLogNewer, accessLogBefore]);
}

export async function showNewerAccess(): Promise<void> {
  const { accessLogNewer } = useCasePageStore.getState();
  if (accessLogNewer.length === 0) return;
  await showAccessPage(accessLogNewer[accessLogNewer.length - 1], accessLogNewer.slice(0, -1));
}
