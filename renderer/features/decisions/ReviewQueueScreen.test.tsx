import { MantineProvider } from '@mantine/core';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { ReviewQueueRow } from '../../../electron/common/contract.decisions';
import { localToday } from '../../i18n/dates';
import { i18n } from '../../i18n/i18n';
import { fail, installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { sessionFor } from '../../test/fixtures';
import { theme } from '../../ui/theme';
import { useCaseListStore } from '../cases/list/caseList.store';
import { useNavigationStore } from '../navigation/navigation.store';
import { useSessionStore } from '../session/session.store';
import { ReviewQueueScreen } from './ReviewQueueScreen';

const DAY_MS = 86_400_000;

/** A calendar day `days` from today, local time. */
function dayFromToday(days: number): string {
  return localToday(new Date(Date.now() + days * DAY_MS));
}

/** Synthetic rows: masked initials only, as core sends them. */
function row(overrides: Partial<ReviewQueueRow> = {}): ReviewQueueRow {
  return {
    caseId: '00000000-0000-4000-8000-00000000c001',
    reference: 'TV-2026-0042',
    maskedName: 'T. T.',
    decisionId: '00000000-0000-4000-8000-00000000d001',
    pathway: 'special-residence-permission',
    submittedAt: new Date(Date.now() - 3 * DAY_MS).toISOString(),
    submittedBy: 'Testperson Officer',
    own: false,
    stale: false,
    nextDeadline: null,
    ...overrides,
  };
}

function renderQueue(handlers: Handlers) {
  const fake = installFakeMamori(handlers);
  useSessionStore.setState({ status: 'signed-in', user: sessionFor({ role: 'supervisor', id: 'supervisor-1' }).user });
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <ReviewQueueScreen />
      </MantineProvider>
    </I18nextProvider>,
  );
  return { fake, user };
}

describe('review queue', () => {
  it('lists pending recommendations with their waiting time, deadlines and badges, and opens a case', async () => {
    const rows = [
      row({ nextDeadline: dayFromToday(-2), stale: true }),
      row({
        caseId: '00000000-0000-4000-8000-00000000c002',
        reference: 'TV-2026-0043',
        maskedName: 'N. A.',
        decisionId: '00000000-0000-4000-8000-00000000d002',
        pathway: 'assisted-return',
        submittedAt: new Date().toISOString(),
        submittedBy: 'Testperson Supervisor',
        own: true,
        nextDeadline: dayFromToday(10),
      }),
      row({ caseId: '00000000-0000-4000-8000-00000000c003', reference: 'TV-2026-0044', decisionId: '00000000-0000-4000-8000-00000000d003', nextDeadline: dayFromToday(90) }),
    ];
    const { fake, user } = renderQueue({ 'decisions:queue': () => ok({ rows }) });

    const table = within(await screen.findByRole('table', { name: 'Recommendations awaiting approval' }));
    const [first, second, third] = screen.getAllByTestId('decision-queue-row').map((r) => within(r));
    expect(screen.getAllByTestId('decision-queue-row').map((r) => r.dataset.caseReference)).toEqual(['TV-2026-0042', 'TV-2026-0043', 'TV-2026-0044']);
    expect(table.getByRole('columnheader', { name: 'Waiting' })).toBeTruthy();

    expect(first.getByText('T. T.')).toBeTruthy();
    expect(first.getByText('Special residence permission')).toBeTruthy();
    expect(first.getByText('3 days')).toBeTruthy();
    expect(first.getByText('Overdue')).toBeTruthy();
    expect(first.getByText('Changed since submission')).toBeTruthy();
    expect(first.queryByText('Your own')).toBeNull();

    expect(second.getByText('Assisted voluntary return (IOM)')).toBeTruthy();
    expect(second.getByText('0 days')).toBeTruthy();
    expect(second.getByText('Due in 10 days')).toBeTruthy();
    expect(second.getByText('Your own')).toBeTruthy();
    expect(second.queryByText('Changed since submission')).toBeNull();

    // Far enough away: no warning.
    expect(third.queryByTestId('decision-queue-deadline')).toBeNull();
    // Masked initials only: the queue never shows a full name.
    expect(screen.queryByText(/Testfamily/)).toBeNull();

    await user.click(screen.getByRole('row', { name: 'Open case TV-2026-0043, N. A.' }));
    expect(useCaseListStore.getState().view).toEqual({ kind: 'case', caseId: '00000000-0000-4000-8000-00000000c002' });
    expect(useNavigationStore.getState().section).toBe('cases');
    await waitFor(() => expect(fake.callsTo('users:setLastView')).toEqual([{ view: 'cases' }]));
  });

  it('opens a case from the keyboard', async () => {
    const { user } = renderQueue({ 'decisions:queue': () => ok({ rows: [row()] }) });
    (await screen.findByRole('row', { name: 'Open case TV-2026-0042, T. T.' })).focus();
    await user.keyboard('{Enter}');
    expect(useCaseListStore.getState().view).toEqual({ kind: 'case', caseId: '00000000-0000-4000-8000-00000000c001' });
  });

  it('says when nothing waits, and reads the queue again on Refresh', async () => {
    let answer: ReviewQueueRow[] = [];
    const { fake, user } = renderQueue({ 'decisions:queue': () => ok({ rows: answer }) });
    expect((await screen.findByTestId('decision-queue-empty')).textContent).toBe('No recommendations are waiting for approval.');

    answer = [row()];
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByRole('row', { name: 'Open case TV-2026-0042, T. T.' })).toBeTruthy();
    expect(fake.callsTo('decisions:queue')).toHaveLength(2);
  });

  it('keeps the Refresh label while the queue is read, with a spinner beside it, and waits until the answer', async () => {
    let answer: (rows: ReviewQueueRow[]) => void = () => undefined;
    const { fake, user } = renderQueue({ 'decisions:queue': () => new Promise((resolve) => (answer = (rows) => resolve(ok({ rows })))) });
    const refresh = screen.getByTestId('decision-queue-refresh');
    await waitFor(() => expect(refresh.getAttribute('aria-busy')).toBe('true'));
    // The label stays on the button (Mantine's `loading` would hide it behind the spinner: data-loading).
    expect(refresh.textContent).toBe('Refresh');
    expect(refresh.querySelector('[data-loading]')).toBeNull();
    expect(within(refresh).getByTestId('busy-spinner')).toBeTruthy();
    expect(refresh).toHaveProperty('disabled', true);
    await user.click(refresh);
    expect(fake.callsTo('decisions:queue')).toHaveLength(1);

    act(() => answer([row()]));
    expect(await screen.findByRole('row', { name: 'Open case TV-2026-0042, T. T.' })).toBeTruthy();
    expect(refresh.getAttribute('aria-busy')).toBe('false');
    expect(within(refresh).queryByTestId('busy-spinner')).toBeNull();
    expect(refresh).toHaveProperty('disabled', false);
  });

  it('shows a refusal as an alert', async () => {
    renderQueue({ 'decisions:queue': () => fail('FORBIDDEN') });
    expect((await screen.findByRole('alert')).textContent).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the queue in Japanese', async () => {
    renderQueue({ 'decisions:queue': () => ok({ rows: [row({ stale: true, own: true, nextDeadline: dayFromToday(5) })] }) });
    await act(() => i18n.changeLanguage('ja'));
    const table = within(await screen.findByRole('table', { name: '決裁待ちの意見書' }));
    for (const header of ['事案番号', '氏名', '手続', '提出者', '提出日時', '待機日数', '次の期限', '注記']) expect(table.getByRole('columnheader', { name: header })).toBeTruthy();
    expect(table.getByText('在留特別許可')).toBeTruthy();
    expect(table.getByText('3日')).toBeTruthy();
    expect(table.getByText('あと5日')).toBeTruthy();
    expect(table.getByText('提出後に変更あり')).toBeTruthy();
    expect(table.getByText('自分の提出')).toBeTruthy();
    expect(screen.getByRole('button', { name: '更新' })).toBeTruthy();
  });
});
