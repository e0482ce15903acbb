/** Numbers, durations and times are formatted by Intl in the interface language, never by hand. */

export function formatDuration(locale: string, value: number, unit: 'second' | 'minute'): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

export function formatTime(locale: string, epochMs: number): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(epochMs);
}
