import type { ChannelInput } from '../../../electron/common/contract';
import type { UserAccount } from '../../../electron/common/accounts';
import { errorCodeOf } from '../../api/mamori';
import { callInSession } from '../session/session.actions';
import { useUsersStore } from './users.store';

/** A temporary passphrase to hand over in person, with the account it opens. */
export interface Handover {
  account: UserAccount;
  temporaryPassphrase: string;
}

export async function loadUsers(): Promise<void> {
  const { users } = await callInSession('users:list', {});
  useUsersStore.setState({
    byId: Object.fromEntries(users.map((user) => [user.id, user])),
    ids: users.map((user) => user.id),
    loaded: true,
  });
}

function upsert(account: UserAccount): void {
  useUsersStore.setState((state) => ({
    byId: { ...state.byId, [account.id]: account },
    ids: state.ids.includes(account.id) ? state.ids : [...state.ids, account.id],
  }));
}

/**
 * Runs a change guarded by the account's version. When someone changed the account first, the list
 * is reloaded before the refusal is shown, so the next attempt works on what is really there.
 */
async function versioned<T>(change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (errorCodeOf(error) === 'STALE_VERSION') await loadUsers().catch(() => undefined);
    throw error;
  }
}

/**
 * Creates an account; resolves with its temporary passphrase.
 * Never put a temporary passphrase in a store: only the handover panel holds it, while it is on screen.
 */
export async function createUser(input: ChannelInput<'users:create'>): Promise<Handover> {
  const { user, temporaryPassphrase } = await callInSession('users:create', input);
  upsert(user);
  return { account: user, temporaryPassphrase };
}

/** Replaces a forgotten passphrase by a new temporary one (same rule: never into a store). */
export async function resetUserPassphrase(account: UserAccount): Promise<Handover> {
  const { user, temporaryPassphrase } = await versioned(() =>
    callInSession('users:resetPassphrase', { userId: account.id, version: account.version }),
  );
  upsert(user);
  return { account: user, temporaryPassphrase };
}

export async function disableUser(account: UserAccount): Promise<void> {
  upsert(await versioned(() => callInSession('users:disable', { userId: account.id, version: account.version })));
}

export async function unlockUserSignIn(account: UserAccount): Promise<void> {
  upsert(await callInSession('users:unlockSignIn', { userId: account.id }));
}
