import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail, installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { sessionFor } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const TEMP = 'K7QM-3XPD-9RTA-WV2H';
const NEW = 'my own long passphrase';

async function firstSignIn(handlers: Handlers = {}) {
  const fake = installFakeMamori({
    'session:current': () => ok(sessionFor({ mustChangePassphrase: true })),
    'session:changePassphrase': () => ok(sessionFor({ mustChangePassphrase: false })),
    ...handlers,
  });
  const rendered = renderApp();
  await screen.findByRole('heading', { name: 'Set your passphrase' });
  return { fake, ...rendered };
}

async function fill(user: ReturnType<typeof renderApp>['user'], current: string, next: string, confirm = next) {
  await user.type(screen.getByLabelText('Temporary passphrase'), current);
  await user.type(screen.getByLabelText('New passphrase'), next);
  await user.type(screen.getByLabelText('Confirm new passphrase'), confirm);
  await user.click(screen.getByRole('button', { name: 'Set passphrase and continue' }));
}

describe('first sign-in with a temporary passphrase', () => {
  it('shows only the passphrase form until it is changed, then the home shell', async () => {
    const { fake, user } = await firstSignIn();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Settings' })).toBeNull();
    expect(screen.getByText(/Welcome, Testperson Kanade/)).toBeTruthy();

    await fill(user, TEMP, NEW);
    expect(fake.callsTo('session:changePassphrase')).toEqual([{ currentPassphrase: TEMP, newPassphrase: NEW }]);
    expect(await screen.findByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Set your passphrase' })).toBeNull();
    // Nothing the user typed survives the form.
    expect(document.body.innerHTML).not.toContain(NEW);
  });

  it('checks the policy and the confirmation with the contract before asking core', async () => {
    const { fake, user } = await firstSignIn();
    await fill(user, TEMP, 'too short', 'different');
    expect(screen.getByText('The passphrase must be at least 12 characters long.')).toBeTruthy();
    expect(screen.getByText('The two passphrases do not match.')).toBeTruthy();
    expect(fake.callsTo('session:changePassphrase')).toEqual([]);
  });

  it('counts twelve characters after NFKC normalisation, so twelve kanji are enough', async () => {
    const { fake, user } = await firstSignIn();
    await fill(user, TEMP, '十二文字の長いパスフレーズ');
    expect(fake.callsTo('session:changePassphrase')).toHaveLength(1);
  });

  it('marks a wrong temporary passphrase on its field and clears it', async () => {
    const { user } = await firstSignIn({ 'session:changePassphrase': () => fail('BAD_CREDENTIALS') });
    await fill(user, 'not the one', NEW);
    expect(await screen.findByText('The current passphrase is not correct.')).toBeTruthy();
    expect(screen.getByLabelText('Temporary passphrase')).toHaveProperty('value', '');
    expect(screen.getByRole('heading', { name: 'Set your passphrase' })).toBeTruthy();
  });

  it('shows PASSPHRASE_REUSED translated and lets the user sign out instead', async () => {
    const { fake, user } = await firstSignIn({ 'session:changePassphrase': () => fail('PASSPHRASE_REUSED') });
    await fill(user, TEMP, NEW);
    expect((await screen.findByRole('alert')).textContent).toContain('The new passphrase must differ from the current one.');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(fake.callsTo('session:signOut')).toEqual([{}]);
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });
});
