import { prefetchCases } from '../cases/list/caseList.actions';
import { navigationSelectors, useNavigationStore } from '../navigation/navigation.store';
import { resolveSection } from '../navigation/sections';
import { whenSessionOpens } from '../session/session.store';

/**
 * As a session opens, starts reading what its first section shows, before the shell renders: the
 * request is on its way while the page draws the frame (issue 17: sign-in to the first painted
 * page of the case list). Only the case list is read ahead; a user who must first replace a
 * temporary passphrase reaches no section, so nothing is read for them until they have. Returns
 * the unsubscribe.
 */
export function readAheadOnSignIn(): () => void {
  return whenSessionOpens((user) => {
    const section = resolveSection(user.role, navigationSelectors.section(useNavigationStore.getState()) ?? user.lastView);
    if (section === 'cases') prefetchCases();
  });
}
