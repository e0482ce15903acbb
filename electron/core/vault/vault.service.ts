/**
 * Creating, opening and closing the vault. Holds the data key only while the vault is open;
 * every key Buffer is key material: never log it, never send it anywhere, wipe it on close.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import type { Locale } from '../../common/errors';
import { appendAudit, auditHead } from '../audit/audit.service';
import { checkHead, writeHead } from '../audit/head';
import { formatRecoveryKey, hkdf, wipe, type ScryptParams } from '../crypto/crypto';
import { Db, type Tx } from '../db/connection';
import { ensureDataDir, vaultPaths, type VaultPaths } from '../db/files';
import { acquireWriterLock, type LockHandle } from '../db/lockfile';
import { migrate } from '../db/migrations';
import { CoreError } from '../errors';
import { makeRecoverySlot, makeUserSlot, newKeyslotsFile, readKeyslots, writeKeyslots, type KeyslotsFile } from './keyslots';
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
    file.slots.push(await makeUserSlot(file, userId, input.username, input.passphrase, dataKey, input.scryptParams));
    file.slots.push(makeRecoverySlot(file, recoveryKey, dataKey));
    db = await Db.open(paths.db, dataKey, { create: true });
    await migrate(db);
    const at = input.now.toISOString();
    await db.transaction(async (tx) => {
      await tx.run('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)', ['vault_id', file.vaultId, 'created_at', at]);
      await storeVaultKeys(tx, { auditKey, headKey });
      await addAccount(tx, { id: userId, username: input.username, displayName: input.displayName, role: 'administrator', locale: input.locale, at });
      await appendAudit(tx, auditKey, { at, actorId: userId, actorRole: 'administrator', action: 'vault.created', target: `user:${userId}` });
      await appendAudit(tx, auditKey, { at, actorId: userId, actorRole: 'administrator', action: 'vault.recovery-key-issued' });
    });
    writeKeyslots(paths.keyslots, file);
    new Throttle(paths.throttle, file.vaultId).reset();
    writeHead(paths.head, headKey, await auditHead(db), at);
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
 * Opens the database with an unwrapped data key: takes the writer lock, proves the key,
 * refuses a newer schema untouched, migrates, checks the vault id and the rollback record.
 * Takes ownership of `dataKey` (wiped on failure or on close).
 */
export async function openVault(dataDir: string, file: KeyslotsFile, dataKey: Buffer): Promise<OpenVault> {
  const paths = vaultPaths(dataDir);
  let writerLock: LockHandle | undefined;
  let db: Db | undefined;
  let keys: { auditKey: Buffer; headKey: Buffer } | undefined;
  try {
    writerLock = acquireWriterLock(paths.lock);
    if (!existsSync(paths.db)) throw new CoreError('VAULT_DAMAGED', 'database file missing');
    db = await Db.open(paths.db, dataKey, { create: false });
    await migrate(db);
    const row = await db.read((tx) => tx.get<{ value: string }>("SELECT value FROM meta WHERE key = 'vault_id'"));
    if (row?.value !== file.vaultId) throw new CoreError('VAULT_DAMAGED', 'database belongs to another vault');
    keys = await vaultKeys(db, dataKey, file.vaultId);
    checkHead(paths.head, keys.headKey, await auditHead(db));
    return { paths, vaultId: file.vaultId, db, auditKey: keys.auditKey, dataKey, headKey: keys.headKey, writerLock };
  } catch (e) {
    await db?.close().catch(() => undefined);
    writerLock?.release();
    wipe(dataKey, keys?.auditKey, keys?.headKey);
    throw e;
  }
}

/** Records the audit head beside the keyslots, closes the database and wipes the keys. */
export async function closeVault(vault: OpenVault, now: Date): Promise<void> {
  try {
    if (vault.db.isOpen) {
      writeHead(vault.paths.head, vault.headKey, await auditHead(vault.db), now.toISOString());
      await vault.db.close();
    }
  } finally {
    wipe(vault.dataKey, vault.auditKey, vault.headKey);
    vault.writerLock.release();
  }
}

export { readKeyslots };
