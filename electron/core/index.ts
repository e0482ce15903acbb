/** The public face of core for main, the CLI and the test harness. */
import { MamoriCore } from './core';
import type { CoreOptions, MamoriCoreApi } from './core.types';

export function createCore(opts: CoreOptions): MamoriCoreApi {
  return new MamoriCore(opts);
}

export type { CoreOptions, MamoriCoreApi, CoreEventListener } from './core.types';
export type { ExportPlatform, PrintJob } from './exports/exports.service';
export type { BackupDialogs } from './backup/backup.service';
export type { StatisticsDialogs } from './statistics/statistics.service';
