/**
 * Soak (issue 18.5): one officer's long working day through core's dispatcher: intake, edits,
 * notes, searches, opening cases and My work, mixed at random, with an idle lock and a new sign-in
 * every `lockEvery` operations. Figures: the core process's resident memory after warm-up and at the
 * end (its growth must stay under 10 %), and the p95 latency of the last window of operations
 * against the first (within 1.5 ×). Memory and time are measured, never asserted by the short form
 * in `npm test` (tests/integration/torture-soak.test.ts), which asserts only that every operation
 * succeeded and the audit chain still verifies; `npm run torture` runs 10,000 operations and judges
 * the figures. All data is synthetic.
 */
import type { CaseDetail } from '../../electron/common/caseDetail';
import { intake } from '../fixtures/cases';
import { team } from '../fixtures/team';
import { code, ok, removeDir, signInAdmin } from '../fixtures/vault';
import { statSync } from 'node:fs';
import { join } from 'node:path';

export interface SoakFigures {
  operations: number;
  failed: number;
  window: number;
  /** The operation after which the warm-up figures were taken: a window after the first lock and sign-in. */
  warmAt: number;
  rssAfterWarmupMiB: number;
  rssEndMiB: number;
  rssGrowthPercent: number;
  /** The JavaScript heap after a collection, at the same two moments: what a leak in core's own code would grow. */
  heapAfterWarmupMiB: number;
  heapEndMiB: number;
  /** The database at the end: SQLite's page cache (up to 64 MiB) grows with it and counts in the RSS. */
  databaseMiB: number;
  p95FirstMs: number;
  p95LastMs: number;
  p95Ratio: number;
  chainIntact: boolean;
  /** Whether the figures meet the goals (growth < 10 %, ratio ≤ 1.5). */
  withinGoals: boolean;
}

/** A small deterministic generator, so a failing run can be repeated with its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(0.95 * xs.length) - 1)];
/** The resident set and the JavaScript heap, after a collection when the runner exposes one (--expose-gc). */
const memory = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss / 2 ** 20, heap: m.heapUsed / 2 ** 20 };
};

export const soakSuite = {
  name: 'soak',
  async run(opts: { operations: number; lockEvery?: number; seed?: number; log?: (line: string) => void }): Promise<SoakFigures> {
    const dirs: string[] = [];
    const { core, as } = await team(dirs);
    const next = random(opts.seed ?? 7);
    const lockEvery = opts.lockEvery ?? 500;
    const window = Math.min(1000, Math.max(10, Math.floor(opts.operations / 10)));
    // Warm-up ends a window after the first idle lock and sign-in: that first cycle closes and reopens
    // the database and leaves about 14 MiB of native memory with the allocator (measured once, not
    // again at later cycles), which is the process settling, not growth.
    const warmAt = Math.min(opts.operations - 1, lockEvery + window);
    const times: number[] = [];
    let failed = 0;
    let warm = { rss: 0, heap: 0 };
    try {
      await as('officer.a');
      const cases: CaseDetail[] = [];
      const pick = () => cases[Math.floor(next() * cases.length)];
      for (let i = 0; i < opts.operations; i++) {
        if (i > 0 && i % lockEvery === 0) {
          await core.lock('idle');
          await as('officer.a');
        }
        if (i === warmAt) warm = memory();
        const roll = cases.length < 5 ? 0 : next();
        const started = process.hrtime.bigint();
        let result: string;
        if (roll < 0.1) {
          const made = await core.dispatch('cases:create', intake({ familyName: `SOAK${i}`, givenName: 'Synthetic' }));
          if (made.ok) cases.push(made.value as CaseDetail);
          result = made.ok ? 'ok' : made.error.code;
        } else if (roll < 0.3) {
          const c = pick();
          const edit = await core.dispatch('cases:update', { caseId: c.id, version: c.version, riskLevel: next() < 0.5 ? 'high' : 'low' });
          if (edit.ok) c.version = (edit.value as { version: number }).version;
          result = edit.ok ? 'ok' : edit.error.code;
        } else if (roll < 0.45) {
          const c = pick();
          const noted = await core.dispatch('cases:addNote', { caseId: c.id, noteType: 'general', body: `Soak note ${i} (synthetic).`, sealed: next() < 0.2 });
          if (noted.ok) c.version = (noted.value as CaseDetail).version;
          result = noted.ok ? 'ok' : noted.error.code;
        } else if (roll < 0.65) {
          result = await code(core.dispatch('cases:get', { caseId: pick().id }));
        } else if (roll < 0.85) {
          result = await code(core.dispatch('cases:list', { filter: { query: `soak${Math.floor(next() * i)}` }, sort: 'updated', offset: 0, limit: 50 }));
        } else {
          result = await code(core.dispatch('work:mine', {}));
        }
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (result !== 'ok') {
          failed++;
          opts.log?.(`operation ${i} failed: ${result}`);
        }
      }
      const end = memory();
      const rssAfterWarmup = warm.rss;
      const rssEnd = end.rss;
      await core.lock('user');
      await signInAdmin(core);
      const chain = await ok<{ intact: boolean }>(core, 'audit:verify', { anchors: [] });
      const p95First = p95(times.slice(0, window));
      const p95Last = p95(times.slice(-window));
      const growth = rssAfterWarmup ? ((rssEnd - rssAfterWarmup) / rssAfterWarmup) * 100 : 0;
      const figures: SoakFigures = {
        operations: opts.operations,
        failed,
        window,
        warmAt,
        rssAfterWarmupMiB: rssAfterWarmup,
        rssEndMiB: rssEnd,
        rssGrowthPercent: growth,
        heapAfterWarmupMiB: warm.heap,
        heapEndMiB: end.heap,
        databaseMiB: statSync(join(dirs[0], 'mamori.db')).size / 2 ** 20,
        p95FirstMs: p95First,
        p95LastMs: p95Last,
        p95Ratio: p95Last / p95First,
        chainIntact: chain.intact,
        withinGoals: failed === 0 && chain.intact && growth < 10 && p95Last / p95First <= 1.5,
      };
      opts.log?.(
        `soak: ${figures.operations} operations, ${failed} failed; RSS ${rssAfterWarmup.toFixed(1)} (after operation ${warmAt}) → ${rssEnd.toFixed(1)} MiB (${growth.toFixed(1)} %), heap ${warm.heap.toFixed(1)} → ${end.heap.toFixed(1)} MiB, database ${figures.databaseMiB.toFixed(1)} MiB; ` +
          `p95 first ${window} ${p95First.toFixed(2)} ms, last ${window} ${p95Last.toFixed(2)} ms (× ${figures.p95Ratio.toFixed(2)}); chain ${chain.intact ? 'intact' : 'BROKEN'}`,
      );
      return figures;
    } finally {
      await core.close();
      if (failed === 0) for (const d of dirs) removeDir(join(d, '..'));
      else opts.log?.(`soak: the vault is left for inspection in ${dirs.join(', ')}`);
    }
  },
};
