import { useState } from 'react';
import type { z } from 'zod';
import type { ErrorCode } from '../../../../../electron/common/errors';
import type { Consideration, ConsiderationKind, ProtectionDetail } from '../../../../../electron/common/protection';
import { CONSIDERATION_KINDS } from '../../../../../electron/common/protection';
import { ApiError, errorCodeOf, type ApiIssue } from '../../../../api/mamori';
import { i18n } from '../../../../i18n/i18n';
import { validationKey } from '../../../../ui/validation';
import type { Parsed, PathErrors } from '../caseForms';

/**
 * The i18n key for one problem. The protection schemas name keys such as
 * 'consideration.evidence.required'; their texts live in this feature's own namespace as
 * `protection.issues.consideration_evidence_required` (dots would nest). Anything else falls
 * back to the shared `validation.*` texts: an unchosen option reads "Choose one.", a bad date
 * "Enter a valid date."
 */
export function protectionIssueKey(issue: { message: string; code?: string }): string {
  const own = `protection.issues.${issue.message.replaceAll('.', '_')}`;
  if (i18n.exists(own)) return own;
  if (issue.code === 'invalid_value') return 'validation.choose';
  if (issue.code === 'invalid_format') return 'validation.date.invalid';
  return validationKey(issue);
}

function pathErrors(issues: readonly (z.core.$ZodIssue | ApiIssue)[], prefix = ''): PathErrors {
  const errors: PathErrors = {};
  for (const issue of issues) {
    let path = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
    if (prefix && path.startsWith(`${prefix}.`)) path = path.slice(prefix.length + 1);
    errors[path] ??= protectionIssueKey(issue);
  }
  return errors;
}

/** The contract's schema applied before the round trip, so the user sees the rules core applies. */
export function parseProtection<T>(schema: z.ZodType<T>, values: unknown): Parsed<T> {
  const parsed = schema.safeParse(values);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: pathErrors(parsed.error.issues) };
}

/**
 * Validates and sends one record form. A refusal never touches the draft, so the values stay
 * in the form; core's field problems (INVALID_INPUT) are put next to their fields.
 */
export function useRecordForm<D, T>({ parse, send, issuePrefix }: { parse: (draft: D) => Parsed<T>; send: (data: T) => Promise<void>; issuePrefix: string }) {
  const [errors, setErrors] = useState<PathErrors>({});
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (draft: D): Promise<boolean> => {
    setFailure(null);
    const parsed = parse(draft);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return false;
    }
    setErrors({});
    setBusy(true);
    try {
      await send(parsed.data);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'INVALID_INPUT' && error.issues?.length) setErrors(pathErrors(error.issues, issuePrefix));
      setFailure(errorCodeOf(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { errors, failure, busy, save };
}

/** Today as a calendar day in the user's time zone ('2026-04-30'), the default for a new record. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** One kind's assessments, newest first as core sends them: the first is the current one. */
export function assessmentsOf(protection: ProtectionDetail, kind: ConsiderationKind): Consideration[] {
  return protection.considerations.filter((c) => c.kind === kind);
}

export type MissingItem = ConsiderationKind | 'wish';

/** What must still be recorded before a recommendation can be submitted (DESIGN.md §6). */
export function missingItems(protection: ProtectionDetail): MissingItem[] {
  const missing: MissingItem[] = CONSIDERATION_KINDS.filter((kind) => !protection.considerations.some((c) => c.kind === kind));
  if (protection.wishes.length === 0) missing.push('wish');
  return missing;
}
