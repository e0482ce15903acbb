import type { z } from 'zod';
import type { Consideration, ConsiderationKind, ProtectionDetail } from '../../../electron/common/protection';
import { CONSIDERATION_KINDS } from '../../../electron/common/protection';
import { namespacedIssueKey, parseWith, type Parsed } from '../../ui/forms';
import { useDraftForm } from '../../ui/useSave';

/**
 * The i18n key for one problem. The protection schemas name keys such as
 * 'consideration.evidence.required'; their texts live in this feature's own namespace as
 * `protection.issues.consideration_evidence_required`. Anything else falls back to the shared
 * `validation.*` texts: an unchosen option reads "Choose one.", a bad date "Enter a valid date."
 */
export const protectionIssueKey = namespacedIssueKey('protection', { invalid_value: 'validation.choose', invalid_format: 'validation.date.invalid' });

/** The contract's schema applied before the round trip, so the user sees the rules core applies. */
export function parseProtection<T>(schema: z.ZodType<T>, values: unknown): Parsed<T> {
  return parseWith(schema, values, protectionIssueKey);
}

/**
 * One record form's draft and its saving (see useDraftForm): the values stay in the form after a
 * refusal, and core's field problems (INVALID_INPUT) are put next to their fields with this feature's texts.
 */
export function useProtectionForm<D extends object, T>(initial: () => D, options: { parse: (draft: D) => Parsed<T>; send: (data: T) => Promise<void>; issuePrefix: string }) {
  return useDraftForm(initial, { ...options, issueKey: protectionIssueKey });
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
