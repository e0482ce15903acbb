import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../electron/common/accounts';
import { SUPPRESSED, type StatisticsTable } from '../../../electron/common/statistics';
import { i18n } from '../../i18n/i18n';
import { fail, installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { renderWithProviders, signInAs } from '../../test/renderCase';
import { StatisticsScreen } from './StatisticsScreen';

/** A suppressed table as core sends it (synthetic counts). */
function sexByYear(k = 10): StatisticsTable {
  return {
    dimension: 'sex',
    granularity: 'year',
    basis: 'opened',
    multiValued: false,
    k,
    categories: ['female', 'male', 'other', 'undisclosed'],
    periods: ['2025', '2026'],
    cells: [
      [42, SUPPRESSED, 0, SUPPRESSED],
      [57, SUPPRESSED, 0, SUPPRESSED],
    ],
    periodTotals: [48, 66],
    categoryTotals: [99, 12, 0, SUPPRESSED].map((v) => (v === 12 ? SUPPRESSED : v)) as StatisticsTable['categoryTotals'],
    total: 114,
    withheld: false,
  };
}

async function renderScreen(role: Role, handlers: Handlers = {}, language: 'en' | 'ja' = 'en') {
  await i18n.changeLanguage(language);
  const fake = installFakeMamori({ 'statistics:table': ({ granularity }) => ok({ ...sexByYear(), granularity }), ...handlers });
  signInAs(role);
  const { user } = renderWithProviders(<StatisticsScreen />);
  const table = await screen.findByRole('table', { name: language === 'en' ? /^Sex, By year/ : /^性別（年別/ });
  return { fake, user, table };
}

const rowTexts = (table: HTMLElement) => within(table).getAllByRole('row').map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

describe('statistics', () => {
  it('shows the table beneath the chart with headers, a caption, and hidden counts as <k', async () => {
    const { fake, table } = await renderScreen('supervisor');
    expect(fake.callsTo('statistics:table')).toEqual([{ dimension: 'stage', granularity: 'year' }]);
    expect(rowTexts(table)).toEqual([
      ['Period', 'Female', 'Male', 'Other', expect.any(String), 'Total'],
      ['2025', '42', '<10', '0', '<10', '48'],
      ['2026', '57', '<10', '0', '<10', '66'],
      ['Total', '99', '<10', '0', '<10', '114'],
    ]);
    expect(within(table).getAllByRole('columnheader').length).toBe(6);
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['2025', '2026', 'Total']);
    expect(screen.getByRole('img', { name: 'Chart: Sex, By year. The same numbers are in the table below.' })).toBeTruthy();
    expect(screen.getByText(/“<10” marks a hidden count: every count from 1 to 9 is hidden/)).toBeTruthy();
  });

  it('asks core again for another dimension or period, and shows its k', async () => {
    const { fake, user } = await renderScreen('administrator', {
      'statistics:table': ({ dimension, granularity }) => ok({ ...sexByYear(15), ...(dimension === 'nationality' ? { dimension } : {}), granularity }),
    });
    await user.click(screen.getByRole('radio', { name: 'By quarter' }));
    await user.selectOptions(screen.getByLabelText('Count'), 'Nationality');
    expect(fake.callsTo('statistics:table')).toEqual([
      { dimension: 'stage', granularity: 'year' },
      { dimension: 'stage', granularity: 'quarter' },
      { dimension: 'nationality', granularity: 'quarter' },
    ]);
    expect(await screen.findByRole('table', { name: /^Nationality, By quarter \(hidden counts shown as “<15”\)/ })).toBeTruthy();
  });

  it('offers missing-intern reports by half-year and year only, and names the halves', async () => {
    const missing = (): StatisticsTable => ({
      ...sexByYear(),
      dimension: 'missing-interns',
      granularity: 'half-year',
      basis: 'reported',
      categories: ['implementing', 'supervising'],
      periods: ['2025-H2', '2026-H1'],
      cells: [
        [32, 20],
        [SUPPRESSED, 0],
      ],
      periodTotals: [52, SUPPRESSED],
      categoryTotals: [SUPPRESSED, 20],
      total: SUPPRESSED,
    });
    const { fake, user } = await renderScreen('supervisor', {
      'statistics:table': ({ dimension, granularity }) => ok(dimension === 'missing-interns' ? missing() : { ...sexByYear(), granularity }),
    });
    await user.click(screen.getByRole('radio', { name: 'By month' }));
    await user.selectOptions(screen.getByLabelText('Count'), 'Interns reported missing (registry)');
    // The month it was read by does not exist for reports: the table switches to half-years.
    expect(fake.callsTo('statistics:table').at(-1)).toEqual({ dimension: 'missing-interns', granularity: 'half-year' });
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['half-year', 'year']);
    const table = await screen.findByRole('table', { name: /^Interns reported missing \(registry\), By half-year/ });
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['2025 H2 (Jul–Dec)', '2026 H1 (Jan–Jun)', 'Total']);
    expect(screen.getByText(/by the type of organisation they went missing from/)).toBeTruthy();
  });

  it('saves the CSV through core with the headings in the user language, and says where', async () => {
    const { fake, user } = await renderScreen('supervisor', { 'statistics:exportCsv': () => ok({ saved: true, fileName: 'sex.csv', rows: 2 }) }, 'ja');
    await user.click(screen.getByRole('button', { name: 'CSVで保存…' }));
    const [call] = fake.callsTo('statistics:exportCsv') as { dimension: string; headings: { period: string; categories: Record<string, string> } }[];
    expect(call.dimension).toBe('stage');
    expect(call.headings.period).toBe('期間');
    expect(call.headings.categories.female).toBe('女性');
    expect(await screen.findByText('sex.csv（2 期間）を保存しました。出力は監査記録に残ります。')).toBeTruthy();
  });

  it('says nothing was saved when the file cannot be written', async () => {
    const { user } = await renderScreen('supervisor', { 'statistics:exportCsv': () => fail('STATISTICS_EXPORT_FAILED') });
    await user.click(screen.getByRole('button', { name: 'Save as CSV…' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Nothing was saved');
  });

  it('shows nothing to officers and auditors', async () => {
    await i18n.changeLanguage('en');
    installFakeMamori({});
    signInAs('officer');
    renderWithProviders(<StatisticsScreen />);
    expect(screen.queryByRole('heading')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
