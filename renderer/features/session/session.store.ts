import type { LockReason, Settings, UserSummary } from '../../../electron/common/accounts';
import type { ErrorCode } from '../../../electron/common/errors';
import { defineStore } from '../../stores/registry';

export type SessionStatus = 'loading' | 'no-vault' | 'signed-out' | 'signed-in';

/** Why and when the last session ended, for the locked screen. Holds nothing about the user. */
export interface LastLock {
  /** 'expired': core reported the session gone without saying why (a missed 'session:locked' event). */
  reason: LockReason | 'expired';
  at: number;
  /** The auto-lock setting at the time of an idle lock, so the screen can say "after 5 minutes". */
  idleMinutes: number | null;
}

export interface SessionState {
  status: SessionStatus;
  /** Set when the vault's state could not be read at start-up. */
  loadError: ErrorCode | null;
  user: UserSummary | null;
  settings: Settings | null;
  lastLock: LastLock | null;
}

export const initialSessionState: SessionState = {
  status: 'loading',
  loadError: null,
  user: null,
  settings: null,
  lastLock: null,
};

export const useSessionStore = defineStore('session', initialSessionState);

export const sessionSelectors = {
  status: (s: SessionState) => s.status,
  loadError: (s: SessionState) => s.loadError,
  user: (s: SessionState) => s.user,
  settings: (s: SessionState) => s.settings,
  lastLock: (s: SessionState) => s.lastLock,
  lastLockReason: (s: SessionState) => s.lastLock?.reason ?? null,
  isSignedIn: (s: SessionState) => s.status === 'signed-in',
  isAdministrator: (s: SessionState) => s.user?.role === 'administrator',
  mustChangePassphrase: (s: SessionState) => s.user?.mustChangePassphrase === true,
};

/** Signed in and free to work: no temporary passphrase left to replace (core refuses everything else until then). */
const isOpen = (s: SessionState) => s.status === 'signed-in' && s.user !== null && !s.user.mustChangePassphrase;

/**
 * Calls `fn` each time a session opens for work: at sign-in, or, for a user who signed in with a
 * temporary passphrase, once it is replaced. Not again while the session stays open (a change of
 * language, say). Returns the unsubscribe.
 */
export function whenSessionOpens(fn: (user: UserSummary) => void): () => void {
  return useSessionStore.subscribe((state, previous) => {
    if (isOpen(state) && !isOpen(previous)) fn(state.user!);
  });
}
