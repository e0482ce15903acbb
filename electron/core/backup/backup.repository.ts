/** SQL for the backup register and the reminder interval. */
import { randomUUID } from 'node:crypto';
import { BACKUP_REMINDER_DEFAULT_DAYS, BackupReminderDaysSchema, type BackupRecord } from '../../common/contract.backup';
import type { Tx } from '../db/connection';
import { getSetting, putSetting } from '../settings/settings.repository';

export async function insertBackup(
  tx: Tx,
  r: { createdAt: string; createdBy: string; fileName: string; bytes: number; sha256: string; caseCount: number; auditSeq: number; schemaVersion: number },
): Promise<string> {
  const id = randomUUID();
  await tx.run(
    `INSERT INTO backups (id, created_at, created_by, file_name, bytes, sha256, case_count, audit_seq, schema_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, r.createdAt, r.createdBy, r.fileName, r.bytes, r.sha256, r.caseCount, r.auditSeq, r.schemaVersion],
  );
  return id;
}

export async function recentBackups(tx: Tx, limit: number): Promise<BackupRecord[]> {
  const rows = await tx.all<{ id: string; created_at: string; display_name: string; file_name: string; bytes: number; sha256: string; case_count: number; audit_seq: number }>(
    `SELECT b.id, b.created_at, u.display_name, b.file_name, b.bytes, b.sha256, b.case_count, b.audit_seq
       FROM backups b JOIN users u ON u.id = b.created_by ORDER BY b.created_at DESC, b.rowid DESC LIMIT ?`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    createdBy: r.display_name,
    fileName: r.file_name,
    bytes: r.bytes,
    sha256: r.sha256,
    caseCount: r.case_count,
    auditSeq: r.audit_seq,
  }));
}

export async function reminderDays(tx: Tx): Promise<number> {
  const parsed = BackupReminderDaysSchema.safeParse(Number(await getSetting(tx, 'backup_reminder_days')));
  return parsed.success ? parsed.data : BACKUP_REMINDER_DEFAULT_DAYS;
}

export async function setReminderDays(tx: Tx, days: number): Promise<void> {
  await putSetting(tx, 'backup_reminder_days', String(days));
}
