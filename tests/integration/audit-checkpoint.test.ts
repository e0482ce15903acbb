/**
 * Issue 17.1: the fast MAC pass (a page of entries read as one text, any disagreement checked
 * again as written before anything is called broken) and signed checkpoints (full verification checks signatures
 * only after the latest verification an auditor or administrator signed; deep checks them all).
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, canonical, CHECKPOINT_CANDIDATES_PER_READ, entryMac, verifyChain, type ChainVerification, type SignatureScope } from '../../electron/core/audit/audit.service';
import type { AuditRow } from '../../electron/core/audit/audit.repository';
import { Db } from '../../electron/core/db/connection';
import { findUserSlot, openUserSlot, readKeyslots } from '../../electron/core/vault/keyslots';
import { signerFrom, type Signer } from '../../electron/core/crypto/signing';
import { REGISTRATION } from '../../electron/core/audit/signatures';
import type { UserAccount } from '../../electron/common/accounts';
import { PASS, team } from '../fixtures/team';
import { cleanVaultsAfterEach, newVault, ok, signInAdmin } from '../fixtures/vault';
import { adminAuditKey, adminDataKey, withRawVault } from '../fixtures/raw';

const dirs = cleanVaultsAfterEach(afterEach);
const AUDITOR_PASS = 'auditor passphrase 0001';

async function verify(dataDir: string, signatures: SignatureScope = 'since-checkpoint'): Promise<ChainVerification> {
  const db = await Db.open(join(dataDir, 'mamori.db'), await adminDataKey(dataDir), { create: false });
  try {
    return await verifyChain(db, await adminAuditKey(dataDir), { signatures });
  } finally {
    await db.close();
  }
}

async function signerOf(dataDir: string, username: string, passphrase: string): Promise<Signer> {
  const file = readKeyslots(join(dataDir, 'keyslots.json'));
  return (await openUserSlot(file, findUserSlot(file, username)!, passphrase))!.signer!;
}

/** A team with an auditor who has set their own passphrase, and some work by the officers. */
async function teamWithAuditor() {
  const t = await team(dirs);
  await signInAdmin(t.core);
  const made = await ok<{ user: UserAccount; temporaryPassphrase: string }>(t.core, 'users:create', { username: 'auditor.d', displayName: 'Auditor Doi', role: 'auditor' });
  await ok(t.core, 'session:signOut');
  await ok(t.core, 'session:signIn', { username: 'auditor.d', passphrase: made.temporaryPassphrase });
  await ok(t.core, 'session:changePassphrase', { currentPassphrase: made.temporaryPassphrase, newPassphrase: AUDITOR_PASS });
  await ok(t.core, 'session:signOut');
  await t.as('officer.a');
  await t.as('officer.b');
  const asAuditor = async () => {
    await t.core.lock('user');
    await ok(t.core, 'session:signIn', { username: 'auditor.d', passphrase: AUDITOR_PASS });
  };
  const seqOf = async (action: string, actor: string) =>
    (await withRawVault(t.dataDir, (tx) => tx.all<{ seq: number }>('SELECT seq FROM audit_log WHERE action = ? AND actor_id = ? ORDER BY seq', [action, actor]))).map((r) => r.seq);
  return { ...t, auditor: made.user, asAuditor, seqOf };
}

type Verified = { intact: boolean; entries: number; signed: number; signaturesFrom: number; checkpoint: { seq: number; checkpointSeq: number; at: string; actorName: string | null } | null; headSeq: number };

/** The auditor verifies in the app (which records the checkpoint), then signs out. */
async function auditorVerifies(t: Awaited<ReturnType<typeof teamWithAuditor>>, input: Record<string, unknown> = {}): Promise<Verified> {
  await t.asAuditor();
  const v = await ok<Verified>(t.core, 'audit:verify', input);
  await ok(t.core, 'session:signOut');
  return v;
}

/** Appends an entry offline with the vault's audit key (what anyone holding the data key can do), signed by `signer` if given. */
async function appendOffline(dataDir: string, entry: Parameters<typeof appendAudit>[2], signer?: Signer) {
  const auditKey = await adminAuditKey(dataDir);
  return withRawVault(dataDir, (tx) => appendAudit(tx, auditKey, entry, signer));
}

/** The checkpoint an `audit.verified` entry would claim for the trail as it now is. */
async function headClaim(dataDir: string) {
  const head = await withRawVault(dataDir, (tx) => tx.get<{ seq: number; mac: string }>('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1'));
  return { intact: true, entries: head!.seq, checkpointSeq: head!.seq, checkpointMac: head!.mac, signaturesFrom: 0 };
}

/** Rewrites rows behind the app's back and re-MACs the whole chain (signatures kept as they were, unless re-signed). */
async function rewrite(dataDir: string, edit: (rows: AuditRow[]) => AuditRow[]) {
  const auditKey = await adminAuditKey(dataDir);
  await withRawVault(dataDir, async (tx) => {
    await tx.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
    await tx.exec('DROP TRIGGER IF EXISTS audit_log_no_delete');
    const rows = edit(await tx.all<AuditRow>('SELECT * FROM audit_log ORDER BY seq'));
    await tx.run('DELETE FROM audit_log');
    let mac = '';
    for (const row of rows) {
      mac = entryMac(auditKey, row, mac);
      await tx.run('INSERT INTO audit_log (seq, at, actor_id, actor_role, action, case_ref, target, details, mac, signer_key, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        row.seq, row.at, row.actor_id, row.actor_role, row.action, row.case_ref, row.target, row.details, mac, row.signer_key, row.signature,
      ]);
    }
  });
}

/** Replaces an entry's signature with another entry's (valid base64, wrong bytes); the MAC does not cover signatures. */
async function swapSignature(dataDir: string, seq: number, from: number) {
  await withRawVault(dataDir, async (tx) => {
    await tx.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
    await tx.run('UPDATE audit_log SET signature = (SELECT signature FROM audit_log WHERE seq = ?) WHERE seq = ?', [from, seq]);
  });
}

describe('the fast MAC pass', () => {
  it('raises no false alarm on text SQLite and JavaScript might escape differently, and still finds such an entry edited', async () => {
    const { dataDir, core } = await newVault();
    dirs.push(dataDir);
    await core.close();
    // Control characters, the separators the fast path reads between values (U+001E, U+001F), line separators, quotes, escapes, non-BMP.
    const odd = ['\u0000\u0001\u001f\u007f', '\u001e', '\u2028\u2029', '"\\/\b\f\n\r\t', 'é漢字😀\ufeff', '\ufffd'];
    const at = new Date().toISOString();
    for (const text of odd) await appendOffline(dataDir, { at, actorId: null, actorRole: null, action: 'settings.updated', target: text, caseRef: text, details: { note: text } });
    // Bytes that are not UTF-8 at all, stored as text (the MAC is computed on the text as JavaScript reads it back).
    const auditKey = await adminAuditKey(dataDir);
    await withRawVault(dataDir, async (tx) => {
      const prev = (await tx.get<{ seq: number; mac: string }>('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1'))!;
      const target = (await tx.get<{ t: string }>("SELECT CAST(x'41ff42c0af' AS TEXT) AS t"))!.t;
      const row = { seq: prev.seq + 1, at, actor_id: null, actor_role: null, action: 'settings.updated', case_ref: null, target, details: '{}' };
      await tx.run("INSERT INTO audit_log (seq, at, action, target, details, mac) VALUES (?, ?, ?, CAST(x'41ff42c0af' AS TEXT), '{}', ?)", [row.seq, at, row.action, entryMac(auditKey, row, prev.mac)]);
    });
    const v = await verify(dataDir);
    expect(v).toMatchObject({ intact: true });

    const seq = (await withRawVault(dataDir, (tx) => tx.get<{ seq: number }>('SELECT seq FROM audit_log WHERE target = ?', ['\u2028\u2029'])))!.seq;
    await withRawVault(dataDir, async (tx) => {
      await tx.exec('DROP TRIGGER audit_log_no_update');
      await tx.run('UPDATE audit_log SET target = ? WHERE seq = ?', ['\u2028\u2028', seq]);
    });
    expect(await verify(dataDir)).toMatchObject({ intact: false, intactUpTo: seq - 1, firstBroken: { seq, reason: 'mac-mismatch' } });
  });

  it('falls back to the canonical form of the entry as written where the page text differs from it (a number in a table rebuilt without STRICT)', async () => {
    const { dataDir, core } = await newVault();
    dirs.push(dataDir);
    await core.close();
    const auditKey = await adminAuditKey(dataDir);
    // SQLite writes the REAL 2.0 as "2.0" (in json_array and as text), JSON.stringify as 2: the text differs, the entry does not.
    const macOf = await withRawVault(dataDir, async (tx) => {
      await tx.exec(`CREATE TABLE audit_loose (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor_id TEXT, actor_role TEXT, action TEXT NOT NULL, case_ref TEXT, target, details TEXT NOT NULL DEFAULT '{}', mac TEXT NOT NULL, signer_key TEXT, signature TEXT);
        INSERT INTO audit_loose SELECT * FROM audit_log; DROP TABLE audit_log; ALTER TABLE audit_loose RENAME TO audit_log;`);
      const prev = (await tx.get<{ seq: number; mac: string }>('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1'))!;
      const row = { seq: prev.seq + 1, at: new Date().toISOString(), actor_id: null, actor_role: null, action: 'settings.updated', case_ref: null, target: 2 as unknown as string, details: '{}' };
      const [sqlText] = await tx.all<{ c: string }>("SELECT json_array(1, 2.0) AS c");
      expect(sqlText.c).toBe('[1,2.0]');
      expect(canonical(row)).toContain(',2,');
      await tx.run("INSERT INTO audit_log (seq, at, action, target, details, mac) VALUES (?, ?, ?, 2.0, '{}', ?)", [row.seq, row.at, row.action, entryMac(auditKey, row, prev.mac)]);
      return row.seq;
    });
    expect(await verify(dataDir)).toMatchObject({ intact: true, head: { seq: macOf } });
    await withRawVault(dataDir, (tx) => tx.run('UPDATE audit_log SET target = 3.0 WHERE seq = ?', [macOf]));
    expect(await verify(dataDir)).toMatchObject({ intact: false, firstBroken: { seq: macOf, reason: 'mac-mismatch' } });
  });
});

describe('signed checkpoints', () => {
  it('checks signatures only after the latest verification an auditor signed, and says whose it was', async () => {
    const t = await teamWithAuditor();
    const first = await auditorVerifies(t);
    // No checkpoint yet: every signature.
    expect(first).toMatchObject({ intact: true, signaturesFrom: 0, checkpoint: null });
    expect(first.signed).toBeGreaterThan(first.entries - 5);
    await t.as('officer.a');
    await t.core.lock('user');
    const second = await auditorVerifies(t);
    expect(second).toMatchObject({ intact: true, signaturesFrom: first.headSeq, checkpoint: { seq: first.headSeq + 1, checkpointSeq: first.headSeq, actorName: 'Auditor Doi' } });
    // The registrations before the checkpoint, and the entries after it.
    expect(second.signed).toBeLessThan(second.entries - first.headSeq + 12);
    expect(second.signed).toBeGreaterThanOrEqual(second.entries - first.headSeq - 2);
    // The record of the verification is the next checkpoint, and deep verification still checks them all.
    const records = await withRawVault(t.dataDir, (tx) => tx.all<{ details: string }>("SELECT details FROM audit_log WHERE action = 'audit.verified' ORDER BY seq"));
    expect(JSON.parse(records[1].details)).toMatchObject({ intact: true, checkpointSeq: second.headSeq, signaturesFrom: first.headSeq });
    const deep = await verify(t.dataDir, 'all');
    expect(deep).toMatchObject({ intact: true, signaturesFrom: 0, checkpoint: null });
    if (deep.intact) expect(deep.signed).toBeGreaterThan(deep.entries - 5);
  });

  it('does not trust a checkpoint signed by an officer’s key, nor one whose MAC is not the chain’s', async () => {
    const t = await teamWithAuditor();
    const first = await auditorVerifies(t);
    const officerA = await signerOf(t.dataDir, 'officer.a', PASS.officerA);
    const at = new Date().toISOString();
    // Officer A, offline, records a "verification" of her own with the right head, in her name and signed by her.
    await appendOffline(t.dataDir, { at, actorId: t.users['officer.a'].id, actorRole: 'auditor', action: 'audit.verified', details: await headClaim(t.dataDir) }, officerA);
    // And one with a wrong MAC in the auditor's name, signed by herself.
    await appendOffline(t.dataDir, { at, actorId: t.users['officer.a'].id, actorRole: 'officer', action: 'audit.verified', details: { ...(await headClaim(t.dataDir)), checkpointMac: 'ab'.repeat(32) } }, officerA);
    const v = await verify(t.dataDir);
    // Both are ordinary (validly signed) entries; the auditor's earlier verification is the checkpoint.
    expect(v).toMatchObject({ intact: true, signaturesFrom: first.headSeq, checkpoint: { seq: first.headSeq + 1, checkpointSeq: first.headSeq } });
  });

  it('looks past more untrusted "verifications" than one read of candidates holds, to the auditor’s older one', async () => {
    const t = await teamWithAuditor();
    const first = await auditorVerifies(t);
    const officerA = await signerOf(t.dataDir, 'officer.a', PASS.officerA);
    const auditKey = await adminAuditKey(t.dataDir);
    const forged = 2 * CHECKPOINT_CANDIDATES_PER_READ + 1;
    // Officer A, offline, records "verifications" of the head in an auditor's role, each signed by herself.
    await withRawVault(t.dataDir, async (tx) => {
      for (let i = 0; i < forged; i++) {
        const head = await tx.get<{ seq: number; mac: string }>('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1');
        const details = { intact: true, entries: head!.seq, checkpointSeq: head!.seq, checkpointMac: head!.mac, signaturesFrom: 0 };
        await appendAudit(tx, auditKey, { at: new Date().toISOString(), actorId: t.users['officer.a'].id, actorRole: 'auditor', action: 'audit.verified', details }, officerA);
      }
    });
    const v = await verify(t.dataDir);
    expect(v).toMatchObject({ intact: true, signaturesFrom: first.headSeq, checkpoint: { seq: first.headSeq + 1, checkpointSeq: first.headSeq } });
    // The auditor's next routine check starts from the same, trusted checkpoint.
    await t.asAuditor();
    expect(await ok(t.core, 'audit:verify', { macs: 'since-checkpoint' })).toMatchObject({ intact: true, macsFrom: first.headSeq });
  });

  it('does not trust a checkpoint whose key only vouched for itself as an auditor’s (trust on first use), nor one that claims the head it is part of', async () => {
    const t = await teamWithAuditor();
    const first = await auditorVerifies(t);
    const at = new Date().toISOString();
    // An insider invents an account, registers a key for it on first use with the role "auditor", and signs a verification with it.
    const id = randomUUID();
    const invented = signerFrom(id, generateKeyPairSync('ed25519').privateKey);
    await appendOffline(t.dataDir, { at, actorId: id, actorRole: 'auditor', action: REGISTRATION, target: `user:${id}`, details: { key: invented.publicKey, role: 'auditor' } }, invented);
    await appendOffline(t.dataDir, { at, actorId: id, actorRole: 'auditor', action: 'audit.verified', details: await headClaim(t.dataDir) }, invented);
    // The real auditor's key, on a claim of the entry's own sequence number (a verification cannot vouch for itself).
    const auditor = await signerOf(t.dataDir, 'auditor.d', AUDITOR_PASS);
    const own = await headClaim(t.dataDir);
    await appendOffline(t.dataDir, { at, actorId: t.auditor.id, actorRole: 'auditor', action: 'audit.verified', details: { ...own, checkpointSeq: own.checkpointSeq + 1 } }, auditor);
    expect(await verify(t.dataDir)).toMatchObject({ intact: true, signaturesFrom: first.headSeq, checkpoint: { seq: first.headSeq + 1 } });
  });

  it('names a checkpoint signed by an auditor that does not match the chain', async () => {
    const t = await teamWithAuditor();
    await auditorVerifies(t);
    const auditor = await signerOf(t.dataDir, 'auditor.d', AUDITOR_PASS);
    const claim = { ...(await headClaim(t.dataDir)), checkpointMac: 'ab'.repeat(32) };
    const { seq } = await appendOffline(t.dataDir, { at: new Date().toISOString(), actorId: t.auditor.id, actorRole: 'auditor', action: 'audit.verified', details: claim }, auditor);
    expect(await verify(t.dataDir)).toMatchObject({ intact: false, intactUpTo: seq - 1, firstBroken: { seq, reason: 'checkpoint-mismatch' } });
  });

  it('finds an entry before the checkpoint rewritten and the chain re-MACed: the checkpoint no longer matches, so its signatures are checked again', async () => {
    const t = await teamWithAuditor();
    const [signedInB] = await t.seqOf('session.signed-in', t.users['officer.b'].id);
    const first = await auditorVerifies(t);
    await t.as('officer.a');
    await t.core.lock('user');
    expect(signedInB).toBeLessThan(first.headSeq);
    // An insider with the data key puts a reveal in Officer B's name in place of her sign-in, and re-MACs everything after it.
    await rewrite(t.dataDir, (rows) => rows.map((r) => (r.seq === signedInB ? { ...r, action: 'case.sealed-revealed', case_ref: 'TV-2026-0001', details: '{"reason":"forged"}' } : r)));
    const full = await verify(t.dataDir);
    expect(full).toMatchObject({ intact: false, firstBroken: { seq: signedInB, reason: 'signature-invalid' } });
  });

  it('finds a forged signature after the checkpoint', async () => {
    const t = await teamWithAuditor();
    const [signedInB] = await t.seqOf('session.signed-in', t.users['officer.b'].id);
    const first = await auditorVerifies(t);
    await t.as('officer.a');
    await t.core.lock('user');
    const [later] = (await t.seqOf('session.signed-in', t.users['officer.a'].id)).slice(-1);
    expect(later).toBeGreaterThan(first.headSeq);
    await swapSignature(t.dataDir, later, signedInB);
    expect(await verify(t.dataDir)).toMatchObject({ intact: false, intactUpTo: later - 1, firstBroken: { seq: later, reason: 'signature-invalid' } });
  });

  it('finds a bad signature before the checkpoint only in a deep verification (the trade-off); MACs before it always', async () => {
    const t = await teamWithAuditor();
    const [signedInA] = await t.seqOf('session.signed-in', t.users['officer.a'].id);
    const [signedInB] = await t.seqOf('session.signed-in', t.users['officer.b'].id);
    const first = await auditorVerifies(t);
    expect(Math.max(signedInA, signedInB)).toBeLessThan(first.headSeq);
    const original = (await withRawVault(t.dataDir, (tx) => tx.get<{ signature: string }>('SELECT signature FROM audit_log WHERE seq = ?', [signedInA])))!.signature;
    // The signature column is not MACed: swapping one leaves the chain intact, and the checkpoint vouched for it as it was.
    await swapSignature(t.dataDir, signedInA, signedInB);
    expect(await verify(t.dataDir)).toMatchObject({ intact: true, signaturesFrom: first.headSeq, checkpoint: { checkpointSeq: first.headSeq } });
    expect(await verify(t.dataDir, 'all')).toMatchObject({ intact: false, firstBroken: { seq: signedInA, reason: 'signature-invalid' } });
    // Through the app too: the deep option of audit:verify.
    await t.asAuditor();
    expect(await ok(t.core, 'audit:verify', { signatures: 'all' })).toMatchObject({ intact: false, firstBroken: { seq: signedInA, reason: 'signature-invalid' } });
    await ok(t.core, 'session:signOut');
    // An edit of what the MAC covers, before the checkpoint, is found by every verification.
    await withRawVault(t.dataDir, (tx) => tx.run('UPDATE audit_log SET signature = ? WHERE seq = ?', [original, signedInA]));
    expect(await verify(t.dataDir, 'all')).toMatchObject({ intact: true });
    await withRawVault(t.dataDir, (tx) => tx.run("UPDATE audit_log SET details = '{\"x\":1}' WHERE seq = ?", [signedInB]));
    expect(await verify(t.dataDir)).toMatchObject({ intact: false, firstBroken: { seq: signedInB, reason: 'mac-mismatch' } });
  });
});

describe('the routine check after sign-in (MACs since the checkpoint)', () => {
  it('recomputes only the MACs after the latest checkpoint, chained from the MAC it vouched for, and its record is the next checkpoint', async () => {
    const t = await teamWithAuditor();
    // No checkpoint yet: the routine check is a full one.
    const first = await auditorVerifies(t, { macs: 'since-checkpoint' });
    expect(first).toMatchObject({ intact: true, macsFrom: 0, signaturesFrom: 0, checkpoint: null });
    await t.as('officer.a');
    await t.core.lock('user');
    await t.asAuditor();
    const progress: { done: number; total: number }[] = [];
    const stop = t.core.onEvent((event, payload) => {
      const p = payload as { operation: string; phase: string; done: number; total: number };
      if (event === 'vault:progress' && p.operation === 'verification' && p.phase === 'verifying') progress.push({ done: p.done, total: p.total });
    });
    const routine = await ok<Verified & { macsFrom: number }>(t.core, 'audit:verify', { macs: 'since-checkpoint' });
    stop();
    await ok(t.core, 'session:signOut');
    expect(routine).toMatchObject({ intact: true, macsFrom: first.headSeq, signaturesFrom: first.headSeq, checkpoint: { seq: first.headSeq + 1, checkpointSeq: first.headSeq } });
    // Progress counts the entries after the checkpoint (MACs, then signatures), not the whole trail.
    expect(progress.at(-1)).toEqual({ done: 2 * (routine.headSeq - first.headSeq), total: 2 * (routine.headSeq - first.headSeq) });
    const records = await withRawVault(t.dataDir, (tx) => tx.all<{ details: string }>("SELECT details FROM audit_log WHERE action = 'audit.verified' ORDER BY seq"));
    expect(JSON.parse(records[1].details)).toMatchObject({ intact: true, checkpointSeq: routine.headSeq, macsFrom: first.headSeq });
    // The next routine check starts at that one.
    expect(await auditorVerifies(t, { macs: 'since-checkpoint' })).toMatchObject({ intact: true, macsFrom: routine.headSeq });
  });

  it('names an entry after the checkpoint edited; one before it only a full verification finds (the trade-off)', async () => {
    const t = await teamWithAuditor();
    const [signedInB] = await t.seqOf('session.signed-in', t.users['officer.b'].id);
    const first = await auditorVerifies(t);
    expect(signedInB).toBeLessThan(first.headSeq);
    const edit = (seq: number) => withRawVault(t.dataDir, (tx) => tx.run("UPDATE audit_log SET details = '{\"x\":1}' WHERE seq = ?", [seq]));
    await withRawVault(t.dataDir, (tx) => tx.exec('DROP TRIGGER audit_log_no_update'));
    await edit(signedInB);
    const routine = await auditorVerifies(t, { macs: 'since-checkpoint' });
    expect(routine).toMatchObject({ intact: true, macsFrom: first.headSeq });
    expect(await verify(t.dataDir)).toMatchObject({ intact: false, firstBroken: { seq: signedInB, reason: 'mac-mismatch' } });

    // Work after the routine check's own checkpoint, edited behind the app's back.
    await t.as('officer.a');
    await t.core.lock('user');
    const [later] = (await t.seqOf('session.signed-in', t.users['officer.a'].id)).slice(-1);
    expect(later).toBeGreaterThan(routine.headSeq);
    await edit(later);
    await t.asAuditor();
    expect(await ok(t.core, 'audit:verify', { macs: 'since-checkpoint' })).toMatchObject({ intact: false, intactUpTo: later - 1, firstBroken: { seq: later, reason: 'mac-mismatch' } });
  });

  it('goes back to an older checkpoint, checking the MACs between the two, when the newest is not vouched for', async () => {
    const t = await teamWithAuditor();
    const first = await auditorVerifies(t);
    await t.as('officer.b');
    await t.core.lock('user');
    // An officer, offline, records a "verification" of the head in an auditor's role, signed by herself.
    const officerA = await signerOf(t.dataDir, 'officer.a', PASS.officerA);
    await appendOffline(t.dataDir, { at: new Date().toISOString(), actorId: t.users['officer.a'].id, actorRole: 'auditor', action: 'audit.verified', details: await headClaim(t.dataDir) }, officerA);
    const [signedInB] = (await t.seqOf('session.signed-in', t.users['officer.b'].id)).slice(-1);
    expect(signedInB).toBeGreaterThan(first.headSeq);
    await withRawVault(t.dataDir, async (tx) => {
      await tx.exec('DROP TRIGGER audit_log_no_update');
      await tx.run("UPDATE audit_log SET details = '{\"x\":1}' WHERE seq = ?", [signedInB]);
    });
    await t.asAuditor();
    expect(await ok(t.core, 'audit:verify', { macs: 'since-checkpoint' })).toMatchObject({ intact: false, firstBroken: { seq: signedInB, reason: 'mac-mismatch' } });
  });
});

