import { daysUntil } from '../../i18n/dates';

/** How a deadline stands against today: passed, today, or some whole days ahead. */
export type DeadlineWhen = { kind: 'overdue'; days: number } | { kind: 'today' } | { kind: 'ahead'; days: number };

/**
 * Measured from the local calendar day of `now` (the user's clock, not core's UTC day), so a
 * deadline turns "Today" at local midnight.
 */
export function deadlineWhen(date: string, now: Date = new Date()): DeadlineWhen {
  const days = daysUntil(date, now);
  if (days < 0) return { kind: 'overdue', days: -days };
  if (days === 0) return { kind: 'today' };
  return { kind: 'ahead', days };
}
