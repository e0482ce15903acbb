/** The audit trail's channels (merged into `contract` in contract.ts): auditors and administrators. */
import { z } from 'zod';
import { RoleSchema } from './accounts';
import { AUDIT_ACTIONS, AUDIT_CODE_LISTS, AUDIT_RECORDS } from './audit';
import { distinct, Empty, type ContractSlice } from './schemas';

export const AuditFilterSchema = z
  .object({
    actorId: z.string().max(64).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    caseRef: z.string().trim().max(32).optional(),
    /** Inclusive ISO date-times. */
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

/** An entry's details: flat values only, never a sealed value or key material. */
export const AuditDetailsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/**
 * What an entry concerns, as the trail page shows it: an account by its display name, a case by its
 * reference, a record of a case by its kind and the case's reference, a registry record (an
 * organisation, an interpreter: no auditor may read the registry) by its kind only, an export by its
 * number. Resolved in core when the page is read; never an identifier.
 */
export const AuditTargetShownSchema = z.discriminatedUnion('kind', [
  /** `name` null: an account the vault does not know. */
  z.object({ kind: z.literal('user'), name: z.string().nullable() }),
  z.object({ kind: z.literal('case'), reference: z.string().nullable() }),
  z.object({ kind: z.literal('record'), record: z.enum(AUDIT_RECORDS), reference: z.string().nullable() }),
  z.object({ kind: z.literal('export'), number: z.string() }),
]);
export type AuditTargetShown = z.infer<typeof AuditTargetShownSchema>;

/** One detail's value as the page shows it: codes with their vocabulary, accounts by name, records counted, times and numbers typed. */
export const AuditValueShownSchema = z.discriminatedUnion('kind', [
  /** As recorded: a stated reason, a hash, a file name. */
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('number'), value: z.number() }),
  z.object({ kind: z.literal('yesNo'), value: z.boolean() }),
  z.object({ kind: z.literal('time'), at: z.string() }),
  z.object({ kind: z.literal('date'), on: z.string() }),
  z.object({ kind: z.literal('codes'), list: z.enum(AUDIT_CODE_LISTS), codes: z.array(z.string()) }),
  /** Codes with a number each: a retention period in months per closing outcome. */
  z.object({ kind: z.literal('months'), list: z.enum(AUDIT_CODE_LISTS), items: z.array(z.object({ code: z.string(), months: z.number() })) }),
  z.object({ kind: z.literal('users'), names: z.array(z.string().nullable()) }),
  /** Records named by kind and counted, never by their content (an adverse party's name is case content). */
  z.object({ kind: z.literal('records'), record: z.enum(AUDIT_RECORDS), count: z.number().int(), reference: z.string().nullable() }),
  z.object({ kind: z.literal('none') }),
]);
export type AuditValueShown = z.infer<typeof AuditValueShownSchema>;

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  caseRef: z.string().nullable(),
  target: z.string().nullable(),
  details: AuditDetailsSchema,
  /** The target and the details resolved for reading (audit.shown.ts); `target` and `details` stay as recorded. */
  shown: z.object({
    target: AuditTargetShownSchema.nullable(),
    details: z.array(z.object({ key: z.string(), value: AuditValueShownSchema })),
  }),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/**
 * An external anchor as an auditor writes it down (on paper, in another system): `SEQ:HASH`, an
 * entry's sequence number and the start of its MAC (8 to 64 hex digits; summaries print 8).
 */
export const AuditAnchorSchema = z
  .string()
  .trim()
  .regex(/^#?\d{1,15}:[0-9a-fA-F]{8,64}$/, { message: 'audit.anchor.format' });

export function parseAnchor(text: string): { seq: number; hash: string } {
  const [seq, hash] = text.trim().replace(/^#/, '').split(':');
  return { seq: Number(seq), hash: hash.toLowerCase() };
}

/** Whether the trail still holds the anchored entry with the MAC it had: if not, it was rolled back or rewritten. */
export const AnchorCheckSchema = z.object({ anchor: z.string(), seq: z.number().int(), result: z.enum(['matches', 'differs', 'missing']) });
export type AnchorCheck = z.infer<typeof AnchorCheckSchema>;

/**
 * Why an entry fails verification: its MAC or sequence (the chain), or its signature: invalid,
 * made by a key of someone other than its actor, missing from an account that signs, or made by
 * a key the trail never authorised.
 */
export const CHAIN_BREAKS = ['mac-mismatch', 'sequence-gap', 'checkpoint-mismatch', 'signature-invalid', 'signer-not-actor', 'unsigned', 'key-not-authorised'] as const;

/**
 * Which signatures a verification checks: 'since-checkpoint' (full verification) every MAC and key
 * registration and every other signature after the latest checkpoint an auditor or administrator
 * signed; 'all' (deep verification) every signature.
 */
export const SignatureScopeSchema = z.enum(['since-checkpoint', 'all']);
export type SignatureScope = z.infer<typeof SignatureScopeSchema>;
/** Whose MACs a verification recomputes: every entry's, or (the routine check) those after the latest checkpoint. */
export const MacScopeSchema = z.enum(['all', 'since-checkpoint']);
export type MacScope = z.infer<typeof MacScopeSchema>;

/** The verification whose signed record vouched for every signature up to `checkpointSeq`. */
export const CheckpointSchema = z.object({
  /** The `audit.verified` entry. */
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  checkpointSeq: z.number().int(),
});

export const ChainVerificationSchema = z.discriminatedUnion('intact', [
  z.object({
    intact: z.literal(true),
    entries: z.number().int(),
    /** MACs were recomputed for every entry after this one (0: all of them; a routine check starts at the checkpoint). */
    macsFrom: z.number().int(),
    /** Entries whose actor's signature this verification checked and found valid. */
    signed: z.number().int(),
    /** Signatures were checked for every entry after this one (0: all of them) and for every key registration. */
    signaturesFrom: z.number().int(),
    /** The checkpoint that vouched for the signatures up to `signaturesFrom`; null when all were checked. */
    checkpoint: CheckpointSchema.nullable(),
    headSeq: z.number().int(),
    headMacPrefix: z.string(),
    anchors: z.array(AnchorCheckSchema),
  }),
  z.object({
    intact: z.literal(false),
    entries: z.number().int(),
    intactUpTo: z.number().int(),
    firstBroken: z.object({ seq: z.number().int(), reason: z.enum(CHAIN_BREAKS) }),
    anchors: z.array(AnchorCheckSchema),
  }),
]);
export type ChainVerificationResult = z.infer<typeof ChainVerificationSchema>;

export const auditContract = {
  /** Everyone who can appear in the trail, for the "who" filter (no case content). */
  'audit:actors': {
    input: Empty,
    output: z.object({ actors: z.array(z.object({ id: z.string(), displayName: z.string(), role: RoleSchema, status: z.enum(['active', 'disabled']) })) }),
  },
  /** One page of the trail, newest first; `before` is the cursor. */
  'audit:list': {
    input: z
      .object({ filter: AuditFilterSchema, before: z.number().int().positive().optional(), limit: z.number().int().min(1).max(200).default(50) })
      .strict(),
    output: z.object({ entries: z.array(AuditEntrySchema), nextBefore: z.number().int().nullable() }),
  },
  /**
   * Recomputes the whole chain's MACs (or, `macs: 'since-checkpoint'`, the routine check after
   * sign-in, only those after the latest checkpoint), checks signatures since the latest checkpoint
   * (or all of them: `signatures: 'all'`), and checks each external anchor given against the chain.
   */
  'audit:verify': {
    input: z
      .object({ anchors: distinct(AuditAnchorSchema, 20).default([]), signatures: SignatureScopeSchema.default('since-checkpoint'), macs: MacScopeSchema.default('all') })
      .strict(),
    output: ChainVerificationSchema,
  },
  /** The filtered trail as CSV (metadata only, never case content). */
  'audit:export': {
    input: z.object({ filter: AuditFilterSchema }).strict(),
    /** `truncated`: the filter matched more than the export limit; only the newest entries are in `csv`. */
    output: z.object({ csv: z.string(), rows: z.number().int(), truncated: z.boolean(), fileName: z.string() }),
  },
} as const satisfies ContractSlice<'audit'>;
