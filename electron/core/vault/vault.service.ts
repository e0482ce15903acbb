/**
 * Creating, opening and closing the vault. Holds the data key only while the vault is open;
 * every key Buffer is key material: never log it, never send it anywhere, wipe it on close.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import type { Locale } from '../../common/errors';
import { appendAudit, auditHead, registerSigningKey } from '../audit/audit.service';
import { checkHead, headRecorded, recordHeadSoon, writeHead } from '../audit/head';
import { formatRecoveryKey, hkdf, wipe, type ScryptParams } from '../crypto/crypto';
import { lastEntry } from '../audit/audit.repository';
import { Db, type Tx } from '../db/connection';
import { ensureDataDir, vaultPaths, type VaultPaths } from '../db/files';
import { acquireWriterLock, type LockHandle } from '../db/lockfile';
import { migrate } from '../db/migrations';
import { CoreError } from '../errors';
import { newEscrow } from '../sealing/sealing.service';
import { makeRecoverySlot, makeUserSlot, newKeyslotsFile, readKeyslots, settledKeyslots, writeKeyslots, type GenerationKey, type KeyslotsFile } from './keyslots';
import { Throttle } from './throttle';

export interface OpenVault {
  readonly paths: VaultPaths;
  readonly vaultId: string;
  readonly db: Db;
  /** Key material (HKDF of the data key): MACs the audit chain. */
  readonly auditKey: Buffer;
  /** Key material: kept while open so administrators can add keyslots. */
  readonly dataKey: Buffer;
  readonly headKey: Buffer;
  readonly writerLock: LockHandle;
  /** The rollback record was missing and the opener accepted that (the caller audits it). */
  readonly headWasMissing: boolean;
  /**
   * When the rollback record was behind the trail at open: the sequence it recorded and the trail's
   * head. One transaction behind follows a crash after a commit; more means an older record was put
   * back. Either way the sign-in records it (`vault.head-behind`).
   */
  readonly headBehind: { recordedSeq: number; headSeq: number } | null;
}

export function vaultExists(dataDir: string): boolean {
  return existsSync(vaultPaths(dataDir).keyslots);
}

/**
 * The audit chain's and the head record's keys as vaults created before they were kept in meta
 * derived them from the first data key (key material).
 */
const legacyKeys = (dataKey: Buffer, vaultId: string) => ({
  auditKey: hkdf(dataKey, vaultId, 'mamori audit chain v1'),
  headKey: hkdf(dataKey, vaultId, 'mamori audit head record v1'),
});

/**
 * The audit and head keys of an open database. They are kept in the database (meta), not derived
 * from the data key at each opening, so rotating the data key leaves every MAC of the trail and
 * the head record verifiable. A vault from before they were kept there stores the ones its data
 * key derives (the values it has always used), once.
 */
export async function vaultKeys(db: Db, dataKey: Buffer, vaultId: string): Promise<{ auditKey: Buffer; headKey: Buffer }> {
  const read = (key: string) => db.read((tx) => tx.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]));
  const [audit, head] = [await read('audit_key'), await read('head_key')];
  if (audit && head) return { auditKey: Buffer.from(audit.value, 'hex'), headKey: Buffer.from(head.value, 'hex') };
  const derived = legacyKeys(dataKey, vaultId);
  await db.transaction((tx) => storeVaultKeys(tx, derived));
  return derived;
}

/** Never log these values: they are key material. */
async function storeVaultKeys(tx: Tx, keys: { auditKey: Buffer; headKey: Buffer }): Promise<void> {
  await tx.run('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?), (?, ?)', ['audit_key', keys.auditKey.toString('hex'), 'head_key', keys.headKey.toString('hex')]);
}

export interface CreateVaultInput {
  dataDir: string;
  username: string;
  displayName: string;
  passphrase: string;
  locale: Locale;
  now: Date;
  /** Tests may lower the KDF cost; production never passes this. */
  scryptParams?: ScryptParams;
}

/** The first administrator's account row, as the accounts feature writes it. */
export interface FirstAccount {
  id: string;
  username: string;
  displayName: string;
  role: 'administrator';
  locale: Locale;
  at: string;
}

/**
 * First run: a random data key, the first administrator's slot, the recovery slot, the schema.
 * The vault knows keys and files, not accounts: `addAccount` writes the administrator's account
 * row inside the creating transaction, so the slot and its account exist together or not at all.
 */
export async function createVault(input: CreateVaultInput, addAccount: (tx: Tx, account: FirstAccount) => Promise<void>): Promise<{ recoveryKey: string; userId: string }> {
  const paths = vaultPaths(input.dataDir);
  ensureDataDir(paths.dir);
  if (existsSync(paths.keyslots) || existsSync(paths.db)) throw new CoreError('VAULT_EXISTS');
  const writerLock = acquireWriterLock(paths.lock);
  const dataKey = randomBytes(32);
  const recoveryKey = randomBytes(32);
  const file = newKeyslotsFile();
  const userId = randomUUID();
  let db: Db | undefined;
  const auditKey = randomBytes(32);
  const headKey = randomBytes(32);
  try {
    const first = { generation: file.generation, key: dataKey };
    const made = await makeUserSlot(file, userId, input.username, input.passphrase, [first], input.scryptParams);
    file.slots.push(made.slot);
    file.slots.push(makeRecoverySlot(file, recoveryKey, first));
    db = await Db.open(paths.db, dataKey, { create: true });
    await migrate(db);
    const at = input.now.toISOString();
    await db.transaction(async (tx) => {
      await tx.run('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?), (?, ?)', ['vault_id', file.vaultId, 'created_at', at, KEYSLOTS_CREATED, file.createdAt]);
      await storeVaultKeys(tx, { auditKey, headKey });
      await addAccount(tx, { id: userId, username: input.username, displayName: input.displayName, role: 'administrator', locale: input.locale, at });
      // The creator's signing key, trusted on first use, is the first entry; every later one is signed.
      await registerSigningKey(tx, auditKey, { at, actorId: userId, actorRole: 'administrator', userId, role: 'administrator', key: made.signer }, made.signer);
      await appendAudit(tx, auditKey, { at, actorId: userId, actorRole: 'administrator', action: 'vault.created', target: `user:${userId}` }, made.signer);
      await appendAudit(tx, auditKey, { at, actorId: userId, actorRole: 'administrator', action: 'vault.recovery-key-issued' }, made.signer);
      // The escrow of case keys, whose private key only the recovery key opens.
      await newEscrow(tx, recoveryKey, at);
    });
    // The rollback record before keyslots.json: the vault exists once keyslots.json does, and then its
    // record always exists too (a missing one is refused as tampering).
    writeHead(paths.head, headKey, await auditHead(db), at);
    writeKeyslots(paths.keyslots, file);
    new Throttle(paths.throttle, file.vaultId).reset();
    await db.close();
    return { recoveryKey: formatRecoveryKey(recoveryKey), userId };
  } catch (e) {
    await db?.close().catch(() => undefined);
    // A half-made vault is removed so the next attempt starts clean; nothing of value is in it yet.
    for (const f of [paths.db, `${paths.db}-wal`, `${paths.db}-shm`, paths.keyslots, paths.throttle, paths.head]) rmSync(f, { force: true });
    throw e;
  } finally {
    wipe(dataKey, recoveryKey, auditKey, headKey);
    writerLock.release();
  }
}

/**
 * Opens the database with the unwrapped data keys: takes the writer lock, proves a key, refuses a
 * newer schema untouched, migrates, checks the vault id and the rollback record, and settles a
 * key rotation a crash interrupted. Takes ownership of `keys` (the one that opens is kept until
 * close; the others are wiped at once). `missingHead: 'accept'` opens a vault whose rollback record
 * is missing (an administrator accepted it; the caller checks the role and audits it).
 */
/** The meta key holding keyslots.json's `createdAt`, which no MAC or AEAD tag in that file covers. */
const KEYSLOTS_CREATED = 'keyslots_created_at';

/**
 * Every field of keyslots.json is bound to the database: the vault ID and the slots by their AEAD
 * data, `createdAt` by the copy kept in the (encrypted) database. A vault from before that copy gets
 * it at its first open.
 */
async function checkKeyslotsCreated(db: Db, file: KeyslotsFile): Promise<void> {
  const kept = await db.read((tx) => tx.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [KEYSLOTS_CREATED]));
  if (!kept) await db.transaction((tx) => tx.run('INSERT INTO meta (key, value) VALUES (?, ?)', [KEYSLOTS_CREATED, file.createdAt]));
  else if (kept.value !== file.createdAt) throw new CoreError('VAULT_DAMAGED', 'keyslots.json does not match the database (its creation time was changed)');
}

export async function openVault(dataDir: string, file: KeyslotsFile, keys: GenerationKey[], now: number, opts: { missingHead?: 'refuse' | 'accept' } = {}): Promise<OpenVault> {
  const paths = vaultPaths(dataDir);
  let writerLock: LockHandle | undefined;
  let db: Db | undefined;
  let dataKey: Buffer | undefined;
  let vaultKeysOf: { auditKey: Buffer; headKey: Buffer } | undefined;
  try {
    writerLock = acquireWriterLock(paths.lock);
    if (!existsSync(paths.db)) throw new CoreError('VAULT_DAMAGED', 'database file missing');
    const opened = await openWithAny(paths.db, keys);
    db = opened.db;
    dataKey = opened.key.key;
    await migrate(db);
    const row = await db.read((tx) => tx.get<{ value: string }>("SELECT value FROM meta WHERE key = 'vault_id'"));
    if (row?.value !== file.vaultId) throw new CoreError('VAULT_DAMAGED', 'database belongs to another vault');
    await checkKeyslotsCreated(db, file);
    vaultKeysOf = await vaultKeys(db, dataKey, file.vaultId);
    const trail = db;
    const trailHead = await auditHead(db);
    const head = await checkHead(
      paths.head,
      vaultKeysOf.headKey,
      trailHead,
      async (seq) => (await trail.read((tx) => tx.get<{ mac: string }>('SELECT mac FROM audit_log WHERE seq = ?', [seq])))?.mac,
      opts.missingHead,
    );
    const headKey = vaultKeysOf.headKey;
    const headBehind = head !== 'missing' && head.recordedSeq < trailHead.seq ? { recordedSeq: head.recordedSeq, headSeq: trailHead.seq } : null;
    // A missing record is not recreated until the opener has accepted it (keepHeadRecorded).
    if (head !== 'missing') recordHeadOnCommit(db, paths, headKey);
    await settleRotation(paths, db, vaultKeysOf.auditKey, opened.key.generation, now);
    return { paths, vaultId: file.vaultId, db, auditKey: vaultKeysOf.auditKey, dataKey, headKey, writerLock, headWasMissing: head === 'missing', headBehind };
  } catch (e) {
    await db?.close().catch(() => undefined);
    writerLock?.release();
    wipe(dataKey, vaultKeysOf?.auditKey, vaultKeysOf?.headKey);
    throw e;
  } finally {
    for (const k of keys) if (k.key !== dataKey) wipe(k.key);
  }
}

/**
 * From here on every commit records the head, so a crash or a killed process never leaves the
 * record behind the trail (an older copy put back after a crash is still refused).
 */
function recordHeadOnCommit(db: Db, paths: VaultPaths, headKey: Buffer): void {
  db.onCommit(async (tx) => {
    const last = await lastEntry(tx);
    recordHeadSoon(paths.head, headKey, { seq: last?.seq ?? 0, mac: last?.mac ?? '' }, new Date().toISOString());
  });
}

/** After an administrator accepted a missing rollback record (audited): records it now, and after every commit. */
export async function keepHeadRecorded(vault: OpenVault, now: Date): Promise<void> {
  writeHead(vault.paths.head, vault.headKey, await auditHead(vault.db), now.toISOString());
  recordHeadOnCommit(vault.db, vault.paths, vault.headKey);
}

/** The first of `keys` that opens the database (the current generation is tried first). */
export async function openWithAny(file: string, keys: readonly GenerationKey[]): Promise<{ db: Db; key: GenerationKey }> {
  let failure: unknown = new CoreError('VAULT_DAMAGED', 'no data key');
  for (const key of keys) {
    try {
      return { db: await Db.open(file, key.key, { create: false }), key };
    } catch (e) {
      if (!(e instanceof CoreError && e.code === 'VAULT_DAMAGED')) throw e;
      failure = e;
    }
  }
  throw failure;
}

/**
 * A rotation interrupted by a crash is settled by which key the database answers to: the new one
 * (the rekey committed) finishes it, the old one abandons it. Either way one generation remains.
 * Runs under the writer lock; reads keyslots.json afresh.
 */
async function settleRotation(paths: VaultPaths, db: Db, auditKey: Buffer, opened: number, now: number): Promise<void> {
  const file = readKeyslots(paths.keyslots);
  if (!file.rotation) return;
  const { to } = file.rotation;
  const completed = opened === to;
  const settled = settledKeyslots(file, completed ? to : file.generation);
  await db.transaction(async (tx) => {
    await appendAudit(tx, auditKey, {
      at: new Date(now).toISOString(),
      actorId: null,
      actorRole: null,
      action: completed ? 'vault.key-rotated' : 'vault.key-rotation-abandoned',
      details: { generation: settled.generation, afterInterruption: true, ...(completed ? { recoveryKeyShown: false } : {}) },
    });
    // The new recovery key was never shown: administrators are asked to issue one.
    if (completed) await tx.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('recovery_key_unseen', '1')");
    writeKeyslots(paths.keyslots, settled);
  });
}

/**
 * Records the audit head beside the keyslots, closes the database and wipes the keys.
 * `recordHead: false`: a vault opened with its record missing and not accepted leaves it missing.
 */
export async function closeVault(vault: OpenVault, now: Date, opts: { recordHead?: boolean } = {}): Promise<void> {
  try {
    if (vault.db.isOpen) {
      try {
        vault.db.onCommit(undefined);
        // Read behind every queued commit, so no background record can be made after it; the ones
        // already made are written before this last one.
        if (opts.recordHead !== false) {
          const head = await auditHead(vault.db);
          await headRecorded(vault.paths.head);
          writeHead(vault.paths.head, vault.headKey, head, now.toISOString());
        }
      } finally {
        // A damaged file may refuse the head read: the connection is closed all the same.
        await vault.db.close();
      }
    }
  } finally {
    wipe(vault.dataKey, vault.auditKey, vault.headKey);
    // Nothing of this vault is written after its writer lock is let go.
    await headRecorded(vault.paths.head);
    vault.writerLock.release();
  }
}

export { readKeyslots };
