/** The vault's channels (merged into `contract` in contract.ts): first run, recovery, status. */
import { z } from 'zod';
import { DisplayNameSchema, LocaleSchema, NewPassphraseSchema, UsernameSchema } from './accounts';
import { Empty, Reason, type ContractSlice } from './schemas';

export const VaultStatusSchema = z.object({
  exists: z.boolean(),
  unlocked: z.boolean(),
});

/** The data key's state, for administrators. */
export const VaultKeysSchema = z.object({
  /** How many times the data key has been replaced (1: never rotated). */
  generation: z.number().int().min(1),
  lastRotatedAt: z.string().nullable(),
  /** A rotation finished after an interruption, so its new recovery key was never shown: issue one. */
  recoveryKeyUnseen: z.boolean(),
  /** Accounts whose keyslot is from before per-user keys: a rotation drops them until a passphrase reset. */
  accountsNotRotatable: z.array(z.object({ id: z.string(), displayName: z.string() })),
});
export type VaultKeys = z.infer<typeof VaultKeysSchema>;

export const RotationResultSchema = z.object({
  generation: z.number().int(),
  /** The new recovery key (the old one no longer opens anything): shown once. */
  recoveryKey: z.string(),
  /** Accounts that need a passphrase reset to sign in again. */
  accountsNeedingReset: z.array(z.object({ id: z.string(), displayName: z.string() })),
});

/** Why the vault could not be opened, in plain words on the damaged-vault screen; no personal data. */
export const VaultDiagnosticsSchema = z.object({
  state: z.enum(['no-vault', 'damaged', 'not-checked']),
  /** What an administrator types to confirm replacing this vault (null if its keyslots are unreadable). */
  vaultCode: z.string().nullable(),
  /** Technical details to copy for support: error codes, file sizes, versions. */
  details: z.string(),
});
export type VaultDiagnostics = z.infer<typeof VaultDiagnosticsSchema>;

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
   * account (and lifts its sign-in lock). Audited. The used key is replaced at once: the new
   * recovery key is returned to be shown once.
   */
  'vault:recover': {
    input: z.object({ username: z.string().trim().min(1).max(64), recoveryKey: z.string().min(1).max(200), newPassphrase: NewPassphraseSchema }).strict(),
    output: z.object({ recoveryKey: z.string() }),
  },
  /** Signed out: what went wrong when the vault last failed to open as damaged (for the damaged-vault screen). */
  'vault:diagnostics': { input: Empty, output: VaultDiagnosticsSchema },
  /** Administrators: the data key's generation, the recovery key's state, accounts a rotation would drop. */
  'vault:keys': { input: Empty, output: VaultKeysSchema },
  /**
   * Administrators: replaces the data key (the database is rekeyed, every keyslot resealed) and the
   * recovery key, e.g. after a staff member leaves. Crash-safe at every step. Audited with the reason.
   */
  'vault:rotateKey': { input: z.object({ reason: Reason }).strict(), output: RotationResultSchema },
  /** Administrators: issues a new recovery key (the old one stops working), shown once. Audited with the reason. */
  'vault:reissueRecoveryKey': { input: z.object({ reason: Reason }).strict(), output: z.object({ recoveryKey: z.string() }) },
} as const satisfies ContractSlice<'vault'>;
