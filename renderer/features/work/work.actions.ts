import { callInSession } from '../session/session.actions';
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
