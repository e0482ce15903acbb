/**
 * Restoring a verified backup (issue 13). Everything is prepared and verified in a staging folder
 * inside the data directory; only a complete, verified vault is moved into place, and a vault it
 * replaces is moved aside into a timestamped folder (never deleted). The swap is journalled, so a
 * crash at any point leaves either the old vault or the new one, and the next start finishes it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import type { RestoreResult } from '../../common/contract.backup';
import { normaliseUsername } from '../../common/passphrase';
import { appendAudit, auditHead } from '../audit/audit.service';
import { writeHead } from '../audit/head';
import { wipe } from '../crypto/crypto';
import { Db } from '../db/connection';
import { DIR_MODE, ensureDataDir, vaultPaths, writeFileAtomic } from '../db/files';
import { acquireWriterLock } from '../db/lockfile';
import { SCHEMA_VERSION } from '../db/migrations';
import { CoreError } from '../errors';
import { equaliseTiming, findUserSlot, openUserSlot, parseKeyslots, readKeyslots, vaultCode, type GenerationKey, type Signer } from '../vault/keyslots';
import { Throttle } from '../vault/throttle';
import { unwrapWithPassphrase } from '../vault/unlock';
import { closeVault, openVault, vaultKeys } from '../vault/vault.service';
import { insertBackup } from './backup.repository';
import { fsyncDir, removeStaleCopies, verifyCopy, type Progress } from './backup.service';
import { openBackupFile, openManifest, sha256Hex, type BackupFile, type Manifest } from './container';

/** The files that make a vault (the lock file stays: it belongs to whoever holds it now). */
const VAULT_FILES = ['mamori.db', 'mamori.db-wal', 'mamori.db-shm', 'keyslots.json', 'head.json', 'throttle.json'];
/** What may be left in an "empty" data directory: a lock, and a WAL or SHM without its database. */
const LEFTOVERS = new Set(['mamori.lock', 'mamori.db-wal', 'mamori.db-shm']);
const STAGING = 'restoring';
const COMPLETE = 'COMPLETE';
const SWAPPED_OUT = 'OLD-MOVED';

/** The code of the vault in `dataDir`, or null when its keyslots cannot be read. */
export function vaultCodeOf(dataDir: string): string | null {
  try {
    return vaultCode(readKeyslots(vaultPaths(dataDir).keyslots).vaultId);
  } catch {
    return null;
  }
}

export function hasVault(dataDir: string): boolean {
  const p = vaultPaths(dataDir);
  return existsSync(p.keyslots) || existsSync(p.db);
}

/** Who may replace an existing vault: a signed-in administrator (whose session the caller ended), or credentials checked here. */
export type ReplaceAuthority = { kind: 'session' } | { kind: 'damaged'; username: string; passphrase: string };

export interface RestoreRequest {
  dataDir: string;
  from: string;
  /** An administrator of the backed-up vault, with the passphrase valid at backup time. */
  username: string;
  passphrase: string;
  /** Required when the data directory holds a vault: the typed vault code, and who authorises it. */
  replace?: { confirmation: string; authority: ReplaceAuthority };
  now: number;
  progress?: Progress;
  /** Crash tests stop the process at each step. */
  checkpoint?: (step: RestoreStep) => void;
}

export type RestoreStep = 'staged' | 'complete' | 'old-moved' | 'swapped';

/**
 * Restores `from` into `dataDir`. Into an empty directory, or over the vault there when `replace`
 * is given and holds. Nothing changes unless the backup opens, its manifest and parts verify, the
 * database copy passes every check and the user is an administrator in it.
 */
export async function restoreBackup(req: RestoreRequest): Promise<RestoreResult> {
  const progress = req.progress ?? (() => undefined);
  finishInterruptedRestore(req.dataDir);
  const paths = vaultPaths(req.dataDir);
  const existing = hasVault(req.dataDir);
  if (existing) await checkReplace(req);
  else if (existsSync(req.dataDir) && readdirSync(req.dataDir).some((n) => !LEFTOVERS.has(n))) throw new CoreError('RESTORE_TARGET_NOT_EMPTY');

  const backup = await openBackup(req.from, req.username, req.passphrase);
  try {
    const { manifest } = backup;
    if (existing) {
      const current = vaultCodeOf(req.dataDir);
      // A backup of another vault never replaces this one (restore it into an empty folder instead).
      if (current !== null && current !== vaultCode(manifest.vaultId)) throw new CoreError('BACKUP_FOREIGN');
    }
    ensureDataDir(req.dataDir);
    const lock = acquireWriterLock(paths.lock);
    try {
      removeStaleCopies(req.dataDir);
      const staging = join(req.dataDir, STAGING);
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(staging, { mode: DIR_MODE });
      try {
        await stage(backup, staging, req, progress);
        req.checkpoint?.('staged');
        const aside = existing || readdirSync(req.dataDir).some((n) => VAULT_FILES.includes(n)) ? `replaced-${stamp(req.now)}` : null;
        writeFileAtomic(join(staging, COMPLETE), JSON.stringify({ aside }) + '\n');
        req.checkpoint?.('complete');
        swapIn(req.dataDir, req.checkpoint);
        req.checkpoint?.('swapped');
        progress({ operation: 'restore', phase: 'done', done: 1, total: 1 });
        return { backupCreatedAt: manifest.createdAt, caseCount: manifest.caseCount, auditSeq: manifest.auditHead.seq, setAside: aside };
      } finally {
        // A staging folder that did not become the vault is a half-made copy (encrypted): it goes.
        if (!existsSync(join(staging, COMPLETE))) rmSync(staging, { recursive: true, force: true });
      }
    } finally {
      lock.release();
    }
  } finally {
    await backup.close();
  }
}

/** A backup file opened with backup-time credentials: its manifest verified, its keyslots part checked. */
export interface OpenedBackup {
  file: BackupFile;
  manifest: Manifest;
  keyslots: Buffer;
  /** Key material: wiped by close(). */
  dataKey: Buffer;
  /** The signing key of the account whose passphrase opened the backup (signs the restore's entry). */
  signer: Signer | null;
  close(): Promise<void>;
}

/**
 * Opens a backup with the passphrase of one of its accounts: BACKUP_UNREADABLE / TRUNCATED for a
 * file that is not (all) there, BACKUP_KEYS_UNKNOWN when the passphrase opens no slot,
 * BACKUP_MANIFEST_ALTERED / PART_ALTERED when what it holds does not verify, BACKUP_NEWER for a
 * newer schema. The database part is checked when it is copied out (stage).
 */
export async function openBackup(from: string, username: string, passphrase: string): Promise<OpenedBackup> {
  const file = await openBackupFile(from);
  let keys: GenerationKey[] | null = null;
  try {
    const keyslots = await file.readPart(file.header.parts.keyslots);
    let slots;
    try {
      slots = parseKeyslots(keyslots.toString('utf8'));
    } catch {
      throw new CoreError('BACKUP_PART_ALTERED', 'keyslots');
    }
    const slot = findUserSlot(slots, username);
    const opened = slot ? await openUserSlot(slots, slot, passphrase) : (await equaliseTiming(), null);
    keys = opened?.keys ?? null;
    if (!opened || !keys) throw new CoreError('BACKUP_KEYS_UNKNOWN');
    const signer = opened.signer;
    const { manifest, dataKey } = openWithKeys(file, keys);
    if (manifest.schemaVersion > SCHEMA_VERSION) throw new CoreError('BACKUP_NEWER', `schema ${manifest.schemaVersion}`);
    if (sha256Hex(keyslots) !== manifest.parts.keyslots.sha256 || keyslots.length !== manifest.parts.keyslots.length) {
      throw new CoreError('BACKUP_PART_ALTERED', 'keyslots');
    }
    const others = keys.filter((k) => k.key !== dataKey);
    for (const k of others) wipe(k.key);
    return {
      file,
      manifest,
      keyslots,
      dataKey,
      signer,
      close: async () => {
        wipe(dataKey);
        await file.close();
      },
    };
  } catch (e) {
    for (const k of keys ?? []) wipe(k.key);
    await file.close();
    throw e;
  }
}

/** The manifest under whichever of the user's keys seals it (a backup has one generation). */
function openWithKeys(file: BackupFile, keys: GenerationKey[]): { manifest: Manifest; dataKey: Buffer } {
  let failure: unknown;
  for (const k of keys) {
    try {
      return { manifest: openManifest(k.key, file.header), dataKey: k.key };
    } catch (e) {
      failure = e;
    }
  }
  throw failure;
}

async function checkReplace(req: RestoreRequest): Promise<void> {
  if (!req.replace) throw new CoreError('RESTORE_TARGET_NOT_EMPTY');
  const code = vaultCodeOf(req.dataDir);
  const typed = req.replace.confirmation.replace(/[\s-]/g, '').toUpperCase();
  if (typed !== (code ?? 'REPLACE')) throw new CoreError('RESTORE_CONFIRMATION_MISMATCH');
  const authority = req.replace.authority;
  if (authority.kind === 'session') return;
  // Signed out, only a vault that cannot be opened is replaced, by someone whose passphrase opens its keyslots.
  const unwrapped = await unwrapWithPassphrase(req.dataDir, authority.username, authority.passphrase, req.now);
  try {
    const vault = await openVault(req.dataDir, unwrapped.file, unwrapped.keys, req.now);
    await closeVault(vault, new Date(req.now));
  } catch (e) {
    if (e instanceof CoreError && (e.code === 'VAULT_DAMAGED' || e.code === 'VAULT_ROLLED_BACK' || e.code === 'VAULT_HEAD_MISSING')) {
      unwrapped.throttle.recordSuccess(unwrapped.lookup, req.now);
      return;
    }
    throw e;
  }
  throw new CoreError('RESTORE_TARGET_NOT_EMPTY', 'the vault opens: an administrator restores it after signing in');
}

/** Writes the vault to be into `staging`: keyslots, the database part (hashed on the way), checks, the restore's audit entry, the head record. */
async function stage({ file, manifest, keyslots, dataKey, signer }: OpenedBackup, staging: string, req: RestoreRequest, progress: Progress): Promise<void> {
  const p = vaultPaths(staging);
  writeFileAtomic(p.keyslots, keyslots.toString('utf8'));
  const total = manifest.parts.database.length;
  progress({ operation: 'restore', phase: 'copying', done: 0, total });
  const out = await open(p.db, 'wx', 0o600);
  let hash: string;
  try {
    hash = await file.streamPart(
      file.header.parts.database,
      async (chunk) => {
        for (let off = 0; off < chunk.length; ) off += (await out.write(chunk, off, chunk.length - off)).bytesWritten;
      },
      (done) => progress({ operation: 'restore', phase: 'copying', done, total }),
    );
    await out.sync();
  } finally {
    await out.close();
  }
  if (hash !== manifest.parts.database.sha256 || file.header.parts.database.length !== total) throw new CoreError('BACKUP_PART_ALTERED', 'database');

  progress({ operation: 'restore', phase: 'verifying', done: 0, total: 1 });
  await verifyCopy(p.db, dataKey, (db) => vaultKeys(db, dataKey, manifest.vaultId).then((k) => k.auditKey), manifest.auditHead);

  // The restore is the first entry after the backup's head: which backup, and by whom.
  const db = await Db.open(p.db, dataKey, { create: false });
  try {
    const id = await db.read((tx) => tx.get<{ value: string }>("SELECT value FROM meta WHERE key = 'vault_id'"));
    if (id?.value !== manifest.vaultId) throw new CoreError('BACKUP_PART_ALTERED', 'database');
    const user = await db.read((tx) =>
      tx.get<{ id: string; role: string; status: string }>('SELECT id, role, status FROM users WHERE username = ?', [normaliseUsername(req.username)]),
    );
    if (!user || user.role !== 'administrator' || user.status !== 'active') throw new CoreError('FORBIDDEN', 'not an administrator of the backup');
    const { auditKey, headKey } = await vaultKeys(db, dataKey, manifest.vaultId);
    const at = new Date(req.now).toISOString();
    const source = { fileName: basename(req.from), bytes: (await stat(req.from)).size, sha256: await fileSha256(req.from) };
    try {
      await db.transaction(async (tx) => {
        await appendAudit(tx, auditKey, {
          at,
          actorId: user.id,
          actorRole: 'administrator',
          action: 'vault.restored',
          details: { backupCreatedAt: manifest.createdAt, backupAuditSeq: manifest.auditHead.seq, backupCaseCount: manifest.caseCount, backupDatabaseSha256: manifest.parts.database.sha256 },
        }, signer?.userId === user.id ? signer : null);
        // The backup restored from is itself a verified backup of this data: the register says so, so the
        // reminder does not call a vault restored a moment ago "never backed up".
        await insertBackup(tx, {
          createdAt: manifest.createdAt,
          createdBy: manifest.createdBy,
          ...source,
          caseCount: manifest.caseCount,
          auditSeq: manifest.auditHead.seq,
          schemaVersion: manifest.schemaVersion,
        });
      });
      // The head record is the restore's own: a legitimate restore opens; a file swapped in later does not.
      writeHead(p.head, headKey, await auditHead(db), at);
    } finally {
      wipe(auditKey, headKey);
    }
  } finally {
    await db.close();
  }
  new Throttle(p.throttle, manifest.vaultId).reset();
  for (const f of [`${p.db}-wal`, `${p.db}-shm`]) if (existsSync(f)) throw new CoreError('BACKUP_UNVERIFIED', 'staged database left a WAL');
}

const stamp = (now: number) => new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * Moves a complete staging folder into place: first every file of the old vault into the aside
 * folder (then a mark that this is done), then every staged file into the data directory, then
 * the staging folder goes. Each step can be repeated after a crash without loss.
 */
function swapIn(dataDir: string, checkpoint?: (step: RestoreStep) => void): void {
  const staging = join(dataDir, STAGING);
  const { aside } = JSON.parse(readFileSync(join(staging, COMPLETE), 'utf8')) as { aside: string | null };
  if (!existsSync(join(staging, SWAPPED_OUT))) {
    if (aside) {
      const asideDir = join(dataDir, aside);
      mkdirSync(asideDir, { recursive: true, mode: DIR_MODE });
      // Stale -wal/-shm go with the database they belong to: a WAL must never meet another database.
      for (const name of VAULT_FILES) if (existsSync(join(dataDir, name))) renameSync(join(dataDir, name), join(asideDir, name));
      fsyncDir(asideDir);
    }
    writeFileSync(join(staging, SWAPPED_OUT), '');
    fsyncDir(staging);
  }
  checkpoint?.('old-moved');
  for (const name of VAULT_FILES) if (existsSync(join(staging, name))) renameSync(join(staging, name), join(dataDir, name));
  fsyncDir(dataDir);
  rmSync(staging, { recursive: true, force: true });
}

/** At start (and before a restore): a restore interrupted after its staging was complete is finished; one interrupted before is dropped. */
export function finishInterruptedRestore(dataDir: string): void {
  const staging = join(dataDir, STAGING);
  if (!existsSync(staging)) return;
  let lock;
  try {
    lock = acquireWriterLock(vaultPaths(dataDir).lock);
  } catch {
    return; // A restore (or a session) is running now: it is not interrupted.
  }
  try {
    if (existsSync(join(staging, COMPLETE))) swapIn(dataDir);
    else rmSync(staging, { recursive: true, force: true });
  } finally {
    lock.release();
  }
}

/** SHA-256 of a whole file, streamed (a backup may be larger than memory should hold). */
async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
