import type { BackupProgress, BackupStatus, RestoreResult } from '../../../electron/common/contract.backup';
import type { VaultKeys } from '../../../electron/common/contract.vault';
import type { ErrorCode } from '../../../electron/common/errors';
import { defineStore } from '../../stores/registry';

/**
 * The administrator's view of backups and the data key. Never a recovery key: a new one lives only
 * in the dialog that shows it once.
 */
export interface BackupState {
  status: BackupStatus | null;
  keys: VaultKeys | null;
  /** The running backup's or key rotation's last 'vault:progress' report; null when none runs. */
  progress: BackupProgress | null;
}

export const initialBackupState: BackupState = { status: null, keys: null, progress: null };

export const useBackupStore = defineStore('backup', initialBackupState);

export const backupSelectors = {
  status: (s: BackupState) => s.status,
  keys: (s: BackupState) => s.keys,
  progress: (s: BackupState) => s.progress,
};

/** How a restore ended, for the sign-in screen that follows it. Dates, counts and a folder name: nothing about people. */
export type RestoreOutcome =
  | { kind: 'restored'; result: RestoreResult; over: 'vault' | 'damaged' | 'empty' }
  | { kind: 'failed'; code: ErrorCode };

export interface RestoreState {
  /** The running restore's last progress report; null when none runs. */
  progress: BackupProgress | null;
  outcome: RestoreOutcome | null;
}

export const initialRestoreState: RestoreState = { progress: null, outcome: null };

/**
 * A store of its own because a restore over the vault outlives the session that started it: the
 * lock resets every store mid-restore, and the outcome is written after that reset.
 */
export const useRestoreStore = defineStore('restore', initialRestoreState);

export const restoreSelectors = {
  progress: (s: RestoreState) => s.progress,
  outcome: (s: RestoreState) => s.outcome,
};
