/** The interpreter registry (merged into `contract` in contract.ts). Contacts are sealed and never listed. */
import { z } from 'zod';
import { InterpreterContactSchema, InterpreterInputSchema, InterpreterSchema } from './protection';
import { Id, Reason, type ContractSlice } from './schemas';

export const interpretersContract = {
  /** The registry (officers and supervisors). */
  'interpreters:list': { input: z.object({ includeInactive: z.boolean().default(false) }).strict(), output: z.object({ interpreters: z.array(InterpreterSchema) }) },
  /**
   * Adds (no interpreterId) or edits an interpreter. A name matching an adverse party of any case
   * is refused (ADVERSE_PARTY_MATCH, never which or how many) unless `conflictReason` is given;
   * `contact` replaces the sealed contact when given. There is no separate check: a name is
   * compared with every case's adverse parties only when someone saves it as an interpreter, at
   * most CONFLICT_CHECKS_PER_HOUR times an hour per user, and each refusal is audited with a keyed
   * hash of the name, so the registry cannot be used to ask whether someone is a suspect.
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
