import { openCase } from '../cases/list/caseList.actions';
import { callInSession } from '../session/session.actions';
import { openSection } from '../shell/shell.actions';
import { useWorkStore } from './work.store';

/** Counts requests, so an answer overtaken by a later refresh neither replaces it nor reports its failure. */
let latest = 0;

/** Reads the user's work afresh; a failure is thrown for the screen to show. */
export async function loadMyWork(): Promise<void> {
  const request = ++latest;
  useWorkStore.setState({ loading: true });
  try {
    const work = await callInSession('work:mine', {});
    if (request === latest) useWorkStore.setState({ work });
  } catch (error) {
    if (request === latest) throw error;
  } finally {
    if (request === latest) useWorkStore.setState({ loading: false });
  }
}

/** Opens the case in the cases section (which core then remembers as the last view). */
export async function openCaseFromWork(caseId: string): Promise<void> {
  openCase(caseId);
  await openSection('cases');
}
