import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPPRESSED, type PublishedCell } from './statistics';
import { protectDimension, type ProtectedDimension, type ProtectedTable } from './suppression';

// ─── An independent check: which hidden cells do the published numbers determine? ───────────────
//
// Each table (and, in the joint check, the three tables together) is a system of linear equations
// over its cells. A hidden cell is recoverable from the published cells exactly when its unit
// vector lies in the row space of the equations restricted to the hidden cells. Computed in exact
// integer arithmetic (fraction-free Gauss–Jordan), without any of the graph reasoning the code uses.

type Term = [variable: string, coefficient: number];

function determined(equations: Term[][], unknowns: Set<string>): Set<string> {
  const index = new Map([...unknowns].map((u, i) => [u, i]));
  const rows: bigint[][] = [];
  for (const eq of equations) {
    const row = new Array<bigint>(unknowns.size).fill(0n);
    let any = false;
    for (const [v, coeff] of eq) {
      const i = index.get(v);
      if (i !== undefined) {
        row[i] += BigInt(coeff);
        any = true;
      }
    }
    if (any) rows.push(row);
  }
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : gcd(b, a % b));
  let pivotRow = 0;
  const pivots: number[] = [];
  for (let col = 0; col < unknowns.size && pivotRow < rows.length; col++) {
    const found = rows.findIndex((r, i) => i >= pivotRow && r[col] !== 0n);
    if (found < 0) continue;
    [rows[pivotRow], rows[found]] = [rows[found], rows[pivotRow]];
    const p = rows[pivotRow];
    for (let i = 0; i < rows.length; i++) {
      if (i === pivotRow || rows[i][col] === 0n) continue;
      const f = rows[i][col];
      rows[i] = rows[i].map((x, j) => x * p[col] - p[j] * f);
      const g = rows[i].reduce((a, x) => gcd(a, x), 0n);
      if (g > 1n) rows[i] = rows[i].map((x) => x / g);
    }
    pivots.push(col);
    pivotRow++;
  }
  const names = [...unknowns];
  const out = new Set<string>();
  pivots.forEach((col, i) => {
    if (rows[i].every((x, j) => j === col || x === 0n)) out.add(names[col]);
  });
  return out;
}

/** The equations of one published table: every row adds up to its total, every column to its total. */
function tableEquations(t: ProtectedTable, prefix: string, shared = ''): { equations: Term[][]; cells: Map<string, PublishedCell> } {
  const cells = new Map<string, PublishedCell>();
  const C = t.categoryTotals.length;
  const cell = (p: number, c: number) => `${prefix}${p}:${c}`;
  const rowTotal = (p: number) => `${prefix}${p}:T`;
  const colTotal = (c: number) => `${shared || prefix}all:${c}`;
  const grand = `${shared || prefix}all:T`;
  t.cells.forEach((row, p) => row.forEach((v, c) => cells.set(cell(p, c), v)));
  t.periodTotals.forEach((v, p) => cells.set(rowTotal(p), v));
  t.categoryTotals.forEach((v, c) => cells.set(colTotal(c), v));
  cells.set(grand, t.total);
  const equations: Term[][] = [];
  t.cells.forEach((_, p) => equations.push([...Array.from({ length: C }, (_, c): Term => [cell(p, c), 1]), [rowTotal(p), -1]]));
  equations.push([...Array.from({ length: C }, (_, c): Term => [colTotal(c), 1]), [grand, -1]]);
  for (let c = 0; c < C; c++) equations.push([...t.cells.map((_, p): Term => [cell(p, c), 1]), [colTotal(c), -1]]);
  equations.push([...t.periodTotals.map((_, p): Term => [rowTotal(p), 1]), [grand, -1]]);
  return { equations, cells };
}

const hiddenOf = (cells: Map<string, PublishedCell>) => new Set([...cells].filter(([, v]) => v === SUPPRESSED).map(([k]) => k));

/** The true count behind every cell name (to check that hidden cells are never zero). */
function truth(monthly: number[][]): Map<string, number> {
  const map = new Map<string, number>();
  const C = monthly[0].length;
  for (const [name, span] of [
    ['m', 1],
    ['q', 3],
    ['h', 6],
    ['y', 12],
  ] as const) {
    for (let p = 0; p < monthly.length / span; p++) {
      let total = 0;
      for (let c = 0; c < C; c++) {
        let v = 0;
        for (let m = p * span; m < (p + 1) * span; m++) v += monthly[m][c];
        map.set(`${name}${p}:${c}`, v);
        total += v;
      }
      map.set(`${name}${p}:T`, total);
    }
  }
  for (let c = 0; c < C; c++) map.set(`all:${c}`, monthly.reduce((a, r) => a + r[c], 0));
  map.set('all:T', monthly.flat().reduce((a, b) => a + b, 0));
  return map;
}

const tables = (d: ProtectedDimension) =>
  [
    ['m', d.month],
    ['q', d.quarter],
    ['h', d['half-year']],
    ['y', d.year],
  ] as const;

/** Counts as a small office sees them: mostly zeros and small numbers, now and then a larger one. */
const count = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 3, arbitrary: fc.integer({ min: 0, max: 14 }) }, { weight: 1, arbitrary: fc.integer({ min: 10, max: 60 }) });
const monthlyCounts = (maxYears: number) =>
  fc
    .record({ years: fc.integer({ min: 1, max: maxYears }), categories: fc.integer({ min: 2, max: 5 }) })
    .chain(({ years, categories }) => fc.array(fc.array(count, { minLength: categories, maxLength: categories }), { minLength: years * 12, maxLength: years * 12 }));
const threshold = fc.integer({ min: 5, max: 20 });

describe('small-cell suppression', () => {
  it('shows no count from 1 to k−1 anywhere, margins included', () => {
    fc.assert(
      fc.property(monthlyCounts(3), threshold, (monthly, k) => {
        const d = protectDimension(monthly, monthly[0].length, k);
        for (const [, t] of tables(d)) {
          for (const v of [...t.cells.flat(), ...t.periodTotals, ...t.categoryTotals, t.total]) expect(v === SUPPRESSED || v === 0 || v >= k).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shows every other count exactly as counted', () => {
    fc.assert(
      fc.property(monthlyCounts(2), threshold, (monthly, k) => {
        const d = protectDimension(monthly, monthly[0].length, k);
        const real = truth(monthly);
        for (const [name, t] of tables(d)) {
          const { cells } = tableEquations(t, name, ' ');
          for (const [cell, v] of cells) if (v !== SUPPRESSED) expect(v, cell).toBe(real.get(cell.trim()));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never lets a hidden cell be worked out from its table: rows, columns, the totals and the other published cells', () => {
    fc.assert(
      fc.property(monthlyCounts(2), threshold, (monthly, k) => {
        const d = protectDimension(monthly, monthly[0].length, k);
        const real = truth(monthly);
        for (const [name, t] of tables(d)) {
          const { equations, cells } = tableEquations(t, name);
          const hidden = hiddenOf(cells);
          expect([...determined(equations, hidden)], `${name} table`).toEqual([]);
          // Never a hidden zero (outside a withheld table): adding and taking 1 around a cycle stays non-negative.
          if (!t.withheld) for (const cell of hidden) expect(real.get(cell.replace(/^[mqhy]all/, 'all')), cell).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never lets a published quarter, half-year or year cell cover exactly one hidden cell of the next finer period (no subtraction across granularities)', () => {
    fc.assert(
      fc.property(monthlyCounts(3), threshold, (monthly, k) => {
        const d = protectDimension(monthly, monthly[0].length, k);
        for (const [coarse, fine, per] of [
          [d.quarter, d.month, 3],
          [d['half-year'], d.quarter, 2],
          [d.year, d['half-year'], 2],
        ] as const) {
          if (coarse.withheld || fine.withheld) continue;
          coarse.cells.forEach((row, p) =>
            [...row, coarse.periodTotals[p]].forEach((v, c) => {
              if (v === SUPPRESSED) return;
              const members = Array.from({ length: per }, (_, i) => (c < row.length ? fine.cells[p * per + i][c] : fine.periodTotals[p * per + i]));
              expect(members.filter((m) => m === SUPPRESSED).length).not.toBe(1);
            }),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same margins to every dimension of the same population, so no table gives away what another hides', () => {
    fc.assert(
      fc.property(monthlyCounts(2), threshold, fc.integer({ min: 0, max: 1000 }), (monthly, k, seed) => {
        // The same cases by month, split into categories another way (same period totals).
        const regrouped = monthly.map((row, m) => {
          const total = row.reduce((a, b) => a + b, 0);
          const first = (total * ((seed + m) % 7)) / 7;
          return [Math.floor(first), total - Math.floor(first), 0];
        });
        const a = protectDimension(monthly, monthly[0].length, k);
        const b = protectDimension(regrouped, 3, k);
        for (const level of ['month', 'quarter', 'half-year', 'year'] as const) {
          if (a[level].withheld || b[level].withheld) continue;
          expect(a[level].periodTotals).toEqual(b[level].periodTotals);
          expect(a[level].total).toEqual(b[level].total);
        }
        expect(a.month.categoryTotals).toEqual(a.year.categoryTotals);
      }),
      { numRuns: 150 },
    );
  });

  it('hides a lone small count together with enough others that no total gives it away (a worked example)', () => {
    // One year; two categories; a single case of category 0 in March among many of category 1.
    const monthly = Array.from({ length: 12 }, (_, m) => (m === 2 ? [1, 20] : [0, 20]));
    const d = protectDimension(monthly, 2, 10);
    expect(d.month.cells[2][0]).toBe(SUPPRESSED);
    // The year column and the category total hold the same single case: hidden too.
    expect(d.year.cells[0][0]).toBe(SUPPRESSED);
    expect(d.year.categoryTotals[0]).toBe(SUPPRESSED);
    // So is enough of the rest that the published totals do not pin it down.
    expect(d.year.categoryTotals[1]).toBe(SUPPRESSED);
    expect(d.month.cells[2][1]).toBe(SUPPRESSED);
  });

  it('publishes large tables almost whole', () => {
    const monthly = Array.from({ length: 24 }, (_, m) => [100 + m, 50, 30 + (m % 5)]);
    const d = protectDimension(monthly, 3, 10);
    for (const [, t] of tables(d)) expect([...t.cells.flat(), ...t.periodTotals, ...t.categoryTotals, t.total]).not.toContain(SUPPRESSED);
  });

  it('refuses counts that do not cover whole years', () => {
    expect(() => protectDimension([[1, 2]], 2, 10)).toThrow(RangeError);
  });
});
