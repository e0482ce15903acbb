// `npm test`: every stage of the suite, one after another, with each stage's duration.
//
// Stages run in sequence so that no two compete for the CI machine's two cores (the integration
// project's scrypt derivations used to slow the component tests beside them past their limits).
// Every stage runs even after a failure, so one CI run shows everything that is wrong; the exit code
// is non-zero if any stage failed. Plain Node, no dependencies.
import { spawnSync } from 'node:child_process';

const STAGES = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit + component', 'npx', ['vitest', 'run', '--project', 'unit', '--project', 'component']],
  // Two workers: most integration time is the vault's own waits (fsync, child processes), and the
  // longest files (the fuzz and crash suites) would otherwise run alone after everything else.
  ['integration', 'npx', ['vitest', 'run', '--project', 'integration', '--maxWorkers', '2']],
  ['build + e2e', 'npm', ['run', '--silent', 'test:e2e']],
  ['security scan', 'npm', ['run', '--silent', 'test:security']],
  // Every benchmark at a small size and a few runs, on the renderer the E2E stage built, so that
  // none rots between the releases that run them in full. Its figures are printed, never asserted.
  ['benchmarks (small)', 'npx', ['tsx', 'tests/bench/run.ts'], { MAMORI_BENCH_CASES: '500', MAMORI_BENCH_AUDIT_SIZE: '5000', MAMORI_BENCH_ITERATIONS: '3', MAMORI_BENCH_EXPORT_RUNS: '2', MAMORI_BENCH_BACKUP_RUNS: '1' }],
];

const only = process.argv.slice(2);
const results = [];
for (const [name, command, args, env] of STAGES) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, ...env } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const ok = run.status === 0;
  results.push({ name, ok, seconds });
  console.log(`${ok ? '✔' : '✘'} ${name}: ${ok ? 'passed' : `failed (exit ${run.status ?? run.signal})`} in ${seconds.toFixed(1)} s`);
}

const total = results.reduce((sum, r) => sum + r.seconds, 0);
console.log('\nstage                 result   seconds');
for (const r of results) console.log(`${r.name.padEnd(22)}${(r.ok ? 'passed' : 'FAILED').padEnd(9)}${r.seconds.toFixed(1).padStart(7)}`);
console.log(`${'total'.padEnd(31)}${total.toFixed(1).padStart(7)}`);
const failed = results.filter((r) => !r.ok).map((r) => r.name);
console.log(failed.length === 0 ? `\nall ${results.length} stages passed` : `\n${failed.length} of ${results.length} stages failed: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
