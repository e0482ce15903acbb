import { randomBytes } from 'node:crypto';
import { SCRYPT_PARAMS, scryptKey } from '../../electron/core/crypto/crypto';

/**
 * `MAMORI_BENCH_ITERATIONS` caps every measurement's runs: `npm test` runs the whole benchmark
 * suite small and briefly so that it never rots; its figures mean nothing and nothing asserts them.
 */
const CAP = Number(process.env.MAMORI_BENCH_ITERATIONS ?? Infinity);

/**
 * Runs `fn` `iterations` times (after `warmup` untimed runs) and returns median and p95 in ms.
 * `setup`, if given, runs untimed before every run (e.g. to lock the vault again).
 */
export async function measure(
  fn: () => Promise<unknown>,
  iterations: number,
  opts: { warmup?: number; setup?: () => Promise<unknown> } = {},
): Promise<{ median_ms: number; p95_ms: number }> {
  const times: number[] = [];
  iterations = Math.max(1, Math.min(iterations, CAP));
  for (let i = 0; i < (opts.warmup ?? 1) + iterations; i++) {
    await opts.setup?.();
    const t = process.hrtime.bigint();
    await fn();
    if (i >= (opts.warmup ?? 1)) times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { median_ms: at(0.5), p95_ms: at(0.95) };
}

/** The key derivation alone (scrypt at the cost every keyslot the app makes carries): the part of a sign-in nothing after it can shorten. */
export function keyDerivation(passphrase: string): Promise<{ median_ms: number; p95_ms: number }> {
  return measure(() => scryptKey(passphrase, randomBytes(16), SCRYPT_PARAMS), 5, { warmup: 0 });
}
