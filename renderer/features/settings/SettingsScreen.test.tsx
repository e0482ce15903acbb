import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../electron/common/accounts';
import { fail, installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { sessionFor } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

async function openSettings(role: Role, handlers: Handlers = {}) {
  const fake = installFakeMamori({ 'session:current': () => ok(sessionFor({ role })), ...handlers });
  const rendered = renderApp();
  await rendered.user.click(await screen.findByRole('button', { name: 'Settings' }));
  return { fake, ...rendered };
}

describe('settings', () => {
  it('lets an administrator change the auto-lock time', async () => {
    const { fake, user } = await openSettings('administrator', {
      'settings:update': ({ autoLockMinutes }) => ok({ autoLockMinutes: autoLockMinutes ?? 5, statisticsThreshold: 10 }),
    });
    const minutes = screen.getByLabelText('Lock automatically after (minutes)');
    await user.clear(minutes);
    await user.type(minutes, '12');
    await user.click(screen.getAllByRole('button', { name: 'Save' })[0]);
    expect(fake.callsTo('settings:update')).toEqual([{ autoLockMinutes: 12 }]);
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('refuses an auto-lock time outside 1–30 before asking core', async () => {
    const { fake, user } = await openSettings('administrator');
    const minutes = screen.getByLabelText('Lock automatically after (minutes)');
    await user.clear(minutes);
    await user.click(screen.getAllByRole('button', { name: 'Save' })[0]);
    expect(screen.getByText('Enter a whole number of minutes from 1 to 30.')).toBeTruthy();
    expect(fake.callsTo('settings:update')).toEqual([]);
  });

  it('lets an administrator set the statistics threshold k within 5–20, and refuses an empty one before asking core', async () => {
    const { fake, user } = await openSettings('administrator', {
      'settings:update': ({ statisticsThreshold }) => ok({ autoLockMinutes: 5, statisticsThreshold: statisticsThreshold ?? 10 }),
    });
    const k = screen.getByLabelText('Smallest count shown in statistics (k)');
    await user.clear(k);
    const forms = screen.getAllByRole('button', { name: 'Save' });
    await user.click(forms[forms.length - 1]);
    expect(screen.getByText('Enter a whole number from 5 to 20.')).toBeTruthy();
    expect(fake.callsTo('settings:update')).toEqual([]);
    await user.clear(k);
    await user.type(k, '15');
    await user.click(forms[forms.length - 1]);
    expect(fake.callsTo('settings:update')).toEqual([{ statisticsThreshold: 15 }]);
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('shows supervisors the statistics threshold read-only, and officers not at all', async () => {
    await openSettings('supervisor');
    expect(screen.getByText('Statistics hide every count below 10.')).toBeTruthy();
    expect(screen.queryByLabelText('Smallest count shown in statistics (k)')).toBeNull();
  });

  it('shows the auto-lock time read-only to other roles', async () => {
    await openSettings('supervisor');
    expect(screen.queryByLabelText('Lock automatically after (minutes)')).toBeNull();
    expect(screen.getByText('Mamori locks automatically after 5 minutes without activity.')).toBeTruthy();
    expect(screen.getAllByText('Only an administrator can change this setting.').length).toBe(2);
  });

  it('lets every user change their own passphrase with the same form as at first sign-in', async () => {
    const { fake, user } = await openSettings('auditor', {
      'session:changePassphrase': () => ok(sessionFor({ role: 'auditor' })),
    });
    await user.type(screen.getByLabelText('Current passphrase'), 'the current passphrase');
    await user.type(screen.getByLabelText('New passphrase'), 'a different passphrase');
    await user.type(screen.getByLabelText('Confirm new passphrase'), 'a different passphrase');
    await user.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect(fake.callsTo('session:changePassphrase')).toEqual([
      { currentPassphrase: 'the current passphrase', newPassphrase: 'a different passphrase' },
    ]);
    expect(await screen.findByText('Your passphrase has been changed. Use the new one from your next sign-in.')).toBeTruthy();
    expect(screen.getByLabelText('New passphrase')).toHaveProperty('value', '');
  });

  it("saves the language to the user's account and switches the interface", async () => {
    const { fake, user } = await openSettings('officer');
    await user.click(screen.getByRole('radio', { name: '日本語' }));
    expect(fake.callsTo('users:setLocale')).toEqual([{ locale: 'ja' }]);
    expect(await screen.findByRole('heading', { name: '設定' })).toBeTruthy();
    expect(screen.getByText('5 分間操作がないと、自動的にロックされます。')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'ロック' })).toBeTruthy();
  });

  it('keeps the language when saving it fails', async () => {
    const { user } = await openSettings('officer', { 'users:setLocale': () => fail('INTERNAL') });
    await user.click(screen.getByRole('radio', { name: '日本語' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong.');
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeTruthy();
  });
});

describe('home shell', () => {
  it('shows the signed-in user with their role, and opens a section from the navigation', async () => {
    installFakeMamori({ 'session:current': () => ok(sessionFor({ role: 'supervisor' })) });
    const { user } = renderApp();
    expect(await screen.findByText('Testperson Kanade')).toBeTruthy();
    expect(screen.getByText('Supervisor')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Organisations' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Organisations' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Organisations' }).getAttribute('aria-current')).toBe('page');
  });
});
