import { describe, expect, it } from 'vitest';
import { progressBar, progressText } from './progress';

describe('command-line progress', () => {
  it('draws a bar with the share, the count and the unit', () => {
    expect(progressText('seeding', 'cases', 0, 100_000)).toBe('seeding [░░░░░░░░░░░░░░░░░░░░░░░░] 0% 0 of 100,000 cases');
    expect(progressText('verifying', 'entries', 610_000, 1_000_000)).toBe('verifying [███████████████░░░░░░░░░] 61% 610,000 of 1,000,000 entries');
    expect(progressText('verifying', 'entries', 0, 0)).toBe('verifying [████████████████████████] 100% 0 of 0 entries');
  });

  it('writes to a terminal only, once per percent, and ends its line', () => {
    const written: string[] = [];
    const stream = (isTTY: boolean) => ({ isTTY, write: (s: string) => written.push(s) }) as unknown as NodeJS.WriteStream;
    expect(progressBar('seeding', 'cases', stream(false))).toBeNull();
    const bar = progressBar('seeding', 'cases', stream(true))!;
    for (let done = 0; done <= 1000; done += 5) bar.update(done, 1000);
    bar.end();
    expect(written).toHaveLength(102);
    expect(written.at(-2)).toContain('100% 1,000 of 1,000 cases');
    expect(written.at(-1)).toBe('\n');
  });
});
