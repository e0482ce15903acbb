/** Case dates are calendar days ('2026-04-30'), read as local days so no time zone shifts them. */
function localDay(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** A calendar day or a timestamp, in the interface language. */
export function formatDate(locale: string, iso: string): string {
  const date = iso.length === 10 ? localDay(iso) : new Date(iso);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** Whole days from today to a calendar day: negative once it has passed. */
export function daysUntil(iso: string, now: Date = new Date()): number {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((localDay(iso).getTime() - today.getTime()) / 86_400_000);
}
