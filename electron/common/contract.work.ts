/** Each user's "My work" (merged into `contract` in contract.ts). */
import { z } from 'zod';
import { Empty, type ContractSlice } from './schemas';

export const WORK_WAITING_KINDS = ['override-needed', 'outcome-needed', 'considerations-missing', 'screening-due', 'screening-flagged-organisation', 'decision-pending', 'decision-returned', 'decision-approved'] as const;

const WorkCaseSchema = z.object({ caseId: z.string(), reference: z.string(), maskedName: z.string() });

export const MyWorkSchema = z.object({
  /** Planned or started interviews of the user's cases, soonest first. */
  interviews: z.array(WorkCaseSchema.extend({ interviewId: z.string(), plannedAt: z.string(), status: z.enum(['planned', 'in-progress']), ready: z.boolean() })),
  /** Period-of-stay expiries (overdue included) and reporting dates in the next 30 days, soonest first. */
  deadlines: z.array(WorkCaseSchema.extend({ kind: z.enum(['period-of-stay-expiry', 'reporting']), date: z.string() })),
  /** Cases where something waits for this user, oldest first. */
  waiting: z.array(WorkCaseSchema.extend({ kind: z.enum(WORK_WAITING_KINDS), since: z.string() })),
});
export type MyWork = z.infer<typeof MyWorkSchema>;

export const workContract = {
  /** The signed-in user's home view: interviews, deadlines and what waits for them. */
  'work:mine': { input: Empty, output: MyWorkSchema },
} as const satisfies ContractSlice<'work'>;
