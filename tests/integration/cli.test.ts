import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { createCore } from '../../electron/core/index';
import { ok, removeDir, tempDir } from '../fixtures/vault';
import { withRawVault } from '../fixtures/raw';

const root = resolve(__dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const base = tempDir('mamori-cli-');
afterAll(() => removeDir(base));

/** The test vault's administrator is the fixtures' ADMIN so raw.ts can open it too. */
const ADMIN_NAME = 'admin.sato';
const PASS = 'a long test passphrase 01';

function cli(args: string[], passphrase: string | null = PASS) {
  const env = { ...process.env };
  delete env.MAMORI_PASSPHRASE;
  if (passphrase !== null) env.MAMORI_PASSPHRASE = passphrase;
  const r = spawnSync(tsx, [join(root, 'electron/cli/main.ts'), ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function createVault(name: string) {
  const dir = join(base, name);
  const r = cli(['vault', 'create', '--data-dir', dir, '--admin', ADMIN_NAME]);
  expect(r.code, r.err).toBe(0);
  return { dir, out: r.out };
}

describe('the command line', () => {
  it('creates a vault, prints the recovery key once, and reports status', () => {
    const { dir, out } = createVault('a');
    expect(out).toMatch(/RECOVERY KEY/);
    expect(out).toMatch(/([0-9A-Z]{4}-){12}[0-9A-Z]{4}/);
    const s = cli(['vault', 'status', '--data-dir', dir, '--user', ADMIN_NAME]);
    expect(s.code).toBe(0);
    expect(s.out).toMatch(/exists:\s+yes/);
    expect(s.out).toMatch(new RegExp(`schema version:\\s+${SCHEMA_VERSION} `));
    expect(s.out).toMatch(/active users:\s+1/);
    expect(s.out).toMatch(/audit head:\s+#\d+ [0-9a-f]{16}/);
    expect(cli(['vault', 'status', '--data-dir', join(base, 'none')]).out).toMatch(/exists:\s+no/);
  });

  it('verifies an intact vault and chain with exit code 0', () => {
    const { dir } = createVault('b');
    const first = cli(['audit', 'verify', '--data-dir', dir, '--user', ADMIN_NAME]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toMatch(/signatures: \d+ checked, every entry's/);
    // The first verification's record is the checkpoint of the next; --all-signatures checks them all again.
    const second = cli(['audit', 'verify', '--data-dir', dir, '--user', ADMIN_NAME]);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/every entry after #\d+ and every key registration; before that, checkpoint #\d+ of verification #\d+/);
    const deep = cli(['audit', 'verify', '--data-dir', dir, '--user', ADMIN_NAME, '--all-signatures']);
    expect(deep.code).toBe(0);
    expect(deep.out).toMatch(/signatures: \d+ checked, every entry's/);
    const v = cli(['vault', 'verify', '--data-dir', dir, '--user', ADMIN_NAME]);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/vault intact/);
  });

  it('finds a vault rolled back behind an anchor written down earlier, even with its head record rolled back too', () => {
    const { dir } = createVault('anchor');
    const files = ['mamori.db', 'keyslots.json', 'head.json'].map((f) => join(dir, f));
    const before = files.map((f) => readFileSync(f));
    // Work goes on; an auditor writes down the head as an anchor.
    expect(cli(['vault', 'status', '--data-dir', dir, '--user', ADMIN_NAME]).code).toBe(0);
    const first = cli(['audit', 'verify', '--data-dir', dir, '--user', ADMIN_NAME]);
    const anchor = /\(anchor: (\d+:[0-9a-f]{16})\)/.exec(first.out)?.[1];
    expect(anchor, first.out).toBeDefined();
    const ok = cli(['audit', 'verify', '--data-dir', dir, '--user', ADMIN_NAME, '--anchor', anchor!.slice(0, anchor!.indexOf(':') + 9)]);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toMatch(/present and unchanged/);

    // An insider puts the whole folder back as it was: the chain and the head record agree with each other.
    files.forEach((f, i) => writeFileSync(f, before[i]));
    const rolled = cli(['audit', 'verify', '--data-dir', dir, '--user', ADMIN_NAME, '--anchor', anchor!]);
    expect(rolled.out).toMatch(/audit chain intact/);
    expect(rolled.out).toMatch(new RegExp(`anchor ${anchor}: MISSING`));
    expect(rolled.code).toBe(1);
    expect(cli(['audit', 'verify', '--data-dir', dir, '--user', ADMIN_NAME, '--anchor', '12:xyz']).code).toBe(2);
  });

  it('lets only an administrator verify the vault file, and records it in the trail', async () => {
    const { dir } = createVault('roles');
    const core = createCore({ dataDir: dir });
    await ok(core, 'session:signIn', { username: ADMIN_NAME, passphrase: PASS });
    const made = await ok<{ temporaryPassphrase: string }>(core, 'users:create', { username: 'auditor.k', displayName: 'Auditor Kato', role: 'auditor' });
    await ok(core, 'session:signOut');
    await ok(core, 'session:signIn', { username: 'auditor.k', passphrase: made.temporaryPassphrase });
    await ok(core, 'session:changePassphrase', { currentPassphrase: made.temporaryPassphrase, newPassphrase: 'auditor k passphrase 22' });
    await core.close();

    const refused = cli(['vault', 'verify', '--data-dir', dir, '--user', 'auditor.k'], 'auditor k passphrase 22');
    expect(refused.code).not.toBe(0);
    expect(refused.out).not.toMatch(/vault intact/);
    expect(cli(['vault', 'verify', '--data-dir', dir, '--user', ADMIN_NAME]).code).toBe(0);

    const again = createCore({ dataDir: dir });
    await ok(again, 'session:signIn', { username: 'auditor.k', passphrase: 'auditor k passphrase 22' });
    const { entries } = await ok<{ entries: { action: string; actorName: string | null }[] }>(again, 'audit:list', { filter: { action: 'vault.verified' } });
    expect(entries.map((e) => e.actorName)).toEqual([expect.any(String)]);
    await again.close();
  });

  it('names the first broken audit entry and exits 1', async () => {
    const { dir } = createVault('c');
    await withRawVault(dir, async (tx) => {
      await tx.exec('DROP TRIGGER audit_log_no_update');
      await tx.run("UPDATE audit_log SET actor_role = 'auditor' WHERE seq = 2");
    });
    const r = cli(['audit', 'verify', '--data-dir', dir, '--user', ADMIN_NAME]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/first broken entry #2/);
  });

  it('reports a damaged page by number and exits 1', async () => {
    const { dir } = createVault('d');
    const db = join(dir, 'mamori.db');
    expect(statSync(db).size / 4096).toBeGreaterThan(3);
    // A page of the audit trail's table: opening the vault does not read it, verification does.
    const page = await withRawVault(dir, async (tx) => (await tx.get<{ rootpage: number }>("SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'"))!.rootpage);
    const bytes = readFileSync(db);
    bytes[4096 * (page - 1) + 200] ^= 0x55;
    writeFileSync(db, bytes);
    const r = cli(['vault', 'verify', '--data-dir', dir, '--user', ADMIN_NAME]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`page checks:\\s+DAMAGED.*page ${page}\\b`));
    expect(r.out).toMatch(/vault DAMAGED/);
  });

  it('seeds synthetic cases that the demo staff can work with', async () => {
    const { dir } = createVault('f');
    const r = cli(['demo', 'seed', '--data-dir', dir, '--user', ADMIN_NAME, '--cases', '60']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/60 synthetic cases written/);
    const core = createCore({ dataDir: dir });
    await ok(core, 'session:signIn', { username: 'demo.supervisor', passphrase: PASS });
    const all = await ok<{ total: number; rows: { id: string; reference: string }[] }>(core, 'cases:list', { limit: 200 });
    expect(all.total).toBe(60);
    expect(new Set(all.rows.map((x) => x.reference)).size).toBe(60);
    const one = await ok<{ timeline: { kind: string; body?: string | null }[]; person: { nationality: string } }>(core, 'cases:get', { caseId: all.rows[0].id });
    expect(one.timeline.some((t) => t.kind === 'note' && /Not a real person/.test(t.body ?? ''))).toBe(true);
    const found = await ok<{ total: number }>(core, 'cases:list', { filter: { query: 'synthetic case generated' } });
    expect(found.total).toBe(60);
    await core.lock('user');
    await ok(core, 'session:signIn', { username: 'demo.officer1', passphrase: PASS });
    const mine = await ok<{ total: number }>(core, 'cases:list', {});
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan(60);
    await core.close();
    expect(cli(['vault', 'verify', '--data-dir', dir, '--user', ADMIN_NAME]).code).toBe(0);
  });

  it('fails with one clear line, never a stack trace, and takes no passphrase from argv', () => {
    const { dir } = createVault('e');
    const wrong = cli(['vault', 'verify', '--data-dir', dir, '--user', ADMIN_NAME], 'not the passphrase');
    expect(wrong.code).toBe(1);
    expect(wrong.err.trim()).toBe('mamori: The user name or passphrase is not correct.');
    const argv = cli(['vault', 'verify', '--data-dir', dir, '--user', ADMIN_NAME, '--passphrase', PASS]);
    expect(argv.code).toBe(2);
    expect(argv.err).not.toMatch(/\n\s+at /);
    const none = cli(['vault', 'status', '--data-dir', dir, '--user', ADMIN_NAME], null);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/set MAMORI_PASSPHRASE/);
  });

  it('backs up, restores into a new directory, rotates the key and re-issues the recovery key, each with exit 0 only on success', () => {
    const { dir } = createVault('g');
    const file = join(base, 'g-backup');
    const backup = cli(['vault', 'backup', '--data-dir', dir, '--user', ADMIN_NAME, '--to', file]);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toMatch(/verified backup written: g-backup\.mamori-backup/);
    expect(backup.err).toBe('');
    const target = join(base, 'g-restored');
    const restore = cli(['vault', 'restore', '--from', `${file}.mamori-backup`, '--data-dir', target, '--user', ADMIN_NAME]);
    expect(restore.code, restore.err).toBe(0);
    expect(restore.out).toMatch(/restored the backup of/);
    // Restoring again into the now non-empty directory is refused, with the app's message.
    const again = cli(['vault', 'restore', '--from', `${file}.mamori-backup`, '--data-dir', target, '--user', ADMIN_NAME]);
    expect(again.code).toBe(1);
    expect(again.err.trim()).toBe('mamori: The data folder is not empty. Restore into an empty folder, or replace the current vault after confirming with its vault ID.');
    const noReason = cli(['vault', 'rotate-key', '--data-dir', dir, '--user', ADMIN_NAME]);
    expect(noReason.code).toBe(2);
    const rotate = cli(['vault', 'rotate-key', '--data-dir', dir, '--user', ADMIN_NAME, '--reason', 'Administrator left the unit']);
    expect(rotate.code, rotate.err).toBe(0);
    expect(rotate.out).toMatch(/generation 2/);
    expect(rotate.out).toMatch(/NEW RECOVERY KEY[\s\S]*([0-9A-Z]{4}-){12}[0-9A-Z]{4}/);
    const reissue = cli(['vault', 'recovery-key', '--reissue', '--data-dir', dir, '--user', ADMIN_NAME, '--reason', 'Envelope seal broken']);
    expect(reissue.code, reissue.err).toBe(0);
    expect(cli(['vault', 'verify', '--data-dir', dir, '--user', ADMIN_NAME]).code).toBe(0);
    const truncated = join(base, 'g-truncated.mamori-backup');
    writeFileSync(truncated, readFileSync(`${file}.mamori-backup`).subarray(0, 5000));
    const bad = cli(['vault', 'restore', '--from', truncated, '--data-dir', join(base, 'g-other'), '--user', ADMIN_NAME]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^mamori: This backup file is incomplete/);
  });
});
