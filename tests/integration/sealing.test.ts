/**
 * Sealed information under per-case keys (issue 14.1, 14.2), tested as the insider of the threat
 * model would try it: with a copy of the vault folder and their own passphrase, reading the
 * database directly with the data key. Names and values are invented.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../electron/common/caseDetail';
import type { PendingGrant } from '../../electron/common/contract.sealing';
import { parseRecoveryKey } from '../../electron/core/crypto/crypto';
import { decryptValue, isEncryptedValue } from '../../electron/core/crypto/sealing';
import { Db } from '../../electron/core/db/connection';
import { openEscrow, place, sealingKeyFrom, unsealCaseKey, type SealingKey } from '../../electron/core/sealing/sealing.service';
import type { WrapRow } from '../../electron/core/sealing/sealing.repository';
import { findUserSlot, openUserSlot, readKeyslots } from '../../electron/core/vault/keyslots';
import { intake } from '../fixtures/cases';
import { withRawVault } from '../fixtures/raw';
import { auditRows, PASS, reopenTeam, team } from '../fixtures/team';
import { ADMIN, cleanVaultsAfterEach, code, filesOf, ok, signInAdmin } from '../fixtures/vault';

const dirs = cleanVaultsAfterEach(afterEach);
const root = resolve(__dirname, '../..');

const whereabouts = (address: string) => ({ field: 'whereabouts' as const, value: { locationType: 'shelter' as const, name: 'Fictional shelter', address, phone: '', safeContactMethod: 'via NGO caseworker' } });

/** What a user holding a copy of the folder and their own passphrase gets: the database and their sealing key. */
async function asInsider(dataDir: string, username: string, passphrase: string) {
  const file = readKeyslots(join(dataDir, 'keyslots.json'));
  const opened = await openUserSlot(file, findUserSlot(file, username)!, passphrase);
  if (!opened) throw new Error('slot did not open');
  const db = await Db.open(join(dataDir, 'mamori.db'), opened.keys[0].key, { create: false });
  const sealing = opened.sealing ? sealingKeyFrom(opened.sealing) : null;
  /** The stored whereabouts of a case, decrypted with every wrap of its key this insider's key opens. */
  const readWhereabouts = async (caseId: string) =>
    db.transaction(async (tx) => {
      const stored = (await tx.get<{ value: string }>("SELECT value FROM case_sealed WHERE case_id = ? AND field = 'whereabouts'", [caseId]))!.value;
      const wraps = await tx.all<WrapRow>('SELECT holder, key_id, generation, wrapped FROM case_keys WHERE case_id = ?', [caseId]);
      return { stored, plain: sealing ? openWith(caseId, wraps, sealing, stored) : null, wraps };
    });
  return { db, sealing, readWhereabouts };
}

function openWith(caseId: string, wraps: WrapRow[], key: SealingKey, stored: string): string | null {
  for (const w of wraps) {
    const k = unsealCaseKey(caseId, w, key);
    if (k) return decryptValue(k, stored, place.caseSealed(caseId, 'whereabouts'));
  }
  return null;
}

async function sealedCase(core: Awaited<ReturnType<typeof team>>['core'], address: string, familyName: string) {
  const c = await ok<CaseDetail>(core, 'cases:create', intake({ familyName }));
  return ok<CaseDetail>(core, 'cases:setSealed', { caseId: c.id, version: c.version, sealed: whereabouts(address) });
}

describe('sealed information under per-case keys', () => {
  it("offline, an officer's passphrase opens the sealed information of their own cases and nothing else; an administrator's opens none", async () => {
    const { dataDir, core, as, users } = await team(dirs);
    await as('officer.a');
    const mine = await sealedCase(core, 'FICTIONAL-ADDR-AOKI 1-1', 'AOKICASE');
    await ok(core, 'cases:addNote', { caseId: mine.id, noteType: 'contact', body: 'FICTIONAL-NOTE-AOKI safe phone', sealed: true });
    await ok(core, 'interpreters:save', { interpreter: { name: 'Interp Fictiva', nameVariants: [], languages: ['tl'], pledgeDate: '2026-01-10', notes: '', active: true }, contact: { phone: 'FICTIONAL-PHONE-111', email: '', other: '' } });
    await as('officer.b');
    const theirs = await sealedCase(core, 'FICTIONAL-ADDR-BABA 2-2', 'BABACASE');
    await core.close();

    // Nothing sealed is in the database in clear (the data key opens the database, not these).
    for (const f of filesOf(dataDir)) for (const m of ['FICTIONAL-ADDR', 'FICTIONAL-NOTE', 'FICTIONAL-PHONE']) expect(f.bytes.includes(Buffer.from(m)), f.name).toBe(false);

    const a = await asInsider(dataDir, 'officer.a', PASS.officerA);
    try {
      const own = await a.readWhereabouts(mine.id);
      expect(isEncryptedValue(own.stored)).toBe(true);
      expect(own.stored).not.toContain('AOKI');
      expect(own.plain).toContain('FICTIONAL-ADDR-AOKI');
      const other = await a.readWhereabouts(theirs.id);
      expect(isEncryptedValue(other.stored)).toBe(true);
      expect(other.wraps.map((w) => w.holder)).not.toContain(users['officer.a'].id);
      expect(other.plain).toBeNull();
      // Every sealed value of the database, read raw: none in clear.
      const raw = await a.db.transaction((tx) =>
        tx.all<{ v: string }>('SELECT value AS v FROM case_sealed UNION ALL SELECT body FROM case_notes WHERE sealed = 1 UNION ALL SELECT value FROM interpreter_contacts'),
      );
      expect(raw.length).toBe(4);
      for (const r of raw) expect(isEncryptedValue(r.v)).toBe(true);
    } finally {
      await a.db.close();
    }

    // The supervisor's key opens both; the administrator holds no sealing key and no wrap.
    const sup = await asInsider(dataDir, 'sup.c', PASS.sup);
    try {
      expect((await sup.readWhereabouts(mine.id)).plain).toContain('AOKI');
      expect((await sup.readWhereabouts(theirs.id)).plain).toContain('BABA');
    } finally {
      await sup.db.close();
    }
    const admin = await asInsider(dataDir, ADMIN.username, ADMIN.passphrase);
    try {
      expect(admin.sealing).toBeNull();
      const holders = await admin.db.transaction((tx) => tx.all<{ holder: string }>('SELECT DISTINCT holder FROM case_keys'));
      expect(holders.map((h) => h.holder).sort()).toEqual([users['officer.a'].id, users['officer.b'].id, users['sup.c'].id, 'escrow'].sort());
    } finally {
      await admin.db.close();
    }
  });

  it("unassigning an officer removes their wrap and re-keys the case: their old wrap opens nothing written since", async () => {
    const { dataDir, core, as, users } = await team(dirs);
    await as('officer.a');
    let c = await sealedCase(core, 'FICTIONAL-ADDR-FIRST 4-4', 'REKEYCASE');
    await as('sup.c');
    c = await ok<CaseDetail>(core, 'cases:get', { caseId: c.id });
    c = await ok<CaseDetail>(core, 'cases:assign', { caseId: c.id, version: c.version, officerIds: [users['officer.a'].id, users['officer.b'].id], supervisorId: users['sup.c'].id });
    await as('officer.b');
    const shown = await ok<{ value: { address: string } }>(core, 'cases:revealSealed', { caseId: c.id, field: 'whereabouts', reason: 'Planning the joint interview' });
    expect(shown.value.address).toBe('FICTIONAL-ADDR-FIRST 4-4');
    await core.close();
    const before = await asInsider(dataDir, 'officer.b', PASS.officerB);
    const kept = await before.readWhereabouts(c.id);
    await before.db.close();
    expect(kept.plain).toContain('FIRST');
    const bWrap = kept.wraps.find((w) => w.holder === users['officer.b'].id)!;

    const again = await reopenTeam(dataDir);
    await again.as('sup.c');
    c = await ok<CaseDetail>(again.core, 'cases:get', { caseId: c.id });
    c = await ok<CaseDetail>(again.core, 'cases:assign', { caseId: c.id, version: c.version, officerIds: [users['officer.a'].id], supervisorId: users['sup.c'].id });
    await again.as('officer.a');
    c = await ok<CaseDetail>(again.core, 'cases:get', { caseId: c.id });
    await ok(again.core, 'cases:setSealed', { caseId: c.id, version: c.version, sealed: whereabouts('FICTIONAL-ADDR-MOVED 5-5') });
    await again.as('officer.b');
    expect(await code(again.core.dispatch('cases:revealSealed', { caseId: c.id, field: 'whereabouts', reason: 'Trying after being unassigned' }))).toBe('NOT_FOUND');
    const rekeyed = (await auditRows(again.core, { action: 'sealing.rekeyed' })).map((e) => e.details.removed);
    expect(rekeyed).toEqual([users['officer.b'].id]);
    await again.core.close();

    const after = await asInsider(dataDir, 'officer.b', PASS.officerB);
    try {
      const now = await after.readWhereabouts(c.id);
      expect(now.wraps.map((w) => w.holder)).not.toContain(users['officer.b'].id);
      expect(now.wraps.every((w) => w.generation === 2)).toBe(true);
      // The copy of the old wrap still opens the old key, which opens nothing written now.
      const oldKey = unsealCaseKey(c.id, bWrap, after.sealing!);
      expect(oldKey).not.toBeNull();
      expect(decryptValue(oldKey!, now.stored, place.caseSealed(c.id, 'whereabouts'))).toBeNull();
      expect(now.plain).toBeNull();
    } finally {
      await after.db.close();
    }
  });

  it("an officer whose first key is made after their case was sealed is owed it, and gets it at the next supervisor's sign-in; a sign-in owing nothing seals nothing", async () => {
    const { dataDir, core, as, users } = await team(dirs);
    await signInAdmin(core);
    const late = await ok<{ user: { id: string }; temporaryPassphrase: string }>(core, 'users:create', { username: 'officer.d', displayName: 'Officer Doi', role: 'officer' });
    await as('officer.a');
    let c = await sealedCase(core, 'FICTIONAL-ADDR-LATE 6-6', 'LATEKEYCASE');
    await as('sup.c');
    c = await ok<CaseDetail>(core, 'cases:get', { caseId: c.id });
    await ok(core, 'cases:assign', { caseId: c.id, version: c.version, officerIds: [users['officer.a'].id, late.user.id], supervisorId: users['sup.c'].id });
    // The new officer makes their key with their own passphrase, after the case was sealed: nothing opens yet.
    await core.lock('user');
    await ok(core, 'session:signIn', { username: 'officer.d', passphrase: late.temporaryPassphrase });
    await ok(core, 'session:changePassphrase', { currentPassphrase: late.temporaryPassphrase, newPassphrase: 'officer d passphrase' });
    const reveal = () => core.dispatch('cases:revealSealed', { caseId: c.id, field: 'whereabouts', reason: 'Preparing the first interview' });
    expect(await code(reveal())).toBe('SEALING_NOT_GRANTED');
    const owed = () => withRawVault(dataDir, (tx) => tx.all<{ case_id: string; holder: string }>('SELECT case_id, holder FROM case_wraps_due'));
    await core.lock('user');
    expect(await owed()).toEqual([{ case_id: c.id, holder: late.user.id }]);

    await as('sup.c');
    await core.lock('user');
    expect(await owed()).toEqual([]);
    await ok(core, 'session:signIn', { username: 'officer.d', passphrase: 'officer d passphrase' });
    expect((await ok<{ value: { address: string } }>(core, 'cases:revealSealed', { caseId: c.id, field: 'whereabouts', reason: 'Preparing the first interview' })).value.address).toBe('FICTIONAL-ADDR-LATE 6-6');
    // One upkeep sealed the one case; the supervisor's next sign-in found nothing owed and wrote nothing.
    await as('sup.c');
    const upkeep = await auditRows(core, { action: 'sealing.upkeep' });
    expect(upkeep.map((e) => e.details)).toEqual([{ encrypted: 0, wrapped: 1 }]);
    await core.close();
  });

  it('after a passphrase reset the account reaches no sealed information until a supervisor grants the key it made itself', async () => {
    const { core, as, users } = await team(dirs);
    await as('officer.a');
    const c = await sealedCase(core, 'FICTIONAL-ADDR-RESET 6-6', 'RESETCASE');
    await ok(core, 'interpreters:save', { interpreter: { name: 'Interp Fictiva', nameVariants: [], languages: ['tl'], pledgeDate: '2026-01-10', notes: '', active: true }, contact: { phone: 'FICTIONAL-PHONE-000', email: '', other: '' } });

    await core.lock('user');
    await signInAdmin(core);
    const reset = await ok<{ temporaryPassphrase: string }>(core, 'users:resetPassphrase', { userId: users['officer.a'].id, version: (await ok<{ users: { id: string; version: number }[] }>(core, 'users:list')).users.find((u) => u.id === users['officer.a'].id)!.version });
    // The administrator signs in with the temporary passphrase (as an insider would): nothing sealed opens.
    await core.lock('user');
    await ok(core, 'session:signIn', { username: 'officer.a', passphrase: reset.temporaryPassphrase });
    await ok(core, 'session:changePassphrase', { currentPassphrase: reset.temporaryPassphrase, newPassphrase: 'officer a second passphrase' });
    const status = await ok<{ status: string; keyId: string }>(core, 'sealing:status');
    expect(status.status).toBe('pending');
    expect(await code(core.dispatch('cases:revealSealed', { caseId: c.id, field: 'whereabouts', reason: 'Checking after the reset' }))).toBe('SEALING_NOT_GRANTED');
    const [interp] = (await ok<{ interpreters: { id: string }[] }>(core, 'interpreters:list', {})).interpreters;
    expect(await code(core.dispatch('interpreters:revealContact', { interpreterId: interp.id, reason: 'Calling the interpreter' }))).toBe('SEALING_NOT_GRANTED');

    await as('sup.c');
    const { pending } = await ok<{ pending: PendingGrant[] }>(core, 'sealing:status');
    expect(pending).toEqual([expect.objectContaining({ userId: users['officer.a'].id, keyId: status.keyId, afterReset: true })]);
    expect(await code(core.dispatch('sealing:grant', { userId: users['officer.a'].id, keyId: '0000000000000000' }))).toBe('STALE_VERSION');
    const granted = await ok<{ cases: number; pending: PendingGrant[] }>(core, 'sealing:grant', { userId: users['officer.a'].id, keyId: status.keyId });
    expect(granted).toEqual({ cases: 1, pending: [] });

    await core.lock('user');
    await ok(core, 'session:signIn', { username: 'officer.a', passphrase: 'officer a second passphrase' });
    expect((await ok<{ value: { address: string } }>(core, 'cases:revealSealed', { caseId: c.id, field: 'whereabouts', reason: 'Checking after the grant' })).value.address).toBe('FICTIONAL-ADDR-RESET 6-6');
    expect((await ok<{ phone: string }>(core, 'interpreters:revealContact', { interpreterId: interp.id, reason: 'Calling the interpreter' })).phone).toBe('FICTIONAL-PHONE-000');

    const trail = await auditRows(core, { action: 'sealing.granted' });
    expect(trail).toEqual([expect.objectContaining({ actorName: 'Supervisor Chiba', details: { keyId: status.keyId, cases: 1 } })]);
    // An administrator cannot grant.
    expect(await code(core.dispatch('sealing:grant', { userId: users['officer.a'].id, keyId: status.keyId }))).toBe('FORBIDDEN');
  });

  it("a new supervisor's key waits for an existing supervisor's grant", async () => {
    const { core, as } = await team(dirs);
    await as('officer.a');
    const c = await sealedCase(core, 'FICTIONAL-ADDR-NEWSUP 7-7', 'NEWSUPCASE');
    await core.lock('user');
    await signInAdmin(core);
    const made = await ok<{ user: { id: string }; temporaryPassphrase: string }>(core, 'users:create', { username: 'sup.d', displayName: 'Supervisor Doi', role: 'supervisor' });
    await core.lock('user');
    await ok(core, 'session:signIn', { username: 'sup.d', passphrase: made.temporaryPassphrase });
    await ok(core, 'session:changePassphrase', { currentPassphrase: made.temporaryPassphrase, newPassphrase: 'supervisor d passphrase' });
    const status = await ok<{ status: string; keyId: string }>(core, 'sealing:status');
    expect(status.status).toBe('pending');
    expect(await code(core.dispatch('cases:revealSealed', { caseId: c.id, field: 'whereabouts', reason: 'Reviewing the case' }))).toBe('SEALING_NOT_GRANTED');
    // A supervisor does not grant themselves.
    expect(await code(core.dispatch('sealing:grant', { userId: made.user.id, keyId: status.keyId }))).toBe('FORBIDDEN');
    await as('sup.c');
    expect((await ok<{ pending: PendingGrant[] }>(core, 'sealing:status')).pending).toEqual([expect.objectContaining({ userId: made.user.id, role: 'supervisor', afterReset: false })]);
    await ok(core, 'sealing:grant', { userId: made.user.id, keyId: status.keyId });
    await core.lock('user');
    await ok(core, 'session:signIn', { username: 'sup.d', passphrase: 'supervisor d passphrase' });
    expect((await ok<{ status: string }>(core, 'sealing:status')).status).toBe('granted');
    expect((await ok<{ value: { address: string } }>(core, 'cases:revealSealed', { caseId: c.id, field: 'whereabouts', reason: 'Reviewing the case' })).value.address).toBe('FICTIONAL-ADDR-NEWSUP 7-7');
  });

  it('an auditor makes no sealing key with their own passphrase, is never offered for a grant, and a pending key planted for them is refused', async () => {
    const { core, dataDir, as } = await team(dirs);
    await as('officer.a');
    await sealedCase(core, 'FICTIONAL-ADDR-AUDITOR 9-9', 'AUDITORCASE');
    await core.lock('user');
    await signInAdmin(core);
    const made = await ok<{ user: { id: string }; temporaryPassphrase: string }>(core, 'users:create', { username: 'auditor.e', displayName: 'Auditor Endo', role: 'auditor' });
    await core.lock('user');
    await ok(core, 'session:signIn', { username: 'auditor.e', passphrase: made.temporaryPassphrase });
    await ok(core, 'session:changePassphrase', { currentPassphrase: made.temporaryPassphrase, newPassphrase: 'auditor e passphrase' });
    await core.lock('user');
    await ok(core, 'session:signIn', { username: 'auditor.e', passphrase: 'auditor e passphrase' });
    await core.lock('user');
    // Offline, with the folder and their own passphrase: no sealing key in their slot, none registered.
    const insider = await asInsider(dataDir, 'auditor.e', 'auditor e passphrase');
    expect(insider.sealing).toBeNull();
    await insider.db.close();
    const keyRows = () => withRawVault(dataDir, (tx) => tx.all<{ key_id: string; status: string }>('SELECT key_id, status FROM sealing_keys WHERE holder = ?', [made.user.id]));
    expect(await keyRows()).toEqual([]);
    // A pending key written for them behind the app's back (unsigned) is neither offered nor granted.
    await withRawVault(dataDir, (tx) =>
      tx.run("INSERT INTO sealing_keys (key_id, holder, public_key, status, registered_at) VALUES ('0123456789abcdef', ?, 'AAAA', 'pending', '2026-01-01T00:00:00Z')", [made.user.id]),
    );
    await as('sup.c');
    expect((await ok<{ pending: PendingGrant[] }>(core, 'sealing:status')).pending.map((p) => p.userId)).not.toContain(made.user.id);
    expect(await code(core.dispatch('sealing:grant', { userId: made.user.id, keyId: '0123456789abcdef' }))).toBe('FORBIDDEN');
    expect(await keyRows()).toEqual([{ key_id: '0123456789abcdef', status: 'pending' }]);
  });

  it("values from before per-case keys are encrypted at a supervisor's sign-in, and stay readable until then", async () => {
    const { dataDir, core, as } = await team(dirs);
    await as('officer.a');
    const c = await sealedCase(core, 'FICTIONAL-ADDR-LEGACY 8-8', 'LEGACYCASE');
    await core.close();
    // A vault from before 0130: the value in clear, no case key.
    await withRawVault(dataDir, async (tx) => {
      await tx.run("UPDATE case_sealed SET value = ? WHERE case_id = ?", [JSON.stringify(whereabouts('FICTIONAL-ADDR-LEGACY 8-8').value), c.id]);
      await tx.run('DELETE FROM case_keys WHERE case_id = ?', [c.id]);
    });
    const again = await reopenTeam(dataDir);
    await again.as('officer.a');
    expect((await ok<{ value: { address: string } }>(again.core, 'cases:revealSealed', { caseId: c.id, field: 'whereabouts', reason: 'Reading the old value' })).value.address).toBe('FICTIONAL-ADDR-LEGACY 8-8');
    await again.as('sup.c');
    const upkeep = await auditRows(again.core, { action: 'sealing.upkeep' });
    expect(upkeep.at(-1)?.details).toEqual(expect.objectContaining({ encrypted: 1 }));
    await again.core.close();
    const stored = await withRawVault(dataDir, (tx) => tx.get<{ value: string }>('SELECT value FROM case_sealed WHERE case_id = ?', [c.id]));
    expect(isEncryptedValue(stored!.value)).toBe(true);
  });

  it('a recovery key opens the escrow, which opens a case key', async () => {
    const { dataDir, core, as, recoveryKey } = await team(dirs);
    await as('officer.a');
    const c = await sealedCase(core, 'FICTIONAL-ADDR-ESCROW 9-9', 'ESCROWCASE');
    await core.close();
    await withRawVault(dataDir, async (tx) => {
      expect(await openEscrow(tx, Buffer.alloc(32, 7))).toBeNull();
      const escrow = await openEscrow(tx, parseRecoveryKey(recoveryKey)!);
      expect(escrow).not.toBeNull();
      const wraps = await tx.all<WrapRow>('SELECT holder, key_id, generation, wrapped FROM case_keys WHERE case_id = ?', [c.id]);
      const stored = (await tx.get<{ value: string }>('SELECT value FROM case_sealed WHERE case_id = ?', [c.id]))!.value;
      expect(openWith(c.id, wraps, escrow!, stored)).toContain('ESCROW 9-9');
    });
  });

  it("an administrator who resets the only supervisor's passphrase reads no sealed value; the recovery key grants through the escrow (command line), and is replaced", async () => {
    const { dataDir, core, as, users, recoveryKey } = await team(dirs);
    await as('officer.a');
    const c = await sealedCase(core, 'FICTIONAL-ADDR-ONLYSUP 9-1', 'ONLYSUPCASE');
    await core.lock('user');
    await signInAdmin(core);
    const version = (await ok<{ users: { id: string; version: number }[] }>(core, 'users:list')).users.find((u) => u.id === users['sup.c'].id)!.version;
    const reset = await ok<{ temporaryPassphrase: string }>(core, 'users:resetPassphrase', { userId: users['sup.c'].id, version });
    await core.lock('user');
    // The administrator knows the temporary passphrase: offline, it opens the database and no sealed value.
    const insider = await asInsider(dataDir, 'sup.c', reset.temporaryPassphrase);
    try {
      expect(insider.sealing).toBeNull();
      const seen = await insider.readWhereabouts(c.id);
      expect(isEncryptedValue(seen.stored)).toBe(true);
      expect(seen.wraps.map((w) => w.holder)).not.toContain(users['sup.c'].id);
    } finally {
      await insider.db.close();
    }
    await ok(core, 'session:signIn', { username: 'sup.c', passphrase: reset.temporaryPassphrase });
    await ok(core, 'session:changePassphrase', { currentPassphrase: reset.temporaryPassphrase, newPassphrase: 'supervisor second passphrase' });
    const { keyId } = await ok<{ keyId: string }>(core, 'sealing:status');
    expect(await code(core.dispatch('cases:revealSealed', { caseId: c.id, field: 'whereabouts', reason: 'Reviewing after the reset' }))).toBe('SEALING_NOT_GRANTED');
    await core.close();

    const grant = (key: string, id = keyId) =>
      spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'electron/cli/main.ts'), 'sealing', 'grant', '--data-dir', dataDir, '--user', ADMIN.username, '--account', 'sup.c', '--key-id', id.toUpperCase().replace(/(.{4})(?=.)/g, '$1 ')], {
        env: { ...process.env, MAMORI_PASSPHRASE: ADMIN.passphrase, MAMORI_RECOVERY_KEY: key },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const wrongKey = grant('0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0001');
    expect(wrongKey.status).not.toBe(0);
    expect(wrongKey.stderr).toContain('recovery key');
    expect(grant(recoveryKey, '0123456789abcdef').status).not.toBe(0);
    const done = grant(recoveryKey);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain('sup.c now holds the keys of 1 case(s)');
    const next = done.stdout.match(/([0-9A-Z]{4}-){12}[0-9A-Z]{4}/)![0];
    // The typed recovery key no longer opens the escrow (nor the vault); the new one does.
    await withRawVault(dataDir, async (tx) => {
      expect(await openEscrow(tx, parseRecoveryKey(recoveryKey)!)).toBeNull();
      expect(await openEscrow(tx, parseRecoveryKey(next)!)).not.toBeNull();
    });

    const again = reopenTeam(dataDir);
    await ok(again.core, 'session:signIn', { username: 'sup.c', passphrase: 'supervisor second passphrase' });
    expect((await ok<{ value: { address: string } }>(again.core, 'cases:revealSealed', { caseId: c.id, field: 'whereabouts', reason: 'Reviewing after the grant' })).value.address).toBe('FICTIONAL-ADDR-ONLYSUP 9-1');
    const trail = await auditRows(again.core, { action: 'sealing.escrow-granted' });
    expect(trail).toEqual([expect.objectContaining({ actorName: expect.stringContaining('Sato'), details: { keyId, cases: 1 } })]);
    await again.core.close();
  });
});
