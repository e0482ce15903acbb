/**
 * Residence decisions (DESIGN.md §6): the officer's recommendation (the worksheet), what it needs
 * before it can be submitted, and the frozen snapshot a supervisor approves. Pure: core and the
 * renderer both use it, core authoritatively.
 */
import { z } from 'zod';
import { type AdversePartyInput, type Exploitation, type Person, type RiskLevel, type SealedField } from './cases';
import { ART_50_5_FACTORS, canSubmit, DOCUMENTS, PATHWAYS, residenceGuidance, type Guidance, type GuidanceInput, type Pathway } from './guidance';
import { CONSIDERATION_KINDS, type Consideration, type InterviewPlan, type InterviewStatus, type IomConsent, type Wish } from './protection';
import { STATUSES_OF_RESIDENCE, type Immigration } from './immigration';
import { text } from './schemas';

/** draft → pending (submitted) → approved | returned (→ draft again); approved → superseded. */
export const DECISION_STATUSES = ['draft', 'pending', 'returned', 'approved', 'superseded'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Pathways that end in a status of residence and a period of stay. */
export const PATHWAYS_WITH_STATUS: readonly Pathway[] = ['renewal', 'change-of-status', 'special-residence-permission', 'after-procedures'];

export const DecisionDraftSchema = z
  .object({
    pathway: z.enum(PATHWAYS),
    proposedStatus: z.enum(STATUSES_OF_RESIDENCE).nullable().default(null),
    /** The proposed period of stay, as it would be written on the permission (e.g. "1 year"). */
    proposedPeriod: text(60).default(''),
    /** Reasons against each of the three considerations. */
    considerationReasons: z.partialRecord(z.enum(CONSIDERATION_KINDS), text(4000)).default({}),
    /** Special residence permission: reasons against each Art. 50(5) factor. */
    factorReasons: z.partialRecord(z.enum(ART_50_5_FACTORS), text(4000)).default({}),
    /** The recommendation in the officer's words. */
    summary: text(8000).default(''),
    /** Documents gathered (codes of DOCUMENTS[pathway]). */
    documents: z.array(z.string().max(60)).max(40).default([]),
  })
  .strict();
export type DecisionDraft = z.infer<typeof DecisionDraftSchema>;

const MIN_REASON = 10;

/**
 * What the residence guidance and the submission rules read of a case: the immigration facts, the
 * exploitation and its indicators, and the histories of considerations, wishes and IOM consent
 * (newest first). A case page's detail satisfies it; core reads no more than this to decide.
 */
export interface CaseFacts {
  immigration: Immigration;
  exploitation: Exploitation;
  adverseParties: readonly { role: string }[];
  /** The case's decisions: an approved alternative to detention clears the detention warning. */
  decisions: readonly { status: DecisionStatus; draft: { pathway: Pathway } }[];
  protection: {
    considerations: readonly Pick<Consideration, 'kind' | 'level' | 'cooperationStatus'>[];
    wishes: readonly { wish: Wish }[];
    iomConsents: readonly { consent: IomConsent }[];
  };
}

/** Builds the guidance rule's input from the case as it is (today: YYYY-MM-DD). */
export function guidanceInputOf(detail: CaseFacts, chosenPathway: Pathway | null, today: string): GuidanceInput {
  const current = <K extends string>(kind: K) => detail.protection.considerations.find((c) => c.kind === kind) ?? null;
  const cooperation = current('cooperation');
  const indicators = Object.entries(detail.exploitation.indicators);
  return {
    today,
    immigration: detail.immigration,
    identificationStatus: detail.exploitation.identificationStatus,
    exploitationTypes: detail.exploitation.types,
    indicatorsPresent: indicators.filter(([, s]) => s?.present).map(([code]) => code),
    screeningComplete: detail.exploitation.screening === 'completed',
    adverseRoles: detail.adverseParties.map((p) => p.role),
    // DOMAIN.md §2: provisional release or supervision measures decided and approved.
    alternativeApproved: detail.decisions.some((d) => d.status === 'approved' && d.draft.pathway === 'provisional-release'),
    wish: detail.protection.wishes[0]?.wish ?? null,
    considerations: {
      'danger-on-return': current('danger-on-return')?.level ?? null,
      'condition-and-protection': current('condition-and-protection')?.level ?? null,
      cooperation: cooperation ? { level: cooperation.level, status: cooperation.cooperationStatus ?? 'not-asked' } : null,
    },
    iomConsent: detail.protection.iomConsents[0]?.consent ?? null,
    chosenPathway,
  };
}

export interface Issue {
  path: string;
  message: string;
}

/**
 * What stops this recommendation from being submitted, as field issues (message keys under
 * `decision.`). Empty when it may be submitted.
 */
export function recommendationIssues(draft: DecisionDraft, detail: CaseFacts, today: string): { guidance: Guidance; issues: Issue[] } {
  const guidance = residenceGuidance(guidanceInputOf(detail, draft.pathway, today));
  const issues: Issue[] = [];
  // DOMAIN.md §3: an intern who fled is screened for trafficking indicators before anything else is recommended.
  if (detail.immigration.abscondedFromTraining && detail.exploitation.screening !== 'completed') issues.push({ path: 'screening', message: 'decision.screening.required' });
  if (!canSubmit(guidance, draft.pathway)) issues.push({ path: 'pathway', message: 'decision.pathway.notReady' });
  // DESIGN.md §6: a recommendation rests on the three considerations and the victim's wishes.
  for (const kind of CONSIDERATION_KINDS) {
    if (!detail.protection.considerations.some((c) => c.kind === kind)) issues.push({ path: `consideration.${kind}`, message: 'decision.consideration.notRecorded' });
    if ((draft.considerationReasons[kind]?.length ?? 0) < MIN_REASON) issues.push({ path: `considerationReasons.${kind}`, message: 'decision.reason.required' });
  }
  if (detail.protection.wishes.length === 0) issues.push({ path: 'wish', message: 'decision.wish.notRecorded' });
  // DOMAIN.md §2: special residence permission is decided on the Art. 50(5) factors; each needs its reasons.
  if (draft.pathway === 'special-residence-permission') {
    for (const factor of ART_50_5_FACTORS) {
      if ((draft.factorReasons[factor]?.length ?? 0) < MIN_REASON) issues.push({ path: `factorReasons.${factor}`, message: 'decision.reason.required' });
    }
  }
  if (PATHWAYS_WITH_STATUS.includes(draft.pathway)) {
    if (!draft.proposedStatus || draft.proposedStatus === 'none') issues.push({ path: 'proposedStatus', message: 'decision.proposedStatus.required' });
    if (!draft.proposedPeriod) issues.push({ path: 'proposedPeriod', message: 'decision.proposedPeriod.required' });
  }
  if (draft.summary.length < MIN_REASON) issues.push({ path: 'summary', message: 'decision.summary.required' });
  const known = new Set<string>(DOCUMENTS[draft.pathway]);
  if (draft.documents.some((d) => !known.has(d))) issues.push({ path: 'documents', message: 'decision.documents.unknown' });
  return { guidance, issues };
}

/** What a submission snapshot is made of: the case's facts as core reads them (no decisions). */
export interface SnapshotSource {
  reference: string;
  riskLevel: RiskLevel;
  flags: readonly string[];
  person: Person;
  immigration: Immigration;
  exploitation: Exploitation;
  sealed: Record<SealedField, boolean>;
  adverseParties: readonly (AdversePartyInput & { id: string })[];
  timeline: readonly { kind: 'note' | 'event'; id: string }[];
  protection: {
    interviews: readonly { id: string; status: InterviewStatus; plan: InterviewPlan; hasRecord: boolean }[];
    considerations: readonly { id: string }[];
    wishes: readonly { id: string }[];
    iomConsents: readonly { id: string }[];
  };
}

/**
 * The facts of the case a recommendation rests on: everything an officer can change, except
 * bookkeeping (version, times, stage, assignment) and the decisions themselves. A supervisor
 * approves these facts as they were when submitted; any change to them stales the approval.
 * Never change what this returns for an existing case: pending snapshots are compared with it.
 */
export function snapshotFacts(detail: SnapshotSource) {
  return {
    reference: detail.reference,
    riskLevel: detail.riskLevel,
    flags: detail.flags,
    person: detail.person,
    immigration: detail.immigration,
    exploitation: detail.exploitation,
    sealed: detail.sealed,
    // The party as recorded on the case, and which registry entry it is (absent when unlinked, as
    // before links existed); never how that entry stands today, which changes without the case.
    adverseParties: detail.adverseParties.map((p) => ({
      id: p.id,
      role: p.role,
      name: p.name,
      nameVariants: p.nameVariants,
      organisation: p.organisation,
      contact: p.contact,
      notes: p.notes,
      ...(p.organisationId ? { organisationId: p.organisationId } : {}),
    })),
    notes: detail.timeline.filter((t) => t.kind === 'note').map((n) => n.id),
    protection: {
      interviews: detail.protection.interviews.map((v) => ({ id: v.id, status: v.status, plan: v.plan, hasRecord: v.hasRecord })),
      considerations: detail.protection.considerations.map((c) => c.id),
      wishes: detail.protection.wishes.map((w) => w.id),
      iomConsents: detail.protection.iomConsents.map((c) => c.id),
    },
  };
}
export type SnapshotFacts = ReturnType<typeof snapshotFacts>;

/** JSON with object keys sorted at every level: the same facts always give the same text (and hash). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Where two snapshots of the facts differ, as dotted paths to the smallest changed object field. */
export function changedPaths(before: unknown, after: unknown, path = ''): string[] {
  if (canonicalJson(before) === canonicalJson(after)) return [];
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(before) || !isObject(after)) return [path || '(all)'];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.flatMap((k) => changedPaths(before[k], after[k], path ? `${path}.${k}` : k));
}

export const DECISION_EVENT_KINDS = ['submitted', 'returned', 'approved', 'superseded'] as const;

export const DecisionSummarySchema = z.object({
  id: z.string(),
  status: z.enum(DECISION_STATUSES),
  draft: DecisionDraftSchema,
  createdAt: z.string(),
  createdBy: z.string(),
  /** Who drafted it: like the submitter, they may not approve it. */
  createdById: z.string(),
  /** Everyone who ever wrote its draft or submitted it (ids): none of them may approve it (four eyes). */
  editorIds: z.array(z.string()),
  updatedAt: z.string(),
  /** Who submitted it last (id, so the UI can tell a supervisor their own), and the hash of the snapshot. */
  submittedById: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  snapshotHash: z.string().nullable(),
  /** Pending only: where the case's facts differ from the submitted snapshot (empty: unchanged). */
  changedSinceSubmission: z.array(z.string()).nullable(),
  supersededBy: z.string().nullable(),
  /** Submissions, returns (with comments), approval, newest first. */
  events: z.array(z.object({ kind: z.enum(DECISION_EVENT_KINDS), at: z.string(), by: z.string(), comment: z.string(), snapshotHash: z.string().nullable() })),
});
export type DecisionSummary = z.infer<typeof DecisionSummarySchema>;
