import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ERROR_MESSAGES } from '../../../electron/common/errors';
import { i18n } from '../../i18n/i18n';
import { fail, ok } from '../../test/fakeMamori';
import { caseId, caseRow, pagedCases, renderCases, STAFF } from '../../test/renderCases';
import { MAX_WINDOWS, WINDOW_SIZE } from '../cases/list/caseList.actions';
import { useCaseListStore } from '../cases/list/caseList.store';
import { ROW_HEIGHT } from '../cases/list/CaseListTable';

vi.mock('./CasePage', () => ({
  CasePage: ({ caseId: id, onBack }: { caseId: string; onBack: () => void }) => (
    <section aria-label="Case page">
      <p>Case {id}</p>
      <button type="button" onClick={onBack}>
        Back to list
      </button>
    </section>
  ),
}));

// jsdom lays nothing out; the virtualiser needs a viewport to decide which rows to draw.
const VIEWPORT = 10 * ROW_HEIGHT;
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => VIEWPORT });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

function caseRows() {
  return within(screen.getByRole('table', { name: 'Cases' }))
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('data-index'));
}

function scrollBody(): HTMLElement {
  return caseRows()[0].closest('[role="rowgroup"]') as HTMLElement;
}

function scrollTo(index: number) {
  const body = scrollBody();
  body.scrollTop = index * ROW_HEIGHT;
  fireEvent.scroll(body);
}

describe('case list', () => {
  it('shows the total and masked rows, and reads the next window of 100 when scrolled to it', async () => {
    const { fake } = renderCases({ 'cases:list': pagedCases(100_000) });
    await screen.findByRole('row', { name: 'TV-2026-0001 N. T.' });
    expect(screen.getByText('100,000 cases')).toBeTruthy();
    expect(fake.callsTo('cases:list')).toEqual([{ filter: {}, sort: 'updated', offset: 0, limit: 100 }]);

    const first = caseRows()[0];
    const cells = within(first).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells).toEqual(['TV-2026-0001', 'N. T.', 'Protection', 'High', 'Child', 'Viet Nam', 'In violation of immigration law', 'Provisional release', '—', 'Mar 2, 2026']);
    // Virtualised: a screenful plus overscan in the DOM, not 100,000 rows.
    expect(caseRows().length).toBeLessThan(40);

    scrollTo(95);
    await waitFor(() => expect(fake.callsTo('cases:list')).toContainEqual({ filter: {}, sort: 'updated', offset: 100, limit: 100 }));
    await screen.findByRole('row', { name: 'TV-2026-0105 N. T.' });
  });

  it('holds only a few windows however far the user scrolls', async () => {
    const { fake } = renderCases({ 'cases:list': pagedCases(100_000) });
    await screen.findByRole('row', { name: 'TV-2026-0001 N. T.' });
    for (const index of [250, 1_000, 20_000, 50_000, 70_000, 99_990]) {
      scrollTo(index);
      await screen.findByRole('row', { name: `TV-2026-${String(index + 1).padStart(4, '0')} N. T.` });
    }
    const held = Object.values(useCaseListStore.getState().windows).flat();
    expect(held.length).toBeLessThanOrEqual(MAX_WINDOWS * WINDOW_SIZE);
    expect(fake.callsTo('cases:list')).toContainEqual({ filter: {}, sort: 'updated', offset: 99_900, limit: 100 });
  });

  it('shows deadlines in the interface language and marks those overdue or due within 30 days', async () => {
    const soon = new Date(Date.now() + 5 * 86_400_000);
    const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    renderCases({
      'cases:list': () =>
        ok({
          total: 3,
          rows: [caseRow(0, { nextDeadline: '2020-01-15' }), caseRow(1, { nextDeadline: iso(soon) }), caseRow(2, { nextDeadline: '2099-12-31' })],
        }),
    });
    const overdue = await screen.findByRole('row', { name: 'TV-2026-0001 N. T.' });
    expect(within(overdue).getByText('Overdue')).toBeTruthy();
    expect(within(overdue).getByText('Jan 15, 2020')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: 'TV-2026-0002 N. T.' })).getByText('Due soon')).toBeTruthy();
    const later = screen.getByRole('row', { name: 'TV-2026-0003 N. T.' });
    expect(within(later).queryByText(/Overdue|Due soon/)).toBeNull();

    await act(() => i18n.changeLanguage('ja'));
    expect(within(screen.getByRole('row', { name: 'TV-2026-0001 N. T.' })).getByText('期限超過')).toBeTruthy();
    expect(screen.getByText('2020/01/15')).toBeTruthy();
    expect(screen.getByText('3件')).toBeTruthy();
  });

  it('sends each filter, the sort and the search, and starts over from the first row', async () => {
    const { fake, user } = renderCases();
    await screen.findByRole('row', { name: 'TV-2026-0001 N. T.' });

    await user.selectOptions(screen.getByLabelText('Stage'), 'Protection');
    await user.selectOptions(screen.getByLabelText('Risk level'), 'Critical');
    await user.selectOptions(screen.getByLabelText('Nationality'), 'Viet Nam');
    await user.selectOptions(screen.getByLabelText('Exploitation type'), 'Labour exploitation in technical intern training');
    await user.selectOptions(screen.getByLabelText('Standing today'), 'In violation of immigration law');
    await user.selectOptions(screen.getByLabelText('Custody'), 'Provisional release');
    await user.click(screen.getByRole('checkbox', { name: 'Deadline within 30 days' }));
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Risk level, highest first');
    const filter = {
      stage: 'protection',
      riskLevel: 'critical',
      nationality: 'VNM',
      exploitationType: 'labour-titp',
      standing: 'in-violation',
      custody: 'provisional-release',
      deadlineWithinDays: 30,
    };
    expect(fake.callsTo('cases:list').at(-1)).toEqual({ filter, sort: 'risk', offset: 0, limit: 100 });

    const before = fake.callsTo('cases:list').length;
    await user.type(screen.getByRole('searchbox', { name: 'Search cases' }), 'nguyen');
    await waitFor(() => expect(fake.callsTo('cases:list').at(-1)).toEqual({ filter: { ...filter, query: 'nguyen' }, sort: 'risk', offset: 0, limit: 100 }));
    // Debounced: one request for the whole word, not one per letter.
    expect(fake.callsTo('cases:list').length - before).toBe(1);

    await user.clear(screen.getByRole('searchbox', { name: 'Search cases' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search cases' }), 'TV-2026{Enter}');
    expect(fake.callsTo('cases:list').at(-1)).toEqual({ filter: { ...filter, query: 'TV-2026' }, sort: 'risk', offset: 0, limit: 100 });

    await user.selectOptions(screen.getByLabelText('Stage'), 'Any');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(fake.callsTo('cases:list').at(-1)).toEqual({ filter: {}, sort: 'risk', offset: 0, limit: 100 });
    expect(screen.getByRole('searchbox', { name: 'Search cases' })).toHaveProperty('value', '');
  });

  it('shows each case’s standing today and custody, in English and in Japanese', async () => {
    renderCases({ 'cases:list': () => ok({ total: 2, rows: [caseRow(0, { standing: 'legal-resident', custody: 'none' }), caseRow(1)] }) });
    const cells = (reference: string) =>
      within(screen.getByRole('row', { name: `${reference} N. T.` }))
        .getAllByRole('cell')
        .slice(6, 8)
        .map((cell) => cell.textContent);
    await screen.findByRole('row', { name: 'TV-2026-0001 N. T.' });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('Standing');
    expect(cells('TV-2026-0001')).toEqual(['Legal resident', '—']);
    expect(cells('TV-2026-0002')).toEqual(['In violation of immigration law', 'Provisional release']);

    await act(() => i18n.changeLanguage('ja'));
    expect(cells('TV-2026-0001')).toEqual(['適法在留', '—']);
    expect(cells('TV-2026-0002')).toEqual(['入管法違反', '仮放免']);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(expect.arrayContaining(['在留上の地位', '収容等']));
    const standing = screen.getByRole('combobox', { name: '本日時点の在留上の地位' });
    expect(within(standing).getAllByRole('option').map((o) => o.textContent)).toEqual(['すべて', '適法在留', '入管法違反']);
    const custody = screen.getByRole('combobox', { name: '収容等の状況' });
    expect(within(custody).getAllByRole('option').map((o) => o.textContent)).toEqual(['すべて', 'なし', '収容中', '仮放免', '監理措置']);
  });

  it('offers the officer filter to supervisors only', async () => {
    renderCases();
    await screen.findByRole('row', { name: 'TV-2026-0001 N. T.' });
    expect(screen.queryByLabelText('Officer')).toBeNull();
  });

  it('lets a supervisor filter by officer', async () => {
    const { fake, user } = renderCases({}, 'supervisor');
    await screen.findByRole('row', { name: 'TV-2026-0001 N. T.' });
    await screen.findByRole('option', { name: 'Testperson Second' });
    await user.selectOptions(screen.getByLabelText('Officer'), 'Testperson Second');
    expect(fake.callsTo('cases:list').at(-1)).toEqual({ filter: { officerId: STAFF.officers[1].id }, sort: 'updated', offset: 0, limit: 100 });
  });

  it('opens a case on click and on Enter, and reads the list again on the way back', async () => {
    const { fake, user } = renderCases();
    await user.click(await screen.findByRole('row', { name: 'TV-2026-0002 N. T.' }));
    expect(await screen.findByText(`Case ${caseId(1)}`)).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Cases' })).toBeNull();

    const calls = fake.callsTo('cases:list').length;
    await user.click(screen.getByRole('button', { name: 'Back to list' }));
    const row = await screen.findByRole('row', { name: 'TV-2026-0003 N. T.' });
    expect(fake.callsTo('cases:list').length).toBeGreaterThan(calls);

    row.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText(`Case ${caseId(2)}`)).toBeTruthy();
  });

  it('says when nothing matches, and when there are no cases at all', async () => {
    const { user } = renderCases({ 'cases:list': () => ok({ total: 0, rows: [] }) });
    expect(await screen.findByText('There are no cases yet. Open one with “New case”.')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Stage'), 'Closed');
    expect(await screen.findByText('No cases match this search and filter.')).toBeTruthy();
  });

  it('shows a failed read translated', async () => {
    renderCases({ 'cases:list': () => fail('INTERNAL') });
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong.');
    await act(() => i18n.changeLanguage('ja'));
    expect(screen.getByRole('alert').textContent).toContain(ERROR_MESSAGES.INTERNAL.ja);
  });

  it('opens the intake form from "New case"', async () => {
    const { user } = renderCases();
    await user.click(await screen.findByRole('button', { name: 'New case' }));
    expect(screen.getByRole('form', { name: 'New case' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('row', { name: 'TV-2026-0001 N. T.' })).toBeTruthy();
  });
});
