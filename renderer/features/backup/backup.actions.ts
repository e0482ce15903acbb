import type { BackupProgress, BackupRecord, BackupStatus, RestoreResult } from '../../../electron/common/contract.backup';
import type { ChannelInput, ChannelOutput } from '../../../electron/common/contract';
import { call, errorCodeOf, onEvent } from '../../api/mamori';
import { callInSession, sessionLockedByCore } from '../session/session.actions';
import { useSessionStore } from '../session/session.store';
import { useBackupStore, useRestoreStore, type RestoreOutcome } from './backup.store';

/** Reports of one kind of vault operation go to `report` until the returned function is called. */
function follow(operation: BackupProgress['operation'], report: (progress: BackupProgress) => void): () => void {
  return onEvent('vault:progress', (progress) => {
    if (progress.operation === operation) report(progress);
  });
}

// ─── Backups ─────────────────────────────────────────────────────────────────────────────────────

/** Administrators: the last verified backup, the reminder and the vault ID. */
export async function loadBackupStatus(): Promise<void> {
  const status = await callInSession('backup:status', {});
  useBackupStore.setState({ status });
}

/** The status as it is right after `record` was made, until core's own answer arrives. */
function withNewBackup(status: BackupStatus, record: BackupRecord): BackupStatus {
  return { ...status, last: record, recent: [record, ...status.recent.filter((b) => b.id !== record.id)], daysSince: 0, overdue: false };
}

/**
 * Writes a verified backup where the administrator chooses in the OS dialog (core opens it).
 * Progress is in the store while it runs; BACKUP_CANCELLED when no file was chosen.
 */
export async function createBackup(): Promise<BackupRecord> {
  useBackupStore.setState({ progress: null });
  const stop = follow('backup', (progress) => useBackupStore.setState({ progress }));
  try {
    const record = await callInSession('backup:create', {});
    const { status } = useBackupStore.getState();
    if (status) useBackupStore.setState({ status: withNewBackup(status, record) });
    // The reminder clears from the record at once; core's answer only confirms it, so its failure is not the backup's.
    await loadBackupStatus().catch(() => undefined);
    return record;
  } finally {
    stop();
    useBackupStore.setState({ progress: null });
  }
}

export async function setBackupReminder(days: number): Promise<void> {
  const status = await callInSession('backup:setReminder', { days });
  useBackupStore.setState({ status });
}

// ─── Restore ─────────────────────────────────────────────────────────────────────────────────────

function followRestore(): () => void {
  useRestoreStore.setState({ progress: null, outcome: null });
  return follow('restore', (progress) => useRestoreStore.setState({ progress }));
}

function settle(outcome: RestoreOutcome): void {
  useRestoreStore.setState({ progress: null, outcome });
}

/**
 * A signed-in administrator replaces this vault with a backup of it. Core checks the vault ID and
 * opens the backup first (a refusal then leaves the session as it was), then ends every session
 * ('session:locked', reason 'restore') and restores. The outcome waits in the restore store for the
 * sign-in screen, because the dialog that asked is gone by then.
 */
export async function restoreOverVault(input: ChannelInput<'backup:restore'>): Promise<RestoreResult> {
  const stop = followRestore();
  try {
    // Not callInSession: the session ends during this call by design, which is not a stale reply.
    const result = await call('backup:restore', input);
    // The lock event may still be on its way; the screen must not wait for it.
    sessionLockedByCore('restore');
    settle({ kind: 'restored', result, over: 'vault' });
    return result;
  } catch (error) {
    // Whether the refusal came before the session ended (the dialog shows it) or after (sign-in shows it).
    const current = await call('session:current', {}).catch(() => null);
    if (!current) {
      sessionLockedByCore('restore');
      settle({ kind: 'failed', code: errorCodeOf(error) });
    }
    throw error;
  } finally {
    stop();
    useRestoreStore.setState({ progress: null });
  }
}

/**
 * Signed out: restores a backup into an empty data folder (first run), or over a vault that cannot
 * be opened because it is damaged (`confirmation` is then its vault ID). Core opens the OS dialog.
 */
export async function restoreInto(input: ChannelInput<'backup:restoreInto'>, over: 'empty' | 'damaged'): Promise<RestoreResult> {
  const stop = followRestore();
  try {
    const result = await call('backup:restoreInto', input);
    settle({ kind: 'restored', result, over });
    // Whatever ended the last session (a damaged file) is no longer the news on the sign-in screen.
    useSessionStore.setState({ lastLock: null });
    return result;
  } finally {
    stop();
    useRestoreStore.setState({ progress: null });
  }
}

/** Signed out: what went wrong with the vault, as plain technical text without personal data. */
export async function loadDiagnostics(): Promise<ChannelOutput<'vault:diagnostics'>> {
  return call('vault:diagnostics', {});
}

// ─── The data key ────────────────────────────────────────────────────────────────────────────────

export async function loadVaultKeys(): Promise<void> {
  const keys = await callInSession('vault:keys', {});
  useBackupStore.setState({ keys });
}

export type RotationResult = ChannelOutput<'vault:rotateKey'>;

/**
 * Replaces the data key and the recovery key. Resolves with the new recovery key: never put it in
 * a store; only the dialog that shows it once holds it.
 */
export async function rotateDataKey(reason: string): Promise<RotationResult> {
  useBackupStore.setState({ progress: null });
  const stop = follow('rotation', (progress) => useBackupStore.setState({ progress }));
  try {
    const result = await callInSession('vault:rotateKey', { reason });
    await loadVaultKeys().catch(() => undefined);
    return result;
  } finally {
    stop();
    useBackupStore.setState({ progress: null });
  }
}

/** Issues a new recovery key (the old one stops working); the same rule: never into a store. */
export async function reissueRecoveryKey(reason: string): Promise<string> {
  const { recoveryKey } = await callInSession('vault:reissueRecoveryKey', { reason });
  await loadVaultKeys().catch(() => undefined);
  return recoveryKey;
}
