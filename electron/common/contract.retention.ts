/**
 * Retention, legal holds and the purge (merged into `contract` in contract.ts). Administrators set
 * the periods and purge; supervisors see the purge list read-only and place or release legal holds.
 * Nothing here carries case content beyond the reference, the closing outcome and dates.
 */
import { z } from 'zod';
import { RETENTION_OUTCOMES, RetentionPeriodsSchema } from './retention';
import { Empty, Id, isoDate, Reason, type ContractSlice } from './schemas';

/** How far ahead the purge list looks: 0 lists what is due today; more shows what falls due soon. */
export const PURGE_LIST_HORIZONS = [0, 30, 90, 365] as const;
/** How many cases one purge may remove (the command line repeats until none is due). */
export const PURGE_BATCH_MAX = 500;

/** A legal hold: placed with a reason by a supervisor; released (once) with a reason by a supervisor. */
export const LegalHoldSchema = z.object({
  id: z.string(),
  placedAt: z.string(),
  placedBy: z.string(),
  reason: z.string(),
  releasedAt: z.string().nullable(),
  releasedBy: z.string().nullable(),
  releaseReason: z.string().nullable(),
});
export type LegalHold = z.infer<typeof LegalHoldSchema>;

/** How the case was closed and when its retention period runs (null while it is open); `due`: it has run, by core's clock. */
export const ClosingSchema = z.object({ outcome: z.enum(RETENTION_OUTCOMES), closedOn: isoDate, dueOn: isoDate, due: z.boolean() });

/** One row of the purge list: the reference, how and when it closed, when it falls due, and any hold. */
export const PurgeRowSchema = z.object({
  caseId: z.string(),
  reference: z.string(),
  outcome: z.enum(RETENTION_OUTCOMES),
  closedOn: isoDate,
  dueOn: isoDate,
  /** Past its period today (otherwise it falls due within the horizon asked for). */
  due: z.boolean(),
  hold: LegalHoldSchema.nullable(),
});
export type PurgeRow = z.infer<typeof PurgeRowSchema>;

/** A case's retention as its page shows supervisors: the closing, the hold in force, every hold ever placed (newest first). */
export const CaseRetentionSchema = z.object({
  reference: z.string(),
  closing: ClosingSchema.nullable(),
  hold: LegalHoldSchema.nullable(),
  holds: z.array(LegalHoldSchema),
});
export type CaseRetention = z.infer<typeof CaseRetentionSchema>;

/** What a purge removed: the tombstone of each case (reference and dates only). */
export const PurgedCaseSchema = z.object({ reference: z.string(), outcome: z.enum(RETENTION_OUTCOMES), closedOn: isoDate, purgedOn: isoDate });
export type PurgedCase = z.infer<typeof PurgedCaseSchema>;

export const retentionContract = {
  /** The retention period of each closing outcome, in months (administrators and supervisors). */
  'retention:policy': { input: Empty, output: RetentionPeriodsSchema },
  /** Administrators: sets every period at once (audited with the periods before and after). */
  'retention:setPolicy': { input: z.object({ periods: RetentionPeriodsSchema }).strict(), output: RetentionPeriodsSchema },
  /**
   * The purge list: closed cases past their period today, or due within `withinDays`, soonest first,
   * with their holds. What a purge would remove now is exactly the rows with `due` and no hold (the
   * dry run). Administrators and supervisors (read-only: supervisors place holds).
   */
  'retention:list': {
    input: z
      .object({
        withinDays: z.number().int().min(0).max(366).default(0),
        limit: z.number().int().min(1).max(1000).default(500),
      })
      .strict(),
    output: z.object({ today: isoDate, total: z.number().int(), rows: z.array(PurgeRowSchema) }),
  },
  /** Supervisors: a case's closing, due date and legal holds (audited as a view). */
  'retention:case': { input: z.object({ caseId: Id }).strict(), output: CaseRetentionSchema },
  /** Supervisors: places a legal hold on a case, with a stated reason; the case is not purged while it holds. */
  'retention:placeHold': { input: z.object({ caseId: Id, reason: Reason }).strict(), output: CaseRetentionSchema },
  /** Supervisors: releases the case's legal hold, with a stated reason. */
  'retention:releaseHold': { input: z.object({ caseId: Id, reason: Reason }).strict(), output: CaseRetentionSchema },
  /**
   * Administrators: removes each listed case's content from the vault in one transaction (all or
   * none: a case no longer due, reopened or held refuses the whole purge), leaves a tombstone and an
   * audit entry with the reference and dates only, then compacts the file so no freed page keeps it.
   * An empty list only compacts (after a compaction that failed).
   */
  'retention:purge': {
    input: z
      .object({
        caseIds: z
          .array(Id)
          .max(PURGE_BATCH_MAX)
          .refine((ids) => new Set(ids).size === ids.length, { message: 'retention.purge.duplicate' }),
        reason: Reason,
      })
      .strict(),
    output: z.object({ purged: z.array(PurgedCaseSchema) }),
  },
} as const satisfies ContractSlice<'retention'>;
