/**
 * Small-cell suppression with complementary suppression (issue 15), pure. Given one dimension's
 * counts per month, it decides which counts of its month, quarter, half-year and year tables may be
 * shown.
 *
 * Each table is read with its margins: the period totals (a column), the category totals (a row)
 * and the grand total. Rules, in order:
 *
 * 1. Primary: every count from 1 to k−1 is hidden, margins included.
 * 2. Margins are decided once, from the margins' own values, so every table that shows the same
 *    margin shows it the same way: the period totals of every dimension counting the same population
 *    are the same numbers and get the same decision, and the category totals are the same in every
 *    table. Within a group (the months of one quarter, the quarters of one half-year, the half-years
 *    of one year, the years, the categories) a published parent never covers exactly one hidden member
 *    (else parent minus the others gives it away), and a hidden parent always covers a hidden
 *    member (else the members add up to it).
 * 3. Complementary: in each table, every hidden cell must lie on a cycle of hidden cells (rows and
 *    columns alternating, margins as the extra row and column). A table's constraints are "each row
 *    adds up to its total, each column to its total", and a cell of such a table is determined by
 *    the published cells exactly when it is a bridge of the graph of hidden cells (a cycle lets one
 *    add 1 and subtract 1 around it, changing the hidden cells without changing a single published
 *    number). Where a hidden cell is a bridge, the cheapest chain of further cells that closes a
 *    cycle through it is hidden too (the smallest counts, never a zero, never a margin).
 * 4. Across granularities, the same rule as for margins holds per category: a published quarter never
 *    covers exactly one hidden month, a published half-year never exactly one hidden quarter, a
 *    published year never exactly one hidden half-year, and a hidden period covers a hidden period of
 *    the next finer level. Rules 3 and 4 repeat until neither hides more.
 *
 * Every hidden cell is at least 1 (zeros are never chosen), so adding or taking 1 around a cycle
 * keeps every count non-negative: the published numbers of a table are consistent with at least two
 * values of each hidden cell. Should a table have no such cycle at all (a degenerate table), it is
 * withheld: every cell hidden. What this does not prove (combinations of several tables' equations
 * beyond rule 4) is in README "Statistics".
 */
import { STATISTICS_GRANULARITIES, SUPPRESSED, type PublishedCell, type StatisticsGranularity } from './statistics';

export interface ProtectedTable {
  cells: PublishedCell[][];
  periodTotals: PublishedCell[];
  categoryTotals: PublishedCell[];
  total: PublishedCell;
  withheld: boolean;
}

/** The tables of one dimension, one per granularity. */
export type ProtectedDimension = Record<StatisticsGranularity, ProtectedTable>;

/** Months per period of each level, finest first; each level's periods nest in the next one's. */
const SPAN: Record<StatisticsGranularity, number> = { month: 1, quarter: 3, 'half-year': 6, year: 12 };
const LEVELS = STATISTICS_GRANULARITIES;
const TOP = LEVELS.length - 1;
/** Level indexes from the coarsest to the finest, and those that have a finer level. */
const COARSE_FIRST = LEVELS.map((_, i) => TOP - i);
const WITH_FINER = COARSE_FIRST.filter((i) => i > 0);

interface Level {
  values: number[][];
  hidden: boolean[][];
  totals: number[];
  totalsHidden: boolean[];
  withheld: boolean;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Protects one dimension. `monthly` holds one row per month of whole calendar years (January first),
 * one column per category; `k` is the threshold (a count from 1 to k−1 is never shown).
 */
export function protectDimension(monthly: readonly (readonly number[])[], categories: number, k: number): ProtectedDimension {
  if (monthly.length % 12 !== 0) throw new RangeError('monthly counts must cover whole years');
  if (monthly.some((row) => row.length !== categories || row.some((n) => !Number.isInteger(n) || n < 0))) throw new RangeError('bad counts');
  const small = (n: number) => n >= 1 && n < k;

  const levels: Level[] = LEVELS.map((granularity) => {
    const span = SPAN[granularity];
    const values: number[][] = [];
    for (let p = 0; p < monthly.length / span; p++) {
      const row = new Array<number>(categories).fill(0);
      for (let m = p * span; m < (p + 1) * span; m++) for (let c = 0; c < categories; c++) row[c] += monthly[m][c];
      values.push(row);
    }
    const totals = values.map(sum);
    return { values, hidden: values.map((r) => r.map(small)), totals, totalsHidden: totals.map(small), withheld: false };
  });
  const categoryTotals = Array.from({ length: categories }, (_, c) => sum(levels[TOP].values.map((r) => r[c])));
  const grand = sum(categoryTotals);
  const categoryHidden = categoryTotals.map(small);
  const grandHidden = { value: small(grand) };

  protectMarginSeries(levels, grand, grandHidden);
  protectGroup(categoryTotals, categoryHidden, !grandHidden.value);

  // Rules 3 and 4 until nothing more is hidden.
  for (let changed = true; changed; ) {
    changed = false;
    for (const level of COARSE_FIRST) changed = closeCycles(levels[level], categoryTotals, categoryHidden, grand, grandHidden.value) || changed;
    for (const level of WITH_FINER) {
      const parent = levels[level];
      const child = levels[level - 1];
      const per = SPAN[LEVELS[level]] / SPAN[LEVELS[level - 1]];
      for (let p = 0; p < parent.values.length; p++) {
        for (let c = 0; c < categories; c++) {
          const members = Array.from({ length: per }, (_, i) => p * per + i);
          changed =
            nestGroup(
              parent.values[p][c],
              parent.hidden[p][c],
              members.map((m) => child.values[m][c]),
              members.map((m) => child.hidden[m][c]),
              (i) => (child.hidden[members[i]][c] = true),
              () => (parent.hidden[p][c] = true),
              (i) => protectable(child, members[i], c),
            ) || changed;
        }
      }
    }
  }

  // A cell alone in its row beside a published total equals that total: hiding it as a partner would
  // protect nothing, so such a cell is never chosen as one (the coarser cell is hidden instead).
  function protectable(level: Level, p: number, c: number): boolean {
    return level.totalsHidden[p] || level.values[p].some((v, j) => j !== c && v >= 1);
  }

  const publish = (value: number, hidden: boolean): PublishedCell => (hidden ? SUPPRESSED : value);
  const table = (level: Level): ProtectedTable =>
    level.withheld
      ? {
          cells: level.values.map((r) => r.map(() => SUPPRESSED)),
          periodTotals: level.totals.map(() => SUPPRESSED),
          categoryTotals: categoryTotals.map(() => SUPPRESSED),
          total: SUPPRESSED,
          withheld: true,
        }
      : {
          cells: level.values.map((r, p) => r.map((v, c) => publish(v, level.hidden[p][c]))),
          periodTotals: level.totals.map((v, p) => publish(v, level.totalsHidden[p])),
          categoryTotals: categoryTotals.map((v, c) => publish(v, categoryHidden[c])),
          total: publish(grand, grandHidden.value),
          withheld: false,
        };
  return Object.fromEntries(LEVELS.map((g, i) => [g, table(levels[i])])) as ProtectedDimension;
}

/**
 * The smallest non-zero count among the members not yet hidden (ties: the first) that `usable`
 * accepts, or -1.
 */
function smallestVisible(values: readonly number[], hidden: readonly boolean[], usable: (i: number) => boolean = () => true): number {
  let best = -1;
  values.forEach((v, i) => {
    if (!hidden[i] && v >= 1 && usable(i) && (best < 0 || v < values[best])) best = i;
  });
  return best;
}

/**
 * Rules 2 and 4 for one parent and its members. A published parent never covers exactly one hidden
 * member: one more is hidden, or (when no other member counts anything, so the parent equals the
 * hidden member) the parent is hidden. A hidden parent covers a hidden member that counts something.
 */
function nestGroup(
  parent: number,
  parentHidden: boolean,
  values: number[],
  hidden: boolean[],
  hide: (i: number) => void,
  hideParent: () => void,
  usable?: (i: number) => boolean,
): boolean {
  const hiddenCount = hidden.filter(Boolean).length;
  if (!parentHidden && hiddenCount === 1) {
    const i = smallestVisible(values, hidden, usable);
    if (i >= 0) hide(i);
    else hideParent();
    return true;
  }
  if (parentHidden && parent >= 1 && !values.some((v, i) => hidden[i] && v >= 1)) {
    // None usable: every member it could hide equals its own row's published total, so the parent
    // is known from the finer table anyway; hiding more would protect nothing.
    const i = smallestVisible(values, hidden, usable);
    if (i < 0) return false;
    hide(i);
    return true;
  }
  return false;
}

/** Rule 2 for a flat group (the category totals under the grand total). */
function protectGroup(values: number[], hidden: boolean[], parentPublished: boolean): void {
  if (parentPublished && hidden.filter(Boolean).length === 1) {
    const i = smallestVisible(values, hidden);
    if (i >= 0) hidden[i] = true;
  }
}

/** Rule 2 for the period totals: months under quarters, quarters under half-years, half-years under years, years under the grand total. */
function protectMarginSeries(levels: Level[], grand: number, grandHidden: { value: boolean }): void {
  for (let changed = true; changed; ) {
    changed = false;
    const years = levels[TOP];
    changed =
      nestGroup(
        grand,
        grandHidden.value,
        years.totals,
        years.totalsHidden,
        (i) => (years.totalsHidden[i] = true),
        () => (grandHidden.value = true),
      ) || changed;
    for (const level of WITH_FINER) {
      const parent = levels[level];
      const child = levels[level - 1];
      const per = SPAN[LEVELS[level]] / SPAN[LEVELS[level - 1]];
      for (let p = 0; p < parent.totals.length; p++) {
        const members = Array.from({ length: per }, (_, i) => p * per + i);
        changed =
          nestGroup(
            parent.totals[p],
            parent.totalsHidden[p],
            members.map((m) => child.totals[m]),
            members.map((m) => child.totalsHidden[m]),
            (i) => (child.totalsHidden[members[i]] = true),
            () => (parent.totalsHidden[p] = true),
          ) || changed;
      }
    }
  }
}

/**
 * Rule 3 for one table: while some hidden cell is a bridge of the graph of hidden cells (row nodes:
 * the periods and the category-totals row; column nodes: the categories and the period-totals
 * column), hide the cheapest chain of interior cells that closes a cycle through it. Margins are
 * never added here (rule 2 decided them for every table at once). Returns whether it hid anything.
 */
function closeCycles(level: Level, categoryTotals: number[], categoryHidden: boolean[], grand: number, grandHidden: boolean): boolean {
  if (level.withheld) return false;
  const rows = level.values.length + 1;
  const cols = categoryTotals.length + 1;
  const totalsRow = rows - 1;
  const totalsCol = cols - 1;
  const valueAt = (r: number, c: number) =>
    r === totalsRow ? (c === totalsCol ? grand : categoryTotals[c]) : c === totalsCol ? level.totals[r] : level.values[r][c];
  const hiddenAt = (r: number, c: number) =>
    r === totalsRow ? (c === totalsCol ? grandHidden : categoryHidden[c]) : c === totalsCol ? level.totalsHidden[r] : level.hidden[r][c];
  const addable = (r: number, c: number) => r !== totalsRow && c !== totalsCol && !level.hidden[r][c] && level.values[r][c] >= 1;

  let changed = false;
  for (;;) {
    const bridge = firstBridge(rows, cols, hiddenAt);
    if (!bridge) return changed;
    const path = cheapestPath(rows, cols, bridge, hiddenAt, addable, valueAt);
    if (!path) {
      level.withheld = true;
      for (const row of level.hidden) row.fill(true);
      return true;
    }
    for (const [r, c] of path) level.hidden[r][c] = true;
    changed = true;
  }
}

/**
 * A bridge of the bipartite graph whose edges are the hidden cells (node r for row r, rows + c for
 * column c), or null. Tarjan's low-link, iteratively.
 */
function firstBridge(rows: number, cols: number, hiddenAt: (r: number, c: number) => boolean): [number, number] | null {
  const n = rows + cols;
  const adjacent: number[][] = Array.from({ length: n }, () => []);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (hiddenAt(r, c)) {
        adjacent[r].push(rows + c);
        adjacent[rows + c].push(r);
      }
    }
  }
  const order = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  let counter = 0;
  for (let start = 0; start < n; start++) {
    if (order[start] >= 0 || adjacent[start].length === 0) continue;
    // Stack frames: node, parent, next neighbour index.
    const stack: [number, number, number][] = [[start, -1, 0]];
    order[start] = low[start] = counter++;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const [node, parent] = frame;
      if (frame[2] < adjacent[node].length) {
        const next = adjacent[node][frame[2]++];
        if (next === parent) continue;
        if (order[next] >= 0) low[node] = Math.min(low[node], order[next]);
        else {
          order[next] = low[next] = counter++;
          stack.push([next, node, 0]);
        }
      } else {
        stack.pop();
        if (parent >= 0) {
          low[parent] = Math.min(low[parent], low[node]);
          if (low[node] > order[parent]) {
            const [a, b] = parent < rows ? [parent, node - rows] : [node, parent - rows];
            return [a, b];
          }
        }
      }
    }
  }
  return null;
}

/**
 * The cheapest chain of cells from the bridge's row to its column without the bridge itself: hidden
 * cells cost nothing, an addable cell costs its count. Returns the cells to hide, or null when no
 * chain exists. Dijkstra over row and column nodes (tables have at most a few hundred).
 */
function cheapestPath(
  rows: number,
  cols: number,
  [br, bc]: [number, number],
  hiddenAt: (r: number, c: number) => boolean,
  addable: (r: number, c: number) => boolean,
  valueAt: (r: number, c: number) => number,
): [number, number][] | null {
  const n = rows + cols;
  const dist = new Array<number>(n).fill(Infinity);
  const via = new Array<number>(n).fill(-1);
  const done = new Array<boolean>(n).fill(false);
  dist[br] = 0;
  const target = rows + bc;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && dist[i] < Infinity && (u < 0 || dist[i] < dist[u])) u = i;
    if (u < 0) return null;
    if (u === target) break;
    done[u] = true;
    const isRow = u < rows;
    const count = isRow ? cols : rows;
    for (let j = 0; j < count; j++) {
      const [r, c] = isRow ? [u, j] : [j, u - rows];
      if (r === br && c === bc) continue;
      const cost = hiddenAt(r, c) ? 0 : addable(r, c) ? valueAt(r, c) : Infinity;
      if (cost === Infinity) continue;
      const v = isRow ? rows + c : r;
      if (dist[u] + cost < dist[v]) {
        dist[v] = dist[u] + cost;
        via[v] = u;
      }
    }
  }
  const cells: [number, number][] = [];
  for (let v = target; v !== br; v = via[v]) {
    const u = via[v];
    const [r, c] = u < rows ? [u, v - rows] : [v, u - rows];
    if (!hiddenAt(r, c)) cells.push([r, c]);
  }
  return cells;
}
