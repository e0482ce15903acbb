/**
 * Screen lock on Linux (issue 14): Electron's `lock-screen` event exists only on macOS and
 * Windows, so on Linux the app listens for logind's `Lock` signal of its own login session on the
 * system bus (sent by `loginctl lock-session` and by desktops when the screen locks). No D-Bus
 * library: GLib's `gdbus` tool (libglib2.0-bin, present on GNOME, KDE and most desktops) asks
 * logind for the session of this process and then watches that session's signals. Where there is
 * no `gdbus`, no system bus or no logind session, the watch does nothing and says so once.
 */
import type { ChildProcess } from 'node:child_process';

export interface LogindDeps {
  /** Runs a program with arguments (no shell) and returns its standard output. */
  run(file: string, args: readonly string[]): Promise<string>;
  /** Starts a long-running program (no shell). */
  start(file: string, args: readonly string[]): Pick<ChildProcess, 'stdout' | 'on' | 'kill'>;
  pid: number;
}

const LOGIND = 'org.freedesktop.login1';

/** logind's object path for the session that `pid` belongs to, from `gdbus call`'s `(objectpath '…',)`. */
export function parseSessionPath(output: string): string | null {
  const m = /objectpath\s+'(\/org\/freedesktop\/login1\/session\/[A-Za-z0-9_]+)'/.exec(output);
  return m ? m[1] : null;
}

/** Whether one line of `gdbus monitor` output is the Lock signal of the session at `path`. */
export function isLockSignal(line: string, path: string): boolean {
  return line.startsWith(`${path}: `) && /\borg\.freedesktop\.login1\.Session\.Lock\b/.test(line);
}

/**
 * Calls `onLock` whenever logind asks this process's session to lock. Resolves to a function that
 * stops watching; never rejects (`onUnavailable` hears why not, without any user data).
 */
export async function watchLogindLock(deps: LogindDeps, onLock: () => void, onUnavailable: (why: string) => void = () => undefined): Promise<() => void> {
  let path: string | null;
  try {
    path = parseSessionPath(
      await deps.run('gdbus', ['call', '--system', '--dest', LOGIND, '--object-path', '/org/freedesktop/login1', '--method', `${LOGIND}.Manager.GetSessionByPID`, String(deps.pid)]),
    );
  } catch {
    onUnavailable('no logind session on the system bus (or no gdbus)');
    return () => undefined;
  }
  if (!path) {
    onUnavailable('logind did not name a session');
    return () => undefined;
  }
  const sessionPath = path;
  let child: Pick<ChildProcess, 'stdout' | 'on' | 'kill'>;
  try {
    child = deps.start('gdbus', ['monitor', '--system', '--dest', LOGIND, '--object-path', sessionPath]);
  } catch {
    onUnavailable('gdbus monitor could not start');
    return () => undefined;
  }
  let pending = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (isLockSignal(line.trim(), sessionPath)) onLock();
  });
  child.on('error', () => onUnavailable('gdbus monitor failed'));
  return () => {
    child.kill();
  };
}
