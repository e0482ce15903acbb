import { AutoLockMinutesSchema, type Settings } from '../../common/accounts';
import { STATISTICS_THRESHOLD_DEFAULT, STATISTICS_THRESHOLD_MAX, StatisticsThresholdSchema } from '../../common/statistics';
import type { Tx } from '../db/connection';
import { getSetting, putSetting } from './settings.repository';

export const DEFAULT_AUTO_LOCK_MINUTES = 5;

const KEYS = { autoLockMinutes: 'auto_lock_minutes', statisticsThreshold: 'statistics_threshold' } as const satisfies Record<keyof Settings, string>;

/**
 * The vault's settings. A statistics threshold that was never set is the default; one that cannot be
 * read (edited behind the app's back) counts as the highest allowed: an unreadable setting never
 * shows smaller counts.
 */
export async function readSettings(tx: Tx): Promise<Settings> {
  const autoLock = AutoLockMinutesSchema.safeParse(Number(await getSetting(tx, KEYS.autoLockMinutes)));
  const storedK = await getSetting(tx, KEYS.statisticsThreshold);
  const k = StatisticsThresholdSchema.safeParse(Number(storedK));
  return {
    autoLockMinutes: autoLock.success ? autoLock.data : DEFAULT_AUTO_LOCK_MINUTES,
    statisticsThreshold: storedK === undefined ? STATISTICS_THRESHOLD_DEFAULT : k.success ? k.data : STATISTICS_THRESHOLD_MAX,
  };
}

/** Writes the settings given; the others stay as they are. */
export async function writeSettings(tx: Tx, s: Partial<Settings>): Promise<void> {
  for (const key of Object.keys(KEYS) as (keyof Settings)[]) {
    const value = s[key];
    if (value !== undefined) await putSetting(tx, KEYS[key], String(value));
  }
}
