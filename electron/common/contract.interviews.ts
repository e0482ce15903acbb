/** Interviews with their safeguards (merged into `contract` in contract.ts). DESIGN.md §6. */
import { z } from 'zod';
import { CaseDetailSchema } from './caseDetail';
import { InterviewPlanInputSchema, InterviewRecordInputSchema } from './protection';
import { CaseRef, Id, Reason, type ContractSlice } from './schemas';

export const interviewsContract = {
  /** Plans a new interview (no interviewId) or changes a planned one; a change clears an override. */
  'interviews:plan': { input: CaseRef.extend({ interviewId: Id.optional(), plan: InterviewPlanInputSchema }).strict(), output: CaseDetailSchema },
  /** Supervisors: lets an interview start although safeguards are unmet, with a reason (audited). */
  'interviews:override': { input: CaseRef.extend({ interviewId: Id, reason: Reason }).strict(), output: CaseDetailSchema },
  /** Starts a planned interview: refused unless ready or overridden for exactly the unmet items. */
  'interviews:start': { input: CaseRef.extend({ interviewId: Id }).strict(), output: CaseDetailSchema },
  /** Records how the interview ended; the record itself is sealed. */
  'interviews:record': { input: CaseRef.extend({ interviewId: Id, result: InterviewRecordInputSchema }).strict(), output: CaseDetailSchema },
  'interviews:revealRecord': { input: z.object({ caseId: Id, interviewId: Id, reason: Reason }).strict(), output: z.object({ record: z.string() }) },
} as const satisfies ContractSlice<'interviews'>;
