/**
 * Accounts (administrators only; DESIGN.md §3). Every account has its own keyslot; a change
 * to an account and its keyslot is one step: the keyslot file is written inside the database
 * transaction, so if either fails the transaction rolls back. The data key never leaves core.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Role, UserAccount } from '../../common/accounts';
import { normalisePassphrase } from '../../common/passphrase';
import type { Tx } from '../db/connection';
import { CoreError } from '../errors';
import type { OpenVault } from '../vault/vault.service';
import { wipe } from '../crypto/crypto';
import { findUserSlot, openUserSlot, readKeyslots, replaceUserSlot, usernameLookup, writeKeyslots, type AccountKeys, type KeyslotsFile, type Signer } from '../vault/keyslots';
import { holdsCaseKeys, newSealingKey, registerAccountKey, revokeAccountKeys, sealingKeyFrom, type SealingKey } from '../sealing/sealing.service';
import { registerSigningKey, type Audit } from '../audit/audit.service';
import { Throttle } from '../vault/throttle';
import { countActiveAdministrators, getUser, getUserByName, insertUser, listUsers, toUserAccount, updateUser, type UserRow } from './users.repository';

/** What account administration needs of the signed-in session: the open vault, who they are, and their signing key. */
type Session = { readonly vault: OpenVault; readonly user: UserRow; signer: Signer | null; sealing: SealingKey | null };

const B32 = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 characters from an unambiguous alphabet (~78 bits), grouped for dictating: K7QM-3XPD-…. */
export function generateTemporaryPassphrase(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => B32[b % B32.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

function throttleOf(session: Session): Throttle {
  return new Throttle(session.vault.paths.throttle, session.vault.vaultId);
}

function account(session: Session, row: UserRow, now: number): UserAccount {
  return toUserAccount(row, throttleOf(session).isLockedOut(usernameLookup(session.vault.vaultId, row.username), now));
}

export async function listAccounts(session: Session, tx: Tx, now: number): Promise<UserAccount[]> {
  return (await listUsers(tx)).map((r) => account(session, r, now));
}

async function mustGet(tx: Tx, userId: string): Promise<UserRow> {
  const row = await getUser(tx, userId);
  if (!row) throw new CoreError('NOT_FOUND');
  return row;
}

/** Replaces (or adds) the user's slot, wrapping the open vault's data key; returns the slot's signing key. */
function putSlot(session: Session, file: KeyslotsFile, row: Pick<UserRow, 'id' | 'username'>, passphrase: string, keep: AccountKeys = {}): Promise<Signer> {
  return replaceUserSlot(session.vault.paths.keyslots, file, row.id, row.username, passphrase, session.vault.dataKey, keep);
}

/**
 * Registers an account's new signing key in the trail, signed by this administrator's key (see
 * audit/signatures.ts): from then on that account's entries must carry its signature.
 */
async function registerKeyOf(session: Session, tx: Tx, row: Pick<UserRow, 'id' | 'role'>, key: Signer, now: number): Promise<void> {
  if (!session.signer) return;
  await registerSigningKey(
    tx,
    session.vault.auditKey,
    { at: new Date(now).toISOString(), actorId: session.user.id, actorRole: session.user.role, userId: row.id, role: row.role, key },
    session.signer,
  );
}

export async function createAccount(
  session: Session,
  tx: Tx,
  audit: Audit,
  input: { username: string; displayName: string; role: Role },
  now: number,
): Promise<{ user: UserAccount; temporaryPassphrase: string }> {
  if (await getUserByName(tx, input.username)) throw new CoreError('USERNAME_TAKEN');
  const file = readKeyslots(session.vault.paths.keyslots);
  // A disabled account keeps its name in the database; a stray slot under the same name would be ambiguous.
  if (findUserSlot(file, input.username)) throw new CoreError('USERNAME_TAKEN');
  const id = randomUUID();
  const at = new Date(now).toISOString();
  await insertUser(tx, { id, username: input.username, displayName: input.displayName, role: input.role, locale: null, at, mustChangePassphrase: true });
  await audit({ action: 'user.created', target: `user:${id}`, details: { role: input.role } });
  const temporaryPassphrase = generateTemporaryPassphrase();
  const row = await mustGet(tx, id);
  await registerKeyOf(session, tx, row, await putSlot(session, file, row, temporaryPassphrase), now);
  return { user: account(session, row, now), temporaryPassphrase };
}

export async function disableAccount(session: Session, tx: Tx, audit: Audit, userId: string, version: number, now: number): Promise<UserAccount> {
  const row = await mustGet(tx, userId);
  if (row.status === 'disabled') return account(session, row, now);
  if (row.role === 'administrator' && (await countActiveAdministrators(tx)) <= 1) throw new CoreError('LAST_ADMINISTRATOR');
  // Another administrator disables an account, never its own session's: that would strand the session.
  if (userId === session.user.id) throw new CoreError('FORBIDDEN');
  if (!(await updateUser(tx, userId, version, { status: 'disabled' }, new Date(now).toISOString()))) throw new CoreError('STALE_VERSION');
  await audit({ action: 'user.disabled', target: `user:${userId}` });
  await revokeAccountKeys(tx, audit, userId, new Date(now).toISOString(), 'disabled');
  const file = readKeyslots(session.vault.paths.keyslots);
  // The slot goes: without it no passphrase can ever unwrap the data key for this account again.
  file.slots = file.slots.filter((s) => !(s.kind === 'user' && s.userId === userId));
  writeKeyslots(session.vault.paths.keyslots, file);
  return account(session, await mustGet(tx, userId), now);
}

export async function resetPassphrase(
  session: Session,
  tx: Tx,
  audit: Audit,
  userId: string,
  version: number,
  now: number,
): Promise<{ user: UserAccount; temporaryPassphrase: string }> {
  // One's own passphrase is changed in one's own session, knowing the current one.
  if (userId === session.user.id) throw new CoreError('FORBIDDEN');
  const row = await mustGet(tx, userId);
  if (row.status !== 'active') throw new CoreError('NOT_FOUND');
  if (!(await updateUser(tx, userId, version, { must_change_passphrase: 1 }, new Date(now).toISOString()))) throw new CoreError('STALE_VERSION');
  await audit({ action: 'user.passphrase-reset', target: `user:${userId}` });
  // The account's wraps of case keys go: the new slot has no sealing key (an administrator set its
  // passphrase); the one it makes with its own passphrase waits for a supervisor's grant.
  await revokeAccountKeys(tx, audit, userId, new Date(now).toISOString(), 'passphrase-reset');
  const temporaryPassphrase = generateTemporaryPassphrase();
  // A new signing key too: the old one was protected by the forgotten passphrase (or may be known).
  await registerKeyOf(session, tx, row, await putSlot(session, readKeyslots(session.vault.paths.keyslots), row, temporaryPassphrase), now);
  throttleOf(session).clearAccount(usernameLookup(session.vault.vaultId, row.username), now);
  return { user: account(session, await mustGet(tx, userId), now), temporaryPassphrase };
}

export async function unlockSignIn(session: Session, tx: Tx, audit: Audit, userId: string, now: number): Promise<UserAccount> {
  const row = await mustGet(tx, userId);
  await audit({ action: 'user.sign-in-unlocked', target: `user:${userId}` });
  throttleOf(session).clearAccount(usernameLookup(session.vault.vaultId, row.username), now);
  return account(session, row, now);
}

/** The signed-in user replaces their own passphrase: only their slot is rewrapped. */
export async function changeOwnPassphrase(session: Session, tx: Tx, audit: Audit, current: string, next: string, now: number): Promise<UserRow> {
  if (normalisePassphrase(current) === normalisePassphrase(next)) throw new CoreError('PASSPHRASE_REUSED');
  const file = readKeyslots(session.vault.paths.keyslots);
  const slot = findUserSlot(file, session.user.username);
  // Guessing through this form is throttled, and counted, like guessing at sign-in.
  const throttle = throttleOf(session);
  const lookup = usernameLookup(session.vault.vaultId, session.user.username);
  const gate = throttle.check(lookup, now);
  if (gate.lockedOut) throw new CoreError('LOCKED_OUT');
  if (gate.waitMs > 0) throw new CoreError('THROTTLED', undefined, { retryAfterMs: gate.waitMs });
  const proof = slot ? await openUserSlot(file, slot, current) : null;
  if (!proof) {
    const next = throttle.recordFailure(lookup, session.user.id, now);
    if (next.lockedOut) throw new CoreError('LOCKED_OUT');
    throw new CoreError('BAD_CREDENTIALS', undefined, next.waitMs > 0 ? { retryAfterMs: next.waitMs } : undefined);
  }
  for (const k of proof.keys) wipe(k.key);
  const at = new Date(now).toISOString();
  // A passphrase an administrator set (a new account, a reset) may be known to them: the account's
  // own keys are made now, under the first passphrase only its owner knows. Otherwise it keeps them.
  const fresh = session.user.must_change_passphrase === 1;
  await updateUser(tx, session.user.id, null, { must_change_passphrase: 0 }, at);
  await audit({ action: 'user.passphrase-changed', target: `user:${session.user.id}` });
  const previous = session.signer ?? proof.signer;
  const sealing = !holdsCaseKeys(session.user.role) ? null : !fresh && session.sealing ? session.sealing : proof.sealing && !fresh ? sealingKeyFrom(proof.sealing) : newSealingKey();
  const signer = await putSlot(session, file, session.user, next, { signing: fresh ? undefined : previous?.privateKey, sealing: sealing?.privateKey ?? null });
  if (signer.publicKey !== previous?.publicKey) {
    // A new key is registered by the account's earlier one where it has one, else on first use.
    await registerSigningKey(tx, session.vault.auditKey, { at, actorId: session.user.id, actorRole: session.user.role, userId: session.user.id, role: session.user.role, key: signer }, previous ?? signer);
  }
  session.signer = signer;
  session.sealing = sealing;
  if (sealing) await registerAccountKey(tx, audit, session.user, signer, sealing, at);
  return mustGet(tx, session.user.id);
}
