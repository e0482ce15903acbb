/**
 * Short form of the crash suite (tests/torture/crash.ts): 20 SIGKILLs of a child doing random real
 * operations; prints the figure and asserts that no acknowledged operation was lost.
 */
import { describe, expect, it } from 'vitest';
import { crashSuite } from '../torture/crash';

describe('crash suite (short form)', () => {
  it('loses no acknowledged operation over 20 kills', async () => {
    const r = await crashSuite.run({ kills: Number(process.env.CRASH_KILLS ?? 20), log: (l) => console.log(l) });
    console.log(`crash suite: ${r.lost} acknowledged operations lost of ${r.acknowledged} over ${r.kills} kills`);
    expect(r.failures).toEqual([]);
    expect(r.lost).toBe(0);
    expect(r.acknowledged).toBeGreaterThan(r.kills);
  }, 600_000);
});
