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

// ---- What a date may be ---------------------------------------------------------------
//
// The contract's `isoDate` admits only days the calendar has (no 31 February). Beyond that, a date
// is held to bounds by what it records, which need today: core applies them with its own clock when
// a record is written (so a moved clock in tests moves them too), the forms with the user's local
// today before the round trip. They are never applied to what core reads back: a record saved
// before a bound existed still opens.

/** Whether `date` is YYYY-MM-DD and a day the calendar has (not 2026-02-30). */
export function isCalendarDay(date: string): boolean {
  try {
    dayNumber(date);
    return true;
  } catch {
    return false;
  }
}

/** Whether `value` is a local date and time, YYYY-MM-DDTHH:MM, on a day the calendar has and at a time the clock has (00:00–23:59). */
export function isLocalDateTime(value: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  return !!m && isCalendarDay(m[1]) && Number(m[2]) < 24 && Number(m[3]) < 60;
}

/** The first day any date field accepts: an earlier one is a mistyped year (0026 for 2026), not a record. */
export const EARLIEST_DATE = '1900-01-01';

/**
 * What a date records, and how far ahead of today it may lie:
 * - `happened`: something that has taken place (a birth, the day a status lapsed, an assessment, a
 *   violation): never after today;
 * - `takesEffect`: the day a decision takes effect (a ban from…): may be announced ahead, by at most a year;
 * - `planned`: a deadline or an appointment (expiry of the period of stay, a reporting date, an
 *   interview): past or ahead, by at most ten years.
 */
export const DATE_KINDS = { happened: 0, takesEffect: 1, planned: 10 } as const satisfies Record<string, number>;
export type DateKind = keyof typeof DATE_KINDS;

/** Why a calendar date is refused for its kind; message keys, with texts in both languages (renderer `validation.date.*`). */
export const DATE_PROBLEMS = ['date.tooEarly', 'date.future', 'date.moreThanAYearAhead', 'date.moreThanTenYearsAhead'] as const;
export type DateProblem = (typeof DATE_PROBLEMS)[number];

const TOO_FAR: Record<Exclude<DateKind, 'happened'>, DateProblem> = { takesEffect: 'date.moreThanAYearAhead', planned: 'date.moreThanTenYearsAhead' };

/** What is wrong with calendar date `date` (YYYY-MM-DD) as a date of `kind` on `today`, or null. */
export function dateProblem(date: string, kind: DateKind, today: string): DateProblem | null {
  if (date < EARLIEST_DATE) return 'date.tooEarly';
  if (kind === 'happened') return date > today ? 'date.future' : null;
  return date > addMonths(today, 12 * DATE_KINDS[kind]) ? TOO_FAR[kind] : null;
}

/**
 * The kind of each date of a record, by field name; `list.*.field` for a field of every item of a
 * list (`reportingDates.*.date`). A field that holds null or no date is not checked.
 */
export type DateRules = Readonly<Record<string, DateKind>>;

/** The date problems of `record` under `rules` on `today`, as field issues under `prefix` ('person.dateOfBirth'). */
export function dateIssues(record: unknown, rules: DateRules, today: string, prefix = ''): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const visit = (value: unknown, steps: readonly string[], path: readonly string[], kind: DateKind): void => {
    if (steps.length === 0) {
      // A local date and time (an interview's YYYY-MM-DDTHH:MM) is held to the bounds of its day.
      const day = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2})?$/.exec(value)?.[1] : undefined;
      const problem = day ? dateProblem(day, kind, today) : null;
      if (problem) issues.push({ path: [prefix, ...path].filter(Boolean).join('.'), message: problem });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const [step, ...rest] = steps;
    if (step === '*') {
      if (Array.isArray(value)) value.forEach((item, i) => visit(item, rest, [...path, String(i)], kind));
      return;
    }
    visit((value as Record<string, unknown>)[step], rest, [...path, step], kind);
  };
  for (const [field, kind] of Object.entries(rules)) visit(record, field.split('.'), [], kind);
  return issues;
}

/**
 * The latest calendar day anywhere on Earth at instant `at` (UTC+14): core's "today" for the date
 * bounds. Core does not know the user's time zone, and the user's today is never later than this,
 * so a date of something that happened today where the user is is never refused as "future".
 */
export function latestToday(at: string): string {
  return new Date(Date.parse(at) + 14 * 3_600_000).toISOString().slice(0, 10);
}
