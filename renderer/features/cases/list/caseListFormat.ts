/** Calendar days and deadlines for the case list, through Intl in the interface language. */

/** Deadlines this close (in days) are highlighted, and the deadline filter uses the same window. */
export const DEADLINE_SOON_DAYS = 30;

/** A `YYYY-MM-DD` (or the date part of an ISO instant) as a local calendar day. */
function localDay(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

/** One formatter per language: making one costs more than formatting twenty rows with it. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(locale: string): Intl.DateTimeFormat {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    dayFormats.set(locale, format);
  }
  return format;
}

export function formatDay(locale: string, isoDate: string): string {
  const day = localDay(isoDate);
  return day ? dayFormat(locale).format(day) : isoDate;
}

/** An instant (e.g. when a case was last updated) as the day it fell on where the user is. */
export function formatInstantDay(locale: string, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dayFormat(locale).format(date);
}

export type DeadlineState = 'overdue' | 'soon' | null;

/** Whether a deadline has passed, falls within the next 30 days (today included), or neither. */
export function deadlineState(isoDate: string, now: Date = new Date()): DeadlineState {
  const day = localDay(isoDate);
  if (!day) return null;
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const days = Math.round((day.getTime() - today.getTime()) / 86_400_000);
  if (days < 0) return 'overdue';
  return days <= DEADLINE_SOON_DAYS ? 'soon' : null;
}
