/** Residence decisions: the worksheet, submission and the supervisor's review (DESIGN.md §6). */
import { z } from 'zod';
import { CaseDetailSchema } from './caseDetail';
import { DecisionDraftSchema } from './decisions';
import { PATHWAYS } from './guidance';
import { CaseRef, Empty, Id, tooLong, type ContractSlice } from './schemas';
/** A supervisor's comment on a return: what the officer must look at again. */
const Comment = z.string().trim().min(5, { message: 'decision.comment.tooShort' }).max(4000, tooLong(4000));

export const ReviewQueueRowSchema = z.object({
  caseId: z.string(),
  reference: z.string(),
  maskedName: z.string(),
  decisionId: z.string(),
  pathway: z.enum(PATHWAYS),
  submittedAt: z.string(),
  submittedBy: z.string(),
  /** The supervisor submitted it themself: someone else must approve. */
  own: z.boolean(),
  /** The case changed after submission: it can only be returned. */
  stale: z.boolean(),
  /** The earliest open deadline of the case (period-of-stay expiry or reporting date). */
  nextDeadline: z.string().nullable(),
});
export type ReviewQueueRow = z.infer<typeof ReviewQueueRowSchema>;

export const decisionsContract = {
  /** Saves the case's open recommendation (creates one if there is none); never a submitted or decided one. */
  'decisions:saveDraft': { input: CaseRef.extend({ draft: DecisionDraftSchema }).strict(), output: CaseDetailSchema },
  /** Freezes the case's facts and the recommendation; the supervisor approves that snapshot's hash. */
  'decisions:submit': { input: CaseRef.extend({ decisionId: Id }).strict(), output: CaseDetailSchema },
  /** Supervisors: approve exactly the snapshot they reviewed (not their own, not a stale one). */
  'decisions:approve': {
    input: z.object({ caseId: Id, decisionId: Id, snapshotHash: z.string().regex(/^[0-9a-f]{64}$/), comment: z.string().trim().max(4000, tooLong(4000)).default('') }).strict(),
    output: CaseDetailSchema,
  },
  /** Supervisors: send the recommendation back to the officer with comments. */
  'decisions:return': { input: z.object({ caseId: Id, decisionId: Id, comment: Comment }).strict(), output: CaseDetailSchema },
  /** Supervisors: pending recommendations, oldest first. */
  'decisions:queue': { input: Empty, output: z.object({ rows: z.array(ReviewQueueRowSchema) }) },
} as const satisfies ContractSlice<'decisions'>;
