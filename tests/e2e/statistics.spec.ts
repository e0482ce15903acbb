/**
 * Statistics in Japanese through the UI and the real core (issue 15): cases opened over several
 * months (through core); a supervisor opens 統計, sees the chart and the table of the same numbers,
 * with the small counts (and the counts that would give them away) shown as "<10" in the table and
 * in the chart's tooltip; saves the CSV (the harness stands in for the save dialog) and finds the
 * same cells in it, with a byte-order mark; then reads the registry's missing-intern reports by
 * half-year. All data is fictional.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { intake } from '../fixtures/cases';
import { ok, removeDir, tempDir } from '../fixtures/vault';
import { screenshotPath } from './harness';
import { appPerTest, createStaff, signIn } from './ui';

const OFFICER = { username: 'officer.mori', displayName: '森 さくら', passphrase: 'officer mori e2e passphrase', role: 'officer' } as const;
const SUPERVISOR = { username: 'sup.ueda', displayName: '上田 健', passphrase: 'supervisor ueda e2e passphrase', role: 'supervisor' } as const;

test.use({ actionTimeout: 15_000 });

const startApp = appPerTest(test.afterEach);

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: true, animations: 'disabled' });
}

/** Cases opened by the officer at `at` (core's clock), through core. */
const OPENED: { at: string; sex: 'female' | 'male'; nationality: string; n: number }[] = [
  { at: '2025-10-14T01:00:00Z', sex: 'female', nationality: 'PHL', n: 11 },
  { at: '2026-01-20T01:00:00Z', sex: 'female', nationality: 'PHL', n: 12 },
  { at: '2026-02-09T01:00:00Z', sex: 'male', nationality: 'VNM', n: 3 },
  { at: '2026-04-10T01:00:00Z', sex: 'female', nationality: 'THA', n: 14 },
];

test('a supervisor sees statistics in Japanese with small counts hidden as <10 in the chart, the table and the CSV', async () => {
  test.setTimeout(240_000);
  const clock = { now: Date.parse('2026-05-20T01:00:00Z') };
  const app = await startApp({ locale: 'ja', now: () => clock.now, viewport: { width: 1360, height: 900 } });
  const { page, core } = app;
  await createStaff(core, [OFFICER, SUPERVISOR], 'ja');
  for (const batch of OPENED) {
    clock.now = Date.parse(batch.at);
    await ok(core, 'session:signIn', { username: OFFICER.username, passphrase: OFFICER.passphrase });
    for (let i = 0; i < batch.n; i++) await ok(core, 'cases:create', intake({ familyName: `TESTCASE${i}`, sex: batch.sex, nationality: batch.nationality }));
    await ok(core, 'session:signOut');
  }
  clock.now = Date.parse('2026-05-20T01:00:00Z');

  await signIn(page, SUPERVISOR, 'ja');
  await page.getByRole('button', { name: '統計', exact: true }).click();
  await expect(page.getByRole('heading', { name: '統計', level: 2 })).toBeVisible();
  await expect(page.getByRole('table', { name: /^段階（年別/ })).toBeVisible();

  await page.getByLabel('集計の項目').selectOption({ label: '性別' });
  // Mantine's segmented control hides its radios: the user clicks the segment's label.
  await page.getByText('月別', { exact: true }).click();
  const table = page.getByRole('table', { name: '性別（月別、伏せた数は「<10」）' });
  await expect(table).toBeVisible();
  const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) });
  // February: three men, hidden; their month total too (it is the same three), and with it January's.
  await expect(row('2026年2月')).toContainText('<10');
  await expect(row('2026年4月')).toContainText('14');
  await expect(page.getByText(/「<10」は伏せた数を示します/)).toBeVisible();

  // The tooltip of February's bar names the hidden count with the same marker.
  const chart = page.getByRole('img', { name: /^グラフ：性別（月別）/ });
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.locator('.recharts-wrapper').boundingBox();
  if (!box) throw new Error('the chart has no box');
  // Bars run from the first period with a case (2025年10月) to the current one (2026年5月): 8 in all; February 2026 is the 5th.
  const plot = await chart.locator('.recharts-cartesian-grid').boundingBox();
  if (!plot) throw new Error('the chart has no plot area');
  await page.mouse.move(plot.x + (plot.width * 4.5) / 8, plot.y + plot.height - 4);
  const tooltip = page.getByTestId('statistics-tooltip');
  await expect(tooltip).toContainText('2026年2月');
  await expect(tooltip).toContainText('男性：<10');
  await shot(page, 'ja-statistics');

  // ── The CSV: the same suppressed table, with a byte-order mark.
  const out = tempDir('mamori-statistics-csv-');
  try {
    app.dialogs.csvTarget = join(out, '性別-月別.csv');
    await page.getByRole('button', { name: 'CSVで保存…' }).click();
    await expect(page.getByRole('status').filter({ hasText: '性別-月別.csv（8 期間）を保存しました。' })).toBeVisible();
    expect(app.dialogs.suggestedCsvNames).toEqual(['mamori-statistics-sex-month-20260520.csv']);
    const bytes = readFileSync(app.dialogs.csvTarget);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('期間,女性,男性,その他,申告なし,合計');
    expect(lines.find((l) => l.startsWith('2026-02,'))).toContain('<10');
    expect(lines.find((l) => l.startsWith('2026-04,'))).toBe('2026-04,14,0,0,0,14');
    for (const line of lines.slice(1)) for (const cell of line.split(',').slice(1)) expect(cell === '' || cell === '<10' || cell === '0' || Number(cell) >= 10).toBe(true);
  } finally {
    removeDir(out);
  }

  // ── The registry's missing-intern reports: by half-year or year only.
  // Supervising organisation: 24 then 30; implementing organisation: 40 then 2 (the small one).
  for (const [type, nameJa, counts] of [
    ['supervising', '架空統計協同組合', [24, 30]],
    ['implementing', '株式会社架空統計工業', [40, 2]],
  ] as const) {
    let entry = await ok<{ id: string; version: number }>(core, 'organisations:save', {
      organisation: { type, nameJa, nameLatin: '', corporateNumber: '', prefecture: '21', country: '', licenceNumber: '', relatedIds: [], notes: '' },
    });
    for (const [i, half] of ['2025-H2', '2026-H1'].entries()) {
      entry = await ok(core, 'organisations:recordMissingReport', { id: entry.id, version: entry.version, report: { half, count: counts[i], source: '架空の報告' } });
    }
  }
  await page.getByLabel('集計の項目').selectOption({ label: '失踪と報告された実習生（登録簿）' });
  const missing = page.getByRole('table', { name: /^失踪と報告された実習生（登録簿）（半期別/ });
  await expect(missing).toBeVisible();
  await expect(page.getByText('月別', { exact: true })).toHaveCount(0);
  // The half-year totals are shown; the 2 is hidden, and so are enough others that the totals do not give it away.
  await expect(missing.getByRole('row', { name: /^2025年 下半期/ })).toContainText('64');
  await expect(missing.getByRole('row', { name: /^2026年 上半期/ })).toContainText('<10');
  await expect(missing.getByRole('row', { name: /^2026年 上半期/ })).toContainText('32');
  await expect(missing.getByRole('row', { name: /^2026年 上半期/ })).not.toContainText('30');
  await shot(page, 'ja-statistics-missing-interns');
  expect(app.blockedRequests).toEqual([]);
});
