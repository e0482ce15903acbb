import { describe, expect, it } from 'vitest';
import { deadlineState, formatDay } from './caseListFormat';

describe('deadlineState', () => {
  const now = new Date(2026, 10, 26, 15, 0);
  it('marks past days overdue, the next 30 days (today included) soon, later ones not at all', () => {
    expect(deadlineState('2026-11-25', now)).toBe('overdue');
    expect(deadlineState('2026-11-26', now)).toBe('soon');
    expect(deadlineState('2026-12-26', now)).toBe('soon');
    expect(deadlineState('2026-12-27', now)).toBeNull();
    expect(deadlineState('not a date', now)).toBeNull();
  });
});

describe('formatDay', () => {
  it('formats a calendar day in the interface language without shifting it by time zone', () => {
    expect(formatDay('en', '2026-03-01')).toBe('Mar 1, 2026');
    expect(formatDay('ja', '2026-03-01')).toBe('2026/03/01');
  });
});
