/** File-system helpers for the data directory: owner-only modes and atomic replacement. */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync, chmodSync, existsSync, unlinkSync } from 'node:fs';
import { chmod, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

export const vaultPaths = (dataDir: string) => ({
  dir: dataDir,
  db: join(dataDir, 'mamori.db'),
  keyslots: join(dataDir, 'keyslots.json'),
  head: join(dataDir, 'head.json'),
  throttle: join(dataDir, 'throttle.json'),
  lock: join(dataDir, 'mamori.lock'),
});
export type VaultPaths = ReturnType<typeof vaultPaths>;

export function ensureDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  chmodSync(dir, DIR_MODE);
}

/** Writes via a temp file in the same directory, fsyncs it, renames it over the target, fsyncs the directory. */
export function writeFileAtomic(path: string, data: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', FILE_MODE);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw e;
  }
  chmodSync(path, FILE_MODE);
  try {
    const dfd = openSync(dirname(path), 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Some file systems do not allow fsync on a directory; the rename itself is still atomic.
  }
}

/**
 * `writeFileAtomic` on the thread pool: temp file, fdatasync, rename over the target. The directory
 * is not fsynced: after a power loss the rename may be lost, which leaves the older, whole file
 * (for the head record: behind the trail, recorded at the next opening like any crash after a commit).
 */
export async function writeFileAtomicAsync(path: string, data: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  const f = await open(tmp, 'w', FILE_MODE);
  try {
    await f.writeFile(data);
    await f.datasync();
  } finally {
    await f.close();
  }
  await rename(tmp, path).catch(async (e: unknown) => {
    await rm(tmp, { force: true });
    throw e;
  });
  await chmod(path, FILE_MODE);
}
