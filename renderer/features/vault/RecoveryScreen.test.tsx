import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { renderApp } from '../../test/renderApp';
import { normaliseRecoveryKey } from './recoveryKey';

const KEY = 'AB12-CD34-EF56-GH78-JK90-MN12-PQ34-RS56-TV78-WX90-YZ12-AB34-K7Q2';
const NEW = 'a brand new admin passphrase';

async function openRecovery(handlers: Handlers = {}) {
  const fake = installFakeMamori(handlers);
  const rendered = renderApp();
  await rendered.user.click(await screen.findByRole('button', { name: 'Use recovery key' }));
  return { fake, ...rendered };
}

async function fill(user: ReturnType<typeof renderApp>['user'], key: string) {
  await user.type(screen.getByLabelText('Administrator user name'), 'admin.test');
  await user.type(screen.getByLabelText('Recovery key'), key);
  await user.type(screen.getByLabelText('New passphrase'), NEW);
  await user.type(screen.getByLabelText('Confirm new passphrase'), NEW);
  await user.click(screen.getByRole('button', { name: 'Set new passphrase' }));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('recovery from the sign-in screen', () => {
  it('accepts the key with spaces and lower case, shows the new key once, then returns to sign-in with a notice', async () => {
    const NEXT = 'ZZ12-CD34-EF56-GH78-JK90-MN12-PQ34-RS56-TV78-WX90-YZ12-AB34-Q9W8';
    const { fake, user } = await openRecovery({ 'vault:recover': () => ok({ recoveryKey: NEXT }) });
    await fill(user, KEY.toLowerCase().replace(/-/g, ' '));
    expect(fake.callsTo('vault:recover')).toEqual([{ username: 'admin.test', recoveryKey: KEY, newPassphrase: NEW }]);
    expect(await screen.findByRole('heading', { name: 'New recovery key' })).toBeTruthy();
    expect(screen.getByText(/no longer opens the vault/)).toBeTruthy();
    const next = screen.getByRole('button', { name: 'Continue to sign in' });
    expect(next).toHaveProperty('disabled', true);
    await user.click(screen.getByLabelText('I have written down the recovery key and stored it safely'));
    await user.type(screen.getByLabelText('Last group of the recovery key'), 'Q9W8');
    await user.click(next);
    expect((await screen.findByRole('status')).textContent).toContain('The recovery key set a new passphrase for admin.test.');
    expect(screen.getByLabelText('User name')).toHaveProperty('value', 'admin.test');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('refuses a key that is not 13 groups of 4 without asking core', async () => {
    const { fake, user } = await openRecovery();
    await fill(user, 'AB12-CD34');
    expect(screen.getByText('Enter all 13 groups of 4 characters of the recovery key.')).toBeTruthy();
    expect(fake.callsTo('vault:recover')).toEqual([]);
  });

  it('shows RECOVERY_KEY_INVALID translated and clears the key', async () => {
    const { user } = await openRecovery({ 'vault:recover': () => fail('RECOVERY_KEY_INVALID') });
    await fill(user, KEY);
    expect((await screen.findByRole('alert')).textContent).toContain('This recovery key does not open the vault');
    expect(screen.getByLabelText('Recovery key')).toHaveProperty('value', '');
  });

  it('counts down a THROTTLED wait as sign-in does', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { user } = await openRecovery({ 'vault:recover': () => fail('THROTTLED', { retryAfterMs: 8_000 }) });
    await fill(user, KEY);
    expect((await screen.findByRole('timer')).textContent).toBe('Try again in 8 seconds.');
    expect(screen.getByRole('button', { name: 'Set new passphrase' })).toHaveProperty('disabled', true);
    act(() => vi.advanceTimersByTime(8_000));
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByRole('button', { name: 'Set new passphrase' })).toHaveProperty('disabled', false);
  });

  it('goes back to sign-in without recovering', async () => {
    const { user } = await openRecovery();
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('normaliseRecoveryKey', () => {
  it('groups 52 characters however they were typed, and refuses anything else', () => {
    expect(normaliseRecoveryKey(KEY)).toBe(KEY);
    expect(normaliseRecoveryKey(` ${KEY.replace(/-/g, '  ').toLowerCase()} `)).toBe(KEY);
    // Full-width characters from a Japanese input method.
    expect(normaliseRecoveryKey('ＡＢ１２' + KEY.slice(4))).toBe(KEY);
    expect(normaliseRecoveryKey(KEY.slice(0, -1))).toBeNull();
    expect(normaliseRecoveryKey(KEY + 'A')).toBeNull();
    expect(normaliseRecoveryKey(KEY.replace('A', '!'))).toBeNull();
  });
});
