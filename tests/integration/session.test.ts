import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { ADMIN, cleanVaultsAfterEach, newVault, ok, removeDir, signInAdmin } from '../fixtures/vault';
import { withRawVault } from '../fixtures/raw';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const dirs = cleanVaultsAfterEach(afterEach);

/** A clock the test moves by hand. */
function manualClock(start = Date.UTC(2026, 10, 26, 9, 0, 0)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const wrong = { username: ADMIN.username, passphrase: 'definitely not it!!' };

describe('sign-in, throttling and locking', () => {
  it('throttles after repeated failures with a growing wait, then lets the right passphrase in', async () => {
    const clock = manualClock();
    const { dataDir, core } = await newVault({ now: clock.now });
    dirs.push(dataDir);
    for (let i = 0; i < 3; i++) expect((await core.dispatch('session:signIn', wrong)).ok).toBe(false);
    const throttled = await core.dispatch('session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(throttled.ok).toBe(false);
    if (!throttled.ok) {
      expect(throttled.error.code).toBe('THROTTLED');
      expect(throttled.error.retryAfterMs).toBe(1000);
    }
    clock.advance(1000);
    expect((await core.dispatch('session:signIn', wrong)).ok).toBe(false);
    const longer = await core.dispatch('session:signIn', wrong);
    expect(!longer.ok && longer.error.retryAfterMs).toBe(2000);
    clock.advance(2000);
    await signInAdmin(core);
    await core.close();
  });

  it('keeps the counter across a restart and treats a deleted or edited counter file as tampering', async () => {
    const clock = manualClock();
    const { dataDir, core } = await newVault({ now: clock.now });
    dirs.push(dataDir);
    for (let i = 0; i < 3; i++) await core.dispatch('session:signIn', wrong);
    const restarted = createCore({ dataDir, now: clock.now });
    const r = await restarted.dispatch('session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(!r.ok && r.error.code).toBe('THROTTLED');

    const path = join(dataDir, 'throttle.json');
    const edited = JSON.parse(readFileSync(path, 'utf8'));
    edited.accounts = {};
    writeFileSync(path, JSON.stringify(edited));
    const afterEdit = await restarted.dispatch('session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(!afterEdit.ok && afterEdit.error.code).toBe('THROTTLED');
    expect(!afterEdit.ok && afterEdit.error.retryAfterMs).toBe(5 * 60_000);

    rmSync(path);
    clock.advance(1000);
    const afterDelete = await restarted.dispatch('session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(!afterDelete.ok && afterDelete.error.code).toBe('THROTTLED');

    clock.advance(5 * 60_000);
    await signInAdmin(restarted);
    await restarted.close();
    const details = await withRawVault(dataDir, (tx) => tx.all<{ details: string }>("SELECT details FROM audit_log WHERE action = 'session.sign-in-failed'"));
    expect(details.some((d) => JSON.parse(d.details).throttleRecordTampered === true)).toBe(true);
  });

  it('locks after the idle time, refuses further calls and audits the reason', async () => {
    const clock = manualClock();
    const { dataDir, core } = await newVault({ now: clock.now });
    dirs.push(dataDir);
    const events: unknown[] = [];
    core.onEvent((name, payload) => events.push([name, payload]));
    await signInAdmin(core);
    clock.advance(4 * 60_000);
    await ok(core, 'session:touch');
    clock.advance(4 * 60_000);
    await ok(core, 'settings:get');
    clock.advance(5 * 60_000);
    const r = await core.dispatch('settings:get', {});
    expect(!r.ok && r.error.code).toBe('SESSION_EXPIRED');
    expect(events).toEqual([['session:locked', { reason: 'idle' }]]);
    expect(await ok(core, 'session:current')).toBeNull();
    const rows = await withRawVault(dataDir, (tx) => tx.all<{ details: string }>("SELECT details FROM audit_log WHERE action = 'session.locked'"));
    expect(rows.map((r) => JSON.parse(r.details).reason)).toEqual(['idle']);
  });

  it('emits a lock event for a panic lock from main and closes the vault', async () => {
    const { dataDir, core } = await newVault();
    dirs.push(dataDir);
    const events: unknown[] = [];
    core.onEvent((name, payload) => events.push([name, payload]));
    await signInAdmin(core);
    await core.lock('panic');
    expect(events).toEqual([['session:locked', { reason: 'panic' }]]);
    expect(await ok(core, 'vault:status')).toEqual({ exists: true, unlocked: false });
    // The vault file is closed: another opener can take it now.
    const other = createCore({ dataDir });
    await signInAdmin(other);
    await other.close();
  });
});

describe('the dispatcher', () => {
  it('parses every input with the contract and explains each bad field', async () => {
    const { dataDir, core } = await newVault();
    dirs.push(dataDir);
    const r = await core.dispatch('vault:create', { username: 'x', displayName: '', passphrase: 'short', locale: 'fr' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.issues?.map((i) => i.path).sort()).toEqual(['displayName', 'locale', 'passphrase', 'username']);
      expect(r.error.issues?.find((i) => i.path === 'passphrase')?.message).toBe('passphrase.tooShort');
    }
    const extra = await core.dispatch('session:lock', { reason: 'user', sneaky: true });
    expect(!extra.ok && extra.error.code).toBe('INVALID_INPUT');
  });

  it('refuses unknown channels and signed-out calls, with messages in the caller’s language', async () => {
    const { dataDir } = await newVault();
    dirs.push(dataDir);
    const ja = createCore({ dataDir, locale: 'ja' });
    expect(await ja.dispatch('fs:readFile', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'この操作は利用できません。' } });
    expect(await ja.dispatch('settings:get', {})).toEqual({ ok: false, error: { code: 'NOT_SIGNED_IN', message: '先にサインインしてください。' } });
  });

  it('counts passphrase length after NFKC normalisation', async () => {
    const { dataDir } = await newVault();
    dirs.push(dataDir);
    const core = createCore({ dataDir: join(dataDir, '..', 'second') });
    // Eleven full-width letters normalise to eleven ASCII letters: too short.
    const r = await core.dispatch('vault:create', { username: 'admin.two', displayName: 'Two', passphrase: 'ａｂｃｄｅｆｇｈｉｊｋ', locale: 'ja' });
    expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
    // The full-width form of the passphrase opens the vault made with its ASCII form.
    await ok(core, 'vault:create', { username: 'admin.two', displayName: 'Two', passphrase: 'abcdefghijkl', locale: 'ja' });
    await ok(core, 'session:signIn', { username: 'ＡＤＭＩＮ.two', passphrase: 'ａｂｃｄｅｆｇｈｉｊｋｌ' });
    await core.close();
    removeDir(join(dataDir, '..', 'second'));
  });
});
