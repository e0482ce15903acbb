/** Verified backups and restore (merged into `contract` in contract.ts). Issue 13. */
import { z } from 'zod';
import { PassphraseSchema } from './accounts';
import { Empty, type ContractSlice } from './schemas';

/** What a long vault operation reports while it runs ('vault:progress' event). */
export const BackupProgressSchema = z.object({
  operation: z.enum(['backup', 'restore', 'rotation', 'verification']),
  phase: z.enum(['copying', 'verifying', 'writing', 'rekeying', 'done']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type BackupProgress = z.infer<typeof BackupProgressSchema>;

export const BACKUP_REMINDER_DEFAULT_DAYS = 7;
export const BackupReminderDaysSchema = z.number().int().min(1).max(90);

/** One verified backup as the register keeps it (the file's name, never its contents). */
export const BackupRecordSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  caseCount: z.number().int(),
  auditSeq: z.number().int(),
});
export type BackupRecord = z.infer<typeof BackupRecordSchema>;

export const BackupStatusSchema = z.object({
  /** The newest verified backup, if any. */
  last: BackupRecordSchema.nullable(),
  recent: z.array(BackupRecordSchema),
  reminderDays: BackupReminderDaysSchema,
  /** Whole days since the last verified backup (null: never). */
  daysSince: z.number().int().nullable(),
  overdue: z.boolean(),
  /** What an administrator types to confirm replacing this vault: the start of its vault ID. */
  vaultCode: z.string(),
});
export type BackupStatus = z.infer<typeof BackupStatusSchema>;

/** The backup-time credentials that open a backup (an administrator of the backed-up vault). */
const BackupCredentials = {
  username: z.string().trim().min(1).max(64),
  passphrase: PassphraseSchema,
};

export const RestoreResultSchema = z.object({
  backupCreatedAt: z.string(),
  caseCount: z.number().int(),
  auditSeq: z.number().int(),
  /** Where the replaced vault was set aside (a folder name in the data directory), if one was. */
  setAside: z.string().nullable(),
});
export type RestoreResult = z.infer<typeof RestoreResultSchema>;

export const backupContract = {
  /** Administrators: the last verified backup, the reminder, and whether a backup is overdue. */
  'backup:status': { input: Empty, output: BackupStatusSchema },
  /** Administrators: asks where to save (OS dialog), writes a verified backup there. Progress: 'vault:progress'. */
  'backup:create': { input: Empty, output: BackupRecordSchema },
  /** Administrators: how many days may pass before administrators are reminded to back up. */
  'backup:setReminder': { input: z.object({ days: BackupReminderDaysSchema }).strict(), output: BackupStatusSchema },
  /**
   * Administrators: replaces the current vault with a backup of it (chosen in the OS dialog), after
   * typing the vault code. The current vault is kept aside, never deleted. Ends the session.
   */
  'backup:restore': { input: z.object({ ...BackupCredentials, confirmation: z.string().trim().max(32) }).strict(), output: RestoreResultSchema },
  /**
   * Signed out: restores into an empty data directory, or over a vault that cannot be opened
   * because it is damaged (then the credentials must also open the current vault's keyslots, and
   * the vault code is typed). A vault that opens is only replaced by a signed-in administrator.
   */
  'backup:restoreInto': {
    input: z.object({ ...BackupCredentials, confirmation: z.string().trim().max(32).optional() }).strict(),
    output: RestoreResultSchema,
  },
} as const satisfies ContractSlice<'backup'>;
