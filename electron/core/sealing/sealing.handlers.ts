/** Access to sealed information: one's own status; supervisors see and grant pending keys. */
import type { HandlerSlice, SignedIn } from '../handler';
import * as repo from './sealing.repository';
import * as sealing from './sealing.service';

async function status(r: SignedIn) {
  const { user, sealing: key } = r.session;
  return r.read(async (tx) => {
    const pending = user.role === 'supervisor' ? await sealing.pendingGrants(tx) : [];
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
};
