import { callInSession } from '../session/session.actions';
import { useNavigationStore } from './navigation.store';
import type { Section } from './sections';

/** Opens a section and has core remember it, so the user's next sign-in starts there. */
export async function openSection(section: Section): Promise<void> {
  useNavigationStore.setState({ section });
  // Only a convenience: if it is not saved the next sign-in opens the role's first section, so a failure is not shown.
  await callInSession('users:setLastView', { view: section }).catch(() => null);
}
