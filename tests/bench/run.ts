/**
 * `npm run bench [-- --json FILE] [-- --only NAME]`: benchmarks on synthetic vaults.
 * Prints a table; with --json writes [{ name, size, median_ms, p95_ms, baseline_ms? }] for timings
 * and [{ name, size, value, unit }] for other figures (memory, bytes per case, frames).
 * Timing lives here, never in tests.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BENCHMARKS } from './benchmarks';

/** A timing (median and p95 of repeated runs, with the raw-SQL baseline where there is one). */
export interface BenchTiming {
  name: string;
  size: number;
  median_ms: number;
  p95_ms: number;
  baseline_ms?: number;
}

/** A figure that is not a time: memory, bytes per case. */
export interface BenchFigure {
  name: string;
  size: number;
  value: number;
  unit: string;
}

export type BenchResult = BenchTiming | BenchFigure;

const isFigure = (r: BenchResult): r is BenchFigure => 'value' in r;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'string' }, only: { type: 'string' } } });
  const results: BenchResult[] = [];
  for (const b of BENCHMARKS) {
    if (values.only && !b.name.includes(values.only)) continue;
    process.stderr.write(`running ${b.name}…\n`);
    results.push(...(await b.run()));
  }
  const rows = results.map((r) =>
    isFigure(r)
      ? [r.name, String(r.size), '', '', '', `${r.value.toFixed(r.value < 10 ? 2 : 1)} ${r.unit}`]
      : [r.name, String(r.size), r.median_ms.toFixed(2), r.p95_ms.toFixed(2), r.baseline_ms?.toFixed(2) ?? '', ''],
  );
  const head = ['benchmark', 'size', 'median ms', 'p95 ms', 'baseline ms', 'figure'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2) + '\n');
}

main().catch((e) => {
  console.error(`bench: ${(e as Error).message}`);
  process.exitCode = 1;
});
