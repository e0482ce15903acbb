import type { LockReason, SessionInfo } from '../../../electron/common/accounts';
import type { Channel } from '../../../electron/common/channels';
import type { ChannelInput, ChannelOutput } from '../../../electron/common/contract';
import type { Locale } from '../../../electron/common/errors';
import { ApiError, call, errorCodeOf } from '../../api/mamori';
import { setUiLocale } from '../../i18n/i18n';
import { resetAllStores, storeGeneration } from '../../stores/registry';
import { useSessionStore, type LastLock } from './session.store';

/** Codes meaning core no longer has a session for this window, whatever the renderer believes. */
const SESSION_GONE = new Set(['NOT_SIGNED_IN', 'SESSION_EXPIRED', 'VAULT_LOCKED']);

/** Reads the vault's state at start-up (or after a reload) and picks the first screen. */
export async function loadSession(): Promise<void> {
  useSessionStore.setState({ status: 'loading', loadError: null });
  try {
    const vault = await call('vault:status', {});
    if (!vault.exists) {
      useSessionStore.setState({ status: 'no-vault' });
      return;
    }
    const current = await call('session:current', {});
    if (current) await startSession(current);
    else useSessionStore.setState({ status: 'signed-out' });
  } catch (error) {
    useSessionStore.setState({ loadError: errorCodeOf(error) });
  }
}

async function startSession(info: SessionInfo): Promise<void> {
  // The user's saved language wins over the operating system's from now on.
  if (info.user.locale) await setUiLocale(info.user.locale);
  useSessionStore.setState({ status: 'signed-in', user: info.user, settings: info.settings, lastLock: null });
}

/** Rejects with an `ApiError` (BAD_CREDENTIALS, THROTTLED…) for the sign-in screen to show. */
/** `acceptMissingHead`: an administrator's reason to open a vault whose rollback record is missing (audited). */
export async function signIn(username: string, passphrase: string, acceptMissingHead?: string): Promise<void> {
  await startSession(await call('session:signIn', { username, passphrase, ...(acceptMissingHead !== undefined ? { acceptMissingHead } : {}) }));
}

/**
 * Drops everything the renderer knows about the session and shows the locked screen.
 * Synchronous on purpose: a panic lock must hide the screen before any IPC round trip.
 */
function endSession(reason: LastLock['reason']): void {
  const { status, settings } = useSessionStore.getState();
  if (status !== 'signed-in') return;
  const idleMinutes = reason === 'idle' ? (settings?.autoLockMinutes ?? null) : null;
  resetAllStores();
  useSessionStore.setState({ status: 'signed-out', lastLock: { reason, at: Date.now(), idleMinutes } });
}

/** The Lock button ('user') and Ctrl/Cmd+L ('panic'). */
export async function lockSession(reason: Extract<LockReason, 'user' | 'panic'>): Promise<void> {
  if (useSessionStore.getState().status !== 'signed-in') return;
  endSession(reason);
  await call('session:lock', { reason }).catch(ignoreAfterLock);
}

export async function signOut(): Promise<void> {
  if (useSessionStore.getState().status !== 'signed-in') return;
  endSession('sign-out');
  await call('session:signOut', {}).catch(ignoreAfterLock);
}

// The screen is already cleared, so a failure here changes nothing the user could act on; and a
// core that cannot be reached cannot serve data either — it locks itself at the idle deadline,
// which no longer moves because the renderer has stopped reporting activity.
function ignoreAfterLock(): null {
  return null;
}

/** Core locked on its own (idle, suspend, screen lock) and told us through 'session:locked'. */
export function sessionLockedByCore(reason: LockReason): void {
  endSession(reason);
}

/**
 * Calls a channel that needs a signed-in session. If core says the session is gone (a missed
 * 'session:locked' event), the renderer locks too instead of showing stale data.
 */
export async function callInSession<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const generation = storeGeneration();
  let value: ChannelOutput<C>;
  try {
    value = await call(channel, input);
  } catch (error) {
    if (error instanceof ApiError && SESSION_GONE.has(error.code)) endSession('expired');
    throw error;
  }
  // A reply asked for before a lock belongs to a session that has ended: it must not refill a cleared store.
  if (storeGeneration() !== generation) {
    throw new ApiError({ code: 'SESSION_EXPIRED', message: 'The session ended during the request' });
  }
  return value;
}

/**
 * Replaces the signed-in user's own passphrase. For a user holding a temporary passphrase this
 * is the only way on: core refuses everything else until it is done.
 */
export async function changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
  const info = await callInSession('session:changePassphrase', { currentPassphrase, newPassphrase });
  useSessionStore.setState({ user: info.user, settings: info.settings });
}

/** Moves core's idle deadline; the caller throttles. */
export async function touchSession(): Promise<void> {
  if (useSessionStore.getState().status !== 'signed-in') return;
  // Fire-and-forget: callInSession has already locked the screen if the session is gone.
  await callInSession('session:touch', {}).catch(() => null);
}

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
