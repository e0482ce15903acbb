/**
 * The case as its page shows it (DESIGN.md §5–§6): what `cases:get` and every case change return.
 * Sealed fields say only whether they hold a value; never the value itself.
 */
import { z } from 'zod';
import { AdversePartyInputSchema, ExploitationSchema, FLAGS, NOTE_TYPES, PersonSchema, RISK_LEVELS, SEALED_FIELDS, STAGES } from './cases';
import { OrganisationRowSchema } from './contract.organisations';
import { ImmigrationFactsSchema } from './immigration';
import { DecisionSummarySchema } from './decisions';
import { ProtectionDetailSchema } from './protection';
import { RETENTION_OUTCOMES } from './retention';

export const StaffSchema = z.object({ id: z.string(), displayName: z.string() });

export const AdversePartySchema = AdversePartyInputSchema.extend({
  id: z.string(),
  /** The registry entry named by `organisationId`, as it stands today (its ban, revocation, violations); null when unlinked. */
  registryEntry: OrganisationRowSchema.nullable(),
});
export type AdverseParty = z.infer<typeof AdversePartySchema>;

export const TimelineItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('note'),
    id: z.string(),
    at: z.string(),
    authorName: z.string(),
    noteType: z.enum(NOTE_TYPES),
    sealed: z.boolean(),
    /** Null for a sealed note until it is revealed with a reason. */
    body: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('event'),
    id: z.string(),
    at: z.string(),
    authorName: z.string(),
    event: z.enum(['created', 'stage', 'assigned', 'conflict-acknowledged']),
    fromStage: z.enum(STAGES).nullable(),
    toStage: z.enum(STAGES).nullable(),
    reason: z.string(),
  }),
]);
export type TimelineItem = z.infer<typeof TimelineItemSchema>;

export const CaseDetailSchema = z.object({
  id: z.string(),
  reference: z.string(),
  stage: z.enum(STAGES),
  /** How and when a supervisor closed the case (null while it is open). */
  closing: z.object({ outcome: z.enum(RETENTION_OUTCOMES), closedAt: z.string() }).nullable(),
  riskLevel: z.enum(RISK_LEVELS),
  flags: z.array(z.enum(FLAGS)),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  officers: z.array(StaffSchema),
  supervisor: StaffSchema.nullable(),
  person: PersonSchema,
  immigration: ImmigrationFactsSchema,
  exploitation: ExploitationSchema,
  /** Which sealed fields hold a value; never the value itself. */
  sealed: z.object(Object.fromEntries(SEALED_FIELDS.map((f) => [f, z.boolean()])) as Record<(typeof SEALED_FIELDS)[number], z.ZodBoolean>),
  adverseParties: z.array(AdversePartySchema),
  timeline: z.array(TimelineItemSchema),
  /** Interviews, the three considerations and the victim's wishes (DESIGN.md §6). */
  protection: ProtectionDetailSchema,
  /** Recommendations and decisions, newest first (DESIGN.md §6). */
  decisions: z.array(DecisionSummarySchema),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

/**
 * What a save of the case's own sections returns (`cases:update`): the record as now stored, and
 * the parts of the page that depend on it only when they may have changed: the interviews'
 * safeguards when the person changed (sex and languages decide them), and the decisions while one
 * awaits approval (it says which facts changed since it was submitted). Nothing else on the page
 * depends on these sections, so the case is not assembled afresh after every save.
 */
export const CaseEditSchema = CaseDetailSchema.pick({
  id: true,
  reference: true,
  stage: true,
  closing: true,
  riskLevel: true,
  flags: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  person: true,
  immigration: true,
  exploitation: true,
}).extend({
  interviews: ProtectionDetailSchema.shape.interviews.optional(),
  decisions: z.array(DecisionSummarySchema).optional(),
});
export type CaseEdit = z.infer<typeof CaseEditSchema>;

/** The page's case after a save of its sections: `edit` laid over what the page showed. */
export function applyCaseEdit(detail: CaseDetail, edit: CaseEdit): CaseDetail {
  const { interviews, decisions, ...record } = edit;
  return {
    ...detail,
    ...record,
    protection: interviews ? { ...detail.protection, interviews } : detail.protection,
    decisions: decisions ?? detail.decisions,
  };
}
