import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../electron/core/audit/audit.service';
import { Db } from '../../electron/core/db/connection';
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
      'vault.created',
      'vault.recovery-key-issued',
      'session.signed-in',
      'settings.updated',
      'session.locked',
      'session.signed-in',
      'session.signed-out',
    ]);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(JSON.parse(rows[4].details)).toEqual({ reason: 'panic' });
  });

  it('verifies an untouched chain', async () => {
    const dataDir = await vaultWithHistory();
    expect(await verify(dataDir)).toMatchObject({ intact: true, entries: 7, head: { seq: 7 } });
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
      await tx.run('UPDATE audit_log SET details = ? WHERE seq = 4', ['{"autoLockMinutes":30}']);
    });
    expect(await verify(dataDir)).toEqual({ intact: false, entries: 3, intactUpTo: 3, firstBroken: { seq: 4, reason: 'mac-mismatch' } });
  });

  it('names a removed entry as a gap', async () => {
    const dataDir = await vaultWithHistory();
    await withRawVault(dataDir, async (tx) => {
      await tx.exec('DROP TRIGGER audit_log_no_delete');
      await tx.run('DELETE FROM audit_log WHERE seq = 5');
    });
    expect(await verify(dataDir)).toMatchObject({ intact: false, intactUpTo: 4, firstBroken: { seq: 5, reason: 'sequence-gap' } });
  });
});
