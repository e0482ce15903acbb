/**
 * Test-only back door: opens a vault's database with the administrator's unwrapped key and no
 * app logic, to tamper with it "behind the app's back" and to read what the app wrote.
 */
import { join } from 'node:path';
import { Db, type Tx } from '../../electron/core/db/connection';
import { findUserSlot, openUserSlot, readKeyslots } from '../../electron/core/vault/keyslots';
import { ADMIN } from '../fixtures/vault';

export async function adminDataKey(dataDir: string): Promise<Buffer> {
  const file = readKeyslots(join(dataDir, 'keyslots.json'));
  const key = await openUserSlot(file, findUserSlot(file, ADMIN.username)!, ADMIN.passphrase);
  if (!key) throw new Error('test admin slot did not open');
  return key;
}

export async function withRawVault<T>(dataDir: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await Db.open(join(dataDir, 'mamori.db'), await adminDataKey(dataDir), { create: false });
  try {
    return await db.transaction(fn);
  } finally {
    await db.close();
  }
}
