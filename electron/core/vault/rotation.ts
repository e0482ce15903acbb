/**
 * Rotating the data key (issue 13), e.g. after a staff member leaves: a fresh random key for the
 * database and a fresh recovery key; every account's slot gets the new key sealed to its public
 * key, so no passphrase is needed. The order survives a crash at any step:
 *
 *   1. keyslots.json gains the new generation beside the old one, marked as a rotation (atomic write)
 *   2. PRAGMA rekey re-encrypts every page under the new key (one SQLite transaction)
 *   3. keyslots.json keeps only the new generation (atomic write)
 *
 * After 1 the database still answers to the old key; after 2 to the new one. Opening the vault
 * tries both while a rotation is marked and settles it by which one the database answers to
 * (openVault). A backup keeps the keyslots of its own time, so it opens with the passphrases
 * valid then.
 */
import { randomBytes } from 'node:crypto';
import { formatRecoveryKey, wipe } from '../crypto/crypto';
import { isLegacy, isUserSlot, makeRecoverySlot, readKeyslots, sealGeneration, settledKeyslots, writeKeyslots, type KeyslotsFile } from './keyslots';
import type { Tx } from '../db/connection';
import type { OpenVault } from './vault.service';

export type RotationStep = 'sealed' | 'rekeyed' | 'settled';

export interface Rotated {
  generation: number;
  /** Formatted for showing once. */
  recoveryKey: string;
  /** Accounts whose format-1 slot could not follow (they need a passphrase reset). */
  droppedUserIds: string[];
}

/**
 * Rotates the open vault's data key in place: on return the vault's connection and `vault.dataKey`
 * hold the new key. `checkpoint` runs after each step (tests stop the process there).
 */
export async function rotateDataKey(
  vault: OpenVault,
  now: number,
  /** Appends the rotation's audit entries: runs after the rekey, before the old generation goes. */
  record: (tx: Tx, rotated: Rotated) => Promise<void>,
  checkpoint: (step: RotationStep) => void = () => undefined,
): Promise<Rotated> {
  const next = randomBytes(32);
  const recovery = randomBytes(32);
  try {
    return await vault.db.exclusive(async (conn) => {
      const file = readKeyslots(vault.paths.keyslots);
      const to = file.generation + 1;
      const key = { generation: to, key: next };
      const rotating: KeyslotsFile = {
        ...file,
        rotation: { to, startedAt: new Date(now).toISOString() },
        slots: [...file.slots.map((s) => (isUserSlot(s) && !isLegacy(s) ? sealGeneration(file, s, key) : s)), makeRecoverySlot(file, recovery, key)],
      };
      writeKeyslots(vault.paths.keyslots, rotating);
      checkpoint('sealed');

      // Old-key frames are checkpointed away first and after, so no page under the old key stays in the WAL.
      await conn.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      await conn.rekey(next);
      // From here the connection answers to the new key; so does the session's copy of it. (If a
      // later step fails, the caller locks the vault: the next opening settles the rotation.)
      next.copy(vault.dataKey);
      await conn.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      checkpoint('rekeyed');

      const rotated = {
        generation: to,
        recoveryKey: formatRecoveryKey(recovery),
        droppedUserIds: file.slots.filter(isUserSlot).filter(isLegacy).map((s) => s.userId),
      };
      // Recorded while both generations are still sealed: a crash after this is settled (and recorded again) at opening.
      await conn.transaction((tx) => record(tx, rotated));
      writeKeyslots(vault.paths.keyslots, settledKeyslots(rotating, to));
      checkpoint('settled');
      return rotated;
    });
  } finally {
    wipe(next, recovery);
  }
}
