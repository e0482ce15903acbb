/**
 * Verified backups and restore through the real core, with the OS dialogs answered by the test
 * (issue 13). Fictional people only.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BackupRecord, BackupStatus, RestoreResult } from '../../electron/common/contract.backup';
import type { CaseDetail } from '../../electron/common/caseDetail';
import { verifyChain } from '../../electron/core/audit/audit.service';
import { openBackupFile, openManifest, sealManifest } from '../../electron/core/backup/container';
import { createBackup, type WriteIo } from '../../electron/core/backup/backup.service';
import { Db } from '../../electron/core/db/connection';
import { createCore, type MamoriCoreApi } from '../../electron/core/index';
import { createHash, randomBytes } from 'node:crypto';
import { normalisePassphrase } from '../../electron/common/passphrase';
import { SCRYPT_PARAMS, scryptKey, wrapKey } from '../../electron/core/crypto/crypto';
import { usernameLookup } from '../../electron/core/vault/keyslots';
import { signIn, endSession } from '../../electron/core/session/session.service';
import { intake } from '../fixtures/cases';
import { adminAuditKey, adminDataKey } from '../fixtures/raw';
import { team } from '../fixtures/team';
import { ADMIN, code, ok, removeDir, signInAdmin, tempDir } from '../fixtures/vault';

const NOW = Date.parse('2026-11-20T09:00:00Z');
const DAY = 86_400_000;
const OFFICER = { username: 'officer.a', passphrase: 'officer a passphrase' };
const MARKER = 'Fictiva-Backup-Marker';

/** A core on `dataDir` whose "OS dialogs" answer what the test sets. */
function coreOn(dataDir: string, clock = { now: NOW }) {
  const dialogs = { target: null as string | null, source: null as string | null };
  const core = createCore({
    dataDir,
    locale: 'en',
    now: () => clock.now,
    backupDialogs: { chooseBackupTarget: async () => dialogs.target, chooseBackupSource: async () => dialogs.source },
  });
  return { core, dialogs, clock };
}

const scratch: string[] = [];
afterAll(() => {
  for (const d of scratch.splice(0)) removeDir(d);
});
const cleanup: string[] = [];
afterEach(() => {
  for (const d of cleanup.splice(0)) removeDir(d);
});

/** A place for files of one test (removed after it). */
function workDir(): string {
  const d = tempDir('mamori-backup-');
  cleanup.push(d);
  return d;
}

/** A copy of the base vault to change freely. */
function cloneBase(): string {
  const dir = join(workDir(), 'vault');
  cpSync(base.dataDir, dir, { recursive: true });
  return dir;
}

let base: { dataDir: string; backup: string; record: BackupRecord; caseId: string };

beforeAll(async () => {
  const dirs: string[] = [];
  const clock = { now: NOW };
  const t = await team(dirs, () => clock.now, {
    backupDialogs: { chooseBackupTarget: async () => join(dirs[0], '..', 'first'), chooseBackupSource: async () => null },
  });
  scratch.push(join(dirs[0], '..'));
  await t.as('officer.a');
  const c = await ok<CaseDetail>(t.core, 'cases:create', intake({ familyName: MARKER }));
  await t.core.lock('user');
  await signInAdmin(t.core);
  const record = await ok<BackupRecord>(t.core, 'backup:create');
  await t.core.close();
  base = { dataDir: dirs[0], backup: join(dirs[0], '..', 'first.mamori-backup'), record, caseId: c.id };
}, 180_000);

/** Every table's rows (sorted) of a vault's database, opened with the administrator's key. */
async function dump(dataDir: string, upToAuditSeq: number): Promise<Record<string, string[]>> {
  const db = await Db.open(join(dataDir, 'mamori.db'), await adminDataKey(dataDir), { create: false, readOnly: true });
  try {
    const tables = await db.pragma<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name");
    const out: Record<string, string[]> = {};
    // The register of backups is written after the backup is made, so it is not in it.
    for (const { name } of tables.filter((t) => t.name !== 'backups')) {
      const where = name === 'audit_log' ? ` WHERE seq <= ${upToAuditSeq}` : '';
      out[name] = (await db.read((tx) => tx.all(`SELECT * FROM "${name}"${where}`))).map((r) => JSON.stringify(r)).sort();
    }
    return out;
  } finally {
    await db.close();
  }
}

describe('a verified backup', () => {
  it('is one file holding nothing readable, registered with its audit entry', async () => {
    const bytes = readFileSync(base.backup);
    expect(bytes.subarray(0, 14).toString('latin1')).toBe('MAMORI-BACKUP\n');
    expect(bytes.includes(Buffer.from(MARKER))).toBe(false);
    expect(bytes.includes(Buffer.from(ADMIN.username))).toBe(false);
    expect(base.record).toMatchObject({ fileName: 'first.mamori-backup', caseCount: 1, createdBy: ADMIN.displayName });
    expect(base.record.bytes).toBe(bytes.length);
    // Nothing half-made is left beside it or in the data directory.
    expect(readdirSync(join(base.dataDir, '..')).filter((n) => n.includes('partial'))).toEqual([]);
    expect(readdirSync(base.dataDir).filter((n) => n.startsWith('backup-copy-'))).toEqual([]);
  });

  it('round-trips: restored into a new directory, every table equal, the chain intact, backup-time passphrases sign in', async () => {
    const target = join(workDir(), 'restored');
    const { core, dialogs } = coreOn(target);
    dialogs.source = base.backup;
    const result = await ok<RestoreResult>(core, 'backup:restoreInto', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(result).toMatchObject({ caseCount: 1, setAside: null });
    expect(await dump(target, result.auditSeq)).toEqual(await dump(base.dataDir, result.auditSeq));
    const db = await Db.open(join(target, 'mamori.db'), await adminDataKey(target), { create: false, readOnly: true });
    try {
      const chain = await verifyChain(db, await adminAuditKey(target));
      expect(chain.intact).toBe(true);
      // The first entry after the backup's head records the restore: which backup, by whom.
      const after = await db.read((tx) => tx.all<{ action: string; actor_id: string; details: string }>('SELECT action, actor_id, details FROM audit_log WHERE seq > ?', [result.auditSeq]));
      expect(after[0].action).toBe('vault.restored');
      expect(JSON.parse(after[0].details)).toMatchObject({ backupAuditSeq: result.auditSeq, backupCaseCount: 1 });
    } finally {
      await db.close();
    }
    // The backup restored from is in the restored vault's register: not "never backed up".
    await signInAdmin(core);
    const status = await ok<BackupStatus>(core, 'backup:status');
    const file = readFileSync(base.backup);
    expect(status.recent).toEqual([
      expect.objectContaining({ fileName: basename(base.backup), bytes: file.length, sha256: createHash('sha256').update(file).digest('hex'), caseCount: 1, auditSeq: result.auditSeq }),
    ]);
    expect(status.daysSince).not.toBeNull();
    await core.lock('user');
    await ok(core, 'session:signIn', OFFICER);
    const found = await ok<{ rows: { id: string }[] }>(core, 'cases:list', {});
    expect(found.rows.map((c) => c.id)).toEqual([base.caseId]);
    await core.close();
  });

  it('tells the administrator when the last one was made, and reminds when it is overdue', async () => {
    const dir = cloneBase();
    const { core, clock } = coreOn(dir);
    await signInAdmin(core);
    expect(await ok<BackupStatus>(core, 'backup:status')).toMatchObject({ daysSince: 0, overdue: false, reminderDays: 7 });
    clock.now = NOW + 8 * DAY;
    await core.lock('user');
    await signInAdmin(core);
    expect(await ok<BackupStatus>(core, 'backup:status')).toMatchObject({ daysSince: 8, overdue: true });
    expect(await ok<BackupStatus>(core, 'backup:setReminder', { days: 30 })).toMatchObject({ daysSince: 8, overdue: false, reminderDays: 30 });
    expect(await code(core.dispatch('backup:setReminder', { days: 0 }))).toBe('INVALID_INPUT');
    await core.close();
  });

  it('is refused to anyone but an administrator', async () => {
    const dir = cloneBase();
    const { core } = coreOn(dir);
    await ok(core, 'session:signIn', OFFICER);
    expect(await code(core.dispatch('backup:create', {}))).toBe('FORBIDDEN');
    expect(await code(core.dispatch('backup:status', {}))).toBe('FORBIDDEN');
    await core.close();
  });

  it('leaves nothing behind and changes nothing when the disk fills up part-way', async () => {
    const dir = cloneBase();
    const out = workDir();
    const session = await signIn(dir, ADMIN.username, ADMIN.passphrase, NOW);
    let written = 0;
    const fullDisk: WriteIo = {
      async open() {
        return {
          write: async (chunk: Buffer) => {
            written += chunk.length;
            if (written > 20_000) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          },
          sync: async () => undefined,
          close: async () => undefined,
        };
      },
    };
    const before = readFileSync(join(dir, 'keyslots.json'));
    await expect(createBackup(session.vault, { target: join(out, 'full'), createdBy: session.user.id, now: NOW, io: fullDisk })).rejects.toMatchObject({ code: 'BACKUP_WRITE_FAILED' });
    await endSession(session, 'sign-out', NOW);
    expect(readdirSync(out)).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.startsWith('backup-copy-'))).toEqual([]);
    expect(readFileSync(join(dir, 'keyslots.json'))).toEqual(before);
  });

  it('names a place it cannot write to, and records the failure', async () => {
    const dir = cloneBase();
    const { core, dialogs } = coreOn(dir);
    await signInAdmin(core);
    dialogs.target = join(workDir(), 'no', 'such', 'folder', 'x');
    expect(await code(core.dispatch('backup:create', {}))).toBe('BACKUP_WRITE_FAILED');
    dialogs.target = null;
    expect(await code(core.dispatch('backup:create', {}))).toBe('BACKUP_CANCELLED');
    const { entries } = await ok<{ entries: { action: string; details: Record<string, unknown> }[] }>(core, 'audit:list', { filter: {}, limit: 5 });
    expect(entries.find((e) => e.action === 'vault.backup-failed')?.details).toEqual({ code: 'BACKUP_WRITE_FAILED' });
    await core.close();
  });
});

describe('a backup file that is not what was written', () => {
  async function restoreFrom(file: string): Promise<string> {
    const { core, dialogs } = coreOn(join(workDir(), 'restored'));
    dialogs.source = file;
    const r = await code(core.dispatch('backup:restoreInto', { username: ADMIN.username, passphrase: ADMIN.passphrase }));
    await core.close();
    return r;
  }

  function variant(edit: (bytes: Buffer) => Buffer): string {
    const file = join(workDir(), 'edited.mamori-backup');
    writeFileSync(file, edit(Buffer.from(readFileSync(base.backup))));
    return file;
  }

  const parts = async () => {
    const f = await openBackupFile(base.backup);
    await f.close();
    return f.header.parts;
  };

  it('is refused with a named reason, and nothing is restored', async () => {
    const { keyslots, database } = await parts();
    const flip = (at: number) => (b: Buffer) => ((b[at] ^= 0x01), b);
    const cases: [string, string][] = [
      ['not a backup', variant(() => Buffer.from('%PDF-1.4 just some file\n'))],
      ['truncated', variant((b) => b.subarray(0, b.length - 100))],
      ['cut in the middle', variant((b) => b.subarray(0, database.offset + 4096))],
      ['database part edited', variant(flip(database.offset + database.length - 2000))],
      ['keyslots part edited', variant(flip(keyslots.offset + 5))],
      ['header edited', variant((b) => {
        const at = b.lastIndexOf('"vaultId":"') + '"vaultId":"'.length;
        b[at] = b[at] === 0x61 ? 0x62 : 0x61;
        return b;
      })],
    ];
    const codes = Object.fromEntries(await Promise.all(cases.map(async ([name, file]) => [name, await restoreFrom(file)] as const)));
    expect(codes).toEqual({
      'not a backup': 'BACKUP_UNREADABLE',
      truncated: 'BACKUP_TRUNCATED',
      'cut in the middle': 'BACKUP_TRUNCATED',
      'database part edited': 'BACKUP_PART_ALTERED',
      'keyslots part edited': 'BACKUP_PART_ALTERED',
      'header edited': 'BACKUP_MANIFEST_ALTERED',
    });
  });

  it('refuses parts swapped between two backups of the same vault', async () => {
    // A second backup after a change: same vault, same layout, different database.
    const dir = cloneBase();
    const { core, dialogs } = coreOn(dir);
    await signInAdmin(core);
    await ok(core, 'settings:update', { autoLockMinutes: 12 });
    dialogs.target = join(workDir(), 'second');
    await ok(core, 'backup:create');
    await core.close();
    const first = readFileSync(base.backup);
    const second = readFileSync(`${dialogs.target}.mamori-backup`);
    const a = await openBackupFile(base.backup);
    const b = await openBackupFile(`${dialogs.target}.mamori-backup`);
    await a.close();
    await b.close();
    const da = a.header.parts.database;
    const db = b.header.parts.database;
    // The second backup's database inside the first's container.
    const swapped = Buffer.concat([first.subarray(0, da.offset), second.subarray(db.offset, db.offset + db.length), first.subarray(da.offset + da.length)]);
    const file = join(workDir(), 'swapped.mamori-backup');
    writeFileSync(file, swapped);
    expect(await restoreFrom(file)).toBe(da.length === db.length ? 'BACKUP_PART_ALTERED' : 'BACKUP_MANIFEST_ALTERED');
  });

  it('refuses a backup from a newer schema, and one whose passphrases are not known', async () => {
    const f = await openBackupFile(base.backup);
    const key = await adminDataKey(base.dataDir);
    const manifest = openManifest(key, f.header);
    const bytes = readFileSync(base.backup);
    await f.close();
    const header = Buffer.from(JSON.stringify(sealManifest(key, { ...manifest, schemaVersion: manifest.schemaVersion + 10 }, f.header.parts)));
    const trailer = Buffer.alloc(16);
    trailer.writeUInt32BE(header.length, 0);
    Buffer.from('MAMORI-END\n\0', 'latin1').copy(trailer, 4);
    const headerStart = f.header.parts.database.offset + f.header.parts.database.length;
    const newer = join(workDir(), 'newer.mamori-backup');
    writeFileSync(newer, Buffer.concat([bytes.subarray(0, headerStart), header, trailer]));
    expect(await restoreFrom(newer)).toBe('BACKUP_NEWER');

    const { core, dialogs } = coreOn(join(workDir(), 'restored'));
    dialogs.source = base.backup;
    expect(await code(core.dispatch('backup:restoreInto', { username: ADMIN.username, passphrase: 'not the passphrase of then' }))).toBe('BACKUP_KEYS_UNKNOWN');
    // An officer's passphrase opens the backup, but only an administrator restores it.
    expect(await code(core.dispatch('backup:restoreInto', OFFICER))).toBe('FORBIDDEN');
    await core.close();
  });
});

describe('restore', () => {
  it('refuses a data directory that is not empty, and leaves it alone', async () => {
    const target = workDir();
    writeFileSync(join(target, 'notes.txt'), 'someone else’s file');
    const { core, dialogs } = coreOn(target);
    dialogs.source = base.backup;
    expect(await code(core.dispatch('backup:restoreInto', { username: ADMIN.username, passphrase: ADMIN.passphrase }))).toBe('RESTORE_TARGET_NOT_EMPTY');
    expect(readdirSync(target)).toEqual(['notes.txt']);
  });

  it('removes a stale WAL from an otherwise empty directory before restoring', async () => {
    const target = workDir();
    writeFileSync(join(target, 'mamori.db-wal'), Buffer.alloc(4096, 7));
    const { core, dialogs } = coreOn(target);
    dialogs.source = base.backup;
    await ok(core, 'backup:restoreInto', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await signInAdmin(core);
    await core.close();
  });

  it('replaces the current vault for a signed-in administrator who types its code, keeping the old one aside', async () => {
    const dir = cloneBase();
    const { core, dialogs } = coreOn(dir);
    await signInAdmin(core);
    const { vaultCode } = await ok<BackupStatus>(core, 'backup:status');
    await ok(core, 'settings:update', { autoLockMinutes: 12 });
    dialogs.source = base.backup;
    expect(await code(core.dispatch('backup:restore', { username: ADMIN.username, passphrase: ADMIN.passphrase, confirmation: 'WRONG123' }))).toBe('RESTORE_CONFIRMATION_MISMATCH');
    // Still signed in: nothing happened.
    expect((await ok<{ autoLockMinutes: number }>(core, 'settings:get')).autoLockMinutes).toBe(12);
    const oldDb = readFileSync(join(dir, 'mamori.db'));
    const result = await ok<RestoreResult>(core, 'backup:restore', { username: ADMIN.username, passphrase: ADMIN.passphrase, confirmation: vaultCode.toLowerCase() });
    expect(result.setAside).toMatch(/^replaced-/);
    expect(existsSync(join(dir, result.setAside!, 'mamori.db'))).toBe(true);
    expect(readFileSync(join(dir, result.setAside!, 'mamori.db')).subarray(0, 4096)).toEqual(oldDb.subarray(0, 4096));
    expect(await code(core.dispatch('settings:get', {}))).toBe('NOT_SIGNED_IN');
    // The head record is the restore's own: the restored vault opens, with the backup's settings.
    await signInAdmin(core);
    expect((await ok<{ autoLockMinutes: number }>(core, 'settings:get')).autoLockMinutes).not.toBe(12);
    await core.close();
    // A database put back behind the app's back is still refused.
    cpSync(join(dir, result.setAside!, 'mamori.db'), join(dir, 'mamori.db'));
    const again = coreOn(dir).core;
    expect(await code(again.dispatch('session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase }))).toBe('VAULT_ROLLED_BACK');
  });

  it('never puts a backup of another vault in place of this one', async () => {
    const other = join(workDir(), 'other');
    const { core } = coreOn(other);
    await ok(core, 'vault:create', { username: ADMIN.username, displayName: ADMIN.displayName, passphrase: ADMIN.passphrase, locale: 'en' });
    await signInAdmin(core);
    const { vaultCode } = await ok<BackupStatus>(core, 'backup:status');
    const dialogs = { source: base.backup };
    const c2 = createCore({ dataDir: other, now: () => NOW, backupDialogs: { chooseBackupTarget: async () => null, chooseBackupSource: async () => dialogs.source } });
    await core.close();
    await signInAdmin(c2);
    expect(await code(c2.dispatch('backup:restore', { username: ADMIN.username, passphrase: ADMIN.passphrase, confirmation: vaultCode }))).toBe('BACKUP_FOREIGN');
    await c2.close();
  });

  it('restores over a damaged vault from the signed-out screen, keeping the damaged file as it was', async () => {
    const dir = cloneBase();
    const db = join(dir, 'mamori.db');
    const bytes = readFileSync(db);
    bytes[100] ^= 0xff;
    writeFileSync(db, bytes);
    const { core, dialogs } = coreOn(dir);
    expect(await code(core.dispatch('session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase }))).toBe('VAULT_DAMAGED');
    const diag = await ok<{ state: string; vaultCode: string; details: string }>(core, 'vault:diagnostics');
    expect(diag.state).toBe('damaged');
    expect(diag.details).toContain('mamori.db');
    expect(diag.details).not.toContain(ADMIN.username);
    dialogs.source = base.backup;
    // A vault that opens is not replaced from here; one that is damaged is, with its code and a passphrase that opens its keyslots.
    expect(await code(core.dispatch('backup:restoreInto', { username: ADMIN.username, passphrase: ADMIN.passphrase }))).toBe('RESTORE_TARGET_NOT_EMPTY');
    expect(await code(core.dispatch('backup:restoreInto', { username: ADMIN.username, passphrase: 'wrong passphrase', confirmation: diag.vaultCode }))).toBe('BAD_CREDENTIALS');
    const result = await ok<RestoreResult>(core, 'backup:restoreInto', { username: ADMIN.username, passphrase: ADMIN.passphrase, confirmation: diag.vaultCode });
    expect(readFileSync(join(dir, result.setAside!, 'mamori.db'))).toEqual(bytes);
    await ok(core, 'session:signIn', OFFICER);
    await core.close();
  });

  it('does not replace a healthy vault from the signed-out screen', async () => {
    const dir = cloneBase();
    const { core, dialogs } = coreOn(dir);
    const { vaultCode } = await ok<{ vaultCode: string }>(core, 'vault:diagnostics');
    dialogs.source = base.backup;
    expect(await code(core.dispatch('backup:restoreInto', { username: ADMIN.username, passphrase: ADMIN.passphrase, confirmation: vaultCode }))).toBe('RESTORE_TARGET_NOT_EMPTY');
    expect(readdirSync(dir).some((n) => n.startsWith('replaced-'))).toBe(false);
  });
});

describe('key rotation', () => {
  it('replaces the data key and the recovery key; every passphrase still opens the vault, old backups open with theirs', async () => {
    const dir = cloneBase();
    const { core } = coreOn(dir);
    const keyBefore = await adminDataKey(dir);
    await signInAdmin(core);
    expect(await code(core.dispatch('vault:rotateKey', { reason: 'no' }))).toBe('INVALID_INPUT');
    const rotated = await ok<{ generation: number; recoveryKey: string; accountsNeedingReset: unknown[] }>(core, 'vault:rotateKey', { reason: 'Officer left the unit' });
    expect(rotated).toMatchObject({ generation: 2, accountsNeedingReset: [] });
    // The session goes on with the new key.
    await ok(core, 'settings:update', { autoLockMinutes: 9 });
    await ok(core, 'session:signOut');
    const keyAfter = await adminDataKey(dir);
    expect(keyAfter.equals(keyBefore)).toBe(false);
    await expect(Db.open(join(dir, 'mamori.db'), keyBefore, { create: false })).rejects.toMatchObject({ code: 'VAULT_DAMAGED' });
    await ok(core, 'session:signIn', OFFICER);
    await ok(core, 'session:signOut');
    // The audit chain (its own key, kept in the vault) verifies across the rotation.
    const db = await Db.open(join(dir, 'mamori.db'), keyAfter, { create: false, readOnly: true });
    expect((await verifyChain(db, await adminAuditKey(dir))).intact).toBe(true);
    await db.close();
    // The old recovery key opens nothing; the new one does.
    const newPass = 'recovered admin passphrase 1';
    expect(await code(core.dispatch('vault:recover', { username: ADMIN.username, recoveryKey: 'AB12-CD34-EF56-GH78-JK90-MN12-PQ34-RS56-TV78-WX90-YZ12-AB34-K7Q2', newPassphrase: newPass }))).toBe('RECOVERY_KEY_INVALID');
    await ok(core, 'vault:recover', { username: ADMIN.username, recoveryKey: rotated.recoveryKey, newPassphrase: newPass });
    await ok(core, 'session:signIn', { username: ADMIN.username, passphrase: newPass });
    await core.close();
    // The backup from before the rotation opens with the passphrase of its time.
    const target = join(workDir(), 'from-old');
    const restored = coreOn(target);
    restored.dialogs.source = base.backup;
    await ok(restored.core, 'backup:restoreInto', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await restored.core.close();
  });

  it('re-issues the recovery key on request, and after it has been used', async () => {
    const dir = cloneBase();
    const { core } = coreOn(dir);
    await signInAdmin(core);
    const { recoveryKey } = await ok<{ recoveryKey: string }>(core, 'vault:reissueRecoveryKey', { reason: 'Envelope seal was found broken' });
    await ok(core, 'session:signOut');
    const { recoveryKey: next } = await ok<{ recoveryKey: string }>(core, 'vault:recover', { username: ADMIN.username, recoveryKey, newPassphrase: 'another admin passphrase' });
    expect(next).not.toBe(recoveryKey);
    expect(await code(core.dispatch('vault:recover', { username: ADMIN.username, recoveryKey, newPassphrase: 'yet another passphrase' }))).toBe('RECOVERY_KEY_INVALID');
    await ok(core, 'vault:recover', { username: ADMIN.username, recoveryKey: next, newPassphrase: 'yet another passphrase' });
    await core.close();
  });

  /** Turns the officer's keyslot back into format 1 (the data key wrapped directly under the passphrase key), in a format-1 file. */
  async function legacyOfficerSlot(dir: string): Promise<void> {
    const path = join(dir, 'keyslots.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    const key = await adminDataKey(dir);
    const slot = file.slots.find((s: { kind: string; lookup?: string }) => s.kind === 'user' && s.lookup === usernameLookup(file.vaultId, OFFICER.username));
    const salt = randomBytes(16);
    const kek = await scryptKey(normalisePassphrase(OFFICER.passphrase), salt, SCRYPT_PARAMS);
    const legacy = {
      kind: 'user',
      id: slot.id,
      userId: slot.userId,
      lookup: slot.lookup,
      kdf: { name: 'scrypt', N: SCRYPT_PARAMS.N, r: SCRYPT_PARAMS.r, p: SCRYPT_PARAMS.p, salt: salt.toString('base64') },
      wrapped: wrapKey(key, kek, `mamori-slot-v1\0${file.vaultId}\0${slot.id}\0user\0${slot.userId}`),
    };
    const { generation: _g, ...rest } = file;
    writeFileSync(path, JSON.stringify({ ...rest, format: 1, slots: file.slots.map((s: unknown) => (s === slot ? legacy : s)) }));
  }

  it('reads a format-1 keyslot and upgrades it at its user\'s next sign-in', async () => {
    const dir = cloneBase();
    await legacyOfficerSlot(dir);
    const { core } = coreOn(dir);
    await signInAdmin(core);
    const before = await ok<{ generation: number; accountsNotRotatable: { displayName: string }[] }>(core, 'vault:keys');
    expect(before).toMatchObject({ generation: 1, accountsNotRotatable: [{ displayName: 'Officer Aoki' }] });
    await ok(core, 'session:signOut');
    await ok(core, 'session:signIn', OFFICER);
    await ok(core, 'session:signOut');
    expect(JSON.parse(readFileSync(join(dir, 'keyslots.json'), 'utf8')).format).toBe(2);
    await signInAdmin(core);
    expect((await ok<{ accountsNotRotatable: unknown[] }>(core, 'vault:keys')).accountsNotRotatable).toEqual([]);
    await core.close();
  });

  it('names the accounts a rotation cannot reach (format-1 slots): they need a passphrase reset', async () => {
    const dir = cloneBase();
    await legacyOfficerSlot(dir);
    const { core } = coreOn(dir);
    await signInAdmin(core);
    const rotated = await ok<{ accountsNeedingReset: { displayName: string }[] }>(core, 'vault:rotateKey', { reason: 'Staff member left' });
    expect(rotated.accountsNeedingReset.map((a) => a.displayName)).toEqual(['Officer Aoki']);
    await ok(core, 'session:signOut');
    expect(await code(core.dispatch('session:signIn', OFFICER))).toBe('BAD_CREDENTIALS');
    await core.close();
  });
});

describe('the vault folder', () => {
  it('has only owner-readable files after backup and restore', async () => {
    const target = join(workDir(), 'perm');
    mkdirSync(target);
    const { core, dialogs } = coreOn(target);
    dialogs.source = base.backup;
    await ok(core, 'backup:restoreInto', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const { statSync } = await import('node:fs');
    for (const name of readdirSync(target)) expect((statSync(join(target, name)).mode & 0o077).toString(8)).toBe('0');
    await core.close();
  });
});

export type { MamoriCoreApi };
