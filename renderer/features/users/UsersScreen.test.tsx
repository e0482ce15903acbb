import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UserAccount } from '../../../electron/common/accounts';
import { storeSnapshots } from '../../stores/registry';
import { fail, installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { accountFor, sessionFor } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const TEMP = 'K7QM-3XPD-9RTA-WV2H';
const SELF = accountFor({ id: 'user-1', username: 'admin.test', displayName: 'Testperson Admin', role: 'administrator' });
const OFFICER = accountFor({ id: '00000000-0000-4000-8000-00000000000a', displayName: 'Testperson Officer', version: 3 });
const LOCKED = accountFor({
  id: '00000000-0000-4000-8000-00000000000b',
  username: 'sup.test',
  displayName: 'Testperson Locked',
  role: 'supervisor',
  lockedOut: true,
});

/** An administrator on the Users screen (their first section) with the given accounts. */
async function usersScreen(accounts: UserAccount[] = [SELF, OFFICER, LOCKED], handlers: Handlers = {}) {
  const fake = installFakeMamori({
    'session:current': () => ok(sessionFor({ id: 'user-1', role: 'administrator', displayName: 'Testperson Admin' })),
    'users:list': () => ok({ users: accounts }),
    ...handlers,
  });
  const rendered = renderApp();
  await screen.findByRole('table', { name: 'User accounts' });
  return { fake, ...rendered };
}

function row(name: string): HTMLElement {
  return screen.getByRole('cell', { name }).closest('tr')!;
}

async function chooseAction(user: ReturnType<typeof renderApp>['user'], name: string, action: RegExp) {
  await user.click(screen.getByRole('button', { name: `Actions for ${name}` }));
  await user.click(await screen.findByRole('menuitem', { name: action }));
}

describe('users screen', () => {
  it('lists every account with role, status, passphrase and lock-out state translated', async () => {
    await usersScreen([SELF, OFFICER, LOCKED, accountFor({ id: 'x', displayName: 'Testperson Gone', status: 'disabled', mustChangePassphrase: true })]);
    expect(within(row('Testperson Officer')).getByText('Case officer')).toBeTruthy();
    expect(within(row('Testperson Officer')).getByText('Active')).toBeTruthy();
    expect(within(row('Testperson Locked')).getAllByText('Yes')).toHaveLength(1);
    expect(within(row('Testperson Gone')).getByText('Disabled')).toBeTruthy();
    // No actions on a disabled account, nor on one's own.
    expect(screen.queryByRole('button', { name: 'Actions for Testperson Gone' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Actions for Testperson Admin' })).toBeNull();
  });

  it('creates a user and shows the temporary passphrase once, gone after Done', async () => {
    const created = accountFor({ id: 'new', username: 'aud.test', displayName: 'Testperson New', role: 'auditor', mustChangePassphrase: true });
    const { fake, user } = await usersScreen([SELF], {
      'users:create': () => ok({ user: created, temporaryPassphrase: TEMP }),
    });
    await user.type(screen.getByLabelText('User name'), 'aud.test');
    await user.type(screen.getByLabelText('Display name'), 'Testperson New');
    await user.selectOptions(screen.getByLabelText('Role'), 'Auditor');
    await user.click(screen.getByRole('button', { name: 'Add user' }));

    expect(fake.callsTo('users:create')).toEqual([{ username: 'aud.test', displayName: 'Testperson New', role: 'auditor' }]);
    const dialog = await screen.findByRole('dialog', { name: 'Account created: temporary passphrase' });
    expect(within(dialog).getByRole('status', { name: 'Temporary passphrase' }).textContent).toBe(TEMP);
    expect(within(dialog).getByText('aud.test')).toBeTruthy();
    expect(row('Testperson New')).toBeTruthy();
    // The form is empty again for the next account.
    expect(screen.getByLabelText('User name')).toHaveProperty('value', '');

    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body.textContent).not.toContain(TEMP);
    expect(JSON.stringify(storeSnapshots())).not.toContain(TEMP);
  });

  it('refuses an invalid new account before asking core', async () => {
    const { fake, user } = await usersScreen([SELF]);
    await user.type(screen.getByLabelText('User name'), 'has space');
    await user.click(screen.getByRole('button', { name: 'Add user' }));
    expect(screen.getByText("Use only letters, digits, '.', '_' and '-' (no spaces).")).toBeTruthy();
    expect(screen.getByText('Enter a display name.')).toBeTruthy();
    expect(fake.callsTo('users:create')).toEqual([]);
  });

  it('resets a passphrase after confirmation, with the row version, and shows the new one once', async () => {
    const { fake, user } = await usersScreen(undefined, {
      'users:resetPassphrase': () => ok({ user: { ...OFFICER, version: 4, mustChangePassphrase: true }, temporaryPassphrase: TEMP }),
    });
    await chooseAction(user, 'Testperson Officer', /Reset passphrase/);
    const confirm = await screen.findByRole('dialog', { name: 'Reset the passphrase of Testperson Officer?' });
    await user.click(within(confirm).getByRole('button', { name: 'Reset passphrase' }));

    expect(fake.callsTo('users:resetPassphrase')).toEqual([{ userId: OFFICER.id, version: 3 }]);
    const panel = await screen.findByRole('dialog', { name: 'New temporary passphrase' });
    expect(within(panel).getByRole('status', { name: 'Temporary passphrase' }).textContent).toBe(TEMP);
    await user.click(within(panel).getByRole('button', { name: 'Done' }));
    expect(document.body.textContent).not.toContain(TEMP);
  });

  it('disables with the row version and shows LAST_ADMINISTRATOR translated in the dialog', async () => {
    const other = accountFor({ id: 'admin-2', displayName: 'Testperson Second', role: 'administrator', version: 7 });
    const { fake, user } = await usersScreen([SELF, other], { 'users:disable': () => fail('LAST_ADMINISTRATOR') });
    await chooseAction(user, 'Testperson Second', /Disable account/);
    const dialog = await screen.findByRole('dialog', { name: 'Disable the account of Testperson Second?' });
    expect(within(dialog).getByText(/keyslot is removed/)).toBeTruthy();
    expect(within(dialog).getByText(/stays in the audit trail/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Disable account' }));

    expect(fake.callsTo('users:disable')).toEqual([{ userId: 'admin-2', version: 7 }]);
    expect((await within(dialog).findByRole('alert')).textContent).toContain('The last active administrator cannot be disabled.');
    expect(within(row('Testperson Second')).getByText('Active')).toBeTruthy();
  });

  it('disables an account and shows it disabled', async () => {
    const { user } = await usersScreen(undefined, { 'users:disable': () => ok({ ...OFFICER, status: 'disabled', version: 4 }) });
    await chooseAction(user, 'Testperson Officer', /Disable account/);
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Disable account' }));
    expect(await screen.findByText('The account of Testperson Officer has been disabled.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(row('Testperson Officer')).getByText('Disabled')).toBeTruthy();
  });

  it('reloads the list on STALE_VERSION so the next attempt uses the current version', async () => {
    let version = 3;
    const { fake, user } = await usersScreen(undefined, {
      'users:list': () => ok({ users: [SELF, { ...OFFICER, version }, LOCKED] }),
      'users:disable': () => {
        version = 5;
        return fail('STALE_VERSION');
      },
    });
    await chooseAction(user, 'Testperson Officer', /Disable account/);
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Disable account' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Someone else changed this record');
    await user.click(within(dialog).getByRole('button', { name: 'Disable account' }));
    expect(fake.callsTo('users:disable')).toEqual([
      { userId: OFFICER.id, version: 3 },
      { userId: OFFICER.id, version: 5 },
    ]);
  });

  it('offers Unlock sign-in only for a locked-out account', async () => {
    const { fake, user } = await usersScreen(undefined, { 'users:unlockSignIn': () => ok({ ...LOCKED, lockedOut: false }) });
    await chooseAction(user, 'Testperson Locked', /Unlock sign-in/);
    expect(fake.callsTo('users:unlockSignIn')).toEqual([{ userId: LOCKED.id }]);
    expect(await screen.findByText('Sign-in for Testperson Locked has been unlocked.')).toBeTruthy();
    expect(within(row('Testperson Locked')).queryByText('Yes')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Actions for Testperson Officer' }));
    await screen.findByRole('menuitem', { name: /Reset passphrase/ });
    expect(screen.queryByRole('menuitem', { name: 'Unlock sign-in' })).toBeNull();
  });

  it('shows a refusal of the list translated', async () => {
    installFakeMamori({
      'session:current': () => ok(sessionFor({ role: 'administrator' })),
      'users:list': () => fail('FORBIDDEN'),
    });
    renderApp();
    expect((await screen.findByRole('alert')).textContent).toContain('Your role does not allow this action.');
  });
});
