import { Button } from '@mantine/core';
import { screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n';
import { renderWithProviders } from '../test/renderCase';
import { DateField, type DateFieldProps } from './DateField';
import { DateTimeField } from './DateTimeField';

/** A form holding one date, showing what the field hands it. */
function Form({ initial = '', kind, error }: { initial?: string; kind?: DateFieldProps['kind']; error?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField label="Date of birth" value={value} onChange={setValue} kind={kind} error={error} />
      <output data-testid="value">{value}</output>
      <Button onClick={() => setValue('')}>Reset</Button>
    </>
  );
}

const input = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Date of birth' });
const held = () => screen.getByTestId('value').textContent;
/** The text the field is described by (its description and its error), as a screen reader reads it. */
const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();

afterEach(() => {
  vi.useRealTimers();
});

describe('DateField in Japanese', () => {
  it('takes 20261129 from the keyboard, hands the form 2026-11-29 and shows 2026/11/29 with the era beneath', async () => {
    await i18n.changeLanguage('ja');
    const { user } = renderWithProviders(<Form />);
    expect(input().getAttribute('placeholder')).toBe('YYYY/MM/DD');
    await user.type(input(), '20261129');
    expect(held()).toBe('2026-11-29');
    await user.tab();
    expect(input().value).toBe('2026/11/29');
    expect(describedBy(input())).toBe('令和8年11月29日(日)');
  });

  it('takes 令和元年5月1日 and full-width digits as an input method types them', async () => {
    await i18n.changeLanguage('ja');
    const { user } = renderWithProviders(<Form />);
    await user.type(input(), '令和元年5月1日');
    await user.tab();
    expect(held()).toBe('2019-05-01');
    expect(input().value).toBe('2019/05/01');
    await user.clear(input());
    await user.type(input(), '２０２６／０２／２８');
    await user.tab();
    expect(held()).toBe('2026-02-28');
  });

  it('names 2026/02/31 as a day February does not have, keeps it as typed, and never hands the form a date', async () => {
    await i18n.changeLanguage('ja');
    const { user } = renderWithProviders(<Form initial="2026-02-01" />);
    await user.clear(input());
    await user.type(input(), '2026/02/31');
    await user.tab();
    expect(input().value).toBe('2026/02/31');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('2026年2月に31日はありません（28日までです）。')).toBeTruthy();
    // The form holds the text, which the contract's schema refuses: the earlier 2026-02-01 is not kept silently.
    expect(held()).toBe('2026/02/31');
  });

  it('says how to type a date it cannot read', async () => {
    await i18n.changeLanguage('ja');
    const { user } = renderWithProviders(<Form />);
    await user.type(input(), '11/29/2026');
    await user.tab();
    expect(screen.getByText('日付は YYYY/MM/DD（例: 2026/11/29）又は 20261129 の形で入力してください。')).toBeTruthy();
  });

  it('refuses at once a birth dated after today', async () => {
    vi.useFakeTimers({ now: new Date(2026, 10, 29, 10), shouldAdvanceTime: true });
    await i18n.changeLanguage('ja');
    const { user } = renderWithProviders(<Form kind="happened" />);
    await user.type(input(), '2026/11/30');
    await user.tab();
    expect(held()).toBe('2026-11-30');
    expect(screen.getByText('今日より後の日付です。既に起きたことの日付を未来にすることはできません。')).toBeTruthy();
    await user.clear(input());
    await user.type(input(), '2026/11/29');
    await user.tab();
    expect(screen.queryByText(/今日より後の日付です/)).toBeNull();
  });
});

describe('DateField in English', () => {
  it('shows YYYY-MM-DD with the day spelled out, and takes the Japanese forms too', async () => {
    const { user } = renderWithProviders(<Form />);
    expect(input().getAttribute('placeholder')).toBe('YYYY-MM-DD');
    await user.type(input(), '2026/11/29');
    await user.tab();
    expect(input().value).toBe('2026-11-29');
    expect(describedBy(input())).toBe('Sunday, November 29, 2026');
  });

  it('shows the form’s own error when the field has none, and a value set from outside afresh', async () => {
    const { user } = renderWithProviders(<Form initial="2026-11-01" error="Check this date." />);
    expect(input().value).toBe('2026-11-01');
    expect(screen.getByText('Check this date.')).toBeTruthy();
    await user.clear(input());
    await user.type(input(), 'soon');
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(held()).toBe('');
    expect(input().value).toBe('');
  });
});

describe('DateTimeField', () => {
  function Planned() {
    const [value, setValue] = useState('');
    return (
      <>
        <DateTimeField label="Date and time" value={value} onChange={setValue} kind="planned" />
        <output data-testid="value">{value}</output>
      </>
    );
  }

  it('puts a typed day and a 24-hour time together as the contract’s local YYYY-MM-DDTHH:MM', async () => {
    await i18n.changeLanguage('ja');
    const { user } = renderWithProviders(<Planned />);
    expect(screen.getByRole('group', { name: 'Date and time' })).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: '日付' }), '20270115');
    await user.type(screen.getByRole('textbox', { name: '時刻（24時間制）' }), '10時30分');
    await user.tab();
    expect(held()).toBe('2027-01-15T10:30');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: '時刻（24時間制）' }).value).toBe('10:30');
    await user.clear(screen.getByRole('textbox', { name: '時刻（24時間制）' }));
    await user.type(screen.getByRole('textbox', { name: '時刻（24時間制）' }), '25:00');
    expect(held()).toBe('2027-01-15T25:00');
    expect(screen.getByText('時刻は24時間制で入力してください（例: 14:30 又は 1430）。')).toBeTruthy();
  });
});
