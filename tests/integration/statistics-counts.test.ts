/**
 * The statistics counts the database keeps (migration 0150) against a direct SQL count over the
 * tables, for every dimension (issue 15: "aggregates equal a direct SQL count over the demo data").
 * The vault is the demo data; then every kind of write the app makes is done behind the app, at
 * random — stage moves, closing, edits of nationality, sex, date of birth and referral source,
 * exploitation types replaced or removed, recommendations submitted, approved and superseded, and
 * purges — and the counts must still equal the direct count. The same holds for a version-140
 * vault that migration 0150 fills.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMON_NATIONALITIES, EXPLOITATION_TYPES, REFERRAL_SOURCES, STAGES } from '../../electron/common/cases';
import { PATHWAYS } from '../../electron/common/guidance';
import { STATISTICS_DIMENSIONS, type StatisticsDimension } from '../../electron/common/statistics';
import { Db, type Tx } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrations';
import { seedDemoVault } from '../../electron/core/demo/demo.service';
import { setExploitationTypes } from '../../electron/core/cases/cases.repository';
import { deleteCase, insertTombstone } from '../../electron/core/retention/retention.repository';
import { monthlyCounts, type MonthlyCount } from '../../electron/core/statistics/statistics.repository';
import { adminDataKey, withRawVault } from '../fixtures/raw';
import { ADMIN, cleanVaultsAfterEach, newVault } from '../fixtures/vault';

const dirs = cleanVaultsAfterEach(afterEach);

/** The oracle: each dimension counted straight from the tables, the way its definition reads. */
const JST_MONTH = (column: string) => `strftime('%Y-%m', ${column}, '+9 hours')`;
const JST_DAY = (column: string) => `date(${column}, '+9 hours')`;
const AGE = (dob: string, day: string) =>
  `(CAST(substr(${day}, 1, 4) AS INTEGER) - CAST(substr(${dob}, 1, 4) AS INTEGER) - (substr(${day}, 6, 5) < substr(${dob}, 6, 5)))`;
const NATIONALITIES = COMMON_NATIONALITIES.map((n) => `'${n}'`).join(', ');
/** The case dimensions (the registry's are counted directly by the repository itself). */
const DIRECT: Partial<Record<StatisticsDimension, string>> = {
  stage: `SELECT ${JST_MONTH('created_at')} AS month, stage AS category, count(*) AS n FROM cases GROUP BY 1, 2`,
  'exploitation-type': `SELECT ${JST_MONTH('c.created_at')} AS month, coalesce(t.type, 'not-recorded') AS category, count(*) AS n
    FROM cases c LEFT JOIN case_exploitation_types t ON t.case_num = c.num GROUP BY 1, 2`,
  nationality: `SELECT ${JST_MONTH('created_at')} AS month, CASE WHEN nationality IN (${NATIONALITIES}) THEN nationality ELSE 'other' END AS category, count(*) AS n
    FROM cases GROUP BY 1, 2`,
  sex: `SELECT ${JST_MONTH('created_at')} AS month, sex AS category, count(*) AS n FROM cases GROUP BY 1, 2`,
  'age-band': `SELECT month, CASE
      WHEN dob IS NULL OR age < 0 THEN 'unknown'
      WHEN age < 18 THEN 'under-18' WHEN age < 25 THEN '18-24' WHEN age < 35 THEN '25-34' WHEN age < 45 THEN '35-44' WHEN age < 55 THEN '45-54' ELSE '55-plus' END AS category,
      count(*) AS n
    FROM (SELECT ${JST_MONTH('c.created_at')} AS month, d.date_of_birth AS dob, ${AGE('d.date_of_birth', JST_DAY('c.created_at'))} AS age
          FROM cases c JOIN case_details d ON d.case_num = c.num)
    GROUP BY 1, 2`,
  'referral-source': `SELECT ${JST_MONTH('c.created_at')} AS month, d.referral_source AS category, count(*) AS n
    FROM cases c JOIN case_details d ON d.case_num = c.num GROUP BY 1, 2`,
  'pathway-recommended': `SELECT ${JST_MONTH('submitted_at')} AS month, json_extract(snapshot, '$.recommendation.pathway') AS category, count(*) AS n
    FROM decisions WHERE submitted_at IS NOT NULL AND snapshot IS NOT NULL GROUP BY 1, 2`,
  'pathway-decided': `SELECT ${JST_MONTH('decided_at')} AS month, json_extract(snapshot, '$.recommendation.pathway') AS category, count(*) AS n
    FROM decisions WHERE status IN ('approved', 'superseded') AND decided_at IS NOT NULL GROUP BY 1, 2`,
  outcome: `SELECT ${JST_MONTH('closed_at')} AS month, closing_outcome AS category, count(*) AS n
    FROM cases WHERE stage = 'closed' AND closed_at IS NOT NULL GROUP BY 1, 2`,
};

const sorted = (rows: MonthlyCount[]) =>
  rows.map((r) => ({ month: r.month, category: r.category, n: r.n })).sort((a, b) => (a.month + a.category).localeCompare(b.month + b.category));

async function expectCountsEqualDirect(tx: Tx): Promise<void> {
  const caseDimensions = STATISTICS_DIMENSIONS.filter((d) => DIRECT[d]);
  expect(caseDimensions).toHaveLength(9);
  for (const dimension of caseDimensions) {
    const direct = await tx.all<MonthlyCount>(DIRECT[dimension]!);
    expect(sorted(await monthlyCounts(tx, dimension)), dimension).toEqual(sorted(direct));
  }
}

/** A small deterministic generator (the demo's seed decides the data; this one the writes). */
function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] };
}

async function demoVault(cases: number) {
  const { dataDir, core } = await newVault();
  dirs.push(dataDir);
  await core.close();
  const now = Date.parse('2026-11-20T03:00:00Z');
  await seedDemoVault(dataDir, { username: ADMIN.username, passphrase: ADMIN.passphrase }, { cases, seed: 11, demoPassphrase: ADMIN.passphrase, now });
  return dataDir;
}

/** Random writes of every kind the app makes, straight to the tables (the triggers see them all). */
async function randomWrites(tx: Tx, seed: number): Promise<{ purged: number; decided: number }> {
  const g = generator(seed);
  const admin = (await tx.get<{ id: string }>("SELECT id FROM users WHERE role = 'administrator' LIMIT 1"))!.id;
  const cases = await tx.all<{ id: string; num: number; created_at: string }>('SELECT id, num, created_at FROM cases ORDER BY num LIMIT 120');
  const at = (days: number) => new Date(Date.parse('2026-11-21T00:00:00Z') + days * 86_400_000).toISOString();
  let purged = 0;
  let decided = 0;
  for (const [i, c] of cases.entries()) {
    switch (i % 6) {
      case 0:
        await tx.run('UPDATE cases SET stage = ?, closed_at = NULL, closing_outcome = NULL, nationality = ?, sex = ? WHERE id = ?', [g.pick(STAGES.filter((s) => s !== 'closed')), g.pick(['PHL', 'VNM', 'BGD', 'XXK']), g.pick(['female', 'male']), c.id]);
        break;
      case 1:
        await tx.run("UPDATE cases SET stage = 'closed', closed_at = ?, closing_outcome = ? WHERE id = ?", [at(i % 40), g.pick(['returned-home', 'residence-granted']), c.id]);
        break;
      case 2:
        await tx.run('UPDATE case_details SET date_of_birth = ?, referral_source = ? WHERE case_num = ?', [
          g.pick([null, '2010-06-30', '1999-12-31', '1960-01-01', '2030-01-01']),
          g.pick(REFERRAL_SOURCES),
          c.num,
        ]);
        break;
      case 3:
        await setExploitationTypes(tx, c.num, g.next() < 0.3 ? [] : EXPLOITATION_TYPES.filter(() => g.next() < 0.4));
        break;
      case 4: {
        // Submitted, maybe approved, maybe superseded by a second approved recommendation.
        const snapshot = (pathway: string) => JSON.stringify({ recommendation: { pathway } });
        const first = randomUUID();
        await tx.run("INSERT INTO decisions (id, case_id, status, draft, created_at, created_by, updated_at) VALUES (?, ?, 'draft', '{}', ?, ?, ?)", [first, c.id, at(0), admin, at(0)]);
        await tx.run("UPDATE decisions SET status = 'pending', submitted_at = ?, submitted_by = ?, snapshot = ?, snapshot_hash = 'h' WHERE id = ?", [at(i % 50), admin, snapshot(g.pick(PATHWAYS)), first]);
        if (g.next() < 0.3) {
          await tx.run("UPDATE decisions SET status = 'returned' WHERE id = ?", [first]);
          await tx.run("UPDATE decisions SET status = 'pending', submitted_at = ?, snapshot = ? WHERE id = ?", [at(60), snapshot(g.pick(PATHWAYS)), first]);
        }
        if (g.next() < 0.7) {
          await tx.run("UPDATE decisions SET status = 'approved', decided_at = ?, decided_by = ? WHERE id = ?", [at(70), admin, first]);
          decided++;
          if (g.next() < 0.5) {
            const second = randomUUID();
            await tx.run(
              "INSERT INTO decisions (id, case_id, status, draft, created_at, created_by, updated_at, submitted_at, submitted_by, snapshot, snapshot_hash, decided_at, decided_by) VALUES (?, ?, 'approved', '{}', ?, ?, ?, ?, ?, ?, 'h', ?, ?)",
              [second, c.id, at(80), admin, at(80), at(80), admin, snapshot(g.pick(PATHWAYS)), at(90), admin],
            );
            await tx.run("UPDATE decisions SET status = 'superseded', superseded_by = ? WHERE id = ?", [second, first]);
            decided++;
          }
        }
        break;
      }
      case 5: {
        // Closed and purged, decisions and exploitation types with it.
        if (g.next() < 0.5) {
          await tx.run(
            "INSERT INTO decisions (id, case_id, status, draft, created_at, created_by, updated_at, submitted_at, submitted_by, snapshot, snapshot_hash, decided_at, decided_by) VALUES (?, ?, 'approved', '{}', ?, ?, ?, ?, ?, ?, 'h', ?, ?)",
            [randomUUID(), c.id, at(1), admin, at(1), at(1), admin, JSON.stringify({ recommendation: { pathway: g.pick(PATHWAYS) } }), at(2), admin],
          );
        }
        await tx.run("UPDATE cases SET stage = 'closed', closed_at = ?, closing_outcome = 'returned-home' WHERE id = ?", [at(3), c.id]);
        const ref = (await tx.get<{ reference: string; ref_year: number; ref_seq: number }>('SELECT reference, ref_year, ref_seq FROM cases WHERE id = ?', [c.id]))!;
        await insertTombstone(tx, { case_id: c.id, ...ref, opened_at: c.created_at, closed_at: at(3), outcome: 'returned-home', purged_at: at(4), purged_by: admin });
        await deleteCase(tx, c);
        purged++;
        break;
      }
    }
  }
  return { purged, decided };
}

describe('statistics counts kept by the database', () => {
  it('equal a direct count over the demo data for every dimension, and still do after writes of every kind and purges', async () => {
    const dataDir = await demoVault(400);
    await withRawVault(dataDir, async (tx) => {
      expect((await tx.get<{ n: number }>('SELECT count(*) AS n FROM cases'))!.n).toBe(400);
      await expectCountsEqualDirect(tx);
      const done = await randomWrites(tx, 5);
      expect(done.purged).toBeGreaterThan(10);
      expect(done.decided).toBeGreaterThan(5);
      await expectCountsEqualDirect(tx);
      // Nothing counted twice or below zero.
      expect((await tx.get<{ n: number }>('SELECT count(*) AS n FROM statistics_counts WHERE n < 0'))!.n).toBe(0);
    });
  }, 300_000);

  it('refuses to move a case to another opening month (every count is filed under it)', async () => {
    const dataDir = await demoVault(5);
    await withRawVault(dataDir, async (tx) => {
      await expect(tx.run("UPDATE cases SET created_at = '2020-01-01T00:00:00.000Z' WHERE num = 1")).rejects.toThrow(/opening date is fixed/);
    });
  }, 300_000);

  it('are filled by migration 0150 from what a version-140 vault holds', async () => {
    const dataDir = await demoVault(150);
    const db = await Db.open(join(dataDir, 'mamori.db'), await adminDataKey(dataDir), { create: false });
    try {
      // Back to version 140 with the data as it is: drop what 0150 made, then migrate again.
      await db.transaction(async (tx) => {
        await randomWrites(tx, 9);
        const triggers = await tx.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'statistics_%'");
        for (const t of triggers) await tx.exec(`DROP TRIGGER ${t.name}`);
        await tx.exec('DROP TABLE statistics_counts; PRAGMA user_version = 140');
      });
      // Only 0150 runs again: the migrations after it already shaped this vault.
      expect(await migrate(db, 150)).toEqual([150]);
      await db.transaction((tx) => expectCountsEqualDirect(tx));
    } finally {
      await db.close();
    }
  }, 300_000);
});
