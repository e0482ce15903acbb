/** The accounts channels (merged into `contract` in contract.ts): the user's own preferences, administration. */
import { z } from 'zod';
import { DisplayNameSchema, LocaleSchema, RoleSchema, TemporaryPassphraseSchema, UserAccountSchema, UsernameSchema, ViewSchema } from './accounts';
import { Empty, Id, type ContractSlice } from './schemas';

export const usersContract = {
  /** The signed-in user's own interface language, remembered in the vault. */
  'users:setLocale': { input: z.object({ locale: LocaleSchema }).strict(), output: z.null() },
  /** The signed-in user's current view, restored at their next sign-in. */
  'users:setLastView': { input: z.object({ view: ViewSchema }).strict(), output: z.null() },
  /** Administrators: every account, active and disabled. */
  'users:list': { input: Empty, output: z.object({ users: z.array(UserAccountSchema) }) },
  /** Administrators: a new account with its own keyslot and a temporary passphrase. */
  'users:create': {
    input: z.object({ username: UsernameSchema, displayName: DisplayNameSchema, role: RoleSchema }).strict(),
    output: TemporaryPassphraseSchema,
  },
  /** Administrators: removes the account's keyslot; its history stays. */
  'users:disable': { input: z.object({ userId: Id, version: z.number().int() }).strict(), output: UserAccountSchema },
  /** Administrators: a forgotten passphrase is replaced by a temporary one (new keyslot). */
  'users:resetPassphrase': { input: z.object({ userId: Id, version: z.number().int() }).strict(), output: TemporaryPassphraseSchema },
  /** Administrators: lifts the lock-out after too many failed sign-ins. */
  'users:unlockSignIn': { input: z.object({ userId: Id }).strict(), output: UserAccountSchema },
} as const satisfies ContractSlice<'users'>;
