/**
 * Non-identifying statistics through the real core and a real vault (issue 15): who may see them,
 * counts equal to a direct SQL count, small-cell suppression in everything that crosses IPC, the
 * threshold k as an audited vault setting, and the CSV export. Fictional cases only; core's clock
 * is moved between months (Japan time decides the month).
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIMENSIONS, STATISTICS_DIMENSIONS, SUPPRESSED, type StatisticsTable } from '../../electron/common/statistics';
import type { Organisation } from '../../electron/common/contract.organisations';
import { monthlyCounts } from '../../electron/core/statistics/statistics.repository';
import { intake } from '../fixtures/cases';
import { withRawVault } from '../fixtures/raw';
import { auditRows, team as makeTeam } from '../fixtures/team';
import { code, ok, removeDir, signInAdmin, tempDir } from '../fixtures/vault';

/** The team's vault (shared by every test of this file) and the folders the CSV files go to, removed at the end. */
const persistent: string[] = [];
const csvDirs: string[] = [];
function csvDir(): string {
  const dir = tempDir('mamori-csv-');
  csvDirs.push(dir);
  return dir;
}

/** The office: 12 women from the Philippines and 3 men from Viet Nam in March 2026 (Japan time), 14 women from Thailand in April. */
const MONTHS: { at: string; cases: { sex: 'female' | 'male'; nationality: string; n: number }[] }[] = [
  {
    // 1 March 2026 00:30 in Japan is still 28 February in UTC: it counts in March.
    at: '2026-02-28T15:30:00Z',
    cases: [
      { sex: 'female', nationality: 'PHL', n: 12 },
      { sex: 'male', nationality: 'VNM', n: 3 },
    ],
  },
  { at: '2026-04-10T02:00:00Z', cases: [{ sex: 'female', nationality: 'THA', n: 14 }] },
];
const NOW = Date.parse('2026-05-20T01:00:00Z');

type Team = Awaited<ReturnType<typeof makeTeam>> & { clock: { now: number }; csv: { target: string | null; names: string[] } };
let t: Team;

async function setUp(): Promise<Team> {
  const clock = { now: Date.parse(MONTHS[0].at) };
  const csv = { target: null as string | null, names: [] as string[] };
  const made = await makeTeam(persistent, () => clock.now, {
    statisticsDialogs: {
      chooseCsvTarget: async (name) => {
        csv.names.push(name);
        return csv.target;
      },
    },
  });
  for (const month of MONTHS) {
    await made.core.lock('user');
    clock.now = Date.parse(month.at);
    await made.as('officer.a');
    for (const group of month.cases) {
      for (let i = 0; i < group.n; i++) await ok(made.core, 'cases:create', intake({ familyName: `TESTCASE${i}`, sex: group.sex, nationality: group.nationality }));
    }
  }
  await made.core.lock('user');
  clock.now = NOW;
  return { ...made, clock, csv };
}

beforeAll(async () => {
  t = await setUp();
}, 300_000);

afterEach(async () => {
  await t.core.lock('user');
});

// The shared vault is removed once every test of this file has run.
afterAll(async () => {
  await t?.core.close();
  // team() records the vault's data directory, which sits in a folder of its own.
  for (const dir of persistent) removeDir(join(dir, '..'));
  for (const dir of csvDirs) removeDir(dir);
});

const table = (dimension: string, granularity: string) => ok<StatisticsTable>(t.core, 'statistics:table', { dimension, granularity });
const cellOf = (tb: StatisticsTable, period: string, category: string) => tb.cells[tb.periods.indexOf(period)][tb.categories.indexOf(category)];

describe('statistics: who may see them', () => {
  it('answers supervisors and administrators, and refuses officers and auditors', async () => {
    await t.as('sup.c');
    expect((await table('sex', 'month')).k).toBe(10);
    await t.core.lock('user');
    await signInAdmin(t.core);
    expect((await table('sex', 'year')).k).toBe(10);
    await t.as('officer.a');
    expect(await code(t.core.dispatch('statistics:table', { dimension: 'sex', granularity: 'month' }))).toBe('FORBIDDEN');
    expect(await code(t.core.dispatch('statistics:exportCsv', { dimension: 'sex', granularity: 'month', headings: { period: 'p', total: 't', categories: {} } }))).toBe('FORBIDDEN');
  });

  it('accepts only the fixed dimensions and granularities: no filter, no date range', async () => {
    await t.as('sup.c');
    expect(await code(t.core.dispatch('statistics:table', { dimension: 'name', granularity: 'month' }))).toBe('INVALID_INPUT');
    expect(await code(t.core.dispatch('statistics:table', { dimension: 'sex', granularity: 'week' }))).toBe('INVALID_INPUT');
    expect(await code(t.core.dispatch('statistics:table', { dimension: 'sex', granularity: 'month', nationality: 'VNM' }))).toBe('INVALID_INPUT');
  });
});

describe('statistics: counts', () => {
  it('counts in SQL what a direct count over the cases finds, for every dimension (before suppression)', async () => {
    await withRawVault(t.dataDir, async (tx) => {
      const direct = async (sql: string) => (await tx.get<{ n: number }>(sql))!.n;
      const sumOf = async (dimension: (typeof STATISTICS_DIMENSIONS)[number]) => (await monthlyCounts(tx, dimension)).reduce((a, r) => a + r.n, 0);
      const cases = await direct('SELECT count(*) AS n FROM cases');
      expect(cases).toBe(29);
      for (const dimension of ['stage', 'nationality', 'sex', 'age-band', 'referral-source'] as const) expect(await sumOf(dimension), dimension).toBe(cases);
      expect(await sumOf('exploitation-type')).toBe(await direct('SELECT count(*) AS n FROM case_exploitation_types'));
      expect(await sumOf('outcome')).toBe(await direct("SELECT count(*) AS n FROM cases WHERE stage = 'closed'"));
      expect(await sumOf('pathway-decided')).toBe(await direct("SELECT count(*) AS n FROM decisions WHERE status IN ('approved', 'superseded')"));
      const sex = await monthlyCounts(tx, 'sex');
      expect(sex.sort((a, b) => (a.month + a.category).localeCompare(b.month + b.category))).toEqual([
        { month: '2026-03', category: 'female', n: 12 },
        { month: '2026-03', category: 'male', n: 3 },
        { month: '2026-04', category: 'female', n: 14 },
      ]);
      // Born 1998-04-12: 27 at intake in March and on 10 April 2026.
      expect(await monthlyCounts(tx, 'age-band')).toEqual([
        { month: '2026-03', category: '25-34', n: 15 },
        { month: '2026-04', category: '25-34', n: 14 },
      ]);
    });
  });

  it('counts the registry: status decisions by the month they took effect, missing interns per half-year by organisation type', async () => {
    await t.as('sup.c');
    const organisation = (nameJa: string, type: string) => ({ type, nameJa, nameLatin: '', corporateNumber: '', prefecture: '21', country: '', licenceNumber: '', relatedIds: [], notes: '' });
    let employer = await ok<Organisation>(t.core, 'organisations:save', { organisation: organisation('株式会社架空統計縫製', 'implementing') });
    const union = await ok<Organisation>(t.core, 'organisations:save', { organisation: organisation('架空統計協同組合', 'supervising') });
    employer = await ok<Organisation>(t.core, 'organisations:recordStatus', { id: employer.id, version: employer.version, entry: { kind: 'banned', from: '2026-03-10', to: '2026-09-09', decisionReference: 'FICT-STAT-1' } });
    employer = await ok<Organisation>(t.core, 'organisations:recordStatus', { id: employer.id, version: employer.version, entry: { kind: 'name-disclosed', from: '2026-03-31', decisionReference: 'FICT-STAT-2' } });
    employer = await ok<Organisation>(t.core, 'organisations:recordMissingReport', { id: employer.id, version: employer.version, report: { half: '2025-H2', count: 12, source: 'Fictional report' } });
    await ok(t.core, 'organisations:recordMissingReport', { id: employer.id, version: employer.version, report: { half: '2026-H1', count: 3, source: 'Fictional report' } });
    await ok(t.core, 'organisations:recordMissingReport', { id: union.id, version: union.version, report: { half: '2025-H2', count: 20, source: 'Fictional report' } });

    await withRawVault(t.dataDir, async (tx) => {
      const sortedCounts = async (dimension: 'organisation-status' | 'missing-interns') =>
        (await monthlyCounts(tx, dimension)).sort((a, b) => (a.month + a.category).localeCompare(b.month + b.category));
      expect(await sortedCounts('organisation-status')).toEqual([
        { month: '2026-03', category: 'banned', n: 1 },
        { month: '2026-03', category: 'name-disclosed', n: 1 },
      ]);
      // A half-year's report counts in its first month.
      expect(await sortedCounts('missing-interns')).toEqual([
        { month: '2025-07', category: 'implementing', n: 12 },
        { month: '2025-07', category: 'supervising', n: 20 },
        { month: '2026-01', category: 'implementing', n: 3 },
      ]);
    });
    const missing = await table('missing-interns', 'half-year');
    expect(missing.periods).toEqual(['2025-H2', '2026-H1']);
    expect(missing.basis).toBe('reported');
    expect(cellOf(missing, '2025-H2', 'supervising')).toBe(20);
    expect(cellOf(missing, '2026-H1', 'implementing')).toBe(SUPPRESSED);
    // Reports have no finer date than their half-year: no month or quarter table is made up.
    for (const granularity of ['month', 'quarter']) expect(await code(t.core.dispatch('statistics:table', { dimension: 'missing-interns', granularity }))).toBe('STATISTICS_PERIOD_UNAVAILABLE');
    const statuses = await table('organisation-status', 'quarter');
    expect(cellOf(statuses, '2026-Q1', 'banned')).toBe(SUPPRESSED);
    expect(statuses.total).toBe(SUPPRESSED);
  });

  it('shows large counts as they are and hides the small ones, with enough others that the totals do not give them away', async () => {
    await t.as('sup.c');
    const sex = await table('sex', 'month');
    expect(sex.periods).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(cellOf(sex, '2026-03', 'male')).toBe(SUPPRESSED);
    // The 12 women of March would give the 3 men away (15 − 12): hidden with them.
    expect(cellOf(sex, '2026-03', 'female')).toBe(SUPPRESSED);
    expect(sex.periodTotals[sex.periods.indexOf('2026-03')]).toBe(15);
    expect(cellOf(sex, '2026-04', 'female')).toBe(14);
    expect(sex.total).toBe(29);
    const nationality = await table('nationality', 'year');
    expect(cellOf(nationality, '2026', 'VNM')).toBe(SUPPRESSED);
    expect(nationality.categoryTotals[nationality.categories.indexOf('VNM')]).toBe(SUPPRESSED);
  });

  it('never sends a count from 1 to k−1, in any table of any dimension', async () => {
    await t.as('sup.c');
    for (const dimension of STATISTICS_DIMENSIONS) {
      for (const granularity of DIMENSIONS[dimension].granularities) {
        const raw = await t.core.dispatch('statistics:table', { dimension, granularity });
        expect(raw.ok).toBe(true);
        const tb = (raw as { value: StatisticsTable }).value;
        for (const cell of [...tb.cells.flat(), ...tb.periodTotals, ...tb.categoryTotals, tb.total]) {
          expect(cell === SUPPRESSED || cell === 0 || cell >= tb.k, `${dimension} ${granularity}`).toBe(true);
        }
      }
    }
  });

  it('audits every view with the table and k, never a count or a case', async () => {
    await t.as('sup.c');
    await table('referral-source', 'quarter');
    const rows = await auditRows(t.core, { action: 'statistics.viewed' });
    expect(rows[0].details).toEqual({ dimension: 'referral-source', granularity: 'quarter', k: 10, periods: 2, withheld: false });
    expect(rows[0].caseRef).toBeNull();
    expect(rows[0].actorName).toBe('Supervisor Chiba');
  });
});

describe('statistics: the threshold k', () => {
  it('is set by administrators from 5 to 20, audited, and applies at once', async () => {
    await signInAdmin(t.core);
    expect(await code(t.core.dispatch('settings:update', { statisticsThreshold: 4 }))).toBe('INVALID_INPUT');
    expect(await code(t.core.dispatch('settings:update', { statisticsThreshold: 21 }))).toBe('INVALID_INPUT');
    expect(await code(t.core.dispatch('settings:update', {}))).toBe('INVALID_INPUT');
    const after = await ok<{ autoLockMinutes: number; statisticsThreshold: number }>(t.core, 'settings:update', { statisticsThreshold: 15 });
    expect(after).toEqual({ autoLockMinutes: 5, statisticsThreshold: 15 });
    const [entry] = await auditRows(t.core, { action: 'settings.updated' });
    expect(entry.details).toEqual({ statisticsThresholdBefore: 10, statisticsThreshold: 15 });

    await t.as('sup.c');
    const sex = await table('sex', 'month');
    expect(sex.k).toBe(15);
    // 14 women in April are now below k.
    expect(cellOf(sex, '2026-04', 'female')).toBe(SUPPRESSED);

    await t.as('officer.a');
    expect(await code(t.core.dispatch('settings:update', { statisticsThreshold: 5 }))).toBe('FORBIDDEN');
    await t.core.lock('user');
    await signInAdmin(t.core);
    await ok(t.core, 'settings:update', { statisticsThreshold: 10 });
  });

  it('counts a value edited behind the app as the highest k, never a lower one', async () => {
    await withRawVault(t.dataDir, (tx) => tx.run("INSERT INTO settings (key, value) VALUES ('statistics_threshold', '2') ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    await t.as('sup.c');
    expect((await table('sex', 'year')).k).toBe(20);
    await t.core.lock('user');
    await signInAdmin(t.core);
    await ok(t.core, 'settings:update', { statisticsThreshold: 10 });
  });
});

describe('statistics: CSV export', () => {
  const headings = { period: '期間', total: '合計', categories: { female: '女性', male: '男性', other: 'その他', undisclosed: '回答なし' } };

  it('writes the suppressed table, UTF-8 with a byte-order mark, owner-only, where the user chose; audited', async () => {
    t.csv.target = join(csvDir(), 'sex-by-month.csv');
    await t.as('sup.c');
    const result = await ok<{ saved: boolean; fileName: string; rows: number }>(t.core, 'statistics:exportCsv', { dimension: 'sex', granularity: 'month', headings });
    expect(result).toEqual({ saved: true, fileName: 'sex-by-month.csv', rows: 3 });
    expect(t.csv.names.at(-1)).toBe('mamori-statistics-sex-month-20260520.csv');
    const bytes = readFileSync(t.csv.target);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(statSync(t.csv.target).mode & 0o777).toBe(0o600);
    expect(bytes.toString('utf8').slice(1).split('\r\n')).toEqual([
      '期間,女性,男性,その他,回答なし,合計',
      '2026-03,<10,<10,0,0,15',
      '2026-04,14,0,0,0,14',
      '2026-05,0,0,0,0,0',
      '合計,<10,<10,0,0,29',
      '',
    ]);
    const [entry] = await auditRows(t.core, { action: 'statistics.exported' });
    expect(entry.details).toEqual({ dimension: 'sex', granularity: 'month', k: 10, periods: 3, withheld: false, format: 'csv', file: 'sex-by-month.csv' });
  });

  it('records and writes nothing when the dialog is cancelled or the file cannot be written', async () => {
    await signInAdmin(t.core);
    const before = (await auditRows(t.core, { action: 'statistics.exported' })).length;
    t.csv.target = null;
    await t.as('sup.c');
    expect(await ok(t.core, 'statistics:exportCsv', { dimension: 'sex', granularity: 'year', headings })).toEqual({ saved: false, fileName: null, rows: 0 });
    const dir = csvDir();
    mkdirSync(join(dir, 'a-folder'));
    t.csv.target = join(dir, 'a-folder');
    expect(await code(t.core.dispatch('statistics:exportCsv', { dimension: 'sex', granularity: 'year', headings }))).toBe('STATISTICS_EXPORT_FAILED');
    expect((await auditRows(t.core, { action: 'statistics.exported' })).length).toBe(before);
  });
});
