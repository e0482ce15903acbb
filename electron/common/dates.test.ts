import { describe, expect, it } from 'vitest';
import { PersonSchema } from './cases';
import { dateIssues, dateProblem, isCalendarDay, isLocalDateTime, latestToday } from './dates';
import { IMMIGRATION_DATES } from './immigration';
import { InterviewPlanInputSchema, InterviewPlanSchema } from './protection';
import { isoDate } from './schemas';

describe('isoDate (the contract’s calendar date)', () => {
  it.each(['2026-02-31', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-11-00', '2026/11/29', '20261129', '2026-1-5'])('refuses %s, a day the calendar does not have, naming the date problem', (value) => {
    const parsed = isoDate.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toBe('date.invalid');
  });

  it.each(['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (value) => {
    expect(isoDate.parse(value)).toBe(value);
  });

  it('refuses an impossible date of birth over the wire, so core never drops or rolls it over', () => {
    const person = { familyName: 'TESTPERSON', sex: 'female', nationality: 'PHL', languages: ['tl'], interpreterNeeded: false, dateOfBirth: '1998-02-31' };
    const parsed = PersonSchema.safeParse(person);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ['dateOfBirth'], message: 'date.invalid' })]);
  });
});

describe('dateProblem: how far a date may lie from today, by what it records', () => {
  const today = '2026-11-29';

  it('takes a date of something that happened up to today, never after', () => {
    expect(dateProblem('2026-11-29', 'happened', today)).toBeNull();
    expect(dateProblem('1998-04-12', 'happened', today)).toBeNull();
    expect(dateProblem('2026-11-30', 'happened', today)).toBe('date.future');
    expect(dateProblem('2099-01-01', 'happened', today)).toBe('date.future');
  });

  it('lets a decision take effect up to a year ahead', () => {
    expect(dateProblem('2027-11-29', 'takesEffect', today)).toBeNull();
    expect(dateProblem('2027-11-30', 'takesEffect', today)).toBe('date.moreThanAYearAhead');
    expect(dateProblem('2020-01-01', 'takesEffect', today)).toBeNull();
  });

  it('lets a deadline or an appointment lie up to ten years ahead, or in the past', () => {
    expect(dateProblem('2036-11-29', 'planned', today)).toBeNull();
    expect(dateProblem('2036-11-30', 'planned', today)).toBe('date.moreThanTenYearsAhead');
    expect(dateProblem('2026-01-05', 'planned', today)).toBeNull();
  });

  it('refuses a year before 1900 for every kind: a mistyped year, not a record', () => {
    for (const kind of ['happened', 'takesEffect', 'planned'] as const) {
      expect(dateProblem('0026-11-29', kind, today)).toBe('date.tooEarly');
      expect(dateProblem('1899-12-31', kind, today)).toBe('date.tooEarly');
      expect(dateProblem('1900-01-01', kind, today)).toBeNull();
    }
  });
});

describe('dateIssues', () => {
  it('names each refused date by its path under the prefix, list items included', () => {
    const immigration = {
      periodOfStayExpiry: '2040-01-01',
      statusValiditySince: '2099-01-01',
      abscondedSince: null,
      custodySince: '2026-11-01',
      reportingDates: [
        { date: '2026-12-15', note: '' },
        { date: '0202-12-15', note: '' },
      ],
    };
    expect(dateIssues(immigration, IMMIGRATION_DATES, '2026-11-29', 'immigration')).toEqual([
      { path: 'immigration.periodOfStayExpiry', message: 'date.moreThanTenYearsAhead' },
      { path: 'immigration.statusValiditySince', message: 'date.future' },
      { path: 'immigration.reportingDates.1.date', message: 'date.tooEarly' },
    ]);
  });

  it('holds a local date and time to the bounds of its day, and leaves missing or malformed values to the schema', () => {
    expect(dateIssues({ plannedAt: '2040-01-01T10:00' }, { plannedAt: 'planned' }, '2026-11-29')).toEqual([{ path: 'plannedAt', message: 'date.moreThanTenYearsAhead' }]);
    expect(dateIssues({ a: null, b: '', c: 'soon', d: 42 }, { a: 'happened', b: 'happened', c: 'happened', d: 'happened', e: 'happened' }, '2026-11-29')).toEqual([]);
  });
});

describe('latestToday', () => {
  it('is the calendar day at UTC+14, so no user’s today is ever later', () => {
    expect(latestToday('2026-11-29T09:59:59.999Z')).toBe('2026-11-29');
    expect(latestToday('2026-11-29T10:00:00.000Z')).toBe('2026-11-30');
    // 08:00 on 30 November in Japan: "today" there is not refused as future.
    expect(dateProblem('2026-11-30', 'happened', latestToday('2026-11-29T23:00:00.000Z'))).toBeNull();
  });
});

describe('calendar checks', () => {
  it('isCalendarDay', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2025-2-28')).toBe(false);
  });

  it('isLocalDateTime', () => {
    expect(isLocalDateTime('2026-11-29T23:59')).toBe(true);
    expect(isLocalDateTime('2026-11-29T24:00')).toBe(false);
    expect(isLocalDateTime('2026-11-29T10:60')).toBe(false);
    expect(isLocalDateTime('2026-02-31T10:00')).toBe(false);
    expect(isLocalDateTime('2026-11-29T10:00Z')).toBe(false);
  });

  it('refuses an interview planned on a day the calendar lacks, while plans saved before still read', () => {
    const plan = {
      plannedAt: '2026-02-31T10:00',
      durationMinutes: 60,
      placeType: 'agency-private-room',
      placePrivate: true,
      placeDisclosesWhereabouts: false,
      officersPresent: [{ userId: '3f1c2a4e-8b1d-4c1e-9a2b-1c2d3e4f5a6b', sex: 'female' }],
      condition: 'stable',
      rightsExplained: true,
    };
    expect(InterviewPlanInputSchema.safeParse(plan).error?.issues).toEqual([expect.objectContaining({ path: ['plannedAt'], message: 'date.invalid' })]);
    expect(InterviewPlanSchema.safeParse(plan).success).toBe(true);
    expect(InterviewPlanInputSchema.safeParse({ ...plan, plannedAt: '2026-11-29T10:00' }).success).toBe(true);
  });
});
