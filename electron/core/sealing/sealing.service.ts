/**
 * Sealed information under per-case keys (issue 14.1, 14.2). The database key opens the vault for
 * every account, so sealed values are encrypted once more, inside it:
 *
 * - Each case that holds sealed information (whereabouts, identity documents, residence card
 *   number, sealed notes, interview records) has a random key. It is sealed (X25519) to the
 *   sealing key of every account entitled to it (the case's assigned officers and the granted
 *   supervisors) and to the recovery escrow. Offline, an officer's passphrase opens the sealed
 *   information of their own cases and nothing else; an administrator's opens none.
 * - The interpreter registry's contacts are encrypted the same way under one registry key, sealed
 *   to every granted case worker and the escrow.
 * - An account gets its sealing key when it sets its own passphrase (never when an administrator
 *   sets one). A supervisor's key, and any key after a passphrase reset, is pending until an
 *   existing supervisor grants it; the very first supervisor key of a vault is trusted on first use.
 * - Unassigning an officer removes their wrap and re-keys the case.
 * - The escrow's private key is wrapped under the recovery key (only the recovery key opens it).
 *
 * Key material (every Buffer and KeyObject here) is never logged nor sent anywhere.
 */
import { createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { isSigningKeyRegistered, type Audit } from '../audit/audit.service';
import { hkdf, unwrapKey, wipe, wrapKey } from '../crypto/crypto';
import { decryptValue, encryptValue, ENCRYPTED_PREFIX, isEncryptedValue, newX25519Key, openSealed, publicKeyId, rawPublicKey, sealedFromText, sealedToText, sealTo } from '../crypto/sealing';
import type { Signer } from '../crypto/signing';
import type { Tx } from '../db/connection';
import { CoreError } from '../errors';
import * as repo from './sealing.repository';
import { ESCROW, type SealedPlace, type SealingKeyRow, type WrapRow } from './sealing.repository';

/** An account's sealing key, held by its session (key material). */
export interface SealingKey {
  keyId: string;
  /** Raw X25519 public key, base64. */
  publicKey: string;
  privateKey: KeyObject;
}

/** The account a request is made by. */
interface Account {
  id: string;
  role: string;
}

/** What sealing needs of a request: who asks (with their sealing key), and its transaction. */
export interface SealCtx {
  session: { user: Account; sealing: SealingKey | null };
  tx: Tx;
  at: string;
}

const CASE_KEY_INFO = 'mamori case key v1';
const REGISTRY_KEY_INFO = 'mamori registry key v1';
const caseKeyAad = (caseId: string, holder: string, generation: number) => `case-key\0${caseId}\0${holder}\0${generation}`;
const registryKeyAad = (holder: string, generation: number) => `registry-key\0${holder}\0${generation}`;
const escrowAad = (keyId: string) => `escrow-key\0${keyId}`;

/** Where a sealed value is stored: its encryption is bound to the place, so a value moved elsewhere does not open. */
export const place = {
  caseSealed: (caseId: string, field: string) => `case-sealed\0${caseId}\0${field}`,
  caseNote: (caseId: string, noteId: string) => `case-note\0${caseId}\0${noteId}`,
  interviewRecord: (caseId: string, interviewId: string) => `interview-record\0${caseId}\0${interviewId}`,
  interpreterContact: (interpreterId: string) => `interpreter-contact\0${interpreterId}`,
};
const placeOf = (caseId: string, p: Pick<SealedPlace, 'kind' | 'key'>) =>
  p.kind === 'case-sealed' ? place.caseSealed(caseId, p.key) : p.kind === 'case-note' ? place.caseNote(caseId, p.key) : place.interviewRecord(caseId, p.key);

export function sealingKeyFrom(privateKey: KeyObject): SealingKey {
  const publicKey = rawPublicKey(privateKey);
  return { keyId: publicKeyId(publicKey), publicKey, privateKey };
}

export const newSealingKey = (): SealingKey => sealingKeyFrom(newX25519Key());

const statement = (userId: string, publicKey: string) => Buffer.from(`mamori-sealing-key-v1\0${userId}\0${publicKey}`, 'utf8');
const ed25519Public = (raw: string) => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw, 'base64').toString('base64url') }, format: 'jwk' });

/**
 * Whether a key may receive case keys: the escrow's, or a worker's signed by the worker's own
 * signing key as registered in the audit trail. A key put into the database offline fails here.
 */
async function trusted(tx: Tx, k: SealingKeyRow, seen: Map<string, boolean>): Promise<boolean> {
  const known = seen.get(k.key_id);
  if (known !== undefined) return known;
  let ok = k.holder === ESCROW;
  if (!ok && k.signing_key && k.signature) {
    try {
      ok = publicKeyId(k.public_key) === k.key_id
        && verify(null, statement(k.holder, k.public_key), ed25519Public(k.signing_key), Buffer.from(k.signature, 'base64'))
        && (await isSigningKeyRegistered(tx, k.holder, k.signing_key));
    } catch {
      ok = false;
    }
  }
  seen.set(k.key_id, ok);
  return ok;
}

async function trustedOnly(tx: Tx, keys: SealingKeyRow[]): Promise<SealingKeyRow[]> {
  const seen = new Map<string, boolean>();
  const out: SealingKeyRow[] = [];
  for (const k of keys) if (await trusted(tx, k, seen)) out.push(k);
  return out;
}

const wrapFor = (k: Pick<SealingKeyRow, 'holder' | 'key_id' | 'public_key'>, key: Buffer, generation: number, info: string, aad: string): WrapRow => ({
  holder: k.holder,
  key_id: k.key_id,
  generation,
  wrapped: sealedToText(sealTo(k.public_key, key, info, aad)),
});

function unwrap(w: WrapRow, me: SealingKey, info: string, aad: string): Buffer {
  const sealed = sealedFromText(w.wrapped);
  const key = sealed ? openSealed(sealed, me.privateKey, me.publicKey, info, aad) : null;
  // A wrap to this very key that does not open was altered.
  if (!key) throw new CoreError('VAULT_DAMAGED', 'a sealed key does not open');
  return key;
}

/** This account's key, granted; else the reason sealed information is out of its reach. */
async function grantedKey(ctx: SealCtx): Promise<SealingKey> {
  const me = ctx.session.sealing;
  if (!me) throw new CoreError('SEALING_NO_KEY');
  const row = await repo.currentKey(ctx.tx, ctx.session.user.id);
  if (!row || row.key_id !== me.keyId || row.status !== 'granted') throw new CoreError('SEALING_NOT_GRANTED');
  return me;
}

const escrowKey = (tx: Tx) => repo.currentKey(tx, ESCROW);

// ---------------------------------------------------------------------------------------------
// Case keys

interface CaseKey {
  key: Buffer;
  generation: number;
}

/** Seals a case key to everyone entitled to it now (replacing any wraps the case had). */
async function wrapCase(tx: Tx, caseId: string, k: CaseKey): Promise<number> {
  const holders = await trustedOnly(tx, await repo.caseEntitledKeys(tx, caseId));
  const escrow = await escrowKey(tx);
  if (escrow) holders.push(escrow);
  await repo.deleteCaseWraps(tx, caseId);
  for (const h of holders) await repo.putCaseWrap(tx, caseId, wrapFor(h, k.key, k.generation, CASE_KEY_INFO, caseKeyAad(caseId, h.holder, k.generation)));
  return holders.length;
}

/** The case's key as this account holds it; null when the case has none yet. */
async function openCaseKey(ctx: SealCtx, caseId: string): Promise<CaseKey | null> {
  const wraps = await repo.caseWraps(ctx.tx, caseId);
  if (wraps.length === 0) return null;
  const me = ctx.session.sealing;
  if (!me) throw new CoreError('SEALING_NO_KEY');
  const mine = wraps.find((w) => w.holder === ctx.session.user.id && w.key_id === me.keyId);
  if (!mine) throw new CoreError('SEALING_NOT_GRANTED');
  return { key: unwrap(mine, me, CASE_KEY_INFO, caseKeyAad(caseId, mine.holder, mine.generation)), generation: mine.generation };
}

/** Encrypts every value of the case still stored as plaintext (written before per-case keys). */
async function encryptPlainValues(tx: Tx, caseId: string, key: Buffer): Promise<number> {
  let n = 0;
  for (const v of await repo.caseSealedValues(tx, caseId)) {
    if (isEncryptedValue(v.value)) continue;
    await repo.updateSealedValue(tx, caseId, v, encryptValue(key, v.value, placeOf(caseId, v)));
    n++;
  }
  return n;
}

/** The case's key for a write: made (and sealed to everyone entitled) on the case's first sealed value. */
async function caseKeyForWrite(ctx: SealCtx, caseId: string): Promise<CaseKey> {
  const existing = await openCaseKey(ctx, caseId);
  if (existing) return existing;
  await grantedKey(ctx);
  const made = { key: randomBytes(32), generation: 1 };
  await wrapCase(ctx.tx, caseId, made);
  await encryptPlainValues(ctx.tx, caseId, made.key);
  return made;
}

/** The stored form of a sealed value of a case, encrypted under the case's key. */
export async function sealCaseValue(ctx: SealCtx, caseId: string, where: string, plaintext: string): Promise<string> {
  const k = await caseKeyForWrite(ctx, caseId);
  try {
    return encryptValue(k.key, plaintext, where);
  } finally {
    wipe(k.key);
  }
}

/** The plaintext of a stored sealed value of a case (a value from before per-case keys is returned as stored). */
export async function openCaseValue(ctx: SealCtx, caseId: string, where: string, stored: string): Promise<string> {
  if (!isEncryptedValue(stored)) return stored;
  const k = await openCaseKey(ctx, caseId);
  if (!k) throw new CoreError('VAULT_DAMAGED', 'an encrypted value without a case key');
  try {
    const plain = decryptValue(k.key, stored, where);
    if (plain === null) throw new CoreError('VAULT_DAMAGED', 'a sealed value does not open');
    return plain;
  } finally {
    wipe(k.key);
  }
}

/** Many values of one case with one unwrap of its key. */
export async function openCaseValues<T extends { value: string }>(ctx: SealCtx, caseId: string, items: T[], where: (item: T) => string): Promise<T[]> {
  if (!items.some((i) => isEncryptedValue(i.value))) return items;
  const k = await openCaseKey(ctx, caseId);
  if (!k) throw new CoreError('VAULT_DAMAGED', 'an encrypted value without a case key');
  try {
    return items.map((i) => {
      if (!isEncryptedValue(i.value)) return i;
      const plain = decryptValue(k.key, i.value, where(i));
      if (plain === null) throw new CoreError('VAULT_DAMAGED', 'a sealed value does not open');
      return { ...i, value: plain };
    });
  } finally {
    wipe(k.key);
  }
}

/**
 * After a case's officers changed: a removed officer's wrap goes and the case is re-keyed (new
 * key, every sealed value re-encrypted, sealed again to who is entitled now), so a copy of their
 * old wrap opens nothing written from now on; an added officer gets a wrap if their key is granted.
 */
export async function officersChanged(ctx: SealCtx, caseId: string, before: readonly string[], after: readonly string[]): Promise<{ rekeyed: boolean }> {
  const wraps = await repo.caseWraps(ctx.tx, caseId);
  if (wraps.length === 0) return { rekeyed: false };
  const removed = before.filter((id) => !after.includes(id));
  const current = await openCaseKey(ctx, caseId);
  if (!current) return { rekeyed: false };
  try {
    if (removed.length === 0) {
      const holders = new Set(wraps.map((w) => `${w.holder}\0${w.key_id}`));
      for (const k of await trustedOnly(ctx.tx, await repo.caseEntitledKeys(ctx.tx, caseId))) {
        if (holders.has(`${k.holder}\0${k.key_id}`)) continue;
        await repo.putCaseWrap(ctx.tx, caseId, wrapFor(k, current.key, current.generation, CASE_KEY_INFO, caseKeyAad(caseId, k.holder, current.generation)));
      }
      return { rekeyed: false };
    }
    await rekeyCase(ctx.tx, caseId, current);
    return { rekeyed: true };
  } finally {
    wipe(current.key);
  }
}

async function rekeyCase(tx: Tx, caseId: string, current: CaseKey): Promise<void> {
  const next = { key: randomBytes(32), generation: current.generation + 1 };
  try {
    for (const v of await repo.caseSealedValues(tx, caseId)) {
      const where = placeOf(caseId, v);
      const plain = isEncryptedValue(v.value) ? decryptValue(current.key, v.value, where) : v.value;
      if (plain === null) throw new CoreError('VAULT_DAMAGED', 'a sealed value does not open');
      await repo.updateSealedValue(tx, caseId, v, encryptValue(next.key, plain, where));
    }
    await wrapCase(tx, caseId, next);
  } finally {
    wipe(next.key);
  }
}

// ---------------------------------------------------------------------------------------------
// The interpreter registry key

async function openRegistryKey(ctx: SealCtx): Promise<CaseKey | null> {
  const wraps = await repo.registryWraps(ctx.tx);
  if (wraps.length === 0) return null;
  const me = ctx.session.sealing;
  if (!me) throw new CoreError('SEALING_NO_KEY');
  const mine = wraps.find((w) => w.holder === ctx.session.user.id && w.key_id === me.keyId);
  if (!mine) throw new CoreError('SEALING_NOT_GRANTED');
  return { key: unwrap(mine, me, REGISTRY_KEY_INFO, registryKeyAad(mine.holder, mine.generation)), generation: mine.generation };
}

async function wrapRegistry(tx: Tx, k: CaseKey, only?: SealingKeyRow[]): Promise<number> {
  let holders = only;
  if (!holders) {
    holders = await trustedOnly(tx, await repo.grantedWorkerKeys(tx));
    const escrow = await escrowKey(tx);
    if (escrow) holders.push(escrow);
  }
  for (const h of holders) await repo.putRegistryWrap(tx, wrapFor(h, k.key, k.generation, REGISTRY_KEY_INFO, registryKeyAad(h.holder, k.generation)));
  return holders.length;
}

async function registryKeyForWrite(ctx: SealCtx): Promise<CaseKey> {
  const existing = await openRegistryKey(ctx);
  if (existing) return existing;
  await grantedKey(ctx);
  const made = { key: randomBytes(32), generation: 1 };
  await wrapRegistry(ctx.tx, made);
  for (const c of await repo.plainContacts(ctx.tx, ENCRYPTED_PREFIX)) {
    await repo.updateContact(ctx.tx, c.interpreter_id, encryptValue(made.key, c.value, place.interpreterContact(c.interpreter_id)));
  }
  return made;
}

export async function sealRegistryValue(ctx: SealCtx, where: string, plaintext: string): Promise<string> {
  const k = await registryKeyForWrite(ctx);
  try {
    return encryptValue(k.key, plaintext, where);
  } finally {
    wipe(k.key);
  }
}

export async function openRegistryValue(ctx: SealCtx, where: string, stored: string): Promise<string> {
  if (!isEncryptedValue(stored)) return stored;
  const k = await openRegistryKey(ctx);
  if (!k) throw new CoreError('VAULT_DAMAGED', 'an encrypted contact without a registry key');
  try {
    const plain = decryptValue(k.key, stored, where);
    if (plain === null) throw new CoreError('VAULT_DAMAGED', 'a sealed contact does not open');
    return plain;
  } finally {
    wipe(k.key);
  }
}

// ---------------------------------------------------------------------------------------------
// Accounts' keys: registration, grants, revocation

/**
 * Records the account's sealing key (signed with its audit signing key) if the vault does not
 * have it yet, ending any earlier one. It is granted at once when nothing needs a supervisor's
 * word: an officer's first key, or the vault's very first supervisor key. Administrators hold no
 * sealing key. Returns the key's status.
 */
/**
 * Only case workers hold case keys: officers and supervisors. Administrators and auditors never do,
 * so no grant can give them one (an auditor reads the trail, never a case).
 */
export const holdsCaseKeys = (role: string): boolean => role === 'officer' || role === 'supervisor';

export async function registerAccountKey(
  tx: Tx,
  audit: Audit,
  user: Account,
  signer: Signer | null,
  key: SealingKey,
  at: string,
): Promise<'pending' | 'granted' | null> {
  if (!holdsCaseKeys(user.role) || !signer) return null;
  const current = await repo.currentKey(tx, user.id);
  if (current?.key_id === key.keyId) return current.status === 'granted' ? 'granted' : 'pending';
  const hadKey = !!current || (await repo.hasRevokedKey(tx, user.id));
  if (current) await repo.revokeKeys(tx, user.id, at);
  const bootstrap = user.role === 'supervisor' && !hadKey && !(await repo.anySupervisorKey(tx));
  const status = (user.role === 'officer' && !hadKey) || bootstrap ? 'granted' : 'pending';
  await repo.insertKey(tx, {
    key_id: key.keyId,
    holder: user.id,
    public_key: key.publicKey,
    signing_key: signer.publicKey,
    signature: sign(null, statement(user.id, key.publicKey), signer.privateKey).toString('base64'),
    escrow_wrapped: null,
    status,
    registered_at: at,
    ...(status === 'granted' ? { granted_at: at, granted_by: user.id } : {}),
  });
  await audit({ action: 'sealing.key-registered', target: `user:${user.id}`, details: { keyId: key.keyId, status, ...(bootstrap ? { firstSupervisor: true } : {}) } });
  return status;
}

/** Ends an account's sealing key and every wrap made for it (a passphrase reset, a disabled account). */
export async function revokeAccountKeys(tx: Tx, audit: Audit, userId: string, at: string, why: 'passphrase-reset' | 'disabled'): Promise<void> {
  if ((await repo.revokeKeys(tx, userId, at)) > 0) await audit({ action: 'sealing.key-revoked', target: `user:${userId}`, details: { why } });
}

export interface PendingGrant {
  userId: string;
  displayName: string;
  role: string;
  keyId: string;
  since: string;
  /** The account held a key before (a passphrase reset), else it is new. */
  afterReset: boolean;
}

export async function pendingGrants(tx: Tx): Promise<PendingGrant[]> {
  return (await repo.pendingKeys(tx)).map((k) => ({
    userId: k.holder,
    displayName: k.display_name,
    role: k.role,
    keyId: k.key_id,
    since: k.registered_at,
    afterReset: k.had_key === 1,
  }));
}

/**
 * A supervisor grants an account's pending key: it is sealed every case key the account is
 * entitled to (an officer's assigned cases, a supervisor's all) and the registry key. Audited.
 */
export async function grant(ctx: SealCtx, audit: Audit, input: { userId: string; keyId: string }): Promise<{ cases: number }> {
  if (ctx.session.user.role !== 'supervisor') throw new CoreError('FORBIDDEN');
  if (input.userId === ctx.session.user.id) throw new CoreError('FORBIDDEN', 'own key');
  await grantedKey(ctx);
  const row = await repo.currentKey(ctx.tx, input.userId);
  // The key the supervisor saw is the one granted: a key replaced meanwhile is not.
  if (!row || row.key_id !== input.keyId || row.status !== 'pending') throw new CoreError('STALE_VERSION');
  await refuseNonCaseWorker(ctx.tx, input.userId);
  if (!(await trusted(ctx.tx, row, new Map()))) throw new CoreError('FORBIDDEN', 'untrusted key');
  await repo.markGranted(ctx.tx, row.key_id, ctx.at, ctx.session.user.id);
  const granted = { ...row, status: 'granted' as const };
  const cases = await wrapMissing(ctx, granted);
  await audit({ action: 'sealing.granted', target: `user:${input.userId}`, details: { keyId: row.key_id, cases } });
  return { cases };
}

/**
 * The recovery key's way to grant, when no supervisor can: the escrow opens the case keys it was
 * sealed, and they are sealed to the pending key. Audited as the administrator's act.
 */
export async function grantWithEscrow(ctx: SealCtx, audit: Audit, input: { userId: string; keyId: string }, recoveryKey: Buffer): Promise<{ cases: number }> {
  const escrow = await openEscrow(ctx.tx, recoveryKey);
  if (!escrow) throw new CoreError('RECOVERY_KEY_INVALID');
  const row = await repo.currentKey(ctx.tx, input.userId);
  if (!row || row.key_id !== input.keyId || row.status !== 'pending') throw new CoreError('STALE_VERSION');
  await refuseNonCaseWorker(ctx.tx, input.userId);
  if (!(await trusted(ctx.tx, row, new Map()))) throw new CoreError('FORBIDDEN', 'untrusted key');
  await repo.markGranted(ctx.tx, row.key_id, ctx.at, ctx.session.user.id);
  // The escrow acts as the holder of its wraps: nothing of it leaves this call.
  const cases = await wrapMissing({ session: { user: { id: ESCROW, role: ESCROW }, sealing: escrow }, tx: ctx.tx, at: ctx.at }, { ...row, status: 'granted' });
  await audit({ action: 'sealing.escrow-granted', target: `user:${input.userId}`, details: { keyId: row.key_id, cases } });
  return { cases };
}

/** A key of an account that is not (or no longer) a case worker is never granted, whatever its status says. */
async function refuseNonCaseWorker(tx: Tx, userId: string): Promise<void> {
  const user = await tx.get<{ role: string; status: string }>('SELECT role, status FROM users WHERE id = ?', [userId]);
  if (!user || user.status !== 'active' || !holdsCaseKeys(user.role)) throw new CoreError('FORBIDDEN', 'not a case worker');
}

/**
 * Seals to `k` every case key it is owed (as the ledger of migration 0210 records them) and this
 * account holds, and the registry key if it lacks it; returns how many cases. `owed`: whether the
 * ledger holds anything for `k`'s holder (the caller may know it is empty).
 */
async function wrapMissing(ctx: SealCtx, k: SealingKeyRow & { role?: string }, owed = true): Promise<number> {
  let n = 0;
  if (owed) {
    const role = k.holder === ESCROW ? 'escrow' : (k.role ?? (await ctx.tx.get<{ role: string }>('SELECT role FROM users WHERE id = ?', [k.holder]))?.role);
    const officer = role === 'officer';
    for (const caseId of await repo.casesOwedWrap(ctx.tx, k.holder, k.key_id, officer)) {
      const mine = await openCaseKey(ctx, caseId).catch(() => null);
      if (!mine) continue;
      // The wrap's trigger takes the case off the ledger; a case this account cannot open stays on it for another supervisor.
      await repo.putCaseWrap(ctx.tx, caseId, wrapFor(k, mine.key, mine.generation, CASE_KEY_INFO, caseKeyAad(caseId, k.holder, mine.generation)));
      wipe(mine.key);
      n++;
    }
    await repo.dropSettledWrapsDue(ctx.tx, k.holder, k.key_id, officer);
  }
  const wraps = await repo.registryWraps(ctx.tx);
  if (wraps.length && !wraps.some((w) => w.holder === k.holder && w.key_id === k.key_id)) {
    const reg = await openRegistryKey(ctx).catch(() => null);
    if (reg) {
      await wrapRegistry(ctx.tx, reg, [k]);
      wipe(reg.key);
    }
  }
  return n;
}

/**
 * Upkeep at a case worker's sign-in, with their key granted: encrypts values from before per-case
 * keys (supervisors), and seals keys this account holds to granted holders the ledger says are owed
 * them (a new officer's assigned cases, an escrow replaced with the recovery key). It reads indexes
 * and the ledger only, never every case. Audited when it did anything.
 */
export async function upkeep(ctx: SealCtx, audit: Audit): Promise<void> {
  const me = ctx.session.sealing;
  if (!me || ctx.session.user.role === 'administrator') return;
  const row = await repo.currentKey(ctx.tx, ctx.session.user.id);
  if (!row || row.key_id !== me.keyId || row.status !== 'granted') return;
  /** Cases (and the registry) whose values were encrypted; wraps made. */
  let encrypted = 0;
  let wrapped = 0;
  if ((await repo.registryWraps(ctx.tx)).length === 0 && (await repo.plainContacts(ctx.tx, ENCRYPTED_PREFIX)).length > 0) {
    wipe((await registryKeyForWrite(ctx)).key);
    encrypted++;
  }
  if (ctx.session.user.role === 'supervisor') {
    for (const caseId of await repo.casesWithPlainValues(ctx.tx)) {
      // A case's first key encrypts its values as it is made; a case that had one gets them encrypted here.
      const k = await caseKeyForWrite(ctx, caseId).catch(() => null);
      if (!k) continue;
      await encryptPlainValues(ctx.tx, caseId, k.key);
      wipe(k.key);
      encrypted++;
    }
    const holders = await trustedOnly(ctx.tx, await repo.grantedWorkerKeys(ctx.tx));
    const escrow = await escrowKey(ctx.tx);
    // Only the holders the ledger names are owed case keys: no walk over the cases.
    const owed = await repo.holdersOwedWraps(ctx.tx);
    for (const k of escrow ? [...holders, escrow] : holders) if (k.holder !== ctx.session.user.id) wrapped += await wrapMissing(ctx, k, owed.has(k.holder));
  }
  if (encrypted || wrapped) await audit({ action: 'sealing.upkeep', details: { encrypted, wrapped } });
}

// ---------------------------------------------------------------------------------------------
// The recovery escrow

interface EscrowWrapped {
  salt: string;
  iv: string;
  ct: string;
  tag: string;
}

const escrowKek = (recoveryKey: Buffer, salt: string) => hkdf(recoveryKey, salt, 'mamori escrow key v1');

/** A new escrow key whose private half only `recoveryKey` opens; it replaces the current one (whose wraps upkeep replaces). */
export async function newEscrow(tx: Tx, recoveryKey: Buffer, at: string): Promise<string> {
  const key = newSealingKey();
  const salt = randomBytes(16).toString('base64');
  const kek = escrowKek(recoveryKey, salt);
  const der = key.privateKey.export({ format: 'der', type: 'pkcs8' });
  try {
    const wrapped: EscrowWrapped = { salt, ...wrapKey(der, kek, escrowAad(key.keyId)) };
    await repo.revokeKeys(tx, ESCROW, at, true);
    await repo.insertKey(tx, {
      key_id: key.keyId,
      holder: ESCROW,
      public_key: key.publicKey,
      signing_key: null,
      signature: null,
      escrow_wrapped: JSON.stringify(wrapped),
      status: 'granted',
      registered_at: at,
      granted_at: at,
    });
    return key.keyId;
  } finally {
    wipe(kek, der);
  }
}

/** The escrow key, if `recoveryKey` opens it. */
export async function openEscrow(tx: Tx, recoveryKey: Buffer): Promise<SealingKey | null> {
  const row = await escrowKey(tx);
  if (!row?.escrow_wrapped) return null;
  const w = JSON.parse(row.escrow_wrapped) as EscrowWrapped;
  const kek = escrowKek(recoveryKey, w.salt);
  const der = unwrapKey(w, kek, escrowAad(row.key_id));
  wipe(kek);
  if (!der) return null;
  try {
    return sealingKeyFrom(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
  } finally {
    wipe(der);
  }
}

/** The recovery key was replaced knowing the old one: the same escrow key, wrapped under the new one (else a new escrow). */
export async function carryEscrow(tx: Tx, oldRecoveryKey: Buffer, newRecoveryKey: Buffer, at: string): Promise<void> {
  const escrow = await openEscrow(tx, oldRecoveryKey);
  if (!escrow) {
    await newEscrow(tx, newRecoveryKey, at);
    return;
  }
  const salt = randomBytes(16).toString('base64');
  const kek = escrowKek(newRecoveryKey, salt);
  const der = escrow.privateKey.export({ format: 'der', type: 'pkcs8' });
  try {
    await repo.setEscrowWrapped(tx, escrow.keyId, JSON.stringify({ salt, ...wrapKey(der, kek, escrowAad(escrow.keyId)) }));
  } finally {
    wipe(kek, der);
  }
}

/**
 * Opens one wrap of a case key with a sealing key, as anyone holding the files and that key could
 * (the vault check, and tests that play the insider). Null if it is not that key's wrap.
 */
export function unsealCaseKey(caseId: string, w: WrapRow, key: SealingKey): Buffer | null {
  const sealed = sealedFromText(w.wrapped);
  return sealed ? openSealed(sealed, key.privateKey, key.publicKey, CASE_KEY_INFO, caseKeyAad(caseId, w.holder, w.generation)) : null;
}
