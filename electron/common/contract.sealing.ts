/**
 * Access to sealed information (merged into `contract` in contract.ts). Sealed values are
 * encrypted under per-case keys sealed to each entitled account's own key (core/sealing). A key
 * made after a passphrase reset, and a new supervisor's, waits for a supervisor's grant.
 */
import { z } from 'zod';
import { Empty, Id, type ContractSlice } from './schemas';

export const SEALING_STATUSES = ['none', 'not-needed', 'pending', 'granted'] as const;
export type SealingStatus = (typeof SEALING_STATUSES)[number];

/** An account whose key waits for a supervisor's grant. */
export const PendingGrantSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.string(),
  /** Short id of the key, to be read out to the person and compared with what their screen shows. */
  keyId: z.string(),
  since: z.string(),
  /** The account held a key before (its passphrase was reset), else it is new. */
  afterReset: z.boolean(),
});
export type PendingGrant = z.infer<typeof PendingGrantSchema>;

export const sealingContract = {
  /**
   * The signed-in account's access to sealed information: `none` (no key yet), `not-needed`
   * (administrators and auditors hold none), `pending` (waits for a grant), `granted`; and, for
   * supervisors and administrators, the accounts waiting for a grant.
   */
  'sealing:status': {
    input: Empty,
    output: z.object({ status: z.enum(SEALING_STATUSES), keyId: z.string().nullable(), pending: z.array(PendingGrantSchema) }),
  },
  /** Supervisors: grants one account's pending key (the key id they were shown), sealing it every case key it is entitled to. */
  'sealing:grant': {
    input: z.object({ userId: Id, keyId: z.string().regex(/^[0-9a-f]{16}$/) }).strict(),
    output: z.object({ cases: z.number().int(), pending: z.array(PendingGrantSchema) }),
  },
  /**
   * Administrators, when no supervisor can grant (the only supervisor's passphrase was reset): the
   * recovery key opens the escrow, which grants the account's pending key. The recovery key, now
   * typed, is replaced at once (the new one is returned to be shown once); audited.
   */
  'sealing:grantWithRecoveryKey': {
    input: z.object({ userId: Id, keyId: z.string().regex(/^[0-9a-f]{16}$/), recoveryKey: z.string().min(1).max(200) }).strict(),
    output: z.object({ cases: z.number().int(), recoveryKey: z.string() }),
  },
} satisfies ContractSlice<'sealing'>;
