/**
 * Calendar days as the user lives them: in the user's time zone, where "today" turns at local
 * midnight. (Core's UTC day arithmetic is electron/common/dates.ts.)
 */

/** Case dates are calendar days ('2026-04-30'), read as local days so no time zone shifts them. */
export function localDay(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** Today (or the day of `now`) as a local calendar day ('2026-04-30'): the default of a new record, the day a rule reads. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from today to a calendar day: negative once it has passed. */
export function daysUntil(iso: string, now: Date = new Date()): number {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((localDay(iso).getTime() - today.getTime()) / 86_400_000);
}
