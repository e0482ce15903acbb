import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, installFakeMamori, ok } from '../../test/fakeMamori';
import { sessionFor } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

async function signInWith(user: ReturnType<typeof renderApp>['user'], passphrase = 'wrong passphrase') {
  await user.type(await screen.findByLabelText('User name'), 'officer.test');
  await user.type(screen.getByLabelText('Passphrase'), passphrase);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('sign in', () => {
  it('shows BAD_CREDENTIALS translated and clears the passphrase', async () => {
    installFakeMamori({ 'session:signIn': () => fail('BAD_CREDENTIALS') });
    const { user } = renderApp();
    await signInWith(user);

    expect((await screen.findByRole('alert')).textContent).toContain('The user name or passphrase is not correct.');
    expect(screen.getByLabelText('Passphrase')).toHaveProperty('value', '');
    expect(screen.getByLabelText('User name')).toHaveProperty('value', 'officer.test');
  });

  it('shows BAD_CREDENTIALS in Japanese', async () => {
    installFakeMamori({ 'session:signIn': () => fail('BAD_CREDENTIALS') });
    const { user } = renderApp();
    await user.click(await screen.findByRole('radio', { name: '日本語' }));
    await user.type(screen.getByLabelText('ユーザー名'), 'officer.test');
    await user.type(screen.getByLabelText('パスフレーズ'), 'wrong passphrase');
    await user.click(screen.getByRole('button', { name: 'サインイン' }));
    expect((await screen.findByRole('alert')).textContent).toContain('ユーザー名またはパスフレーズが正しくありません。');
  });

  it('counts down a THROTTLED wait and keeps the button disabled until it ends', async () => {
    // Only the clock and the ticking interval are faked; user-event and findBy keep real timeouts.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    installFakeMamori({ 'session:signIn': () => fail('THROTTLED', { retryAfterMs: 30_000 }) });
    const { user } = renderApp();
    await signInWith(user);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Too many failed attempts.');
    expect(screen.getByRole('timer').textContent).toBe('Try again in 30 seconds.');
    const button = screen.getByRole('button', { name: 'Sign in' });
    expect(button).toHaveProperty('disabled', true);

    act(() => vi.advanceTimersByTime(5_000));
    expect(screen.getByRole('timer').textContent).toBe('Try again in 25 seconds.');

    act(() => vi.advanceTimersByTime(25_000));
    expect(screen.queryByRole('timer')).toBeNull();
    expect(button).toHaveProperty('disabled', false);
  });

  it('shows LOCKED_OUT with what to do, and no countdown that would hold the button', async () => {
    // Core's last BAD_CREDENTIALS before the lock-out carried a delay; LOCKED_OUT carries none.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    let attempts = 0;
    installFakeMamori({
      'session:signIn': () => (++attempts === 1 ? fail('BAD_CREDENTIALS', { retryAfterMs: 2_000 }) : fail('LOCKED_OUT')),
    });
    const { user } = renderApp();
    await signInWith(user);
    expect(await screen.findByRole('timer')).toBeTruthy();
    act(() => vi.advanceTimersByTime(2_000));

    await user.type(screen.getByLabelText('Passphrase'), 'another try');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByText(/This account is locked after too many failed sign-ins/);
    expect(alert.textContent).toContain('An administrator must unlock it.');
    expect(screen.getByText(/An administrator can unlock it on the Users screen/)).toBeTruthy();
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
  });

  it('offers an administrator to accept a missing rollback record with a reason, sent with the sign-in', async () => {
    const fake = installFakeMamori({
      'session:signIn': (input) =>
        (input as { acceptMissingHead?: string }).acceptMissingHead ? ok(sessionFor({ role: 'administrator' })) : fail('VAULT_HEAD_MISSING'),
    });
    const { user } = renderApp();
    await signInWith(user, 'the admin passphrase');
    expect((await screen.findByRole('alert')).textContent).toContain("The vault's rollback record (head.json) is missing.");
    const accept = screen.getByRole('button', { name: 'Accept and sign in' });
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();

    // A reason that says nothing is refused before core is asked.
    await user.type(screen.getByLabelText('Passphrase'), 'the admin passphrase');
    await user.type(screen.getByLabelText(/Reason for accepting the missing record/), 'ok');
    await user.click(accept);
    expect(fake.callsTo('session:signIn')).toHaveLength(1);

    await user.type(screen.getByLabelText(/Reason for accepting the missing record/), ' - the disk was replaced');
    await user.click(accept);
    expect(await screen.findByRole('banner')).toBeTruthy();
    expect(fake.callsTo('session:signIn')[1]).toEqual({ username: 'officer.test', passphrase: 'the admin passphrase', acceptMissingHead: 'ok - the disk was replaced' });
  });

  it('shows field errors without calling core when a field is empty', async () => {
    const fake = installFakeMamori();
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter a value.')).toBeTruthy();
    expect(screen.getByText('Enter your passphrase.')).toBeTruthy();
    expect(fake.callsTo('session:signIn')).toEqual([]);
  });

  it("switches to the user's saved language on success", async () => {
    installFakeMamori({ 'session:signIn': () => ok(sessionFor({ locale: 'ja' })) });
    const { user } = renderApp();
    await signInWith(user, 'the right passphrase');
    expect(await screen.findByRole('button', { name: 'ロック' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja');
  });
});
