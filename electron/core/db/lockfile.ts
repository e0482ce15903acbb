/**
 * One writer per vault: a lock file held while the database is open. The app also holds
 * Electron's single-instance lock; this one keeps the CLI and the app (or two CLIs) apart.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { CoreError } from '../errors';
import { FILE_MODE } from './files';

const heldHere = new Set<string>();

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LockHandle {
  release(): void;
}

export function acquireWriterLock(path: string): LockHandle {
  if (heldHere.has(path)) throw new CoreError('VAULT_IN_USE');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', FILE_MODE);
      try {
        writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
      } finally {
        closeSync(fd);
      }
      heldHere.add(path);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldHere.delete(path);
          try {
            unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: number | undefined;
      try {
        holder = Number(JSON.parse(readFileSync(path, 'utf8')).pid);
      } catch {
        holder = undefined;
      }
      // A lock left by a process that no longer runs (a crash) is stale and may be taken over.
      const stale = holder === undefined || !Number.isInteger(holder) || holder === process.pid || !pidAlive(holder);
      if (!stale) throw new CoreError('VAULT_IN_USE');
      try {
        unlinkSync(path);
      } catch {
        // Raced with another opener; the next attempt decides.
      }
    }
  }
  throw new CoreError('VAULT_IN_USE');
}
