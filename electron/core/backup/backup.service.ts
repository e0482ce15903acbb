/**
 * Verified backups (issue 13). The database is copied with VACUUM INTO on the keyed connection,
 * so the copy is encrypted under the same data key (never the backup API, which refuses encrypted
 * databases, and never a file copy of a live WAL database). The copy is verified (every page's
 * HMAC, SQLite's structure, the audit chain up to the manifest's head) before it is packed; the
 * packed file is read back and checked against its manifest before it is renamed into place. A
 * failure at any step leaves no file behind and the vault as it was.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import type { BackupProgress } from '../../common/contract.backup';
import { verifyChain, type AuditHead } from '../audit/audit.service';
import { Db } from '../db/connection';
import { FILE_MODE } from '../db/files';
import { CoreError } from '../errors';
import type { OpenVault } from '../vault/vault.service';
import { BACKUP_EXTENSION, openBackupFile, openManifest, preamble, sealManifest, sha256Hex, trailer, type Manifest } from './container';

/** The OS dialogs a backup and a restore need (Electron's main process, or the test harness). */
export interface BackupDialogs {
  /** Where to write a backup; null if the user cancelled. */
  chooseBackupTarget(suggestedName: string): Promise<string | null>;
  /** Which backup to restore; null if the user cancelled. */
  chooseBackupSource(): Promise<string | null>;
}

/** Where the packed file's bytes go. Tests inject one that fails (a full disk) part-way. */
export interface WriteIo {
  open(path: string): Promise<WriteHandle>;
}
export interface WriteHandle {
  write(chunk: Buffer): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const fileWriteIo: WriteIo = {
  async open(path) {
    const fh = await open(path, 'wx', FILE_MODE);
    return {
      write: async (chunk) => {
        for (let off = 0; off < chunk.length; ) off += (await fh.write(chunk, off, chunk.length - off)).bytesWritten;
      },
      sync: () => fh.sync(),
      close: () => fh.close(),
    };
  },
};

export type Progress = (p: BackupProgress) => void;

/** Where a backup stands (crash tests stop the process at each). */
export type BackupStep = 'copied' | 'verified' | 'packed' | 'renamed';

/** The errors of a file system that cannot take the file: the user can act on these by choosing elsewhere. */
const WRITE_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EIO', 'ENOENT', 'ENOTDIR', 'EISDIR', 'EFBIG', 'EEXIST']);

export function asWriteFailure(e: unknown): unknown {
  if (e instanceof CoreError) return e;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code && (WRITE_ERRORS.has(code) || code === 'SQLITE_FULL' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR')) return new CoreError('BACKUP_WRITE_FAILED', code);
  return e;
}

export function backupFileName(at: Date): string {
  const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `mamori-${stamp}${BACKUP_EXTENSION}`;
}

/** Temporary database copies live in the data directory (owner-only, the vault's own disk). */
const TEMP_PREFIX = 'backup-copy-';
export function removeStaleCopies(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  for (const name of readdirSync(dataDir)) if (name.startsWith(TEMP_PREFIX)) rmSync(join(dataDir, name), { force: true });
}

export interface BackupResult {
  file: string;
  sha256: string;
  bytes: number;
  manifest: Manifest;
}

/**
 * Checks a database copy as the manifest describes it: every page's HMAC, SQLite's structure, and
 * the audit chain intact up to exactly the recorded head. BACKUP_UNVERIFIED otherwise.
 */
export async function verifyCopy(file: string, dataKey: Buffer, auditKey: Buffer | ((db: Db) => Promise<Buffer>), head: AuditHead): Promise<void> {
  let db: Db;
  try {
    db = await Db.open(file, dataKey, { create: false, readOnly: true });
  } catch {
    throw new CoreError('BACKUP_UNVERIFIED', 'copy does not open');
  }
  try {
    const pages = await db.pragma<Record<string, string>>('PRAGMA cipher_integrity_check');
    if (pages.length > 0) throw new CoreError('BACKUP_UNVERIFIED', 'page check');
    const [structure] = await db.pragma<{ integrity_check: string }>('PRAGMA integrity_check');
    if (structure?.integrity_check !== 'ok') throw new CoreError('BACKUP_UNVERIFIED', 'structure');
    const key = typeof auditKey === 'function' ? await auditKey(db) : auditKey;
    const chain = await verifyChain(db, key);
    if (!chain.intact || chain.head.seq !== head.seq || chain.head.mac !== head.mac) throw new CoreError('BACKUP_UNVERIFIED', 'audit chain');
  } catch (e) {
    if (e instanceof CoreError) throw e;
    throw new CoreError('BACKUP_UNVERIFIED', 'unreadable');
  } finally {
    await db.close().catch(() => undefined);
  }
}

/**
 * Writes a verified backup of the open vault to `target` (the extension is added if missing).
 * Reports progress: pages copied, then verification, then writing.
 */
export async function createBackup(
  vault: OpenVault,
  req: { target: string; createdBy: string; now: number; progress?: Progress; io?: WriteIo; checkpoint?: (step: BackupStep) => void },
): Promise<BackupResult> {
  const checkpoint = req.checkpoint ?? (() => undefined);
  const target = req.target.endsWith(BACKUP_EXTENSION) ? req.target : req.target + BACKUP_EXTENSION;
  const progress = req.progress ?? (() => undefined);
  const io = req.io ?? fileWriteIo;
  const copy = join(vault.paths.dir, `${TEMP_PREFIX}${randomUUID()}.db`);
  const partial = join(dirname(target), `.${basename(target)}.partial-${randomUUID().slice(0, 8)}`);
  let wrotePartial = false;
  try {
    // 1. The copy, and the state it is a copy of, taken with nothing else running on the connection.
    const snap = await vault.db.exclusive(async (c) => {
      const [{ page_count: pageCount }] = await c.all<{ page_count: number }>('PRAGMA page_count');
      const [{ page_size: pageSize }] = await c.all<{ page_size: number }>('PRAGMA page_size');
      const [{ user_version: schemaVersion }] = await c.all<{ user_version: number }>('PRAGMA user_version');
      const last = await c.get<{ seq: number; mac: string }>('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1');
      const cases = await c.get<{ n: number }>('SELECT count(*) AS n FROM cases');
      // Keyslot changes are written inside transactions, so none is half-done while this runs.
      const keyslots = readFileSync(vault.paths.keyslots);
      // Copies a killed backup left behind (encrypted, but taking space) go first.
      removeStaleCopies(vault.paths.dir);
      closeSync(openSync(copy, 'wx', FILE_MODE));
      const total = pageCount;
      progress({ operation: 'backup', phase: 'copying', done: 0, total });
      const poll = setInterval(() => {
        try {
          progress({ operation: 'backup', phase: 'copying', done: Math.min(total, Math.floor(statSync(copy).size / pageSize)), total });
        } catch {
          // The copy is not there yet.
        }
      }, 250);
      try {
        await c.all('VACUUM INTO ?', [copy]);
      } finally {
        clearInterval(poll);
      }
      progress({ operation: 'backup', phase: 'copying', done: total, total });
      return { schemaVersion, head: { seq: last?.seq ?? 0, mac: last?.mac ?? '' }, caseCount: cases?.n ?? 0, keyslots };
    });

    checkpoint('copied');
    // 2. The copy must open, pass every page and structure check, and carry the chain to the head.
    progress({ operation: 'backup', phase: 'verifying', done: 0, total: 1 });
    await verifyCopy(copy, vault.dataKey, vault.auditKey, snap.head);
    checkpoint('verified');

    // 3. Packed in one pass, every byte hashed on its way out.
    const dbBytes = statSync(copy).size;
    progress({ operation: 'backup', phase: 'writing', done: 0, total: dbBytes });
    const fileHash = createHash('sha256');
    const out = await io.open(partial);
    wrotePartial = true;
    let manifest: Manifest;
    try {
      const put = async (b: Buffer) => {
        fileHash.update(b);
        await out.write(b);
      };
      await put(preamble());
      await put(snap.keyslots);
      const source = await open(copy, 'r');
      const dbHash = createHash('sha256');
      try {
        const buf = Buffer.alloc(1 << 20);
        for (let done = 0; done < dbBytes; ) {
          const { bytesRead } = await source.read(buf, 0, Math.min(buf.length, dbBytes - done), done);
          if (bytesRead <= 0) throw new CoreError('BACKUP_UNVERIFIED', 'copy shrank');
          const chunk = buf.subarray(0, bytesRead);
          dbHash.update(chunk);
          await put(Buffer.from(chunk));
          done += bytesRead;
          progress({ operation: 'backup', phase: 'writing', done, total: dbBytes });
        }
      } finally {
        await source.close();
      }
      manifest = {
        format: 1,
        vaultId: vault.vaultId,
        schemaVersion: snap.schemaVersion,
        createdAt: new Date(req.now).toISOString(),
        createdBy: req.createdBy,
        generation: vaultGeneration(snap.keyslots),
        auditHead: snap.head,
        caseCount: snap.caseCount,
        parts: { keyslots: { sha256: sha256Hex(snap.keyslots), length: snap.keyslots.length }, database: { sha256: dbHash.digest('hex'), length: dbBytes } },
      };
      const parts = {
        keyslots: { offset: preamble().length, length: snap.keyslots.length },
        database: { offset: preamble().length + snap.keyslots.length, length: dbBytes },
      };
      const header = Buffer.from(JSON.stringify(sealManifest(vault.dataKey, manifest, parts)), 'utf8');
      await put(header);
      await put(trailer(header.length));
      await out.sync();
    } finally {
      await out.close();
    }

    checkpoint('packed');
    // 4. What is on the medium is read back and checked against the manifest before it counts.
    progress({ operation: 'backup', phase: 'verifying', done: 0, total: 1 });
    await checkPackedFile(partial, vault.dataKey, manifest);

    // 5. Only a verified file takes the name.
    await rename(partial, target);
    wrotePartial = false;
    fsyncDir(dirname(target));
    checkpoint('renamed');
    progress({ operation: 'backup', phase: 'done', done: 1, total: 1 });
    return { file: target, sha256: fileHash.digest('hex'), bytes: statSync(target).size, manifest };
  } catch (e) {
    throw asWriteFailure(e);
  } finally {
    if (wrotePartial) rmSync(partial, { force: true });
    rmSync(copy, { force: true });
  }
}

/** The packed file's manifest opens under the data key and both parts hash as it says. */
async function checkPackedFile(path: string, dataKey: Buffer, expected: Manifest): Promise<void> {
  const file = await openBackupFile(path);
  try {
    const manifest = openManifest(dataKey, file.header);
    if (JSON.stringify(manifest) !== JSON.stringify(expected)) throw new CoreError('BACKUP_UNVERIFIED', 'manifest read back differs');
    if (sha256Hex(await file.readPart(file.header.parts.keyslots)) !== manifest.parts.keyslots.sha256) throw new CoreError('BACKUP_UNVERIFIED', 'keyslots read back');
    if ((await file.streamPart(file.header.parts.database, () => undefined)) !== manifest.parts.database.sha256) throw new CoreError('BACKUP_UNVERIFIED', 'database read back');
  } finally {
    await file.close();
  }
}

function vaultGeneration(keyslots: Buffer): number {
  const parsed = JSON.parse(keyslots.toString('utf8')) as { generation?: number };
  return parsed.generation ?? 1;
}

export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems do not allow fsync on a directory; the rename itself is still atomic.
  }
}
