import type { ParseKeys } from 'i18next';
import type { z } from 'zod';
import { messageWith, splitMessage } from '../../electron/common/schemas';
import type { ApiIssue } from '../api/mamori';
import { i18n } from '../i18n/i18n';

/**
 * An i18n key under `validation.`; forms keep keys, not text, so a language switch re-translates them.
 * It may carry the numbers its text needs ('validation.text.tooLong?max=120&length=135', messageWith),
 * which useLabels().tx fills in.
 */
export type ValidationKey = Extract<ParseKeys, `validation.${string}`>;

export type FieldErrors<F extends string> = Partial<Record<F, ValidationKey>>;

function isValidationKey(key: string): key is ValidationKey {
  return i18n.exists(key);
}

/**
 * The contract's schemas carry message keys such as 'passphrase.tooShort', some with numbers
 * ('text.tooLong?max=120&length=135'). Map one issue to the key of its translation, keeping its
 * numbers, falling back to a generic text for checks that name no key (a text over its limit
 * still says the limit when zod reports it).
 */
export function validationKey(issue: { message: string; code?: string; maximum?: unknown; origin?: unknown }): ValidationKey {
  const { key, values } = splitMessage(issue.message);
  const fromSchema = `validation.${key}`;
  if (isValidationKey(fromSchema)) return messageWith(fromSchema, values) as ValidationKey;
  if (issue.code === 'too_small') return 'validation.required';
  if (issue.code === 'too_big' && issue.origin === 'string' && typeof issue.maximum === 'number') {
    return messageWith('validation.text.tooLongMax', { max: issue.maximum }) as ValidationKey;
  }
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
