/** Synthetic backup records, statuses and key states for the backup component tests. */
import type { BackupRecord, BackupStatus } from '../../../electron/common/contract.backup';
import type { VaultKeys } from '../../../electron/common/contract.vault';

export const HASH = '0123456789abcdef'.repeat(4);

export function backupRecord(overrides: Partial<BackupRecord> = {}): BackupRecord {
  return {
    id: 'backup-1',
    createdAt: '2026-11-20T01:00:00.000Z',
    createdBy: 'Testperson Admin',
    fileName: 'mamori-2026-11-20.mamori-backup',
    bytes: 2_457_600,
    sha256: HASH,
    caseCount: 12,
    auditSeq: 340,
    ...overrides,
  };
}

export function backupStatus(overrides: Partial<BackupStatus> = {}): BackupStatus {
  return {
    last: backupRecord(),
    recent: [backupRecord()],
    reminderDays: 7,
    daysSince: 2,
    overdue: false,
    vaultCode: '3F9A12BC',
    ...overrides,
  };
}

export const NEVER_BACKED_UP: Partial<BackupStatus> = { last: null, recent: [], daysSince: null, overdue: true };

export function vaultKeys(overrides: Partial<VaultKeys> = {}): VaultKeys {
  return { generation: 1, lastRotatedAt: null, recoveryKeyUnseen: false, accountsNotRotatable: [], ...overrides };
}

export const RECOVERY_KEY = 'AB12-CD34-EF56-GH78-JK90-LM12-NP34-QR56-ST78-UV90-WX12-YZ34-K7Q2';

/** A promise the test settles when it chooses, so a long operation can be watched while it runs. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
