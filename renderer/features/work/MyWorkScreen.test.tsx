import { MantineProvider } from '@mantine/core';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WORK_WAITING_KINDS, type MyWork } from '../../../electron/common/contract.work';
import { i18n } from '../../i18n/i18n';
import { fail, installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { sessionFor } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { theme } from '../../ui/theme';
import { useCaseListStore } from '../cases/list/caseList.store';
import { useCasePageStore } from '../cases/page/casePage.store';
import { useNavigationStore } from '../navigation/navigation.store';
import { useSessionStore } from '../session/session.store';
import { MyWorkScreen } from './MyWorkScreen';

const CASE_A = '00000000-0000-4000-8000-00000000c001';
const CASE_B = '00000000-0000-4000-8000-00000000c002';
const CASE_C = '00000000-0000-4000-8000-00000000c003';

/** Synthetic cases: references and invented initials only, as `work:mine` sends them. */
const A = { caseId: CASE_A, reference: 'TV-2026-0101', maskedName: 'Q. X.' };
const B = { caseId: CASE_B, reference: 'TV-2026-0102', maskedName: 'Z. W.' };
const C = { caseId: CASE_C, reference: 'TV-2026-0103', maskedName: 'Y. V.' };

function myWork(overrides: Partial<MyWork> = {}): MyWork {
  return { interviews: [], deadlines: [], waiting: [], ...overrides };
}

function renderWork(answer: MyWork | NonNullable<Handlers['work:mine']>, role: 'officer' | 'supervisor' = 'officer') {
  const fake = installFakeMamori({ 'work:mine': typeof answer === 'function' ? answer : () => ok(answer) });
  useSessionStore.setState({ status: 'signed-in', user: sessionFor({ role }).user });
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <MyWorkScreen />
      </MantineProvider>
    </I18nextProvider>,
  );
  return { fake, user };
}

function region(name: string) {
  return screen.getByRole('region', { name });
}

function rowsIn(name: string): HTMLElement[] {
  return within(region(name)).queryAllByRole('button');
}

/** Only the clock's date is faked, so Testing Library's own timers keep running. */
function today(isoDay: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${isoDay}T09:30:00`));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('my work', () => {
  it('lists interviews in the order given, with reference, masked name, date and time, status and readiness', async () => {
    renderWork(
      myWork({
        interviews: [
          { ...B, interviewId: 'i-1', plannedAt: '2026-05-04T10:00', status: 'in-progress', ready: true },
          { ...A, interviewId: 'i-2', plannedAt: '2026-05-06T14:30', status: 'planned', ready: false },
        ],
      }),
    );
    const rows = await waitFor(() => {
      const found = rowsIn('Upcoming interviews');
      expect(found).toHaveLength(2);
      return found;
    });
    expect(rows[0].textContent).toContain('TV-2026-0102');
    expect(rows[0].textContent).toContain('Z. W.');
    expect(rows[0].textContent).toContain('In progress');
    expect(rows[0].textContent).toContain('Ready');
    expect(rows[0].textContent).toContain(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(2026, 4, 4, 10, 0)));
    expect(rows[1].textContent).toContain('TV-2026-0101');
    expect(rows[1].textContent).toContain('Q. X.');
    expect(rows[1].textContent).toContain('Not ready');
    expect(screen.getByRole('button', { name: /^TV-2026-0101, Q\. X\., Planned, .*2:30.*, Not ready$/ })).toBe(rows[1]);
    expect(within(region('Upcoming interviews')).getByText('2 items')).toBeTruthy();
  });

  it('says how each deadline stands against the local day: overdue, today, or in so many days', async () => {
    today('2026-05-10');
    renderWork(
      myWork({
        deadlines: [
          { ...A, kind: 'period-of-stay-expiry', date: '2026-05-08' },
          { ...B, kind: 'reporting', date: '2026-05-10' },
          { ...C, kind: 'reporting', date: '2026-05-11' },
          { ...A, kind: 'period-of-stay-expiry', date: '2026-05-24' },
        ],
      }),
    );
    await waitFor(() => expect(rowsIn('Deadlines in the next 30 days')).toHaveLength(4));
    const rows = rowsIn('Deadlines in the next 30 days');
    expect(rows.map((row) => row.dataset.caseReference)).toEqual(['TV-2026-0101', 'TV-2026-0102', 'TV-2026-0103', 'TV-2026-0101']);
    expect(rows[0].textContent).toContain('Period of stay expires');
    expect(rows[0].textContent).toContain('Overdue');
    expect(rows[0].textContent).toContain(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(2026, 4, 8)));
    expect(rows[1].textContent).toContain('Reporting date');
    expect(rows[1].textContent).toContain('Today');
    expect(rows[1].textContent).not.toContain('Overdue');
    expect(rows[2].textContent).toContain('in 1 day');
    expect(rows[3].textContent).toContain('in 14 days');
    expect(rows[3].textContent).not.toContain('Overdue');
  });

  it('counts from the local day it is now: yesterday\'s reporting date is overdue', async () => {
    today('2026-05-11');
    renderWork(myWork({ deadlines: [{ ...B, kind: 'reporting', date: '2026-05-10' }] }));
    await waitFor(() => expect(rowsIn('Deadlines in the next 30 days')).toHaveLength(1));
    expect(rowsIn('Deadlines in the next 30 days')[0].textContent).toContain('Overdue');
  });

  it('names every kind of waiting item, in English and in Japanese', async () => {
    const english = {
      'override-needed': 'Interview cannot start without your override',
      'outcome-needed': 'Interview outcome not yet recorded',
      'considerations-missing': "Considerations or the victim's wish not yet recorded",
      'screening-due': 'Trafficking-indicator checklist not yet complete',
      'screening-flagged-organisation': 'Screening first: the employer or broker has violations or a ban on record',
      'decision-pending': 'Recommendation waiting for your review',
      'decision-returned': 'Recommendation returned with comments',
      'decision-approved': 'Recommendation approved',
    } as const;
    const japanese = {
      'override-needed': '面接の開始に例外承認が必要です',
      'outcome-needed': '面接結果が未記録です',
      'considerations-missing': '考慮事情又は本人の意向が未記録です',
      'screening-due': '人身取引の指標チェックリストが未完了です',
      'screening-flagged-organisation': '先に指標確認を：雇用主又はブローカーに違反又は受入停止の記録があります',
      'decision-pending': '意見書が決裁待ちです',
      'decision-returned': '意見書がコメント付きで差し戻されました',
      'decision-approved': '意見書が承認されました',
    } as const;
    expect(Object.keys(english)).toEqual([...WORK_WAITING_KINDS]);
    const waiting = WORK_WAITING_KINDS.map((kind, i) => ({ ...A, kind, since: `2026-04-0${i + 1}T03:00:00.000Z` }));
    renderWork(myWork({ waiting }));

    await waitFor(() => expect(rowsIn('Waiting for you')).toHaveLength(WORK_WAITING_KINDS.length));
    rowsIn('Waiting for you').forEach((row, i) => {
      expect(row.textContent).toContain(english[WORK_WAITING_KINDS[i]]);
      expect(row.textContent).toContain('TV-2026-0101');
    });

    await act(() => i18n.changeLanguage('ja'));
    expect(screen.getByRole('heading', { level: 2, name: '自分の業務' })).toBeTruthy();
    const rows = rowsIn('対応待ち');
    rows.forEach((row, i) => expect(row.textContent).toContain(japanese[WORK_WAITING_KINDS[i]]));
    expect(rows[0].textContent).toContain(`${new Intl.DateTimeFormat('ja', { dateStyle: 'medium' }).format(new Date('2026-04-01T03:00:00.000Z'))}から`);
    expect(within(region('対応待ち')).getByText(`${WORK_WAITING_KINDS.length}件`)).toBeTruthy();
  });

  it('opens the case of a clicked row in the cases section, by mouse or keyboard', async () => {
    const { fake, user } = renderWork(
      myWork({
        deadlines: [{ ...B, kind: 'reporting', date: '2026-05-10' }],
        waiting: [{ ...C, kind: 'outcome-needed', since: '2026-04-01T03:00:00.000Z' }],
      }),
    );
    await user.click(await screen.findByRole('button', { name: /^TV-2026-0102, Z\. W\., Reporting date/ }));
    expect(useCaseListStore.getState().view).toEqual({ kind: 'case', caseId: CASE_B });
    expect(useNavigationStore.getState().section).toBe('cases');
    await waitFor(() => expect(fake.callsTo('users:setLastView')).toEqual([{ view: 'cases' }]));

    useNavigationStore.setState({ section: 'my-work' });
    screen.getByRole('button', { name: /^TV-2026-0103/ }).focus();
    await user.keyboard('{Enter}');
    expect(useCaseListStore.getState().view).toEqual({ kind: 'case', caseId: CASE_C });
    expect(useNavigationStore.getState().section).toBe('cases');
    expect(useCasePageStore.getState().tab).toBe('person');
  });

  it('opens a case whose indicator screening is due on its checklist', async () => {
    const { user } = renderWork(myWork({ waiting: [{ ...A, kind: 'screening-due', since: '2026-04-01T03:00:00.000Z' }] }));
    await user.click(await screen.findByRole('button', { name: /^TV-2026-0101, Q\. X\., Trafficking-indicator checklist not yet complete/ }));
    expect(useCaseListStore.getState().view).toEqual({ kind: 'case', caseId: CASE_A });
    expect(useCasePageStore.getState().tab).toBe('exploitation');
  });

  it('has a friendly word for each empty section', async () => {
    renderWork(myWork());
    expect(await within(await screen.findByRole('region', { name: 'Upcoming interviews' })).findByText('No interviews are planned for your cases.')).toBeTruthy();
    expect(within(region('Deadlines in the next 30 days')).getByText('No deadlines fall in the next 30 days.')).toBeTruthy();
    expect(within(region('Waiting for you')).getByText('Nothing is waiting for you.')).toBeTruthy();
    expect(within(region('Waiting for you')).getByText('0 items')).toBeTruthy();
    expect(rowsIn('Waiting for you')).toEqual([]);
  });

  it('shows loading, then a failure as an alert, and reads again on Refresh', async () => {
    let answer: () => ReturnType<NonNullable<Handlers['work:mine']>> = () => fail('INTERNAL');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { fake, user } = renderWork(async () => {
      await gate;
      return answer();
    });
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    release();
    expect((await screen.findByRole('alert')).textContent).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Upcoming interviews' })).toBeNull();

    answer = () => ok(myWork({ interviews: [{ ...A, interviewId: 'i-1', plannedAt: '2026-05-04T10:00', status: 'planned', ready: true }] }));
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(rowsIn('Upcoming interviews')).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fake.callsTo('work:mine')).toEqual([{}, {}]);
  });

  it('is the officer\'s home view, and a row leads to the case page in the cases section', async () => {
    const fake = installFakeMamori({
      'session:current': () => ok(sessionFor({ role: 'officer' })),
      'work:mine': () => ok(myWork({ interviews: [{ ...A, interviewId: 'i-1', plannedAt: '2026-05-04T10:00', status: 'planned', ready: true }] })),
      'cases:get': () => fail('NOT_FOUND'),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: /^TV-2026-0101, Q\. X\./ }));
    await waitFor(() => expect(fake.callsTo('cases:get')).toEqual([{ caseId: CASE_A }]));
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Cases');
  });
});
