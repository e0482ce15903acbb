/**
 * Crash tests for the vault operations (issue 13): a child process runs a backup, a restore or a
 * key rotation and kills itself with SIGKILL after each step; the vault must then open as either
 * the old or the new one, never broken. Fictional people only.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RestoreResult } from '../../electron/common/contract.backup';
import { verifyChain } from '../../electron/core/audit/audit.service';
import { Db } from '../../electron/core/db/connection';
import { createCore } from '../../electron/core/index';
import { intake } from '../fixtures/cases';
import { adminAuditKey, adminDataKey } from '../fixtures/raw';
import { team } from '../fixtures/team';
import { ADMIN, code, ok, removeDir, signInAdmin, tempDir } from '../fixtures/vault';

const NOW = Date.parse('2026-11-20T09:00:00Z');
const OFFICER = { username: 'officer.a', passphrase: 'officer a passphrase' };
const CHILD = resolve(__dirname, '../fixtures/crash-child.ts');

let base: { dataDir: string; backup: string };
const scratch: string[] = [];
const cleanup: string[] = [];
afterAll(() => scratch.splice(0).forEach(removeDir));
afterEach(() => cleanup.splice(0).forEach(removeDir));

beforeAll(async () => {
  const dirs: string[] = [];
  const t = await team(dirs, () => NOW, { backupDialogs: { chooseBackupTarget: async () => join(dirs[0], '..', 'base'), chooseBackupSource: async () => null } });
  scratch.push(join(dirs[0], '..'));
  await t.as('officer.a');
  await ok(t.core, 'cases:create', intake());
  await t.core.lock('user');
  await signInAdmin(t.core);
  await ok(t.core, 'backup:create');
  await t.core.close();
  base = { dataDir: dirs[0], backup: join(dirs[0], '..', 'base.mamori-backup') };
}, 180_000);

function clone(): { root: string; dir: string } {
  const root = tempDir('mamori-crash-');
  cleanup.push(root);
  const dir = join(root, 'vault');
  cpSync(base.dataDir, dir, { recursive: true });
  return { root, dir };
}

/** Runs the operation in a child process that kills itself at `step`; asserts it died there. */
function crashAt(op: string, dataDir: string, step: string, file = ''): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, op, dataDir, step, file], { encoding: 'utf8', timeout: 300_000 });
  expect({ signal: r.signal, stderr: r.stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
}

async function chainIntact(dataDir: string): Promise<boolean> {
  const db = await Db.open(join(dataDir, 'mamori.db'), await adminDataKey(dataDir), { create: false, readOnly: true });
  try {
    return (await verifyChain(db, await adminAuditKey(dataDir))).intact;
  } finally {
    await db.close();
  }
}

describe('a key rotation killed after each step', () => {
  it.each([
    ['sealed', 1],
    ['rekeyed', 2],
    ['settled', 2],
  ] as const)('after "%s" the vault opens with every passphrase, on generation %i', async (step, generation) => {
    const { dir } = clone();
    crashAt('rotate', dir, step);
    const core = createCore({ dataDir: dir, now: () => NOW });
    await ok(core, 'session:signIn', OFFICER);
    await ok(core, 'session:signOut');
    await signInAdmin(core);
    const keys = await ok<{ generation: number; recoveryKeyUnseen: boolean }>(core, 'vault:keys');
    expect(keys.generation).toBe(generation);
    // A rotation finished at opening never showed its recovery key: administrators are told to issue one.
    expect(keys.recoveryKeyUnseen).toBe(step === 'rekeyed');
    await core.close();
    expect(JSON.parse(readFileSync(join(dir, 'keyslots.json'), 'utf8')).rotation).toBeUndefined();
    expect(await chainIntact(dir)).toBe(true);
  });

  it('leaves old backups opening with the passphrases of their time', async () => {
    const { dir, root } = clone();
    crashAt('rotate', dir, 'rekeyed');
    const target = join(root, 'restored');
    const core = createCore({ dataDir: target, now: () => NOW, backupDialogs: { chooseBackupTarget: async () => null, chooseBackupSource: async () => base.backup } });
    await ok(core, 'backup:restoreInto', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await ok(core, 'session:signIn', OFFICER);
    await core.close();
  });
});

describe('a backup killed after each step', () => {
  it.each(['copied', 'verified', 'packed', 'renamed'])('after "%s" the vault is untouched and no backup but a verified one carries the name', async (step) => {
    const { dir, root } = clone();
    const target = join(root, 'out.mamori-backup');
    crashAt('backup', dir, step, target);
    expect(existsSync(target)).toBe(step === 'renamed');
    const core = createCore({ dataDir: dir, now: () => NOW, backupDialogs: { chooseBackupTarget: async () => join(root, 'next'), chooseBackupSource: async () => (existsSync(target) ? target : null) } });
    await signInAdmin(core);
    // The next backup clears what the killed one left in the data directory.
    await ok(core, 'backup:create');
    expect(readdirSync(dir).filter((n) => n.startsWith('backup-copy-'))).toEqual([]);
    await core.close();
    expect(await chainIntact(dir)).toBe(true);
    if (step === 'renamed') {
      const restored = createCore({ dataDir: join(root, 'check'), now: () => NOW, backupDialogs: { chooseBackupTarget: async () => null, chooseBackupSource: async () => target } });
      await ok(restored, 'backup:restoreInto', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      await restored.close();
    }
  });
});

describe('a restore killed after each step', () => {
  it.each([
    ['staged', false],
    ['complete', true],
    ['old-moved', true],
    ['swapped', true],
  ] as const)('into an empty folder, after "%s": the next start has no vault or the whole restored one', async (step, restored) => {
    const { root } = clone();
    const target = join(root, 'into');
    crashAt('restore', target, step, base.backup);
    const core = createCore({ dataDir: target, now: () => NOW, backupDialogs: { chooseBackupTarget: async () => null, chooseBackupSource: async () => base.backup } });
    expect(await ok<{ exists: boolean }>(core, 'vault:status')).toMatchObject({ exists: restored });
    if (!restored) await ok<RestoreResult>(core, 'backup:restoreInto', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await ok(core, 'session:signIn', OFFICER);
    await core.close();
    expect(readdirSync(target).sort()).toEqual(expect.not.arrayContaining(['restoring']));
    expect(await chainIntact(target)).toBe(true);
  });

  it.each(['staged', 'complete', 'old-moved', 'swapped'])('over the current vault, after "%s": the old vault or the restored one, the old one kept aside', async (step) => {
    const { dir } = clone();
    const before = readFileSync(join(dir, 'mamori.db'));
    crashAt('replace', dir, step, base.backup);
    const core = createCore({ dataDir: dir, now: () => NOW });
    expect(await code(core.dispatch('session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase }))).toBe('ok');
    await core.close();
    const aside = readdirSync(dir).filter((n) => n.startsWith('replaced-'));
    if (step === 'staged') {
      expect(aside).toEqual([]);
    } else {
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(dir, aside[0], 'mamori.db'))).toEqual(before);
    }
    expect(await chainIntact(dir)).toBe(true);
  });
});
