import { useState } from 'react';
import type { z } from 'zod';
import type { SEXES } from '../../../../../electron/common/cases';
import type { CaseDetail } from '../../../../../electron/common/contract.cases';
import type { ErrorCode } from '../../../../../electron/common/errors';
import { interviewReadiness, READINESS_ITEMS, type Readiness, type ReadinessItem } from '../../../../../electron/common/interviewReadiness';
import type { Condition, InterviewPlan, InterviewSummary, PlaceType } from '../../../../../electron/common/protection';
import { ApiError, errorCodeOf, type ApiIssue } from '../../../../api/mamori';
import { i18n } from '../../../../i18n/i18n';
import { validationKey } from '../../../../ui/validation';

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

export const unmetItems = (r: Readiness): ReadinessItem[] => READINESS_ITEMS.filter((i) => r.items[i] === 'unmet');

/** Whether core will let this planned interview start: ready, or every unmet item overridden. */
export function canStart(interview: InterviewSummary): boolean {
  const unmet = unmetItems(interview.readiness);
  return unmet.length === 0 || (interview.override !== null && unmet.every((i) => interview.override?.items.includes(i)));
}

// ---- Field problems ---------------------------------------------------------------------

export type Issue = { path: string; message: string; code?: string };
export type IssueErrors = Record<string, string>;

/**
 * The i18n key for one issue. Core's interview keys ('interview.voluntariness.required') are
 * labelled in this feature's file as `interviews.issues.interview_voluntariness_required`; anything
 * else falls back to the shared `validation.*` texts.
 */
export function interviewIssueKey(issue: Issue): string {
  if (issue.path === 'durationMinutes') return 'interviews.issues.duration';
  const own = `interviews.issues.${issue.message.replace(/\./g, '_')}`;
  if (i18n.exists(own)) return own;
  if (issue.code === 'invalid_value') return 'validation.choose';
  return validationKey(issue);
}

/** Issues keyed by their path within the form; core's paths carry the input's name ('plan.', 'result.'). */
export function issueErrors(issues: readonly Issue[], prefix: string): IssueErrors {
  const errors: IssueErrors = {};
  for (const issue of issues) {
    const path = issue.path.startsWith(`${prefix}.`) ? issue.path.slice(prefix.length + 1) : issue.path;
    errors[path] ??= interviewIssueKey({ ...issue, path });
  }
  return errors;
}

export function zodIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, code: i.code }));
}

export type ParsedForm<T> = { ok: true; data: T } | { ok: false; issues: Issue[] };

/**
 * Validates and sends one interview form. A refusal never touches the draft: after STALE_VERSION
 * the officer's entries stay in the form, to be saved again after a reload.
 */
export function useInterviewSave<D, T>({ parse, send, issuePrefix }: { parse: (draft: D) => ParsedForm<T>; send: (data: T) => Promise<void>; issuePrefix: string }) {
  const [errors, setErrors] = useState<IssueErrors>({});
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (draft: D): Promise<boolean> => {
    setFailure(null);
    const parsed = parse(draft);
    if (!parsed.ok) {
      setErrors(issueErrors(parsed.issues, ''));
      return false;
    }
    setErrors({});
    setBusy(true);
    try {
      await send(parsed.data);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'INVALID_INPUT' && error.issues?.length) setErrors(issueErrors(error.issues as ApiIssue[], issuePrefix));
      setFailure(errorCodeOf(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { errors, failure, busy, save };
}
