import { AutoLockMinutesSchema, type Settings } from '../../common/accounts';
import type { Tx } from '../db/connection';
import { getSetting, putSetting } from './settings.repository';

export const DEFAULT_AUTO_LOCK_MINUTES = 5;

export async function readSettings(tx: Tx): Promise<Settings> {
  const parsed = AutoLockMinutesSchema.safeParse(Number(await getSetting(tx, 'auto_lock_minutes')));
  return { autoLockMinutes: parsed.success ? parsed.data : DEFAULT_AUTO_LOCK_MINUTES };
}

export async function writeSettings(tx: Tx, s: Settings): Promise<void> {
  await putSetting(tx, 'auto_lock_minutes', String(s.autoLockMinutes));
}
