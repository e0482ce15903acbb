import { dateIssues, latestToday, type DateRules } from '../common/dates';
import type { ErrorCode } from '../common/errors';

/**
 * A failure core knows how to explain. Anything else that escapes a service is mapped to
 * INTERNAL by the dispatcher, so a stack trace or SQL text never leaves core.
 */
export class CoreError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs?: number;
  /** Field-level problems for INVALID_INPUT: path → message key. */
  readonly issues?: { path: string; message: string }[];

  constructor(code: ErrorCode, detail?: string, extra?: { retryAfterMs?: number; issues?: { path: string; message: string }[] }) {
    super(detail ?? code);
    this.name = 'CoreError';
    this.code = code;
    this.retryAfterMs = extra?.retryAfterMs;
    this.issues = extra?.issues;
  }
}

/**
 * Refuses a write whose dates lie further back or ahead than what they record allows
 * (common/dates.ts), on the day of the request `at` anywhere on Earth, as INVALID_INPUT naming each
 * field the way the contract's schema would ('person.dateOfBirth': 'date.future').
 */
export function checkDates(at: string, ...records: readonly [record: unknown, rules: DateRules, prefix: string][]): void {
  const today = latestToday(at);
  const issues = records.flatMap(([record, rules, prefix]) => dateIssues(record, rules, today, prefix));
  if (issues.length) throw new CoreError('INVALID_INPUT', 'dates', { issues });
}

export function isCoreError(e: unknown): e is CoreError {
  return e instanceof CoreError;
}
