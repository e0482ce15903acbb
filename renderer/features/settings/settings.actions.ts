import type { Locale } from '../../../electron/common/errors';
import { setUiLocale } from '../../i18n/i18n';
import { callInSession } from '../session/session.actions';
import { useSessionStore } from '../session/session.store';

/**
 * Switches the interface language. Signed in, the choice is saved to the user's account first,
 * so the screen never shows a language the vault does not remember.
 */
export async function chooseLocale(locale: Locale): Promise<void> {
  const { status, user } = useSessionStore.getState();
  if (status === 'signed-in' && user) {
    await callInSession('users:setLocale', { locale });
    useSessionStore.setState({ user: { ...user, locale } });
  }
  await setUiLocale(locale);
}

/** Administrators only; core refuses anyone else with FORBIDDEN. */
export async function updateAutoLockMinutes(autoLockMinutes: number): Promise<void> {
  const settings = await callInSession('settings:update', { autoLockMinutes });
  useSessionStore.setState({ settings });
}
