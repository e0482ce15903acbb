import type { Channel, EventName } from '../common/channels';
import type { EventPayload, Result } from '../common/contract';
import type { Locale } from '../common/errors';
import type { LockReason } from '../common/accounts';
import type { BackupDialogs } from './backup/backup.service';
import type { ExportPlatform } from './exports/exports.service';
import type { StatisticsDialogs } from './statistics/statistics.service';

export interface CoreOptions {
  /** The vault's data directory (created 0700 on first run). */
  dataDir: string;
  /** Language for error messages before anyone signs in (the system's). */
  locale?: Locale;
  /** Injected clock for tests. */
  now?: () => number;
  /** Renders and delivers printed summaries: Electron's main process, or the test harness. */
  exportPlatform?: ExportPlatform;
  /** Chooses backup files: Electron's dialogs, or the test harness. */
  backupDialogs?: BackupDialogs;
  /** Chooses where a statistics CSV goes: Electron's save dialog, or the test harness. */
  statisticsDialogs?: StatisticsDialogs;
  /** Clears the clipboard some time after the renderer copied (Electron's main process). */
  clipboard?: { copied(): void };
}

export type CoreEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * One core per window (Electron) or per page (E2E harness). It owns the session of that
 * window: the renderer never holds a token, so a renderer cannot forge or replay one.
 */
export interface MamoriCoreApi {
  /** Parses `input` with the contract, checks the session and role, runs the service. Never throws. */
  dispatch(channel: unknown, input: unknown): Promise<Result<unknown>>;
  /** Locks now (panic key, suspend, screen lock); emits 'session:locked'. */
  lock(reason: LockReason): Promise<void>;
  /** Subscribes to events for the renderer ('session:locked'). Returns the unsubscribe function. */
  onEvent(listener: CoreEventListener): () => void;
  /** Locks and releases the vault (app quit). */
  close(): Promise<void>;
}

export type { Channel };
