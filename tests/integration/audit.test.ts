import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { appendAuditBatch, canonical, entryMac, verifyChain } from '../../electron/core/audit/audit.service';
import { SignatureVerifier, signEntry } from '../../electron/core/audit/signatures';
import { signerFrom, type Signer } from '../../electron/core/crypto/signing';
import { findUserSlot, openUserSlot, readKeyslots } from '../../electron/core/vault/keyslots';
import type { UserAccount } from '../../electron/common/accounts';
import type { CaseDetail } from '../../electron/common/caseDetail';
import type { AuditEntry } from '../../electron/common/contract.audit';
import { syntheticAuditEntries } from '../fixtures/audit-trail';
import { intake } from '../fixtures/cases';
import { PASS, team } from '../fixtures/team';
import { Db } from '../../electron/core/db/connection';
import { createCore } from '../../electron/core/index';
import { cleanVaultsAfterEach, newVault, ok, signInAdmin } from '../fixtures/vault';
import { adminAuditKey, adminDataKey, withRawVault } from '../fixtures/raw';

const dirs = cleanVaultsAfterEach(afterEach);

async function verify(dataDir: string) {
  const dataKey = await adminDataKey(dataDir);
  const auditKey = await adminAuditKey(dataDir);
  const db = await Db.open(join(dataDir, 'mamori.db'), dataKey, { create: false });
  try {
    return await verifyChain(db, auditKey);
  } finally {
    await db.close();
  }
}

async function vaultWithHistory() {
  const { dataDir, core } = await newVault();
  dirs.push(dataDir);
  await signInAdmin(core);
  await ok(core, 'settings:update', { autoLockMinutes: 10 });
  await ok(core, 'session:lock', { reason: 'panic' });
  await signInAdmin(core);
  await ok(core, 'session:signOut');
  return dataDir;
}

describe('the audit trail', () => {
  it('records creation, sign-in, changes and locks with their reasons, in order', async () => {
    const dataDir = await vaultWithHistory();
    const rows = await withRawVault(dataDir, (tx) => tx.all<{ seq: number; action: string; details: string }>('SELECT seq, action, details FROM audit_log ORDER BY seq'));
    expect(rows.map((r) => r.action)).toEqual([
      'user.signing-key-registered',
      'vault.created',
      'vault.recovery-key-issued',
      'session.signed-in',
      'settings.updated',
      'session.locked',
      'session.signed-in',
      'session.signed-out',
    ]);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(JSON.parse(rows[5].details)).toEqual({ reason: 'panic' });
  });

  it('verifies an untouched chain', async () => {
    const dataDir = await vaultWithHistory();
    // Every entry is signed by its actor (the creator's key registers itself first).
    expect(await verify(dataDir)).toMatchObject({ intact: true, entries: 8, signed: 8, head: { seq: 8 } });
  });

  it('reports its progress while it verifies, through the channel the audit screen and the command line follow', async () => {
    const { dataDir, core } = await newVault();
    dirs.push(dataDir);
    await signInAdmin(core);
    const reports: { operation: string; phase: string; done: number; total: number }[] = [];
    const stop = core.onEvent((event, payload) => event === 'vault:progress' && reports.push(payload as (typeof reports)[number]));
    const v = await ok<{ intact: boolean; entries: number }>(core, 'audit:verify', {});
    stop();
    expect(v.intact).toBe(true);
    // Per page: the MACs, then the signatures (no checkpoint yet: every one of them).
    expect(reports.map((r) => [r.operation, r.phase])).toEqual([
      ['verification', 'verifying'],
      ['verification', 'verifying'],
      ['verification', 'done'],
    ]);
    expect(reports[0].done).toBe(v.entries);
    expect(reports[1].done).toBe(reports[1].total);
    expect(reports[0].total).toBeGreaterThanOrEqual(v.entries);
    await core.close();
  });

  it('lets other requests take their turn while it checks signatures (a hundred at a time, about 20 ms of core’s thread)', async () => {
    const { dataDir, core } = await newVault();
    dirs.push(dataDir);
    await core.close();
    // 1,000 entries signed by their actors, each actor's key registered first (as the audit benchmark builds them).
    const actors = ['actor-a', 'actor-b'];
    const signers = new Map(actors.map((id) => [id, signerFrom(id, generateKeyPairSync('ed25519').privateKey)]));
    const at = new Date().toISOString();
    const registrations = actors.map((id) => ({ at, actorId: id, actorRole: 'officer', action: 'user.signing-key-registered' as const, target: `user:${id}`, details: { key: signers.get(id)!.publicKey, role: 'officer' } }));
    const auditKey = await adminAuditKey(dataDir);
    await withRawVault(dataDir, (tx) => appendAuditBatch(tx, auditKey, [...registrations, ...syntheticAuditEntries(1000, actors)], (e) => (e.actorId ? signers.get(e.actorId) : undefined)));
    const opened = createCore({ dataDir, locale: 'en' });
    await signInAdmin(opened);
    // The 50th signature checked: a request arrives (from the event loop, as IPC does).
    let checked = 0;
    let checkedWhenAnswered: number | null = null;
    const original = SignatureVerifier.prototype.check;
    const check = vi.spyOn(SignatureVerifier.prototype, 'check').mockImplementation(function (this: SignatureVerifier, ...args) {
      if (++checked === 50) setImmediate(() => void ok(opened, 'session:current').then(() => (checkedWhenAnswered = checked)));
      return original.apply(this, args);
    });
    try {
      expect(await ok(opened, 'audit:verify', { signatures: 'all' })).toMatchObject({ intact: true });
    } finally {
      check.mockRestore();
    }
    expect(checked).toBeGreaterThan(1000);
    expect(checkedWhenAnswered).not.toBeNull();
    expect(checkedWhenAnswered! - 50).toBeLessThanOrEqual(100);
    await opened.close();
  });

  it('refuses UPDATE and DELETE through its triggers', async () => {
    const dataDir = await vaultWithHistory();
    await expect(withRawVault(dataDir, (tx) => tx.run("UPDATE audit_log SET action = 'x' WHERE seq = 3"))).rejects.toThrow(/append-only/);
    await expect(withRawVault(dataDir, (tx) => tx.run('DELETE FROM audit_log WHERE seq = 3'))).rejects.toThrow(/append-only/);
    expect((await verify(dataDir)).intact).toBe(true);
  });

  it('names the first entry edited behind the app’s back', async () => {
    const dataDir = await vaultWithHistory();
    await withRawVault(dataDir, async (tx) => {
      await tx.exec('DROP TRIGGER audit_log_no_update');
      await tx.run('UPDATE audit_log SET details = ? WHERE seq = 5', ['{"autoLockMinutes":30}']);
    });
    expect(await verify(dataDir)).toEqual({ intact: false, entries: 4, intactUpTo: 4, firstBroken: { seq: 5, reason: 'mac-mismatch' } });
  });

  it('names a removed entry as a gap', async () => {
    const dataDir = await vaultWithHistory();
    await withRawVault(dataDir, async (tx) => {
      await tx.exec('DROP TRIGGER audit_log_no_delete');
      await tx.run('DELETE FROM audit_log WHERE seq = 5');
    });
    expect(await verify(dataDir)).toMatchObject({ intact: false, intactUpTo: 4, firstBroken: { seq: 5, reason: 'sequence-gap' } });
  });

  describe('signed by each actor', () => {
    type Row = { seq: number; at: string; actor_id: string | null; actor_role: string | null; action: string; case_ref: string | null; target: string | null; details: string; mac: string; signer_key: string | null; signature: string | null };

    /** What an insider with the data key can do offline: rewrite rows and re-MAC the whole chain after them. */
    async function rewrite(dataDir: string, edit: (rows: Row[]) => Row[]) {
      const auditKey = await adminAuditKey(dataDir);
      await withRawVault(dataDir, async (tx) => {
        await tx.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
        await tx.exec('DROP TRIGGER IF EXISTS audit_log_no_delete');
        const rows = edit(await tx.all<Row>('SELECT * FROM audit_log ORDER BY seq'));
        await tx.run('DELETE FROM audit_log');
        let mac = '';
        for (const [i, row] of rows.entries()) {
          const seq = i + 1;
          const sign = (row as Row & { sign?: Signer }).sign;
          const signed = sign ? signEntry(sign, canonical({ ...row, seq }), mac) : { signer_key: row.signer_key, signature: row.signature };
          mac = entryMac(auditKey, { ...row, seq }, mac);
          await tx.run('INSERT INTO audit_log (seq, at, actor_id, actor_role, action, case_ref, target, details, mac, signer_key, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
            seq, row.at, row.actor_id, row.actor_role, row.action, row.case_ref, row.target, row.details, mac, signed.signer_key, signed.signature,
          ]);
        }
      });
    }

    async function teamWithHistory() {
      const t = await team(dirs);
      await t.as('officer.a');
      await t.as('officer.b');
      await t.as('officer.a');
      await t.core.lock('user');
      const seqOf = async (action: string, actor: string) =>
        (await withRawVault(t.dataDir, (tx) => tx.all<{ seq: number }>('SELECT seq FROM audit_log WHERE action = ? AND actor_id = ? ORDER BY seq', [action, actor]))).map((r) => r.seq);
      return { ...t, seqOf };
    }

    it('verifies a team’s trail: every account’s key registered by the administrator, then replaced by the account’s own at its first passphrase; every entry signed', async () => {
      const { dataDir, users } = await teamWithHistory();
      const v = await verify(dataDir);
      expect(v).toMatchObject({ intact: true });
      if (v.intact) expect(v.signed).toBeGreaterThan(v.entries - 5);
      const registered = await withRawVault(dataDir, (tx) => tx.all<{ target: string; actor_id: string }>("SELECT target, actor_id FROM audit_log WHERE action = 'user.signing-key-registered' ORDER BY seq"));
      const admin = registered[0].actor_id;
      // The administrator knew the temporary passphrase, so the key made with it is replaced when the account sets its own.
      expect(registered.map((r) => [r.target, r.actor_id])).toEqual([
        [`user:${admin}`, admin],
        ...['officer.a', 'officer.b', 'sup.c'].flatMap((u) => {
          const id = users[u as 'officer.a'].id;
          return [[`user:${id}`, admin], [`user:${id}`, id]];
        }),
      ]);
    });

    it('names an entry forged in another user’s name, re-MACed with the vault’s key: unsigned, or signed by someone else', async () => {
      const { dataDir, users, seqOf } = await teamWithHistory();
      const [lastOfB] = (await seqOf('session.signed-in', users['officer.b'].id)).slice(-1);
      const forged = (row: Row, signedAs: Row | null): Row => ({
        ...row,
        action: 'case.sealed-revealed',
        case_ref: 'TV-2026-0001',
        details: '{"field":"whereabouts","reason":"forged"}',
        signer_key: signedAs?.signer_key ?? null,
        signature: signedAs?.signature ?? null,
      });
      // Officer A, offline with her own passphrase, writes a reveal in Officer B's name after B's sign-in.
      await rewrite(dataDir, (rows) => [...rows.slice(0, lastOfB), forged(rows[lastOfB - 1], null), ...rows.slice(lastOfB)]);
      expect(await verify(dataDir)).toMatchObject({ intact: false, firstBroken: { seq: lastOfB + 1, reason: 'unsigned' } });

      // Signed with her own key instead, it is still not B's.
      await rewrite(dataDir, (rows) => {
        const own = rows.find((r) => r.actor_id === users['officer.a'].id && r.signature !== null)!;
        const copy = [...rows];
        copy[lastOfB] = forged(rows[lastOfB - 1], own);
        return copy;
      });
      expect(await verify(dataDir)).toMatchObject({ intact: false, firstBroken: { seq: lastOfB + 1, reason: 'signer-not-actor' } });
    });

    it('names the entry after one removed and the chain re-MACed: its author’s signature no longer verifies', async () => {
      const { dataDir, users, seqOf } = await teamWithHistory();
      const [firstOfB] = await seqOf('session.signed-in', users['officer.b'].id);
      await rewrite(dataDir, (rows) => rows.filter((r) => r.seq !== firstOfB));
      expect(await verify(dataDir)).toMatchObject({ intact: false, firstBroken: { seq: firstOfB, reason: 'signature-invalid' } });
    });

    it('refuses a key registered for someone by a user who is not an administrator', async () => {
      const { dataDir, users } = await teamWithHistory();
      const file = readKeyslots(join(dataDir, 'keyslots.json'));
      const officerA = (await openUserSlot(file, findUserSlot(file, 'officer.a')!, PASS.officerA))!.signer!;
      const fake = signerFrom(users['officer.b'].id, generateKeyPairSync('ed25519').privateKey);
      // Officer A, offline, registers a key of her making as Officer B's, correctly signed by herself.
      await rewrite(dataDir, (rows) => {
        const last = rows[rows.length - 1];
        const reg: Row & { sign: Signer } = {
          ...last,
          actor_id: officerA.userId,
          actor_role: 'officer',
          action: 'user.signing-key-registered',
          case_ref: null,
          target: `user:${users['officer.b'].id}`,
          details: JSON.stringify({ key: fake.publicKey, role: 'officer' }),
          sign: officerA,
        };
        return [...rows, reg];
      });
      const count = await withRawVault(dataDir, (tx) => tx.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'));
      expect(await verify(dataDir)).toMatchObject({ intact: false, firstBroken: { seq: count!.n, reason: 'key-not-authorised' } });
    });
  });
});

describe('the audit trail as an auditor reads it', () => {
  it('resolves targets and details in core: names of accounts, case references, typed codes, no identifiers and no case content', async () => {
    const { core, users, as } = await team(dirs);
    // An auditor, who may read the trail and nothing of the cases.
    await signInAdmin(core);
    const made = await ok<{ user: UserAccount; temporaryPassphrase: string }>(core, 'users:create', { username: 'auditor.d', displayName: 'Auditor Doi', role: 'auditor' });
    await ok(core, 'session:signOut');
    await ok(core, 'session:signIn', { username: 'auditor.d', passphrase: made.temporaryPassphrase });
    await ok(core, 'session:changePassphrase', { currentPassphrase: made.temporaryPassphrase, newPassphrase: 'auditor doi passphrase' });

    await as('sup.c');
    let d = await ok<CaseDetail>(core, 'cases:create', intake({ familyName: 'FICTIVA', givenName: 'Rosa' }));
    d = await ok<CaseDetail>(core, 'cases:saveAdverseParty', { caseId: d.id, version: d.version, party: { role: 'broker', name: 'Broker Fictitious Name', nameVariants: [], organisation: '', contact: '', notes: '' } });
    await ok(core, 'cases:acknowledgeConflict', { caseId: d.id, name: 'Broker Fictitious Name', context: 'visitor', partyIds: [d.adverseParties[0].id], reason: 'Checked: a different person' });
    d = await ok<CaseDetail>(core, 'cases:get', { caseId: d.id });
    d = await ok<CaseDetail>(core, 'cases:assign', { caseId: d.id, version: d.version, officerIds: [users['officer.a'].id], supervisorId: users['sup.c'].id });
    d = await ok<CaseDetail>(core, 'cases:transition', { caseId: d.id, version: d.version, to: 'identification' });
    await ok(core, 'session:signOut');

    await core.lock('user');
    await ok(core, 'session:signIn', { username: 'auditor.d', passphrase: 'auditor doi passphrase' });
    const { entries } = await ok<{ entries: AuditEntry[] }>(core, 'audit:list', { filter: {}, limit: 200 });
    const first = (action: string) => entries.find((e) => e.action === action)!.shown;

    expect(first('case.created').target).toEqual({ kind: 'case', reference: d.reference });
    expect(first('case.adverse-party-saved')).toEqual({
      target: { kind: 'record', record: 'adverse-party', reference: d.reference },
      details: [
        { key: 'role', value: { kind: 'codes', list: 'adverseRole', codes: ['broker'] } },
        { key: 'added', value: { kind: 'yesNo', value: true } },
      ],
    });
    expect(first('case.conflict-acknowledged').details).toEqual([
      { key: 'context', value: { kind: 'codes', list: 'conflictContext', codes: ['visitor'] } },
      { key: 'parties', value: { kind: 'records', record: 'adverse-party', count: 1, reference: d.reference } },
      { key: 'reason', value: { kind: 'text', text: 'Checked: a different person' } },
    ]);
    expect(first('case.assigned').details).toEqual([
      { key: 'officers', value: { kind: 'users', names: ['Officer Aoki'] } },
      { key: 'supervisor', value: { kind: 'users', names: ['Supervisor Chiba'] } },
    ]);
    expect(first('case.stage-changed').details).toEqual([
      { key: 'from', value: { kind: 'codes', list: 'stage', codes: ['intake'] } },
      { key: 'to', value: { kind: 'codes', list: 'stage', codes: ['identification'] } },
    ]);
    expect(first('session.signed-out').details).toEqual([{ key: 'reason', value: { kind: 'codes', list: 'lockReason', codes: ['sign-out'] } }]);
    expect(first('user.created')).toEqual({ target: { kind: 'user', name: 'Auditor Doi' }, details: [{ key: 'role', value: { kind: 'codes', list: 'role', codes: ['auditor'] } }] });

    // What the page shows carries no identifier, no name of a person in a case, nothing sealed.
    const shown = JSON.stringify(entries.map((e) => e.shown));
    expect(shown).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    for (const content of ['Broker Fictitious Name', 'FICTIVA', 'Rosa']) expect(shown).not.toContain(content);
    // The entries themselves are unchanged: the raw target still names the record it concerns.
    expect(entries.find((e) => e.action === 'case.created')!.target).toBe(`case:${d.id}`);
  });
});
