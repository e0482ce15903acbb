/**
 * The recovery key (DESIGN.md §2): from the sign-in screen it sets a new passphrase for an
 * administrator account and lifts that account's lock-out. Every use is audited; failures are
 * throttled like sign-ins.
 */
import { appendAudit } from '../audit/audit.service';
import { CoreError } from '../errors';
import { getUserByName, updateUser } from './users.repository';
import { parseRecoveryKey, wipe } from '../crypto/crypto';
import { vaultPaths } from '../db/files';
import { openRecoverySlot, readKeyslots, replaceUserSlot, usernameLookup } from '../vault/keyslots';
import { Throttle } from '../vault/throttle';
import { closeVault, openVault } from '../vault/vault.service';

export async function recoverAdministrator(dataDir: string, username: string, recoveryKeyText: string, newPassphrase: string, now: number): Promise<void> {
  const paths = vaultPaths(dataDir);
  const file = readKeyslots(paths.keyslots);
  const throttle = new Throttle(paths.throttle, file.vaultId);
  const recoveryLookup = `recovery:${file.vaultId}`;
  const gate = throttle.check(recoveryLookup, now);
  if (gate.waitMs > 0) throw new CoreError('THROTTLED', undefined, { retryAfterMs: gate.waitMs });

  const recoveryKey = parseRecoveryKey(recoveryKeyText);
  const dataKey = recoveryKey ? openRecoverySlot(file, recoveryKey) : null;
  wipe(recoveryKey);
  if (!dataKey) {
    const next = throttle.recordFailure(recoveryLookup, null, now);
    throw new CoreError('RECOVERY_KEY_INVALID', undefined, next.waitMs > 0 ? { retryAfterMs: next.waitMs } : undefined);
  }

  const vault = await openVault(dataDir, file, dataKey);
  try {
    const at = new Date(now).toISOString();
    await vault.db.transaction(async (tx) => {
      const user = await getUserByName(tx, username);
      if (!user || user.role !== 'administrator' || user.status !== 'active') throw new CoreError('RECOVERY_KEY_INVALID');
      await updateUser(tx, user.id, null, { must_change_passphrase: 0 }, at);
      await appendAudit(tx, vault.auditKey, { at, actorId: user.id, actorRole: 'administrator', action: 'vault.recovered', target: `user:${user.id}` });
      await replaceUserSlot(paths.keyslots, file, user.id, user.username, newPassphrase, vault.dataKey);
    });
    throttle.clearAccount(usernameLookup(file.vaultId, username), now);
    throttle.clearAccount(recoveryLookup, now);
  } finally {
    await closeVault(vault, new Date(now));
  }
}
