/** Access to sealed information: one's own status; supervisors see and grant pending keys. */
import { randomBytes } from 'node:crypto';
import { formatRecoveryKey, parseRecoveryKey, wipe } from '../crypto/crypto';
import { CoreError } from '../errors';
import type { HandlerSlice, SignedIn } from '../handler';
import { readKeyslots, withRecoveryKey, writeKeyslots } from '../vault/keyslots';
import * as repo from './sealing.repository';
import * as sealing from './sealing.service';

async function status(r: SignedIn) {
  const { user, sealing: key } = r.session;
  return r.read(async (tx) => {
    const pending = user.role === 'supervisor' || user.role === 'administrator' ? await sealing.pendingGrants(tx) : [];
    if (user.role !== 'officer' && user.role !== 'supervisor') return { status: 'not-needed' as const, keyId: null, pending };
    const row = key ? await repo.currentKey(tx, user.id) : undefined;
    const state = !key || !row || row.key_id !== key.keyId ? ('none' as const) : row.status === 'granted' ? ('granted' as const) : ('pending' as const);
    return { status: state, keyId: key?.keyId ?? null, pending };
  });
}

export const sealingHandlers: HandlerSlice<'sealing'> = {
  'sealing:status': (_input, r) => status(r),
  'sealing:grant': async (input, r) => {
    const { cases } = await r.work((ctx) => sealing.grant(ctx, ctx.audit, input));
    return { cases, pending: (await status(r)).pending };
  },
  'sealing:grantWithRecoveryKey': async (input, r) => {
    const used = parseRecoveryKey(input.recoveryKey);
    if (!used) throw new CoreError('RECOVERY_KEY_INVALID');
    const next = randomBytes(32);
    const { vault } = r.session;
    try {
      const { cases } = await r.work(async (ctx) => {
        const done = await sealing.grantWithEscrow(ctx, ctx.audit, input, used);
        // A recovery key that was typed is replaced at once, like after a recovery; the escrow follows it.
        await sealing.carryEscrow(ctx.tx, used, next, ctx.at);
        await ctx.audit({ action: 'vault.recovery-key-issued', details: { after: 'use' } });
        await ctx.tx.run("DELETE FROM meta WHERE key = 'recovery_key_unseen'");
        writeKeyslots(vault.paths.keyslots, withRecoveryKey(readKeyslots(vault.paths.keyslots), next, vault.dataKey));
        return done;
      });
      return { cases, recoveryKey: formatRecoveryKey(next) };
    } finally {
      wipe(used, next);
    }
  },
};
