import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storeSnapshots } from '../../stores/registry';
import { installFakeMamori, ok } from '../../test/fakeMamori';
import { sessionFor } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { initialSessionState } from './session.store';
import { TOUCH_INTERVAL_MS } from './useSessionGuards';

const DISPLAY_NAME = sessionFor().user.displayName;

/** Starts the app with a session already open in core, as after a renderer reload. */
async function signedIn(role: 'officer' | 'administrator' = 'officer') {
  const fake = installFakeMamori({ 'session:current': () => ok(sessionFor({ role })) });
  const rendered = renderApp();
  await screen.findByText(DISPLAY_NAME);
  return { fake, ...rendered };
}

function expectNothingLeftOfTheSession(reason: string) {
  expect(document.body.textContent).not.toContain(DISPLAY_NAME);
  for (const { name, state, initial } of storeSnapshots()) {
    if (name === 'session') {
      // Only the fact of the lock itself remains: no user, no settings.
      const { status, lastLock, ...rest } = state as typeof initialSessionState;
      const { status: _s, lastLock: _l, ...initialRest } = initialSessionState;
      expect(status).toBe('signed-out');
      expect(lastLock?.reason).toBe(reason);
      expect(rest).toEqual(initialRest);
    } else {
      expect(state, name).toEqual(initial);
    }
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('locking', () => {
  it('locks with Ctrl+L as a panic lock and leaves nothing of the session behind', async () => {
    const { fake, user } = await signedIn();
    // Leave the default section so the shell store holds something to reset.
    await user.click(screen.getByRole('button', { name: 'Settings' }));

    await user.keyboard('{Control>}l{/Control}');

    expect(fake.callsTo('session:lock')).toEqual([{ reason: 'panic' }]);
    expect(await screen.findByText('Locked by panic key.')).toBeTruthy();
    expect(screen.getByText('Mamori is locked')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expectNothingLeftOfTheSession('panic');
  });

  it('also locks with Cmd+L', async () => {
    const { fake, user } = await signedIn();
    await user.keyboard('{Meta>}l{/Meta}');
    expect(fake.callsTo('session:lock')).toEqual([{ reason: 'panic' }]);
  });

  it("locks with the Lock button for reason 'user'", async () => {
    const { fake, user } = await signedIn();
    await user.click(screen.getByRole('button', { name: 'Lock' }));
    expect(fake.callsTo('session:lock')).toEqual([{ reason: 'user' }]);
    expect(await screen.findByText('Locked with the Lock button.')).toBeTruthy();
    expectNothingLeftOfTheSession('user');
  });

  it('signs out and says so', async () => {
    const { fake, user } = await signedIn();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(fake.callsTo('session:signOut')).toEqual([{}]);
    expect(await screen.findByText('You signed out. Sign in to continue.')).toBeTruthy();
    expectNothingLeftOfTheSession('sign-out');
  });

  it("follows core's lock event and names the idle time", async () => {
    const { fake } = await signedIn();
    act(() => fake.emit('session:locked', { reason: 'idle' }));
    expect(await screen.findByText('Locked after 5 minutes without activity.')).toBeTruthy();
    expectNothingLeftOfTheSession('idle');
  });

  it('locks when core says the session is gone on an activity report', async () => {
    installFakeMamori({
      'session:current': () => ok(sessionFor()),
      'session:touch': () => ({ ok: false, error: { code: 'NOT_SIGNED_IN', message: 'x' } }),
    });
    const { user } = renderApp();
    await screen.findByText(DISPLAY_NAME);
    await user.pointer({ coords: { x: 5, y: 5 } });
    expect(await screen.findByText('Your session was locked. Sign in again.')).toBeTruthy();
    expectNothingLeftOfTheSession('expired');
  });

  it('reports activity to core at most once every 20 seconds', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { fake, user } = await signedIn();
    await user.keyboard('a');
    await user.keyboard('b');
    expect(fake.callsTo('session:touch')).toHaveLength(1);
    vi.advanceTimersByTime(TOUCH_INTERVAL_MS - 1);
    await user.keyboard('c');
    expect(fake.callsTo('session:touch')).toHaveLength(1);
    vi.advanceTimersByTime(1);
    await user.keyboard('d');
    expect(fake.callsTo('session:touch')).toHaveLength(2);
  });

  it('never puts a name in the window title', async () => {
    document.title = 'Mamori';
    await signedIn();
    expect(document.title).toBe('Mamori');
  });
});
