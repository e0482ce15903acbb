/**
 * Backups and restore. A backup is written and verified before it is registered; the register row
 * and its audit entry are one transaction. A restore over the current vault checks the typed code
 * and opens the backup before it ends the session, so a wrong file or passphrase costs nothing.
 */
import { basename } from 'node:path';
import type { BackupStatus } from '../../common/contract.backup';
import type { Tx } from '../db/connection';
import { CoreError } from '../errors';
import type { CoreEnv, HandlerSlice, SignedIn } from '../handler';
import { insertBackup, recentBackups, reminderDays, setReminderDays } from './backup.repository';
import { backupFileName, createBackup, type BackupDialogs } from './backup.service';
import { vaultCode } from '../vault/keyslots';
import { hasVault, openBackup, restoreBackup, vaultCodeOf } from './restore.service';

function dialogsOf(env: CoreEnv): BackupDialogs {
  if (!env.backupDialogs) throw new CoreError('BACKUP_UNAVAILABLE');
  return env.backupDialogs;
}

async function chooseSource(env: CoreEnv): Promise<string> {
  const from = await dialogsOf(env).chooseBackupSource();
  if (!from) throw new CoreError('BACKUP_CANCELLED');
  return from;
}

export async function backupStatus(tx: Tx, vaultId: string, now: number): Promise<BackupStatus> {
  const recent = await recentBackups(tx, 10);
  const days = await reminderDays(tx);
  const last = recent[0] ?? null;
  // Whole days elapsed (not calendar dates, which differ between UTC and the officer's time zone).
  const daysSince = last ? Math.max(0, Math.floor((now - Date.parse(last.createdAt)) / 86_400_000)) : null;
  return { last, recent, reminderDays: days, daysSince, overdue: daysSince === null || daysSince >= days, vaultCode: vaultCode(vaultId) };
}

const status = (r: SignedIn) => r.read((tx) => backupStatus(tx, r.session.vault.vaultId, r.env.now()));

export const backupHandlers: HandlerSlice<'backup'> = {
  'backup:status': (_input, r) => status(r),
  'backup:setReminder': async (input, r) => {
    await r.work(async ({ tx, audit }) => {
      await setReminderDays(tx, input.days);
      await audit({ action: 'vault.backup-settings-changed', details: { reminderDays: input.days } });
    });
    return status(r);
  },
  'backup:create': async (_input, r) => {
    const target = await dialogsOf(r.env).chooseBackupTarget(backupFileName(new Date(r.env.now())));
    if (!target) throw new CoreError('BACKUP_CANCELLED');
    const { vault, user } = r.session;
    let result;
    try {
      result = await createBackup(vault, { target, createdBy: user.id, now: r.env.now(), progress: r.env.progress });
    } catch (e) {
      const code = e instanceof CoreError ? e.code : 'INTERNAL';
      await r.work(({ audit }) => audit({ action: 'vault.backup-failed', details: { code } })).catch(() => undefined);
      throw e;
    }
    const fileName = basename(result.file);
    const id = await r.work(async ({ tx, audit, at }) => {
      const row = await insertBackup(tx, {
        createdAt: at,
        createdBy: user.id,
        fileName,
        bytes: result.bytes,
        sha256: result.sha256,
        caseCount: result.manifest.caseCount,
        auditSeq: result.manifest.auditHead.seq,
        schemaVersion: result.manifest.schemaVersion,
      });
      await audit({ action: 'vault.backed-up', details: { fileName, bytes: result.bytes, sha256: result.sha256, auditSeq: result.manifest.auditHead.seq, caseCount: result.manifest.caseCount } });
      return row;
    });
    const { recent } = await status(r);
    const record = recent.find((b) => b.id === id);
    if (!record) throw new CoreError('INTERNAL');
    return record;
  },
  'backup:restore': async (input, r) => {
    const code = vaultCode(r.session.vault.vaultId);
    if (input.confirmation.replace(/[\s-]/g, '').toUpperCase() !== code) throw new CoreError('RESTORE_CONFIRMATION_MISMATCH');
    const from = await chooseSource(r.env);
    // The backup must open and verify its manifest before the session ends.
    const probe = await openBackup(from, input.username, input.passphrase);
    const foreign = vaultCode(probe.manifest.vaultId) !== code;
    await probe.close();
    if (foreign) throw new CoreError('BACKUP_FOREIGN');
    await r.env.lock('restore');
    return restoreBackup({
      dataDir: r.env.dataDir,
      from,
      username: input.username,
      passphrase: input.passphrase,
      replace: { confirmation: input.confirmation, authority: { kind: 'session' } },
      now: r.env.now(),
      progress: r.env.progress,
    });
  },
  'backup:restoreInto': async (input, env) => {
    if (env.session) throw new CoreError('VAULT_IN_USE');
    const existing = hasVault(env.dataDir);
    if (existing) {
      if (input.confirmation === undefined) throw new CoreError('RESTORE_TARGET_NOT_EMPTY');
      if (input.confirmation.replace(/[\s-]/g, '').toUpperCase() !== (vaultCodeOf(env.dataDir) ?? 'REPLACE')) throw new CoreError('RESTORE_CONFIRMATION_MISMATCH');
    }
    const from = await chooseSource(env);
    return restoreBackup({
      dataDir: env.dataDir,
      from,
      username: input.username,
      passphrase: input.passphrase,
      replace: existing ? { confirmation: input.confirmation ?? '', authority: { kind: 'damaged', username: input.username, passphrase: input.passphrase } } : undefined,
      now: env.now(),
      progress: env.progress,
    });
  },
};
