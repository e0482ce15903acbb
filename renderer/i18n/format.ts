/** Numbers, durations, dates and times are formatted by Intl in the interface language, never by hand. */
import { localDay } from './dates';

export function formatDuration(locale: string, value: number, unit: 'second' | 'minute'): string {
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
