/** The vault's channels: whether it exists, first run, recovery, the data key's rotation and the damaged-vault diagnostics. */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { appendAudit } from '../audit/audit.service';
import { formatRecoveryKey, parseRecoveryKey, wipe } from '../crypto/crypto';
import { newEscrow } from '../sealing/sealing.service';
import { vaultPaths } from '../db/files';
import { SCHEMA_VERSION } from '../db/migrations';
import { finishInterruptedRestore } from '../backup/restore.service';
import { CoreError } from '../errors';
import type { CoreEnv, HandlerSlice } from '../handler';
import { recoverAdministrator } from '../users/recovery.service';
import { insertUser } from '../users/users.repository';
import { isLegacy, isUserSlot, readKeyslots, vaultCode, withRecoveryKey, writeKeyslots } from './keyslots';
import { rotateDataKey } from './rotation';
import { createVault, vaultExists } from './vault.service';

/** Technical facts for support when the vault will not open: codes, sizes, versions; never content or names. */
function diagnostics(env: CoreEnv): string {
  const paths = vaultPaths(env.dataDir);
  const lines = [`Mamori vault diagnostics, ${new Date(env.now()).toISOString()}`, `schema supported: ${SCHEMA_VERSION}`, `platform: ${process.platform} ${process.arch}, node ${process.versions.node}`];
  if (env.lastDamage) lines.push(`last failure: VAULT_DAMAGED (${env.lastDamage.detail}) at ${env.lastDamage.at}`);
  for (const name of existsSync(paths.dir) ? readdirSync(paths.dir).sort() : []) {
    const s = statSync(`${paths.dir}/${name}`);
    lines.push(`file: ${name} ${s.isDirectory() ? 'folder' : `${s.size} bytes`}`);
  }
  try {
    const file = readKeyslots(paths.keyslots);
    lines.push(`keyslots: format ${file.format}, generation ${file.generation}${file.rotation ? `, rotation to ${file.rotation.to} pending` : ''}, ${file.slots.length} slots`);
  } catch (e) {
    lines.push(`keyslots: unreadable (${e instanceof CoreError ? e.code : 'error'})`);
  }
  return lines.join('\n');
}

export const vaultHandlers: HandlerSlice<'vault'> = {
  'vault:status': async (_input, env) => {
    // A restore a crash interrupted after its copy was complete is finished at start (never half a vault).
    if (!env.session) finishInterruptedRestore(env.dataDir);
    return { exists: vaultExists(env.dataDir), unlocked: env.session !== null };
  },
  'vault:create': async (input, env) => {
    // The first administrator's account row is written inside the vault's creating transaction.
    const { recoveryKey } = await createVault({ dataDir: env.dataDir, ...input, now: new Date(env.now()) }, insertUser);
    return { recoveryKey };
  },
  'vault:recover': async (input, env) => {
    if (env.session) throw new CoreError('VAULT_IN_USE');
    if (!vaultExists(env.dataDir)) throw new CoreError('VAULT_NOT_FOUND');
    return { recoveryKey: await recoverAdministrator(env.dataDir, input.username, input.recoveryKey, input.newPassphrase, env.now()) };
  },
  'vault:diagnostics': async (_input, env) => {
    const exists = vaultExists(env.dataDir) || existsSync(vaultPaths(env.dataDir).db);
    let code: string | null;
    try {
      code = vaultCode(readKeyslots(vaultPaths(env.dataDir).keyslots).vaultId);
    } catch {
      code = null;
    }
    return { state: !exists ? 'no-vault' : env.lastDamage ? 'damaged' : 'not-checked', vaultCode: exists ? code : null, details: diagnostics(env) };
  },
  'vault:keys': async (_input, r) => {
    const file = readKeyslots(r.session.vault.paths.keyslots);
    const legacy = new Set(file.slots.filter(isUserSlot).filter(isLegacy).map((s) => s.userId));
    return r.read(async (tx) => {
      const meta = async (key: string) => (await tx.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]))?.value ?? null;
      const users = await tx.all<{ id: string; display_name: string }>("SELECT id, display_name FROM users WHERE status = 'active' ORDER BY display_name");
      return {
        generation: file.generation,
        lastRotatedAt: await meta('key_rotated_at'),
        recoveryKeyUnseen: (await meta('recovery_key_unseen')) === '1',
        accountsNotRotatable: users.filter((u) => legacy.has(u.id)).map((u) => ({ id: u.id, displayName: u.display_name })),
      };
    });
  },
  'vault:rotateKey': async (input, r) => {
    const { vault, user } = r.session;
    const names = new Map((await r.read((tx) => tx.all<{ id: string; display_name: string }>('SELECT id, display_name FROM users'))).map((u) => [u.id, u.display_name]));
    r.env.progress({ operation: 'rotation', phase: 'rekeying', done: 0, total: 1 });
    try {
      const rotated = await rotateDataKey(vault, r.env.now(), async (tx, done) => {
        const base = { at: r.at, actorId: user.id, actorRole: user.role };
        await appendAudit(tx, vault.auditKey, { ...base, action: 'vault.key-rotated', details: { generation: done.generation, reason: input.reason, accountsDropped: done.droppedUserIds.length } }, r.session.signer);
        await appendAudit(tx, vault.auditKey, { ...base, action: 'vault.recovery-key-issued', details: { after: 'rotation' } }, r.session.signer);
        await tx.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('key_rotated_at', ?)", [r.at]);
        // A new recovery key, so a new escrow of case keys (supervisors' upkeep re-seals the case keys to it).
        const recovery = parseRecoveryKey(done.recoveryKey);
        if (recovery) await newEscrow(tx, recovery, r.at);
        wipe(recovery);
        await tx.run("DELETE FROM meta WHERE key = 'recovery_key_unseen'");
      });
      r.env.progress({ operation: 'rotation', phase: 'done', done: 1, total: 1 });
      return {
        generation: rotated.generation,
        recoveryKey: rotated.recoveryKey,
        accountsNeedingReset: rotated.droppedUserIds.map((id) => ({ id, displayName: names.get(id) ?? id })),
      };
    } catch (e) {
      // Whatever step failed, the next opening settles the rotation on the key the database answers to.
      await r.env.lock('sign-out').catch(() => undefined);
      throw e;
    }
  },
  'vault:reissueRecoveryKey': async (input, r) => {
    const { vault } = r.session;
    const next = randomBytes(32);
    try {
      await r.work(async ({ tx, audit }) => {
        await audit({ action: 'vault.recovery-key-issued', details: { after: 'request', reason: input.reason } });
        await tx.run("DELETE FROM meta WHERE key = 'recovery_key_unseen'");
        // The old recovery key is not at hand: a new escrow of case keys, to which supervisors' upkeep re-seals them.
        await newEscrow(tx, next, r.at);
        // Written inside the transaction: if the file cannot be written, nothing is recorded either.
        writeKeyslots(vault.paths.keyslots, withRecoveryKey(readKeyslots(vault.paths.keyslots), next, vault.dataKey));
      });
      return { recoveryKey: formatRecoveryKey(next) };
    } finally {
      wipe(next);
    }
  },
};
