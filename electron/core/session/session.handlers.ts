/** The session's channels: sign-in, lock, sign-out, activity, and one's own passphrase. */
import { finishInterruptedRestore } from '../backup/restore.service';
import { CoreError } from '../errors';
import type { HandlerSlice } from '../handler';
import { changeOwnPassphrase } from '../users/users.service';
import { vaultExists } from '../vault/vault.service';
import { sessionInfo, signIn } from './session.service';

export const sessionHandlers: HandlerSlice<'session'> = {
  'session:current': async (_input, env) => (env.session ? sessionInfo(env.session) : null),
  'session:signIn': async (input, env) => {
    // Ends a session still open, and waits for a lock still closing the file (else: VAULT_IN_USE).
    await env.lock('user');
    // A restore a crash interrupted after its copy was complete is finished first (never half a vault).
    finishInterruptedRestore(env.dataDir);
    if (!vaultExists(env.dataDir)) throw new CoreError('VAULT_NOT_FOUND');
    const session = await signIn(env.dataDir, input.username, input.passphrase, env.now(), input.acceptMissingHead);
    env.begin(session);
    return sessionInfo(session);
  },
  'session:lock': async (input, r) => {
    await r.env.lock(input.reason);
    return null;
  },
  'session:signOut': async (_input, r) => {
    await r.env.lock('sign-out');
    return null;
  },
  // The dispatcher has already moved the idle deadline: nothing else to do.
  'session:touch': async () => null,
  'session:copied': async (_input, env) => {
    env.clipboard?.copied();
    return null;
  },
  'session:changePassphrase': async (input, r) => {
    try {
      r.session.user = await r.work((ctx) => changeOwnPassphrase(r.session, ctx.tx, ctx.audit, input.currentPassphrase, input.newPassphrase, r.env.now()));
    } catch (e) {
      // Locked out by guessing from an open session: the session ends too (after the rollback).
      if (e instanceof CoreError && e.code === 'LOCKED_OUT') await r.env.lock('user');
      throw e;
    }
    return sessionInfo(r.session);
  },
};
