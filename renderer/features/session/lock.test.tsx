import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storeSnapshots } from '../../stores/registry';
import { installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { accountFor, auditEntries, sessionFor } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { initialSessionState } from './session.store';
import { TOUCH_INTERVAL_MS } from './useSessionGuards';

const DISPLAY_NAME = sessionFor().user.displayName;

/** Starts the app with a session already open in core, as after a renderer reload. */
async function signedIn(role: 'officer' | 'auditor' | 'administrator' = 'officer', handlers: Handlers = {}) {
  const fake = installFakeMamori({ 'session:current': () => ok(sessionFor({ role })), ...handlers });
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

  it('leaves no account names and no temporary passphrase after a lock on the Users screen', async () => {
    const temp = 'K7QM-3XPD-9RTA-WV2H';
    const officer = accountFor({ displayName: 'Testperson Officer' });
    const { user } = await signedIn('administrator', {
      'users:list': () => ok({ users: [officer] }),
      'users:create': () => ok({ user: accountFor({ id: 'new', displayName: 'Testperson New' }), temporaryPassphrase: temp }),
    });
    await screen.findByText('Testperson Officer');
    await user.type(screen.getByLabelText('User name'), 'new.user');
    await user.type(screen.getByLabelText('Display name'), 'Testperson New');
    await user.click(screen.getByRole('button', { name: 'Add user' }));
    expect((await screen.findByRole('status', { name: 'Temporary passphrase' })).textContent).toBe(temp);

    await user.keyboard('{Control>}l{/Control}');
    expect(await screen.findByText('Locked by panic key.')).toBeTruthy();
    for (const text of ['Testperson Officer', 'Testperson New', temp]) expect(document.body.textContent).not.toContain(text);
    expectNothingLeftOfTheSession('panic');
  });

  it('leaves no audit rows or verification after a lock on the Audit trail', async () => {
    const { user } = await signedIn('auditor', {
      'audit:actors': () => ok({ actors: [{ id: 'user-7', displayName: 'Testperson Actor', role: 'officer', status: 'active' }] }),
      'audit:list': () => ok({ entries: auditEntries(42, 3, { actorName: 'Testperson Actor', caseRef: 'TV-2026-0042' }), nextBefore: null }),
      'audit:verify': () => ok({ intact: true, entries: 42, macsFrom: 0, signed: 42, signaturesFrom: 0, checkpoint: null, headSeq: 42, headMacPrefix: 'abcdef0123456789', anchors: [] }),
    });
    await screen.findAllByText('TV-2026-0042');
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    await screen.findByText(/Intact: 42 entries, head #42 \(abcdef0123456789\)/);

    await user.click(screen.getByRole('button', { name: 'Lock' }));
    expect(await screen.findByText('Locked with the Lock button.')).toBeTruthy();
    for (const text of ['Testperson Actor', 'TV-2026-0042', 'abcdef0123456789']) expect(document.body.textContent).not.toContain(text);
    expectNothingLeftOfTheSession('user');
  });

  it('drops a reply that arrives after the lock instead of refilling a store', async () => {
    let answer: () => void = () => undefined;
    const { user } = await signedIn('administrator', {
      'users:list': () =>
        new Promise((resolve) => {
          answer = () => resolve(ok({ users: [accountFor({ displayName: 'Testperson Late' })] }));
        }),
    });
    await user.click(screen.getByRole('button', { name: 'Lock' }));
    await act(async () => answer());
    expect(document.body.textContent).not.toContain('Testperson Late');
    expectNothingLeftOfTheSession('user');
  });

  it('never puts a name in the window title', async () => {
    document.title = 'Mamori';
    await signedIn();
    expect(document.title).toBe('Mamori');
  });
});
