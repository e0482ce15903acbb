/** File-system helpers for the data directory: owner-only modes and atomic replacement. */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync, chmodSync, existsSync, unlinkSync } from 'node:fs';
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
