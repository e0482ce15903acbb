/** The interpreter registry (merged into `contract` in contract.ts). Contacts are sealed and never listed. */
import { z } from 'zod';
import { InterpreterContactSchema, InterpreterInputSchema, InterpreterSchema } from './protection';
import { Id, Reason, type ContractSlice } from './schemas';

export const interpretersContract = {
  /** The registry (officers and supervisors). */
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
} as const satisfies ContractSlice<'interpreters'>;
