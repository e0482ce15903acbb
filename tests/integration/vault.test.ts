import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { headRecorded } from '../../electron/core/audit/head';
import { ADMIN, code, filesOf, newVault, ok, removeDir, signInAdmin } from '../fixtures/vault';
import { withRawVault } from '../fixtures/raw';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeDir(d);
});
const track = (dir: string) => (dirs.push(join(dir, '..')), dir);
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('the vault', () => {
  it('keeps what was written across lock and a new process-level core', async () => {
    const { dataDir, core } = await newVault();
    track(dataDir);
    await signInAdmin(core);
    await ok(core, 'settings:update', { autoLockMinutes: 12 });
    await ok(core, 'users:setLocale', { locale: 'ja' });
    await ok(core, 'session:lock', { reason: 'user' });
    expect((await core.dispatch('settings:get', {})).ok).toBe(false);

    const reopened = createCore({ dataDir });
    const info = await ok<{ user: { locale: string; role: string }; settings: { autoLockMinutes: number } }>(reopened, 'session:signIn', {
      username: ADMIN.username,
      passphrase: ADMIN.passphrase,
    });
    expect(info.settings.autoLockMinutes).toBe(12);
    expect(info.user.locale).toBe('ja');
    expect(info.user.role).toBe('administrator');
    await reopened.close();
  });

  it('creates owner-only files and a database that is not plain SQLite', async () => {
    const { dataDir, core } = await newVault();
    track(dataDir);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    await signInAdmin(core);
    for (const f of filesOf(dataDir)) expect(statSync(join(dataDir, f.name)).mode & 0o777, f.name).toBe(0o600);
    await core.close();
    const head = readFileSync(join(dataDir, 'mamori.db')).subarray(0, 16).toString('latin1');
    expect(head).not.toContain('SQLite format 3');
  });

  it('never writes a marker string in clear to any file of the data directory, open or closed', async () => {
    const marker = 'MARKER-7Q2X-FICTIONAL';
    const { dataDir, core } = await newVault({ displayName: `Officer ${marker}` });
    track(dataDir);
    const info = await signInAdmin(core);
    expect(JSON.stringify(info)).toContain(marker);
    const check = () => {
      for (const f of filesOf(dataDir)) {
        expect(f.bytes.includes(Buffer.from(marker, 'utf8')), `${f.name} (utf8)`).toBe(false);
        expect(f.bytes.includes(Buffer.from(marker, 'utf16le')), `${f.name} (utf16)`).toBe(false);
      }
    };
    // While open the WAL holds the latest pages; check them too.
    expect(filesOf(dataDir).map((f) => f.name)).toEqual(expect.arrayContaining(['mamori.db', 'keyslots.json', 'mamori.db-wal']));
    check();
    await core.close();
    check();
  });

  it('refuses a wrong passphrase with one clear error, leaves the database unchanged, and audits the failure', async () => {
    const { dataDir, core } = await newVault();
    track(dataDir);
    const db = join(dataDir, 'mamori.db');
    const before = sha(db);
    const wrong = await core.dispatch('session:signIn', { username: ADMIN.username, passphrase: 'not the right passphrase' });
    const unknown = await core.dispatch('session:signIn', { username: 'nobody.here', passphrase: 'not the right passphrase' });
    expect(wrong).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', message: 'The user name or passphrase is not correct.' } });
    expect(unknown).toEqual(wrong);
    expect(sha(db)).toBe(before);

    await signInAdmin(core);
    await core.close();
    await withRawVault(dataDir, async (raw) => {
      const rows = await raw.all<{ actor_id: string | null; details: string }>(
        "SELECT actor_id, details FROM audit_log WHERE action = 'session.sign-in-failed' ORDER BY seq",
      );
      expect(rows).toHaveLength(2);
      expect(JSON.parse(rows[0].details).account).toBe('known');
      expect(rows[0].actor_id).not.toBeNull();
      expect(JSON.parse(rows[1].details).account).toBe('unknown');
      // What was typed as a user name is never recorded.
      expect(JSON.stringify(rows)).not.toContain('nobody.here');
    });
  });

  it('reports a damaged page as "vault damaged", not a crash', async () => {
    const { dataDir, core } = await newVault();
    track(dataDir);
    const db = join(dataDir, 'mamori.db');
    const bytes = readFileSync(db);
    bytes[100] ^= 0xff;
    writeFileSync(db, bytes);
    const r = await core.dispatch('session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VAULT_DAMAGED');
      expect(r.error.message).toMatch(/damaged/);
    }
  });

  it('refuses a database from a future schema version without touching it', async () => {
    const { dataDir, core } = await newVault();
    track(dataDir);
    await withRawVault(dataDir, (raw) => raw.exec('PRAGMA user_version = 990'));
    const db = join(dataDir, 'mamori.db');
    const before = sha(db);
    const r = await core.dispatch('session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(r.ok ? 'ok' : r.error.code).toBe('VAULT_TOO_NEW');
    expect(sha(db)).toBe(before);
    await withRawVault(dataDir, async (raw) => expect((await raw.all<{ user_version: number }>('PRAGMA user_version'))[0].user_version).toBe(990));
  });

  it('refuses a second opener while the vault is open, and lets it in once closed', async () => {
    const { dataDir, core } = await newVault();
    track(dataDir);
    await signInAdmin(core);
    const second = createCore({ dataDir });
    const r = await second.dispatch('session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(r.ok ? 'ok' : r.error.code).toBe('VAULT_IN_USE');
    await ok(core, 'session:lock', { reason: 'user' });
    await signInAdmin(second);
    await second.close();
  });

  it('waits for a lock still closing the file: quitting, or signing in again, right after a lock', async () => {
    const { dataDir, core } = await newVault();
    track(dataDir);
    await signInAdmin(core);
    // The screen locks at once and core closes the file after; quit (close) and sign-in come meanwhile.
    const locking = core.lock('panic');
    await signInAdmin(core);
    await locking;
    void core.lock('user');
    await core.close();
    // Closed means closed: the writer lock is released and the file opens elsewhere at once.
    expect(existsSync(join(dataDir, 'mamori.lock'))).toBe(false);
    const next = createCore({ dataDir });
    await signInAdmin(next);
    await next.close();
  });

  it('refuses to create a vault over an existing one', async () => {
    const { dataDir } = await newVault();
    track(dataDir);
    const again = createCore({ dataDir });
    const r = await again.dispatch('vault:create', { username: 'other.admin', displayName: 'Other', passphrase: 'another long passphrase', locale: 'en' });
    expect(r.ok ? 'ok' : r.error.code).toBe('VAULT_EXISTS');
  });

  it('reports an older copy of the database put back after the last lock', async () => {
    const { dataDir, core } = await newVault();
    track(dataDir);
    const db = join(dataDir, 'mamori.db');
    const old = readFileSync(db);
    await signInAdmin(core);
    await ok(core, 'settings:update', { autoLockMinutes: 9 });
    await ok(core, 'session:lock', { reason: 'user' });
    writeFileSync(db, old);
    const r = await core.dispatch('session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(r.ok ? 'ok' : r.error.code).toBe('VAULT_ROLLED_BACK');
  });

  it('records the head after every commit, so an older copy put back after a crash is refused', async () => {
    const { dataDir, core } = await newVault();
    track(dataDir);
    const db = join(dataDir, 'mamori.db');
    const head = join(dataDir, 'head.json');
    const old = readFileSync(db);
    const seqOf = (record: Buffer) => (JSON.parse(record.toString('utf8')) as { seq: number }).seq;
    await signInAdmin(core);
    // The record is written in the background after each commit; wait for it, as a crash a moment later would.
    await headRecorded(head);
    const atSignIn = seqOf(readFileSync(head));
    await ok(core, 'settings:update', { autoLockMinutes: 9 });
    await headRecorded(head);
    // The process dies here, before any lock: what is on disk is what a crash leaves.
    const atCrash = readFileSync(head);
    expect(seqOf(atCrash)).toBe(atSignIn + 1);
    await ok(core, 'session:lock', { reason: 'user' });
    writeFileSync(head, atCrash);
    writeFileSync(db, old);
    expect(await code(core.dispatch('session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase }))).toBe('VAULT_ROLLED_BACK');
  });

  it('refuses a vault whose head record was deleted, until an administrator accepts it with a reason, audited', async () => {
    const { dataDir, core } = await newVault();
    track(dataDir);
    await signInAdmin(core);
    const made = await ok<{ temporaryPassphrase: string }>(core, 'users:create', { username: 'officer.h', displayName: 'Officer Hara', role: 'officer' });
    await ok(core, 'session:lock', { reason: 'user' });
    const head = join(dataDir, 'head.json');
    rmSync(head);

    expect(await code(core.dispatch('session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase }))).toBe('VAULT_HEAD_MISSING');
    expect(existsSync(head)).toBe(false);
    // Not by anyone else, nor without a reason that says something.
    expect(await code(core.dispatch('session:signIn', { username: 'officer.h', passphrase: made.temporaryPassphrase, acceptMissingHead: 'I deleted nothing' }))).toBe('VAULT_HEAD_MISSING');
    expect(await code(core.dispatch('session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase, acceptMissingHead: ' ok ' }))).toBe('INVALID_INPUT');
    expect(existsSync(head)).toBe(false);

    const reason = 'Head record lost when the disk was replaced (ticket 42)';
    await ok(core, 'session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase, acceptMissingHead: reason });
    expect(existsSync(head)).toBe(true);
    const trail = await ok<{ entries: { action: string; details: Record<string, unknown> }[] }>(core, 'audit:list', { filter: { action: 'vault.head-missing-accepted' } });
    expect(trail.entries.map((e) => e.details)).toEqual([{ reason }]);
    await ok(core, 'session:lock', { reason: 'user' });
    // The record is back: a plain sign-in opens again.
    await signInAdmin(core);
  });
});
