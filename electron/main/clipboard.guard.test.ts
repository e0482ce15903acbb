import { describe, expect, it } from 'vitest';
import { createClipboardGuard, isCopyKey, CLIPBOARD_CLEAR_MS } from './clipboard.guard';

function harness(platform: NodeJS.Platform) {
  const cleared: string[] = [];
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  const guard = createClipboardGuard({
    clipboard: { clear: (type) => cleared.push(type ?? 'clipboard') },
    platform,
    setTimer: (fn, ms) => (timers.set(++next, { fn, ms }), next),
    clearTimer: (t) => timers.delete(t as number),
  });
  const fire = () => [...timers.values()].forEach((t) => t.fn());
  return { guard, cleared, timers, fire };
}

describe('the clipboard guard', () => {
  it('clears the clipboard and, on Linux, the primary selection 30 s after a copy', () => {
    const { guard, cleared, timers, fire } = harness('linux');
    guard.copied();
    expect(cleared).toEqual([]);
    expect([...timers.values()].map((t) => t.ms)).toEqual([CLIPBOARD_CLEAR_MS]);
    fire();
    expect(cleared).toEqual(['clipboard', 'selection']);
  });

  it('restarts the wait on a later copy, and clears at once on lock or quit, forgetting the pending clear', () => {
    const { guard, cleared, timers } = harness('darwin');
    guard.copied();
    guard.copied();
    expect(timers.size).toBe(1);
    guard.clearNow();
    expect(cleared).toEqual(['clipboard']);
    expect(timers.size).toBe(0);
  });

  it('survives a clipboard that throws', () => {
    const guard = createClipboardGuard({
      clipboard: {
        clear: () => {
          throw new Error('no display');
        },
      },
      platform: 'linux',
    });
    expect(() => guard.clearNow()).not.toThrow();
  });

  it('knows the keys that copy from the page', () => {
    const key = (k: string, mods: Partial<{ control: boolean; meta: boolean }> = {}) => isCopyKey({ type: 'keyDown', key: k, control: false, meta: false, ...mods });
    expect(key('c', { control: true })).toBe(true);
    expect(key('C', { meta: true })).toBe(true);
    expect(key('x', { control: true })).toBe(true);
    expect(key('Insert', { control: true })).toBe(true);
    expect(key('c')).toBe(false);
    expect(key('v', { control: true })).toBe(false);
    expect(isCopyKey({ type: 'keyUp', key: 'c', control: true, meta: false })).toBe(false);
  });
});
