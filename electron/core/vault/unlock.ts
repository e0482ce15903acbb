/**
 * The only path from a user name and passphrase to the data key: throttle check, slot lookup,
 * scrypt, unwrap. One error for an unknown user and a wrong passphrase; both cost one scrypt.
 */
import type { KeyObject } from 'node:crypto';
import { CoreError } from '../errors';
import { vaultPaths } from '../db/files';
import { equaliseTiming, findUserSlot, isLegacy, openUserSlot, readKeyslots, usernameLookup, type GenerationKey, type KeyslotsFile, type Signer } from './keyslots';
import { Throttle } from './throttle';

export interface Unwrapped {
  file: KeyslotsFile;
  userId: string;
  /** Key material: hand them to openVault (which takes ownership) or wipe them. */
  keys: GenerationKey[];
  /** The slot is still in format 1: rewrap it (the passphrase is at hand only now). */
  legacySlot: boolean;
  /** The account's signing key; null for a slot from before signatures (one is made at sign-in). */
  signer: Signer | null;
  /** The account's sealing key (X25519, key material); null until the account has set its own passphrase. */
  sealing: KeyObject | null;
  throttle: Throttle;
  lookup: string;
}

export async function unwrapWithPassphrase(dataDir: string, username: string, passphrase: string, now: number): Promise<Unwrapped> {
  const paths = vaultPaths(dataDir);
  const file = readKeyslots(paths.keyslots);
  const throttle = new Throttle(paths.throttle, file.vaultId);
  const lookup = usernameLookup(file.vaultId, username);
  const gate = throttle.check(lookup, now);
  if (gate.lockedOut) throw new CoreError('LOCKED_OUT');
  if (gate.waitMs > 0) throw new CoreError('THROTTLED', undefined, { retryAfterMs: gate.waitMs });

  const slot = findUserSlot(file, username);
  const opened = slot ? await openUserSlot(file, slot, passphrase) : (await equaliseTiming(), null);
  if (!slot || !opened) {
    const next = throttle.recordFailure(lookup, slot?.userId ?? null, now);
    // An unknown name is "locked out" like any other, so lock-out does not reveal which names exist.
    if (next.lockedOut) throw new CoreError('LOCKED_OUT');
    throw new CoreError('BAD_CREDENTIALS', undefined, next.waitMs > 0 ? { retryAfterMs: next.waitMs } : undefined);
  }
  return { file, userId: slot.userId, keys: opened.keys, signer: opened.signer, sealing: opened.sealing, throttle, lookup, legacySlot: isLegacy(slot) };
}
