import type { CaseDetail } from '../../../electron/common/caseDetail';
import type { SEXES } from '../../../electron/common/cases';
import { interviewReadiness, mayStart, type Readiness } from '../../../electron/common/interviewReadiness';
import type { Condition, InterviewPlan, InterviewSummary, PlaceType } from '../../../electron/common/protection';
import { namespacedIssueKey, pathErrors, type Issue, type IssueKeyOf, type Parsed, type PathErrors } from '../../ui/forms';
import { useDraftForm } from '../../ui/useSave';

export type Sex = (typeof SEXES)[number];

/** The plan form as edited: empty choices stay '' until the officer makes them. */
export interface PlanDraft {
  plannedAt: string;
  durationMinutes: number | string;
  breaks: string;
  placeType: PlaceType;
  placeLabel: string;
  placePrivate: boolean;
  placeDisclosesWhereabouts: boolean;
  officers: { userId: string; sex: Sex | '' }[];
  noFemaleOfficerReason: string;
  /** '' for none. */
  interpreterId: string;
  noInterpreterReason: string;
  condition: Condition | '';
  conditionNotes: string;
  rightsExplained: boolean;
}

// The safeguards start unaffirmed: the officer ticks them, never the form.
export const EMPTY_DRAFT: PlanDraft = {
  plannedAt: '',
  durationMinutes: 60,
  breaks: '',
  placeType: 'agency-private-room',
  placeLabel: '',
  placePrivate: false,
  placeDisclosesWhereabouts: false,
  officers: [],
  noFemaleOfficerReason: '',
  interpreterId: '',
  noInterpreterReason: '',
  condition: '',
  conditionNotes: '',
  rightsExplained: false,
};

export function draftOf(plan: InterviewPlan): PlanDraft {
  const { officersPresent, interpreterId, ...rest } = plan;
  return { ...rest, officers: officersPresent.map((o) => ({ userId: o.userId, sex: o.sex })), interpreterId: interpreterId ?? '' };
}

type Victim = Pick<CaseDetail['person'], 'sex' | 'languages'>;

/** The reason for no female officer is asked for (and sent) only while it is needed. */
export function needsFemaleOfficerReason(draft: PlanDraft, victim: Victim): boolean {
  return victim.sex === 'female' && !draft.officers.some((o) => o.sex === 'female');
}

/** Likewise the reason for no interpreter of the native language (none is needed for Japanese). */
export function needsInterpreterReason(victim: Victim, interpreter: { languages: readonly string[] } | null): boolean {
  const native = victim.languages[0];
  return native !== undefined && native !== 'ja' && !interpreter?.languages.includes(native);
}

/** The plan as the contract wants it; reasons that no longer apply are dropped rather than kept stale. */
export function planOf(draft: PlanDraft, victim: Victim, interpreter: { languages: readonly string[] } | null): unknown {
  const { officers, interpreterId, ...rest } = draft;
  return {
    ...rest,
    durationMinutes: typeof draft.durationMinutes === 'number' ? draft.durationMinutes : Number.NaN,
    officersPresent: officers.map((o) => ({ userId: o.userId, sex: o.sex })),
    noFemaleOfficerReason: needsFemaleOfficerReason(draft, victim) ? draft.noFemaleOfficerReason : '',
    interpreterId: interpreterId || null,
    noInterpreterReason: needsInterpreterReason(victim, interpreter) ? draft.noInterpreterReason : '',
  };
}

/**
 * The same rule core applies, on the form's values, for live feedback only: core recomputes it
 * when the plan is saved and again when the interview starts. A condition not yet assessed counts
 * as unmet.
 */
export function liveReadiness(draft: PlanDraft, victim: Victim, interpreter: { languages: readonly string[] } | null, adverseMatches: number): Readiness {
  const readiness = interviewReadiness({
    victim: { sex: victim.sex, languages: victim.languages, condition: draft.condition || 'stable' },
    interpreter,
    noInterpreterReason: needsInterpreterReason(victim, interpreter) ? draft.noInterpreterReason : '',
    officersPresent: draft.officers.map((o) => ({ sex: o.sex || 'undisclosed' })),
    noFemaleOfficerReason: needsFemaleOfficerReason(draft, victim) ? draft.noFemaleOfficerReason : '',
    place: { private: draft.placePrivate, disclosesWhereabouts: draft.placeDisclosesWhereabouts },
    adverseMatches,
    rightsExplained: draft.rightsExplained,
  });
  if (draft.condition !== '') return readiness;
  return { ready: false, items: { ...readiness.items, condition: 'unmet' } };
}

/** Whether core will let this planned interview start (the same rule core applies). */
export const canStart = (interview: InterviewSummary): boolean => mayStart(interview.readiness, interview.override?.items ?? null);

// ---- Field problems ---------------------------------------------------------------------

const interviewsIssueKey = namespacedIssueKey('interviews', { invalid_value: 'validation.choose' });

/**
 * The i18n key for one issue at `path` in the form. Core's interview keys ('interview.voluntariness.required')
 * are labelled in this feature's file as `interviews.issues.interview_voluntariness_required`; the
 * duration, unless a key of its own says more (a negative length), by one text whatever the check;
 * anything else falls back to the shared `validation.*` texts.
 */
export const interviewIssueKey: IssueKeyOf = (issue, path) => {
  const key = interviewsIssueKey(issue);
  return path === 'durationMinutes' && !key.startsWith('interviews.') ? 'interviews.issues.duration' : key;
};

/** The form's own problems (zod's and its extra checks) keyed by their path, the first per path. */
export function interviewErrors(issues: readonly Issue[]): PathErrors {
  return pathErrors(issues, '', interviewIssueKey);
}

/**
 * One interview form's draft and its saving (see useDraftForm): after STALE_VERSION the officer's
 * entries stay in the form, to be saved again after a reload. Core's paths carry the input's name ('plan.', 'result.').
 */
export function useInterviewForm<D extends object, T>(initial: () => D, options: { parse: (draft: D) => Parsed<T>; send: (data: T) => Promise<void>; issuePrefix: string }) {
  return useDraftForm(initial, { ...options, issueKey: interviewIssueKey });
}
