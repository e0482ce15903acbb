import type { ParseKeys } from 'i18next';
import type { z } from 'zod';
import type { ApiIssue } from '../api/mamori';
import { i18n } from '../i18n/i18n';

/** An i18n key under `validation.`; forms keep keys, not text, so a language switch re-translates them. */
export type ValidationKey = Extract<ParseKeys, `validation.${string}`>;

export type FieldErrors<F extends string> = Partial<Record<F, ValidationKey>>;

function isValidationKey(key: string): key is ValidationKey {
  return i18n.exists(key);
}

/**
 * The contract's schemas carry message keys such as 'passphrase.tooShort'. Map one issue to the
 * key of its translation, falling back to a generic text for checks that name no key.
 */
export function validationKey(issue: { message: string; code?: string }): ValidationKey {
  const fromSchema = `validation.${issue.message}`;
  if (isValidationKey(fromSchema)) return fromSchema;
  if (issue.code === 'too_small') return 'validation.required';
  if (issue.code === 'too_big') return 'validation.tooLong';
  return 'validation.invalid';
}

/** The first problem per top-level field, from zod's issues or from the issues core sent back. */
export function fieldErrors<F extends string>(issues: readonly (z.core.$ZodIssue | ApiIssue)[]): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of issues) {
    const field = String(typeof issue.path === 'string' ? issue.path.split('.')[0] : issue.path[0]) as F;
    errors[field] ??= validationKey(issue);
  }
  return errors;
}

/** Parses form values with a contract schema: the same rules core applies, shown before the round trip. */
export function validate<T, F extends string>(
  schema: z.ZodType<T>,
  values: unknown,
): { ok: true; data: T } | { ok: false; errors: FieldErrors<F> } {
  const parsed = schema.safeParse(values);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: fieldErrors<F>(parsed.error.issues) };
}

/** The confirmation field's error, if the two typed passphrases differ. */
export function confirmationError(passphrase: string, confirm: string): ValidationKey | undefined {
  return passphrase === confirm ? undefined : 'validation.passphrase.mismatch';
}
