/** The vault's channels (merged into `contract` in contract.ts): first run, recovery, status. */
import { z } from 'zod';
import { DisplayNameSchema, LocaleSchema, NewPassphraseSchema, UsernameSchema } from './accounts';
import { Empty, type ContractSlice } from './schemas';

export const VaultStatusSchema = z.object({
  exists: z.boolean(),
  unlocked: z.boolean(),
});

export const vaultContract = {
  /** Whether a vault exists in the data directory and whether this window is signed in. */
  'vault:status': { input: Empty, output: VaultStatusSchema },
  /**
   * First run: creates the vault and its first administrator. Returns the recovery key,
   * which is shown once and never stored in clear anywhere.
   */
  'vault:create': {
    input: z
      .object({
        username: UsernameSchema,
        displayName: DisplayNameSchema,
        passphrase: NewPassphraseSchema,
        locale: LocaleSchema,
      })
      .strict(),
    output: z.object({ recoveryKey: z.string() }),
  },
  /**
   * From the sign-in screen: the recovery key sets a new passphrase for an administrator
   * account (and lifts its sign-in lock). Audited.
   */
  'vault:recover': {
    input: z.object({ username: z.string().trim().min(1).max(64), recoveryKey: z.string().min(1).max(200), newPassphrase: NewPassphraseSchema }).strict(),
    output: z.null(),
  },
} as const satisfies ContractSlice<'vault'>;
