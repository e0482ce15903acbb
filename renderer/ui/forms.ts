/** Form feedback from the contract's own schemas and from core's refusals, as i18n keys by field path. */
import type { z } from 'zod';
import { dateIssues, type DateRules } from '../../electron/common/dates';
import type { ErrorCode } from '../../electron/common/errors';
import { ApiError } from '../api/mamori';
import { localToday } from '../i18n/dates';
import { i18n } from '../i18n/i18n';
import { validationKey, type ValidationKey } from './validation';

/** Field problems by dotted path within a form ('familyName', 'reportingDates.0.date'), as i18n keys. */
export type PathErrors = Record<string, string>;

/** A problem as zod reports it (path as segments) or as core sends it back (path as a dotted string). */
export interface Issue {
  path: string | readonly PropertyKey[];
  message: string;
  code?: string;
}

/** The i18n key for one problem; `path` is where the form shows it (core's prefix already removed). */
export type IssueKeyOf = (issue: { message: string; code?: string }, path: string) => string;

/** The contract's schemas name keys such as 'case.familyName.required', translated under the shared `validation.`. */
export function issueKey(issue: { message: string; code?: string }): string {
  return validationKey(issue);
}

/**
 * The issue keys of a feature with texts of its own. Its schemas and core's checks name keys such as
 * 'consideration.evidence.required', labelled in the feature's namespace as
 * `<namespace>.issues.consideration_evidence_required` (dots would nest). Anything else falls back to
 * the shared `validation.*` text chosen for its zod code in `byCode`, then to the usual shared text.
 */
export function namespacedIssueKey(namespace: string, byCode: Readonly<Record<string, ValidationKey>> = {}) {
  return (issue: { message: string; code?: string }): string => {
    const own = `${namespace}.issues.${issue.message.replaceAll('.', '_')}`;
    if (i18n.exists(own)) return own;
    if (issue.code !== undefined && Object.hasOwn(byCode, issue.code)) return byCode[issue.code];
    return validationKey(issue);
  };
}

/**
 * Issues from zod or from core, keyed by their path below `prefix` (core reports 'person.familyName'
 * for the field the person form calls 'familyName'), the first per path, labelled by `keyOf`.
 */
export function pathErrors(issues: readonly Issue[], prefix = '', keyOf: IssueKeyOf = issueKey): PathErrors {
  const errors: PathErrors = {};
  for (const issue of issues) {
    let path = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
    if (prefix && path.startsWith(`${prefix}.`)) path = path.slice(prefix.length + 1);
    errors[path] ??= keyOf(issue, path);
  }
  return errors;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: PathErrors };

/** The contract's own schema, applied before the round trip so the user sees the same rules core applies. */
export function parseWith<T>(schema: z.ZodType<T>, values: unknown, keyOf: IssueKeyOf = issueKey): Parsed<T> {
  const parsed = schema.safeParse(values);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: pathErrors(parsed.error.issues, '', keyOf) };
}

/**
 * The date bounds core applies with its own clock when it saves (electron/common/dates.ts: nothing
 * that has happened dated after today, no year mistyped far back or ahead), checked here on the
 * user's local today once the schema passes, so they are named before the round trip.
 */
export function withDateRules<T>(parsed: Parsed<T>, rules: DateRules, keyOf: IssueKeyOf = issueKey): Parsed<T> {
  if (!parsed.ok) return parsed;
  const issues = dateIssues(parsed.data, rules, localToday());
  return issues.length ? { ok: false, errors: pathErrors(issues, '', keyOf) } : parsed;
}

/** Refusals whose issues name the fields at fault: invalid input, and a rule about the values given (the screening of an absconded intern). */
const FIELD_REFUSALS: readonly ErrorCode[] = ['INVALID_INPUT', 'SCREENING_REQUIRED'];

/** Core's field problems for a refused save, or null when the refusal was about something else. */
export function apiPathErrors(error: unknown, prefix: string, keyOf: IssueKeyOf = issueKey): PathErrors | null {
  if (!(error instanceof ApiError) || !FIELD_REFUSALS.includes(error.code) || !error.issues?.length) return null;
  return pathErrors(error.issues, prefix, keyOf);
}

/** A date input's value ('' when empty) and the contract's form of it (null when empty). */
export const dateIn = (value: string | null) => value ?? '';
export const dateOut = (value: string) => (value === '' ? null : value);
