/**
 * The recovery key (DESIGN.md §2): from the sign-in screen it sets a new passphrase for an
 * administrator account and lifts that account's lock-out. Every use is audited; failures are
 * throttled like sign-ins.
 */
import { appendAudit } from '../audit/audit.service';
import { CoreError } from '../errors';
import { getUserByName, updateUser } from './users.repository';
import { randomBytes } from 'node:crypto';
import { formatRecoveryKey, parseRecoveryKey, wipe } from '../crypto/crypto';
import { vaultPaths } from '../db/files';
import { currentUserSlot, openRecoverySlot, readKeyslots, usernameLookup, withRecoveryKey, withUserSlot, writeKeyslots } from '../vault/keyslots';
import { Throttle } from '../vault/throttle';
import { carryEscrow } from '../sealing/sealing.service';
import { closeVault, openVault } from '../vault/vault.service';

/** Returns the new recovery key that replaces the one just used (to be shown once). */
export async function recoverAdministrator(dataDir: string, username: string, recoveryKeyText: string, newPassphrase: string, now: number): Promise<string> {
  const paths = vaultPaths(dataDir);
  const file = readKeyslots(paths.keyslots);
  const throttle = new Throttle(paths.throttle, file.vaultId);
  const recoveryLookup = `recovery:${file.vaultId}`;
  const gate = throttle.check(recoveryLookup, now);
  if (gate.waitMs > 0) throw new CoreError('THROTTLED', undefined, { retryAfterMs: gate.waitMs });

  const recoveryKey = parseRecoveryKey(recoveryKeyText);
  const keys = recoveryKey ? openRecoverySlot(file, recoveryKey) : null;
  if (!keys) {
    wipe(recoveryKey);
    const next = throttle.recordFailure(recoveryLookup, null, now);
    throw new CoreError('RECOVERY_KEY_INVALID', undefined, next.waitMs > 0 ? { retryAfterMs: next.waitMs } : undefined);
  }

  const vault = await openVault(dataDir, file, keys, now);
  const next = randomBytes(32);
  try {
    const at = new Date(now).toISOString();
    await vault.db.transaction(async (tx) => {
      const user = await getUserByName(tx, username);
      if (!user || user.role !== 'administrator' || user.status !== 'active') throw new CoreError('RECOVERY_KEY_INVALID');
      await updateUser(tx, user.id, null, { must_change_passphrase: 0 }, at);
      // The forgotten passphrase protected the account's signing key too: a new one comes with the
      // new slot, registered by this entry and signed by itself (see audit/signatures.ts).
      const current = readKeyslots(paths.keyslots);
      const { slot, signer } = await currentUserSlot(current, user.id, user.username, newPassphrase, vault.dataKey);
      const as = { at, actorId: user.id, actorRole: 'administrator' };
      await appendAudit(tx, vault.auditKey, { ...as, action: 'vault.recovered', target: `user:${user.id}`, details: { key: signer.publicKey, role: 'administrator' } }, signer);
      await appendAudit(tx, vault.auditKey, { ...as, action: 'vault.recovery-key-issued', details: { after: 'use' } }, signer);
      await tx.run("DELETE FROM meta WHERE key = 'recovery_key_unseen'");
      // The escrow of case keys follows the recovery key: the same escrow, wrapped under the new one.
      await carryEscrow(tx, recoveryKey!, next, at);
      // A used recovery key has been typed somewhere: it is replaced at once, and the new one shown once.
      writeKeyslots(paths.keyslots, withRecoveryKey(withUserSlot(current, slot), next, vault.dataKey));
    });
    throttle.clearAccount(usernameLookup(file.vaultId, username), now);
    throttle.clearAccount(recoveryLookup, now);
    return formatRecoveryKey(next);
  } finally {
    wipe(next, recoveryKey);
    await closeVault(vault, new Date(now));
  }
}
