/** The session's channels (merged into `contract` in contract.ts): sign-in, lock, own passphrase. */
import { z } from 'zod';
import { LockReasonSchema, NewPassphraseSchema, PassphraseSchema, SessionInfoSchema } from './accounts';
import { Empty, Reason, type ContractSlice } from './schemas';

export const sessionContract = {
  /** The signed-in user of this window, or null. */
  'session:current': { input: Empty, output: SessionInfoSchema.nullable() },
  /**
   * Username + passphrase → session. One error for unknown user and wrong passphrase.
   * `acceptMissingHead`: an administrator's stated reason to open a vault whose rollback record
   * (head.json) is missing (VAULT_HEAD_MISSING); audited. Ignored when the record is there.
   */
  'session:signIn': {
    input: z.object({ username: z.string().trim().min(1).max(64), passphrase: PassphraseSchema, acceptMissingHead: Reason.optional() }).strict(),
    output: SessionInfoSchema,
  },
  /** Locks now (button, Ctrl/Cmd+L, idle timer); the reason is audited. */
  'session:lock': { input: z.object({ reason: LockReasonSchema }).strict(), output: z.null() },
  'session:signOut': { input: Empty, output: z.null() },
  /**
   * The renderer copied something (a sealed value, error details): the platform clears the
   * clipboard 30 seconds later, whatever becomes of the page. Nothing is sent but the fact.
   */
  'session:copied': { input: Empty, output: z.null() },
  /** The renderer reports user activity so core's idle deadline moves. */
  'session:touch': { input: Empty, output: z.null() },
  /** Replaces the signed-in user's own passphrase (rewraps their keyslot only). */
  'session:changePassphrase': {
    input: z.object({ currentPassphrase: PassphraseSchema, newPassphrase: NewPassphraseSchema }).strict(),
    output: SessionInfoSchema,
  },
} as const satisfies ContractSlice<'session'>;
