import type { z } from 'zod';
import { ApiError, type ApiIssue } from '../../../api/mamori';
import { validationKey } from '../../../ui/validation';

/** Field problems by dotted path within a form ('familyName', 'reportingDates.0.date'), as i18n keys. */
export type PathErrors = Record<string, string>;

/** Case schemas name keys such as 'case.familyName.required', translated under the shared `validation.`. */
export function issueKey(issue: { message: string; code?: string }): string {
  return validationKey(issue);
}

/**
 * Issues from zod or from core, keyed by their path below `prefix`: core reports
 * 'person.familyName' for the field the person form calls 'familyName'.
 */
export function pathErrors(issues: readonly (z.core.$ZodIssue | ApiIssue)[], prefix = ''): PathErrors {
  const errors: PathErrors = {};
  for (const issue of issues) {
    let path = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
    if (prefix && path.startsWith(`${prefix}.`)) path = path.slice(prefix.length + 1);
    errors[path] ??= issueKey(issue);
  }
  return errors;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: PathErrors };

/** The contract's own schema, applied before the round trip so the user sees the same rules core applies. */
export function parseWith<T>(schema: z.ZodType<T>, values: unknown): Parsed<T> {
  const parsed = schema.safeParse(values);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: pathErrors(parsed.error.issues) };
}

/** Core's field problems for a refused save, or null when the refusal was about something else. */
export function apiPathErrors(error: unknown, prefix: string): PathErrors | null {
  if (!(error instanceof ApiError) || error.code !== 'INVALID_INPUT' || !error.issues?.length) return null;
  return pathErrors(error.issues, prefix);
}

/** A date input's value ('' when empty) and the contract's form of it (null when empty). */
export const dateIn = (value: string | null) => value ?? '';
export const dateOut = (value: string) => (value === '' ? null : value);
