import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isLockSignal, parseSessionPath, watchLogindLock, type LogindDeps } from './logind';

const PATH = '/org/freedesktop/login1/session/_32';

/** A mocked system bus: `gdbus call` answers with the session, `gdbus monitor` prints what the test writes. */
function fakeBus(answer: string | Error = `(objectpath '${PATH}',)\n`) {
  const calls: { file: string; args: readonly string[] }[] = [];
  const stdout = new PassThrough();
  const child = Object.assign(new EventEmitter(), { stdout, killed: false, kill: () => ((child.killed = true), true) });
  const deps: LogindDeps = {
    pid: 4242,
    run: async (file, args) => {
      calls.push({ file, args });
      if (answer instanceof Error) throw answer;
      return answer;
    },
    start: (file, args) => {
      calls.push({ file, args });
      return child as never;
    },
  };
  const emit = (text: string) => new Promise<void>((resolve) => stdout.write(text, () => setImmediate(resolve)));
  return { deps, calls, emit, child };
}

describe('logind screen lock (Linux)', () => {
  it('asks logind for this process’s session and locks on that session’s Lock signal only', async () => {
    const bus = fakeBus();
    let locks = 0;
    const stop = await watchLogindLock(bus.deps, () => locks++);
    expect(bus.calls[0].args).toEqual(['call', '--system', '--dest', 'org.freedesktop.login1', '--object-path', '/org/freedesktop/login1', '--method', 'org.freedesktop.login1.Manager.GetSessionByPID', '4242']);
    expect(bus.calls[1].args).toEqual(['monitor', '--system', '--dest', 'org.freedesktop.login1', '--object-path', PATH]);

    await bus.emit(`${PATH}: org.freedesktop.DBus.Properties.PropertiesChanged ('org.freedesktop.login1.Session', {'IdleHint': <true>}, @as [])\n`);
    expect(locks).toBe(0);
    // Another user's session locking is not ours; a line may arrive in two pieces.
    await bus.emit(`/org/freedesktop/login1/session/_35: org.freedesktop.login1.Session.Lock ()\n${PATH}: org.freedesktop.login1.Sess`);
    expect(locks).toBe(0);
    await bus.emit('ion.Lock ()\n');
    expect(locks).toBe(1);
    await bus.emit(`${PATH}: org.freedesktop.login1.Session.Unlock ()\n`);
    expect(locks).toBe(1);
    stop();
    expect(bus.child.killed).toBe(true);
  });

  it('does nothing, and says why once, without gdbus or a logind session', async () => {
    const why: string[] = [];
    const stop = await watchLogindLock(fakeBus(new Error('spawn gdbus ENOENT')).deps, () => undefined, (w) => why.push(w));
    expect(why).toEqual(['no logind session on the system bus (or no gdbus)']);
    expect(() => stop()).not.toThrow();
    await watchLogindLock(fakeBus('()\n').deps, () => undefined, (w) => why.push(w));
    expect(why[1]).toBe('logind did not name a session');
  });

  it('reads gdbus output exactly', () => {
    expect(parseSessionPath(`(objectpath '${PATH}',)`)).toBe(PATH);
    expect(parseSessionPath("(objectpath '/elsewhere/x',)")).toBeNull();
    expect(isLockSignal(`${PATH}: org.freedesktop.login1.Session.Lock ()`, PATH)).toBe(true);
    expect(isLockSignal(`${PATH}: org.freedesktop.login1.Session.LockedHint ()`, PATH)).toBe(false);
  });
});
