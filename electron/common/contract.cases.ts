/** The case-file channels of the contract (merged into `contract` in contract.ts). */
import { z } from 'zod';
import { AuditDetailsSchema } from './contract.audit';
import { CaseDetailSchema, CaseEditSchema, StaffSchema } from './caseDetail';
import {
  ADVERSE_ROLES,
  AdversePartyInputSchema,
  EXPLOITATION_TYPES,
  ExploitationSchema,
  FLAGS,
  NOTE_TYPES,
  PersonSchema,
  RISK_LEVELS,
  SEALED_FIELDS,
  STAGES,
  SealedValueSchema,
  SealedValueSchemas,
} from './cases';
import { CUSTODY, ImmigrationSchema, LEGAL_STANDINGS } from './immigration';
import { CLOSING_OUTCOMES } from './retention';
import { CaseRef, distinct, Empty, Id, Reason, tooLong, type ContractSlice } from './schemas';

export const CaseListFilterSchema = z
  .object({
    stage: z.enum(STAGES).optional(),
    riskLevel: z.enum(RISK_LEVELS).optional(),
    officerId: Id.optional(),
    nationality: z.string().regex(/^[A-Z]{3}$/).optional(),
    exploitationType: z.enum(EXPLOITATION_TYPES).optional(),
    /** Legal resident or in violation today (derived from the immigration facts, never recorded). */
    standing: z.enum(LEGAL_STANDINGS).optional(),
    custody: z.enum(CUSTODY).optional(),
    /** Only cases with a deadline (period-of-stay expiry or reporting date) within this many days. */
    deadlineWithinDays: z.number().int().min(0).max(365).optional(),
    /** Full-text search over names, aliases, references and non-sealed notes. */
    query: z.string().trim().max(100).optional(),
  })
  .strict();
export type CaseListFilter = z.infer<typeof CaseListFilterSchema>;

export const CASE_SORTS = ['updated', 'reference', 'risk', 'deadline'] as const;

export const CaseListRowSchema = z.object({
  id: z.string(),
  reference: z.string(),
  /** Initials only: the full name is shown inside the case. */
  maskedName: z.string(),
  nationality: z.string(),
  sex: z.string(),
  stage: z.enum(STAGES),
  riskLevel: z.enum(RISK_LEVELS),
  flags: z.array(z.enum(FLAGS)),
  standing: z.enum(LEGAL_STANDINGS),
  custody: z.enum(CUSTODY),
  nextDeadline: z.string().nullable(),
  updatedAt: z.string(),
});
export type CaseListRow = z.infer<typeof CaseListRowSchema>;

export const casesContract = {
  /** Intake: opens a case; an officer's own case is assigned to them. Returns the new case. */
  'cases:create': {
    input: z
      .object({
        person: PersonSchema,
        immigration: ImmigrationSchema,
        exploitation: ExploitationSchema,
        riskLevel: z.enum(RISK_LEVELS).default('medium'),
        flags: distinct(z.enum(FLAGS), FLAGS.length).default([]),
      })
      .strict(),
    output: CaseDetailSchema,
  },
  /** The cases the user may see, masked, filtered, sorted, one window at a time. */
  'cases:list': {
    input: z
      .object({
        filter: CaseListFilterSchema.default({}),
        sort: z.enum(CASE_SORTS).default('updated'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({ total: z.number().int(), rows: z.array(CaseListRowSchema) }),
  },
  /** Opens a case (audited as a view). Sealed fields say only whether they hold a value. */
  'cases:get': { input: z.object({ caseId: Id }).strict(), output: CaseDetailSchema },
  /** Saves sections of the case against the version it was based on. */
  'cases:update': {
    input: CaseRef.extend({
      person: PersonSchema.optional(),
      immigration: ImmigrationSchema.optional(),
      exploitation: ExploitationSchema.optional(),
      riskLevel: z.enum(RISK_LEVELS).optional(),
      flags: distinct(z.enum(FLAGS), FLAGS.length).optional(),
    }).strict(),
    output: CaseEditSchema,
  },
  /** Supervisors: who works the case and who supervises it. */
  'cases:assign': {
    input: CaseRef.extend({ officerIds: distinct(Id, 10).pipe(z.array(Id).min(1)), supervisorId: Id.nullable() }).strict(),
    output: CaseDetailSchema,
  },
  /**
   * Moves the case to another stage (caseRules.ts checkTransition). Closing names the outcome, which
   * sets the case's retention period (retention.ts); reopening clears it, so an open case is never due for purge.
   */
  'cases:transition': {
    input: CaseRef.extend({ to: z.enum(STAGES), reason: z.string().trim().max(500, tooLong(500)).default(''), outcome: z.enum(CLOSING_OUTCOMES).optional() })
      .strict()
      .superRefine((move, ctx) => {
        if (move.to === 'closed' && !move.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'case.outcome.required' });
        if (move.to !== 'closed' && move.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'case.outcome.onlyWhenClosing' });
      }),
    output: CaseDetailSchema,
  },
  /** Shows one sealed value to an entitled user who states why (audited with the reason). */
  'cases:revealSealed': {
    input: z.object({ caseId: Id, field: z.enum(SEALED_FIELDS), reason: Reason }).strict(),
    output: z.discriminatedUnion('field', [
      z.object({ field: z.literal('whereabouts'), value: SealedValueSchemas.whereabouts.nullable() }),
      z.object({ field: z.literal('identity-documents'), value: SealedValueSchemas['identity-documents'].nullable() }),
      z.object({ field: z.literal('residence-card-number'), value: SealedValueSchemas['residence-card-number'].nullable() }),
    ]),
  },
  /** Replaces one sealed value (audited without the value). */
  'cases:setSealed': { input: CaseRef.extend({ sealed: SealedValueSchema }).strict(), output: CaseDetailSchema },
  'cases:addNote': {
    input: z.object({ caseId: Id, noteType: z.enum(NOTE_TYPES), body: z.string().trim().min(1).max(20_000, tooLong(20_000)), sealed: z.boolean() }).strict(),
    output: CaseDetailSchema,
  },
  'cases:revealNote': { input: z.object({ caseId: Id, noteId: Id, reason: Reason }).strict(), output: z.object({ body: z.string() }) },
  /** Adds (no partyId) or edits an adverse party. */
  'cases:saveAdverseParty': {
    input: CaseRef.extend({ partyId: Id.optional(), party: AdversePartyInputSchema }).strict(),
    output: CaseDetailSchema,
  },
  'cases:removeAdverseParty': { input: CaseRef.extend({ partyId: Id, reason: Reason }).strict(), output: CaseDetailSchema },
  /** Checks a person about to be added (contact, interpreter, visitor) against the case's adverse parties. */
  'cases:checkConflict': {
    input: z.object({ caseId: Id, name: z.string().trim().min(1).max(120, tooLong(120)) }).strict(),
    output: z.object({ matches: z.array(z.object({ partyId: z.string(), name: z.string(), role: z.enum(ADVERSE_ROLES) })) }),
  },
  /** Records that a matching name was seen and why the user goes ahead (audited). */
  'cases:acknowledgeConflict': {
    input: z
      .object({ caseId: Id, name: z.string().trim().min(1).max(120, tooLong(120)), context: z.enum(['contact', 'interpreter', 'visitor', 'registry']), partyIds: distinct(Id, 200).pipe(z.array(Id).min(1)), reason: Reason })
      .strict(),
    output: CaseDetailSchema,
  },
  /** Supervisors: who viewed or changed the case, and when. */
  'cases:accessLog': {
    input: z.object({ caseId: Id, before: z.number().int().positive().optional() }).strict(),
    output: z.object({
      entries: z.array(z.object({ seq: z.number().int(), at: z.string(), actorName: z.string().nullable(), actorRole: z.string().nullable(), action: z.string(), details: AuditDetailsSchema })),
      nextBefore: z.number().int().nullable(),
    }),
  },
  /** Officers and supervisors who can be assigned (for the assignment form and the officer filter). */
  'cases:staff': {
    input: Empty,
    output: z.object({ officers: z.array(StaffSchema), supervisors: z.array(StaffSchema) }),
  },
} as const satisfies ContractSlice<'cases'>;
