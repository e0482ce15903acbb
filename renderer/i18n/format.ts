/** Numbers, durations, dates and times are formatted by Intl in the interface language, never by hand. */
import { localDay } from './dates';

export function formatDuration(locale: string, value: number, unit: 'second' | 'minute' | 'day'): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

export function formatTime(locale: string, epochMs: number): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(epochMs);
}

/** An instant to the second, as the audit trail records it. */
export function formatTimestamp(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

/** A calendar day ('2026-04-30', read as a local day so no time zone shifts it) or the day of an instant. */
export function formatDate(locale: string, iso: string): string {
  const date = iso.length === 10 ? localDay(iso) : new Date(iso);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

/** An instant to the minute, as the case file shows when something was recorded or is planned. */
export function formatDateTime(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatNumber(locale: string, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** Whole days before now as people say them: "today", "yesterday", "3 days ago" (今日, 昨日, 3 日前). */
export function formatDaysAgo(locale: string, days: number): string {
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-days, 'day');
}

/** A share of a whole (0–1) as a whole percentage: "45%". */
export function formatPercent(locale: string, fraction: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

const BYTE_UNITS = [
  ['gigabyte', 1024 ** 3],
  ['megabyte', 1024 ** 2],
  ['kilobyte', 1024],
] as const;

/** A file size in the largest unit that keeps it at 1 or more (binary multiples, one decimal): "1.4 MB". */
export function formatBytes(locale: string, bytes: number): string {
  const [unit, size] = BYTE_UNITS.find(([, size]) => bytes >= size) ?? ['byte', 1];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / size);
}
