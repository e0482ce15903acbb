import { describe, expect, it } from 'vitest';
import { fieldDate, readDate, readTime, spelledDate } from './dates';

describe('readDate: a date as officers type it', () => {
  it.each([
    ['2026/11/29', '2026-11-29'],
    ['2026-11-29', '2026-11-29'],
    ['2026.11.29', '2026-11-29'],
    ['2026/1/5', '2026-01-05'],
    ['20261129', '2026-11-29'],
    [' 2026 / 11 / 29 ', '2026-11-29'],
    ['２０２６／１１／２９', '2026-11-29'],
    ['２０２６１１２９', '2026-11-29'],
    ['2026年11月29日', '2026-11-29'],
    ['令和8年11月29日', '2026-11-29'],
    ['令和元年5月1日', '2019-05-01'],
    ['R8.11.29', '2026-11-29'],
    ['r8/11/29', '2026-11-29'],
    ['平成10年4月12日', '1998-04-12'],
    ['H10.4.12', '1998-04-12'],
    ['昭和64年1月7日', '1989-01-07'],
    ['2024/02/29', '2024-02-29'],
  ])('reads %s as %s', (typed, date) => {
    expect(readDate(typed)).toEqual({ ok: true, date });
  });

  it('names a day the month does not have, instead of rolling it over', () => {
    expect(readDate('2026/02/31')).toEqual({ ok: false, problem: 'noSuchDay', year: 2026, month: 2, day: 31, lastDay: 28 });
    expect(readDate('20250229')).toEqual({ ok: false, problem: 'noSuchDay', year: 2025, month: 2, day: 29, lastDay: 28 });
    expect(readDate('2026/04/31')).toMatchObject({ problem: 'noSuchDay', lastDay: 30 });
    expect(readDate('2026/11/00')).toMatchObject({ problem: 'noSuchDay' });
  });

  it('names a month past December', () => {
    expect(readDate('2026/13/01')).toEqual({ ok: false, problem: 'noSuchMonth', month: 13 });
  });

  it('names an era date the era did not reach', () => {
    expect(readDate('平成32年1月1日')).toEqual({ ok: false, problem: 'outsideEra', era: '平成' });
    expect(readDate('令和元年4月30日')).toEqual({ ok: false, problem: 'outsideEra', era: '令和' });
  });

  it.each(['', '11/29/2026', '29/11/2026', '26/11/29', 'tomorrow', '2026/11', '2026-11-29T10:00', 'X8.11.29'])('cannot read %j', (typed) => {
    expect(readDate(typed)).toEqual({ ok: false, problem: 'unreadable' });
  });
});

describe('the date as the field shows it', () => {
  it('writes YYYY/MM/DD in Japanese and YYYY-MM-DD in English', () => {
    expect(fieldDate('2026-11-29', 'ja')).toBe('2026/11/29');
    expect(fieldDate('2026-11-29', 'en')).toBe('2026-11-29');
  });

  it('spells the day out beside it, with the era in Japanese', () => {
    expect(spelledDate('2026-11-29', 'ja')).toBe('令和8年11月29日(日)');
    expect(spelledDate('2019-05-01', 'ja')).toBe('令和元年5月1日(水)');
    expect(spelledDate('1998-04-12', 'ja')).toBe('平成10年4月12日(日)');
    expect(spelledDate('2026-11-29', 'en')).toBe('Sunday, November 29, 2026');
  });
});

describe('readTime', () => {
  it.each([
    ['10:30', '10:30'],
    ['9:05', '09:05'],
    ['1030', '10:30'],
    ['１０：３０', '10:30'],
    ['10時30分', '10:30'],
    ['10時', '10:00'],
    ['23:59', '23:59'],
  ])('reads %s as %s', (typed, time) => {
    expect(readTime(typed)).toBe(time);
  });

  it.each(['24:00', '10:60', '10', '10:5', 'noon', ''])('cannot read %j', (typed) => {
    expect(readTime(typed)).toBeNull();
  });
});
