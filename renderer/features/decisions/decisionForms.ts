/**
 * The recommendation worksheet's form: how it maps to the contract's DecisionDraft, what still
 * blocks submission (the same check core runs at submit), and the labels of core's issue keys.
 */
import type { CaseDetail } from '../../../electron/common/caseDetail';
import { canonicalJson, DecisionDraftSchema, PATHWAYS_WITH_STATUS, recommendationIssues, type DecisionDraft, type DecisionSummary } from '../../../electron/common/decisions';
import { ART_50_5_FACTORS, DOCUMENTS, type Art505Factor, type Pathway } from '../../../electron/common/guidance';
import type { StatusOfResidence } from '../../../electron/common/immigration';
import { CONSIDERATION_KINDS, type ConsiderationKind } from '../../../electron/common/protection';
import type { ApiIssue } from '../../api/mamori';
import { daysUntil, localToday } from '../../i18n/dates';
import { namespacedIssueKey, pathErrors, type PathErrors } from '../../ui/forms';

/** What the worksheet holds while it is edited: every text kept, even those the chosen pathway does not use. */
export interface WorksheetForm {
  pathway: Pathway | '';
  proposedStatus: StatusOfResidence | '';
  proposedPeriod: string;
  considerationReasons: Record<ConsiderationKind, string>;
  factorReasons: Record<Art505Factor, string>;
  summary: string;
  documents: string[];
}

const blankRecord = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, ''])) as Record<K, string>;

export function emptyForm(): WorksheetForm {
  return {
    pathway: '',
    proposedStatus: '',
    proposedPeriod: '',
    considerationReasons: blankRecord(CONSIDERATION_KINDS),
    factorReasons: blankRecord(ART_50_5_FACTORS),
    summary: '',
    documents: [],
  };
}

/** The worksheet pre-filled from a saved (or returned) recommendation. */
export function formOf(draft: DecisionDraft): WorksheetForm {
  const empty = emptyForm();
  return {
    pathway: draft.pathway,
    proposedStatus: draft.proposedStatus ?? '',
    proposedPeriod: draft.proposedPeriod,
    considerationReasons: { ...empty.considerationReasons, ...draft.considerationReasons },
    factorReasons: { ...empty.factorReasons, ...draft.factorReasons },
    summary: draft.summary,
    documents: [...draft.documents],
  };
}

/** The documents of a pathway; choosing another pathway drops the ticks that do not belong to it. */
export function documentsOf(pathway: Pathway | ''): readonly string[] {
  return pathway === '' ? [] : DOCUMENTS[pathway];
}

export function withPathway(form: WorksheetForm, pathway: Pathway | ''): WorksheetForm {
  const known = new Set(documentsOf(pathway));
  return { ...form, pathway, documents: form.documents.filter((d) => known.has(d)) };
}

export const hasStatus = (pathway: Pathway | '') => pathway !== '' && PATHWAYS_WITH_STATUS.includes(pathway);

/**
 * The draft as it is sent: only what the chosen pathway uses (no status for an assisted return, the
 * Art. 50(5) factors only for special residence permission). Null until a pathway is chosen.
 */
export function draftInput(form: WorksheetForm): unknown {
  if (form.pathway === '') return null;
  const withStatus = hasStatus(form.pathway);
  const filled = <K extends string>(r: Record<K, string>) => Object.fromEntries(Object.entries(r).filter(([, v]) => (v as string).trim() !== ''));
  return {
    pathway: form.pathway,
    proposedStatus: withStatus && form.proposedStatus !== '' ? form.proposedStatus : null,
    proposedPeriod: withStatus ? form.proposedPeriod : '',
    considerationReasons: filled(form.considerationReasons),
    factorReasons: form.pathway === 'special-residence-permission' ? filled(form.factorReasons) : {},
    summary: form.summary,
    documents: form.documents,
  };
}

/** Whether the draft on screen differs from the one core holds (compared as core stores it: trimmed, defaults filled). */
export function sameDraft(saved: DecisionDraft, draft: DecisionDraft): boolean {
  return canonicalJson(DecisionDraftSchema.parse(saved)) === canonicalJson(draft);
}

/** The case's open recommendation (at most one): being drafted, returned, or awaiting approval. */
export function openDecisionOf(detail: Pick<CaseDetail, 'decisions'>): DecisionSummary | undefined {
  return detail.decisions.find((d) => d.status === 'draft' || d.status === 'returned' || d.status === 'pending');
}

/** Calendar days a recommendation has waited since it was submitted (an instant), by the user's clock. */
export function daysWaiting(submittedAt: string, now: Date = new Date()): number {
  return Math.max(0, -daysUntil(localToday(new Date(submittedAt)), now));
}

/**
 * The i18n key for one problem. Core's recommendation checks name keys such as
 * 'decision.reason.required'; their texts live in this feature's namespace as
 * `decisions.issues.decision_reason_required`. Anything else (a schema's length check) falls back
 * to the shared `validation.*` texts.
 */
export const decisionIssueKey = namespacedIssueKey('decisions');

/** A problem with where it belongs ('summary', 'considerationReasons.cooperation', 'stage') and its i18n key. */
export interface Blocker {
  path: string;
  key: string;
}

/**
 * Everything that stops the worksheet from being submitted, worked out exactly as core will at
 * submit (`recommendationIssues`), plus the stage, which core checks too.
 */
export function blockers(form: WorksheetForm, detail: CaseDetail, today: string): Blocker[] {
  const found: Blocker[] = [];
  // Core refuses a submission unless the case is at the decision stage (DESIGN.md §5).
  if (detail.stage !== 'decision') found.push({ path: 'stage', key: decisionIssueKey({ message: 'decision.stage.notDecision' }) });
  const parsed = DecisionDraftSchema.safeParse(draftInput(form));
  if (form.pathway === '') return [...found, { path: 'pathway', key: 'decisions.worksheet.choosePathway' }];
  if (!parsed.success) {
    return [...found, ...parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), key: decisionIssueKey(issue) }))];
  }
  return [...found, ...recommendationIssues(parsed.data, detail, today).issues.map((issue) => ({ path: issue.path, key: decisionIssueKey(issue) }))];
}

/** Core's issues (RECOMMENDATION_INCOMPLETE, INVALID_INPUT) keyed by their path below 'draft.', the first per path. */
export function issueErrors(issues: readonly ApiIssue[]): PathErrors {
  return pathErrors(issues, 'draft', decisionIssueKey);
}

/**
 * A changed path ('immigration.periodOfStayExpiry') split into the part of the case the reader knows
 * (its label is `decisions.changed.<section>`) and the field below it. '(all)' means the whole case.
 */
export function changedItem(path: string): { section: string; rest: string } {
  const [section, ...rest] = path.split('.');
  return { section: section === '(all)' ? 'all' : section, rest: rest.join('.') };
}

/** How much of a snapshot hash is shown: enough to compare by eye. */
export const shortHash = (hash: string) => hash.slice(0, 12);
