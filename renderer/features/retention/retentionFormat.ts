import { periodParts } from '../../../electron/common/retention';

/** A period as the user reads it, by Intl in the interface language: "10 years", "18 months", "10年", "18か月". */
export function formatPeriod(locale: string, months: number): string {
  const { value, unit } = periodParts(months);
  return new Intl.NumberFormat(locale, { style: 'unit', unit: unit === 'years' ? 'year' : 'month', unitDisplay: 'long' }).format(value);
}
