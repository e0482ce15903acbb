/** Calendar-date arithmetic on YYYY-MM-DD strings (UTC, no time zone drift), and the date thresholds. */

/** How many days before the period of stay expires the case page and the guidance warn. */
export const EXPIRY_WARNING_DAYS = 30;

/** `isoDate` moved by `days` (negative: back). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD calendar date: UTC arithmetic, no local time zone. */
export function dayNumber(date: string): number {
  const m = DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  // Date.UTC rolls 2025-02-30 over to March: refuse it rather than guess.
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return ms / DAY_MS;
}

/**
 * `isoDate` moved by whole calendar months; a day the target month lacks becomes its last day
 * (31 January + 1 month = 28 or 29 February), so a period never runs into the month after.
 */
export function addMonths(isoDate: string, months: number): string {
  dayNumber(isoDate);
  const [y, m, d] = isoDate.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
