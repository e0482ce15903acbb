/** SQL for vault-wide settings (key → value text). */
import type { Tx } from '../db/connection';

export async function getSetting(tx: Tx, key: string): Promise<string | undefined> {
  return (await tx.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]))?.value;
}

export async function putSetting(tx: Tx, key: string, value: string): Promise<void> {
  await tx.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
}
