/**
 * `demo seed`: fills a vault with synthetic cases and demo staff, signed in as an administrator.
 * The demo accounts get the passphrase given here (no temporary passphrase: it is a demo vault).
 */
import { randomUUID } from 'node:crypto';
import { appendAudit, registerSigningKey } from '../audit/audit.service';
import { seedDemo } from './demoCases';
import { CoreError } from '../errors';
import { endSession, signIn } from '../session/session.service';
import { getUserByName, insertUser } from '../users/users.repository';
import { readKeyslots, replaceUserSlot } from '../vault/keyslots';

export async function seedDemoVault(
  dataDir: string,
  admin: { username: string; passphrase: string },
  opts: { cases: number; seed: number; demoPassphrase: string; now: number; onProgress?: (written: number, total: number) => void },
): Promise<number> {
  const session = await signIn(dataDir, admin.username, admin.passphrase, opts.now);
  try {
    if (session.user.role !== 'administrator') throw new CoreError('FORBIDDEN');
    const { vault } = session;
    const at = new Date(opts.now).toISOString();
    return await seedDemo(
      (fn) =>
        vault.db.transaction((tx) =>
          fn({
            tx,
            async ensureUser(username, displayName, role) {
              const existing = await getUserByName(tx, username);
              if (existing) return existing.id;
              const id = randomUUID();
              await insertUser(tx, { id, username, displayName, role, locale: null, at });
              const as = { at, actorId: session.user.id, actorRole: 'administrator' };
              await appendAudit(tx, vault.auditKey, { ...as, action: 'user.created', target: `user:${id}`, details: { role, demo: true } }, session.signer);
              const key = await replaceUserSlot(vault.paths.keyslots, readKeyslots(vault.paths.keyslots), id, username, opts.demoPassphrase, vault.dataKey);
              if (session.signer) await registerSigningKey(tx, vault.auditKey, { ...as, userId: id, role, key }, session.signer);
              return id;
            },
            audit: (details) => appendAudit(tx, vault.auditKey, { at, actorId: session.user.id, actorRole: 'administrator', action: 'demo.seeded', details }, session.signer),
          }),
        ),
      { count: opts.cases, seed: opts.seed, now: new Date(opts.now), onProgress: opts.onProgress },
    );
  } finally {
    await endSession(session, 'sign-out', opts.now);
  }
}
