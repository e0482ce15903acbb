/** Accounts: the user's own preferences, and administration (administrators only, by policy). */
import { CoreError } from '../errors';
import type { HandlerSlice } from '../handler';
import { getUser, updateUser } from './users.repository';
import { createAccount, disableAccount, listAccounts, resetPassphrase, unlockSignIn } from './users.service';

export const usersHandlers: HandlerSlice<'users'> = {
  'users:setLocale': async (input, r) => {
    r.session.user = await r.work(async (ctx) => {
      await updateUser(ctx.tx, r.session.user.id, null, { locale: input.locale }, ctx.at);
      await ctx.audit({ action: 'user.locale-changed', target: `user:${r.session.user.id}`, details: { locale: input.locale } });
      const user = await getUser(ctx.tx, r.session.user.id);
      if (!user) throw new CoreError('NOT_FOUND');
      return user;
    });
    return null;
  },
  'users:setLastView': async (input, r) => {
    // Where the user was is a preference, not a change to anyone's record: not audited.
    await r.work((ctx) => updateUser(ctx.tx, r.session.user.id, null, { last_view: input.view }, ctx.at));
    r.session.user = { ...r.session.user, last_view: input.view };
    return null;
  },
  'users:list': async (_input, r) => ({ users: await r.read((tx) => listAccounts(r.session, tx, r.env.now())) }),
  'users:create': (input, r) => r.work((ctx) => createAccount(r.session, ctx.tx, ctx.audit, input, r.env.now())),
  'users:disable': (input, r) => r.work((ctx) => disableAccount(r.session, ctx.tx, ctx.audit, input.userId, input.version, r.env.now())),
  'users:resetPassphrase': (input, r) => r.work((ctx) => resetPassphrase(r.session, ctx.tx, ctx.audit, input.userId, input.version, r.env.now())),
  'users:unlockSignIn': (input, r) => r.work((ctx) => unlockSignIn(r.session, ctx.tx, ctx.audit, input.userId, r.env.now())),
};
