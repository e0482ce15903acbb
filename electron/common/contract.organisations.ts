/**
 * The registry of Technical Intern Training organisations and brokers, and the cases they are
 * involved in (merged into `contract` in contract.ts). Case workers read; supervisors edit; a case
 * worker links an organisation to a case they may reach. Every view and change is audited.
 */
import { z } from 'zod';
import {
  FOLLOWUP_OUTCOMES,
  FollowupInputSchema,
  MissingReportInputSchema,
  ORGANISATION_TYPES,
  OrganisationInputSchema,
  STATUS_KINDS,
  StatusEntryInputSchema,
  VIOLATION_ARTICLES,
  ViolationInputSchema,
} from './organisations';
import { Id, optionalText, Version, type ContractSlice } from './schemas';

export const StandingSchema = z.object({
  ban: z.object({ from: z.string(), to: z.string().nullable(), decisionReference: z.string() }).nullable(),
  licenceRevoked: z.boolean(),
  nameDisclosed: z.boolean(),
});

/** One organisation as lists show it: who it is and how it stands today. */
export const OrganisationRowSchema = z.object({
  id: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  nameJa: z.string(),
  nameLatin: z.string(),
  corporateNumber: z.string(),
  prefecture: z.string(),
  country: z.string(),
  standing: StandingSchema,
  violations: z.number().int(),
});
export type OrganisationRow = z.infer<typeof OrganisationRowSchema>;

const RelatedSchema = z.object({ id: z.string(), type: z.enum(ORGANISATION_TYPES), nameJa: z.string(), nameLatin: z.string() });

/** The whole entry: its chain, its history, and the cases it is involved in as this user may see them. */
export const OrganisationSchema = OrganisationRowSchema.extend({
  licenceNumber: z.string(),
  notes: z.string(),
  version: z.number().int(),
  /** The organisations it names up its chain, and those that name it. */
  related: z.array(RelatedSchema),
  relatedBy: z.array(RelatedSchema),
  statuses: z.array(
    z.object({ id: z.string(), kind: z.enum(STATUS_KINDS), from: z.string(), to: z.string().nullable(), decisionReference: z.string(), recordedAt: z.string(), recordedBy: z.string() }),
  ),
  violations: z.number().int(),
  violationList: z.array(z.object({ id: z.string(), on: z.string(), article: z.enum(VIOLATION_ARTICLES), source: z.string(), note: z.string(), recordedBy: z.string() })),
  missingReports: z.array(z.object({ half: z.string(), count: z.number().int(), source: z.string() })),
  /**
   * The cases it is involved in: `total` of all of them; `cases` only those this user may reach
   * (an officer's own; a supervisor's all), never the names of the others.
   */
  involvement: z.object({ total: z.number().int(), cases: z.array(z.object({ caseId: z.string(), reference: z.string(), maskedName: z.string() })) }),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

/** One trainee to interview in a same-workplace follow-up. */
export const FollowupSchema = z.object({
  id: z.string(),
  trainee: z.string(),
  plannedOn: z.string().nullable(),
  outcome: z.enum(FOLLOWUP_OUTCOMES),
  note: z.string(),
  assignedTo: z.string(),
  assignedToName: z.string(),
  version: z.number().int(),
});
export type Followup = z.infer<typeof FollowupSchema>;

/** The follow-up list as this user may see it: a supervisor all of it; an officer their own entries and the count of the others. */
export const FollowupListSchema = z.object({ entries: z.array(FollowupSchema), others: z.number().int() });
export type FollowupList = z.infer<typeof FollowupListSchema>;

const Detail = OrganisationSchema;
const OrgChange = { id: Id, version: Version };

export const organisationsContract = {
  /** Search by name (Japanese or Latin, kana and kanji partial names, as cases are searched) or corporate number; by type. */
  'organisations:search': {
    input: z
      .object({
        query: optionalText(100),
        type: z.enum(ORGANISATION_TYPES).optional(),
        limit: z.number().int().min(1).max(100).default(50),
      })
      .strict(),
    output: z.object({ rows: z.array(OrganisationRowSchema), total: z.number().int() }),
  },
  /** One entry, whole (audited as a view). */
  'organisations:get': { input: z.object({ id: Id }).strict(), output: Detail },
  /** Supervisors: a new entry (no id) or a change to one (id and the version it was based on). */
  'organisations:save': {
    input: z.object({ id: Id.optional(), version: Version.optional(), organisation: OrganisationInputSchema }).strict(),
    output: Detail,
  },
  /** Supervisors: appends to the status history (a ban from–to, a licence revoked, a name disclosed, a reinstatement). */
  'organisations:recordStatus': { input: z.object({ ...OrgChange, entry: StatusEntryInputSchema }).strict(), output: Detail },
  /** Supervisors: records a violation of the TITP Act. */
  'organisations:recordViolation': { input: z.object({ ...OrgChange, violation: ViolationInputSchema }).strict(), output: Detail },
  /** Supervisors: records (or corrects) the count of missing interns reported for a half-year. */
  'organisations:recordMissingReport': { input: z.object({ ...OrgChange, report: MissingReportInputSchema }).strict(), output: Detail },
  /** The organisations involved in a case the user may reach, with how each stands today. */
  'organisations:forCase': { input: z.object({ caseId: Id }).strict(), output: z.object({ links: z.array(OrganisationRowSchema) }) },
  /** Links an organisation to a case the user may reach (audited on the case). */
  'organisations:linkCase': { input: z.object({ caseId: Id, organisationId: Id }).strict(), output: z.object({ links: z.array(OrganisationRowSchema) }) },
  /** Removes that link (audited on the case). */
  'organisations:unlinkCase': { input: z.object({ caseId: Id, organisationId: Id }).strict(), output: z.object({ links: z.array(OrganisationRowSchema) }) },
  /** The same-workplace follow-up list of an organisation (audited as a view). */
  'organisations:followups': { input: z.object({ organisationId: Id }).strict(), output: FollowupListSchema },
  /**
   * Adds a trainee to interview (supervisors; assigned to an officer), or changes an entry: a
   * supervisor any part of it, the assigned officer its date, outcome and note.
   */
  'organisations:saveFollowup': {
    input: z.object({ organisationId: Id, followupId: Id.optional(), version: Version.optional(), followup: FollowupInputSchema }).strict(),
    output: FollowupListSchema,
  },
} satisfies ContractSlice<'organisations'>;
