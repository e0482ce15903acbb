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

// ---- Dates typed from the keyboard --------------------------------------------------------

/** A typed date read as a calendar day, or why it is not one (each has a message in both languages). */
export type ReadDate =
  | { ok: true; date: string }
  | { ok: false; problem: 'unreadable' }
  | { ok: false; problem: 'noSuchMonth'; month: number }
  | { ok: false; problem: 'noSuchDay'; year: number; month: number; day: number; lastDay: number }
  | { ok: false; problem: 'outsideEra'; era: string };

/** Japanese eras since 1912 (大正, 昭和, 平成, 令和): name, initial, first and last day. */
const ERAS: readonly { name: string; initial: string; first: string; last: string | null }[] = [
  { name: '令和', initial: 'R', first: '2019-05-01', last: null },
  { name: '平成', initial: 'H', first: '1989-01-08', last: '2019-04-30' },
  { name: '昭和', initial: 'S', first: '1926-12-25', last: '1989-01-07' },
  { name: '大正', initial: 'T', first: '1912-07-30', last: '1926-12-24' },
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Reads a date as officers type it, in either language: 2026/11/29, 2026-11-29, 2026.11.29,
 * 2026/1/5, 20261129, 2026年11月29日, and with the Japanese era, 令和8年11月29日, 令和元年5月1日,
 * R8.11.29. Full-width digits and punctuation (a Japanese input method's) count as ordinary ones.
 * A day the calendar lacks (2026/02/31) is named as such, never rolled over into March.
 */
export function readDate(text: string): ReadDate {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  let year: number;
  let month: number;
  let day: number;
  let era: (typeof ERAS)[number] | undefined;
  const western = /^(\d{4})[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const japanese = /^(令和|平成|昭和|大正|[RHST])\.?(元|\d{1,2})[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?$/i.exec(s);
  if (western) {
    [year, month, day] = [Number(western[1]), Number(western[2]), Number(western[3])];
  } else if (japanese) {
    era = ERAS.find((e) => e.name === japanese[1] || e.initial === japanese[1].toUpperCase());
    if (!era) return { ok: false, problem: 'unreadable' };
    year = Number(era.first.slice(0, 4)) + (japanese[2] === '元' ? 1 : Number(japanese[2])) - 1;
    [month, day] = [Number(japanese[3]), Number(japanese[4])];
  } else {
    return { ok: false, problem: 'unreadable' };
  }
  if (month < 1 || month > 12) return { ok: false, problem: 'noSuchMonth', month };
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > lastDay) return { ok: false, problem: 'noSuchDay', year, month, day, lastDay };
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (era && (date < era.first || (era.last !== null && date > era.last))) return { ok: false, problem: 'outsideEra', era: era.name };
  return { ok: true, date };
}

/**
 * A calendar day as a date field shows it: YYYY/MM/DD in Japanese (as Japanese forms write it),
 * YYYY-MM-DD in English: year first, so neither a British nor an American reader can take the day
 * for the month, and the same digits in the same order as in Japanese, so 20261129 types the same
 * date in both languages. The day spelled out beside the field (`spelledDate`) catches a slip.
 */
export function fieldDate(iso: string, locale: string): string {
  return locale.startsWith('ja') ? iso.replaceAll('-', '/') : iso;
}

/** The day spelled out in the user's language, for beside a date field: 令和8年11月29日(日) / Sunday, November 29, 2026. */
export function spelledDate(iso: string, locale: string): string {
  const day = new Date(`${iso}T00:00:00Z`);
  const format = locale.startsWith('ja')
    ? new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' })
    : new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
  return format.format(day);
}

/** Reads a time of day typed on a 24-hour clock, 10:30, 1030, 9:05 or 10時30分, as HH:MM; null if it is not one. */
export function readTime(text: string): string | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(\d{1,2})[:時](\d{2})分?$/.exec(s) ?? /^(\d{2})(\d{2})$/.exec(s) ?? /^(\d{1,2})時$/.exec(s);
  if (!m) return null;
  const [hours, minutes] = [Number(m[1]), Number(m[2] ?? 0)];
  return hours < 24 && minutes < 60 ? `${pad(hours)}:${pad(minutes)}` : null;
}
