/**
 * The only path from a user name and passphrase to the data key: throttle check, slot lookup,
 * scrypt, unwrap. One error for an unknown user and a wrong passphrase; both cost one scrypt.
 */
import { CoreError } from '../errors';
import { vaultPaths } from './files';
import { equaliseTiming, findUserSlot, openUserSlot, readKeyslots, usernameLookup, type KeyslotsFile } from './keyslots';
import { Throttle } from './throttle';

export interface Unwrapped {
  file: KeyslotsFile;
  userId: string;
  /** Key material: hand it to openVault (which takes ownership) or wipe it. */
  dataKey: Buffer;
  throttle: Throttle;
  lookup: string;
}

export async function unwrapWithPassphrase(dataDir: string, username: string, passphrase: string, now: number): Promise<Unwrapped> {
  const paths = vaultPaths(dataDir);
  const file = readKeyslots(paths.keyslots);
  const throttle = new Throttle(paths.throttle, file.vaultId);
  const lookup = usernameLookup(file.vaultId, username);
  const wait = throttle.waitFor(lookup, now);
  if (wait > 0) throw new CoreError('THROTTLED', undefined, { retryAfterMs: wait });

  const slot = findUserSlot(file, username);
  const dataKey = slot ? await openUserSlot(file, slot, passphrase) : (await equaliseTiming(), null);
  if (!slot || !dataKey) {
    const nextWait = throttle.recordFailure(lookup, slot?.userId ?? null, now);
    throw new CoreError('BAD_CREDENTIALS', undefined, nextWait > 0 ? { retryAfterMs: nextWait } : undefined);
  }
  return { file, userId: slot.userId, dataKey, throttle, lookup };
}
