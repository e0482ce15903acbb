/**
 * Retention of closed cases (NNEDV Safety Net checklist, DOMAIN.md §5: "scheduled purge of records").
 * A supervisor closes a case with its outcome; administrators set how long a closed case of each
 * outcome is kept; a case whose period has run is listed for purge, unless a supervisor has placed
 * a legal hold on it. Pure rules, shared by core (authoritative) and the renderer.
 */
import { z } from 'zod';
import { addDays, addMonths } from './dates';

/**
 * How a case ended, as a supervisor records it when closing (the pathways of DOMAIN.md §1–§2):
 * - residence-granted: the stay was stabilised — renewal, change of status or special residence
 *   permission (在留特別許可);
 * - returned-home: the person returned to their country, assisted voluntary return through IOM included;
 * - not-identified: found not to be a victim of trafficking (DOMAIN.md §4 screening);
 * - transferred: handed to another regional bureau or authority that keeps its own file;
 * - contact-lost: the person can no longer be reached (left the shelter, whereabouts unknown);
 * - other: none of these (the closing reason says what).
 */
export const CLOSING_OUTCOMES = ['residence-granted', 'returned-home', 'not-identified', 'transferred', 'contact-lost', 'other'] as const;
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];

/**
 * Every outcome a closed case can carry: the supervisor's choices, and 'unspecified' for cases
 * closed before outcomes were recorded (migration 0090). Nobody chooses 'unspecified'; it keeps the
 * longest period, so a case whose outcome nobody recorded is never purged before a known one.
 */
export const RETENTION_OUTCOMES = [...CLOSING_OUTCOMES, 'unspecified'] as const;
export type RetentionOutcome = (typeof RETENTION_OUTCOMES)[number];

/** A retention period in whole months (the settings offer months or years); at least a month, at most 50 years. */
export const RETENTION_MONTHS_MIN = 1;
export const RETENTION_MONTHS_MAX = 600;
export const RetentionMonthsSchema = z
  .number({ message: 'retention.months.range' })
  .int({ message: 'retention.months.range' })
  .min(RETENTION_MONTHS_MIN, { message: 'retention.months.range' })
  .max(RETENTION_MONTHS_MAX, { message: 'retention.months.range' });

/**
 * The periods written into a vault when retention arrives (migration 0090); administrators change them.
 * Reasons: a stay granted may be renewed or lead to later applications that refer back (10 years);
 * a return home keeps the file through the years re-trafficking and re-entry are likeliest (5);
 * a person found not to be a victim needs the file least (3, enough for a review or new facts);
 * a transferred case lives on with its new holder (5); a person out of contact may reappear (10);
 * other outcomes are kept as long as the longest known one (10); unspecified the longest of all (30).
 */
export const DEFAULT_RETENTION_MONTHS: Record<RetentionOutcome, number> = {
  'residence-granted': 120,
  'returned-home': 60,
  'not-identified': 36,
  transferred: 60,
  'contact-lost': 120,
  other: 120,
  unspecified: 360,
};

/** The periods of a vault, one per outcome; 'unspecified' is never shorter than any other. */
export const RetentionPeriodsSchema = z
  .object(Object.fromEntries(RETENTION_OUTCOMES.map((o) => [o, RetentionMonthsSchema])) as Record<RetentionOutcome, typeof RetentionMonthsSchema>)
  .strict()
  .superRefine((periods, ctx) => {
    const longest = Math.max(...CLOSING_OUTCOMES.map((o) => periods[o]));
    if (periods.unspecified < longest) ctx.addIssue({ code: 'custom', path: ['unspecified'], message: 'retention.unspecified.shortest' });
  });
export type RetentionPeriods = z.infer<typeof RetentionPeriodsSchema>;

/** The day a closed case's retention period has run: the closing day plus the period, in calendar months. */
export function retentionDueOn(closedAt: string, months: number): string {
  return addMonths(closedAt.slice(0, 10), months);
}

/** Whether a case closed at `closedAt` is past its period on `today` (due on its due day itself). */
export function isPastRetention(closedAt: string, months: number, today: string): boolean {
  return retentionDueOn(closedAt, months) <= today;
}

/**
 * The last closing day whose period of `months` has run by `today`: every case closed on or before
 * it is due, every later one is not (adding months keeps the order of days, so the due cases are a
 * prefix). Lets a list query range over an index of closing days, with the same rule as
 * `isPastRetention`.
 */
export function lastClosingDayDue(today: string, months: number): string {
  let day = addMonths(today, -months);
  // Clamping to month ends (31 March + 1 month = 30 April) can make a few later days due too.
  while (isPastRetention(addDays(day, 1), months, today)) day = addDays(day, 1);
  while (!isPastRetention(day, months, today)) day = addDays(day, -1);
  return day;
}

/** Whole years when the months make them, for showing and editing a period ("10 years", "18 months"). */
export function periodParts(months: number): { value: number; unit: 'years' | 'months' } {
  return months % 12 === 0 ? { value: months / 12, unit: 'years' } : { value: months, unit: 'months' };
}
