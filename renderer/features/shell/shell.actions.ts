import { callInSession } from '../session/session.actions';
import type { Section } from './sections';
import { useShellStore } from './shell.store';

/** Opens a section and has core remember it, so the user's next sign-in starts there. */
export async function openSection(section: Section): Promise<void> {
  useShellStore.setState({ section });
  // Only a convenience: if it is not saved the next sign-in opens the role's first section, so a failure is not shown.
  await callInSession('users:setLastView', { view: section }).catch(() => null);
}
