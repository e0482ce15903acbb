import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from './dates';
import { CLOSING_OUTCOMES, DEFAULT_RETENTION_MONTHS, RETENTION_OUTCOMES, RetentionPeriodsSchema, isPastRetention, lastClosingDayDue, periodParts, retentionDueOn } from './retention';

describe('calendar months', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-11-26', 60, '2031-11-26'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-05-31', -3, '2026-02-28'],
    ['2026-12-31', 1, '2027-01-31'],
  ])('%s plus %i months is %s (a missing day becomes the month’s last)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('the retention rule', () => {
  it('makes a case due on the day its period has run, counted from the day it was closed', () => {
    expect(retentionDueOn('2026-11-26T23:59:00.000Z', 60)).toBe('2031-11-26');
    expect(isPastRetention('2026-11-26T09:00:00.000Z', 60, '2031-11-25')).toBe(false);
    expect(isPastRetention('2026-11-26T09:00:00.000Z', 60, '2031-11-26')).toBe(true);
  });

  it('names the last closing day that is due, the same rule a list query ranges over', () => {
    expect(lastClosingDayDue('2031-11-26', 60)).toBe('2026-11-26');
    // 31 March + 1 month = 30 April: on 30 April, cases closed on 30 and 31 March are both due.
    expect(lastClosingDayDue('2026-04-30', 1)).toBe('2026-03-31');
    expect(lastClosingDayDue('2026-02-28', 1)).toBe('2026-01-31');
  });

  it('agrees with isPastRetention for every closing day, period and today', () => {
    const day = fc.integer({ min: 0, max: 40 * 366 }).map((n) => addDays('2000-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 600 }), fc.integer({ min: -40, max: 40 }), (today, months, offset) => {
        const last = lastClosingDayDue(today, months);
        const closed = addDays(last, offset);
        expect(isPastRetention(closed, months, today)).toBe(closed <= last);
      }),
    );
  });
});

describe('the periods', () => {
  it('defaults to a period for every outcome, the unspecified one the longest', () => {
    expect(Object.keys(DEFAULT_RETENTION_MONTHS).sort()).toEqual([...RETENTION_OUTCOMES].sort());
    expect(RetentionPeriodsSchema.parse(DEFAULT_RETENTION_MONTHS)).toEqual(DEFAULT_RETENTION_MONTHS);
    for (const o of CLOSING_OUTCOMES) expect(DEFAULT_RETENTION_MONTHS.unspecified).toBeGreaterThanOrEqual(DEFAULT_RETENTION_MONTHS[o]);
  });

  it('accepts whole months from 1 to 600 and keeps unspecified at least as long as any other', () => {
    const with_ = (change: Record<string, unknown>) => RetentionPeriodsSchema.safeParse({ ...DEFAULT_RETENTION_MONTHS, ...change });
    expect(with_({ 'not-identified': 1 }).success).toBe(true);
    expect(with_({ unspecified: 600 }).success).toBe(true);
    for (const bad of [0, 601, 2.5, -1, '12', null]) expect(with_({ 'not-identified': bad }).error?.issues[0]).toMatchObject({ path: ['not-identified'], message: 'retention.months.range' });
    expect(with_({ other: 400 }).error?.issues).toEqual([expect.objectContaining({ path: ['unspecified'], message: 'retention.unspecified.shortest' })]);
    expect(with_({ surprise: 12 }).success).toBe(false);
  });

  it('shows whole years as years, anything else as months', () => {
    expect(periodParts(120)).toEqual({ value: 10, unit: 'years' });
    expect(periodParts(18)).toEqual({ value: 18, unit: 'months' });
  });
});
