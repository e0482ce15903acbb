/**
 * The IPC fuzz suite's short form (issue 18, point 3; tests/torture/fuzz.ts): every channel as every
 * role with generated payloads. FUZZ_PAYLOADS overrides the count (the long form is 10,000), FUZZ_SEED the seed.
 * In `npm test`: 200 payloads per channel and role, the 1,000 per channel (88,000 dispatches,
 * about 150 s on the quiet 2-core machine, beside the other integration files on a second worker);
 * 1,000 as each role is 440,000 dispatches, 20 min. The test's limit is generous on
 * purpose; no timing is asserted.
 */
import { expect, it } from 'vitest';
import { fuzzSuite, leakIn } from '../torture/fuzz';

it('the leak scan sees a stack frame or a path in a result', () => {
  expect(leakIn({ ok: false, error: { code: 'X', message: 'Error: boom\n    at run (/work/app/electron/core/core.ts:12:3)' } })).not.toBeNull();
  expect(leakIn({ ok: false, error: { code: 'X', message: 'SQLITE_ERROR in /home/someone/vault/mamori.db' } })).not.toBeNull();
  expect(leakIn({ ok: true, value: { file: 'node_modules/zod/index.js:4' } })).not.toBeNull();
  expect(leakIn({ ok: false, error: { code: 'INVALID_INPUT', message: 'Some input is not valid.' } })).toBeNull();
});

const PAYLOADS = Number(process.env.FUZZ_PAYLOADS ?? 200);

it(`ipc fuzz: ${PAYLOADS} payloads per channel and role, no crash, INTERNAL, leak or refused state change`, async () => {
  const f = await fuzzSuite.run({ payloadsPerChannel: PAYLOADS, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) });
  expect(f.dispatches).toBeGreaterThan(0);
  const named = f.failures.map((x) => `[${x.kind}] ${x.channel} as ${x.role}: ${x.detail}; payload ${x.shrunk ?? x.payload}`).join('\n');
  expect({ crashes: f.crashes, internal: f.internal, leaks: f.leaks, refusedStateChanges: f.refusedStateChanges, integrityOk: f.integrityOk }, `${named}\nvault kept at ${f.vaultDir}`).toEqual({
    crashes: 0,
    internal: 0,
    leaks: 0,
    refusedStateChanges: 0,
    integrityOk: true,
  });
}, 20 * 60_000);
