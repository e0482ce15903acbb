import { describe, expect, it } from 'vitest';
import { delayFor, MAX_DELAY_MS } from './throttle';

describe('throttle schedule', () => {
  it('gives three free attempts, then doubles from one second up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(delayFor)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000]);
    expect(delayFor(40)).toBe(MAX_DELAY_MS);
  });
});
