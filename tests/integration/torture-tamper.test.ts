/**
 * Short form of the tamper suite (tests/torture/tamper.ts): every case is tried; prints the figure
 * (detected / tried) and each case's outcome with its named reason. Cases not detected today
 * (KNOWN_GAPS) and refusals that still change a file (KNOWN_SIDE_EFFECTS) are printed loudly and
 * asserted as exactly those sets: a new one fails, and so does one that got fixed (update the list).
 */
import { describe, expect, it } from 'vitest';
import { KNOWN_GAPS, KNOWN_SIDE_EFFECTS, tamperSuite } from '../torture/tamper';

const DETECTED = ['refused', 'flagged', 'recorded'];

describe('tamper suite (short form)', () => {
  it('detects every tampering with a named reason and leaves a refused vault untouched (but for the known list)', async () => {
    const r = await tamperSuite.run({ log: (l) => console.log(l) });
    console.log(`tamper suite: ${r.detected} / ${r.tried} cases detected; ${r.changedOnRefusal} refused case(s) changed a file`);
    const loud = (title: string, list: Record<string, string>) =>
      Object.keys(list).length > 0 && console.warn(`tamper suite: ${title}:\n${Object.entries(list).map(([n, why]) => `  - ${n}: ${why}`).join('\n')}`);
    loud('KNOWN GAPS (not detected today; asserted as such)', KNOWN_GAPS);
    loud('KNOWN SIDE EFFECTS (refused, but a file changed; asserted as such)', KNOWN_SIDE_EFFECTS);
    const missed = r.cases.filter((c) => !DETECTED.includes(c.outcome));
    expect(missed.filter((c) => !KNOWN_GAPS[c.name]).map((c) => `${c.name}: ${c.outcome} — ${c.reason}`)).toEqual([]);
    expect(missed.map((c) => c.name).sort()).toEqual(Object.keys(KNOWN_GAPS).sort());
    expect(r.cases.filter((c) => c.changed).map((c) => c.name).sort()).toEqual(Object.keys(KNOWN_SIDE_EFFECTS).sort());
    for (const c of r.cases.filter((x) => DETECTED.includes(x.outcome))) expect(c.reason, c.name).toMatch(/^[A-Z_]+: |^audit:verify|^vault verify|^audit entry /);
    expect(r.detected).toBe(r.tried - Object.keys(KNOWN_GAPS).length);
  }, 600_000);
});
