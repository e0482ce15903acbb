/**
 * The soak suite's short form (issue 18.5; the long form is `npm run torture`): 1,000 mixed
 * operations of one officer with idle locks between them. Prints its figures; asserts only that
 * every operation succeeded and the audit chain verifies. Memory and latency are measured, not
 * asserted, so a busy machine cannot fail it.
 */
import { expect, it } from 'vitest';
import { soakSuite } from '../torture/soak';

it('works through 1,000 mixed operations with idle locks between them, every one succeeding, the audit chain intact', async () => {
  const lines: string[] = [];
  const figures = await soakSuite.run({ operations: 1000, lockEvery: 250, log: (line) => lines.push(line) });
  console.log(lines.join('\n'));
  expect(figures.failed, lines.join('\n')).toBe(0);
  expect(figures.chainIntact).toBe(true);
}, 1_200_000);
