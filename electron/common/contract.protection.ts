/** The protection workflow's channels (merged into `contract` in contract.ts). DESIGN.md §6. */
import { z } from 'zod';
import { CaseDetailSchema } from './contract.cases';
import {
  ConsiderationInputSchema,
  InterpreterContactSchema,
  InterpreterInputSchema,
  InterpreterSchema,
  InterviewPlanSchema,
  InterviewRecordInputSchema,
  IomConsentInputSchema,
  OverrideReasonSchema,
  WishInputSchema,
} from './protection';

const Id = z.string().uuid();
const CaseRef = z.object({ caseId: Id, version: z.number().int().positive() });
const Reason = z.string().trim().min(5, { message: 'case.reason.tooShort' }).max(500);

export const WORK_WAITING_KINDS = ['override-needed', 'outcome-needed', 'considerations-missing', 'decision-pending', 'decision-returned', 'decision-approved'] as const;

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

export const protectionContract = {
  /** The interpreter registry (officers and supervisors). Contacts are sealed and never listed. */
  'interpreters:list': { input: z.object({ includeInactive: z.boolean().default(false) }).strict(), output: z.object({ interpreters: z.array(InterpreterSchema) }) },
  /** How many adverse parties, across all cases, the name or its variants match (never which). */
  'interpreters:checkConflict': {
    input: z.object({ name: z.string().trim().min(1).max(120), nameVariants: z.array(z.string().trim().min(1).max(120)).max(20).default([]) }).strict(),
    output: z.object({ matches: z.number().int() }),
  },
  /**
   * Adds (no interpreterId) or edits an interpreter. A name matching an adverse party needs
   * `conflictReason`; `contact` replaces the sealed contact when given.
   */
  'interpreters:save': {
    input: z
      .object({
        interpreterId: Id.optional(),
        version: z.number().int().positive().optional(),
        interpreter: InterpreterInputSchema,
        contact: InterpreterContactSchema.optional(),
        conflictReason: Reason.optional(),
      })
      .strict(),
    output: InterpreterSchema,
  },
  'interpreters:revealContact': { input: z.object({ interpreterId: Id, reason: Reason }).strict(), output: InterpreterContactSchema },
  /** Plans a new interview (no interviewId) or changes a planned one; a change clears an override. */
  'interviews:plan': { input: CaseRef.extend({ interviewId: Id.optional(), plan: InterviewPlanSchema }).strict(), output: CaseDetailSchema },
  /** Supervisors: lets an interview start although safeguards are unmet, with a reason (audited). */
  'interviews:override': { input: CaseRef.extend({ interviewId: Id, reason: OverrideReasonSchema }).strict(), output: CaseDetailSchema },
  /** Starts a planned interview: refused unless ready or overridden for exactly the unmet items. */
  'interviews:start': { input: CaseRef.extend({ interviewId: Id }).strict(), output: CaseDetailSchema },
  /** Records how the interview ended; the record itself is sealed. */
  'interviews:record': { input: CaseRef.extend({ interviewId: Id, result: InterviewRecordInputSchema }).strict(), output: CaseDetailSchema },
  'interviews:revealRecord': { input: z.object({ caseId: Id, interviewId: Id, reason: Reason }).strict(), output: z.object({ record: z.string() }) },
  /** Adds an assessment of one of the three considerations (the history keeps every one). */
  'protection:recordConsideration': { input: CaseRef.extend({ consideration: ConsiderationInputSchema }).strict(), output: CaseDetailSchema },
  'protection:recordWish': { input: CaseRef.extend({ wish: WishInputSchema }).strict(), output: CaseDetailSchema },
  'protection:recordIomConsent': { input: CaseRef.extend({ consent: IomConsentInputSchema }).strict(), output: CaseDetailSchema },
  /** The signed-in user's home view: interviews, deadlines and what waits for them. */
  'work:mine': { input: z.object({}).strict(), output: MyWorkSchema },
} as const;
