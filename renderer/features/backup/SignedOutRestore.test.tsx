/** Restores from signed out: a new workstation's empty data folder, and a vault that is damaged. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RestoreResult } from '../../../electron/common/contract.backup';
import type { VaultDiagnostics } from '../../../electron/common/contract.vault';
import { i18n } from '../../i18n/i18n';
import { fail, installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { sessionFor } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const RESULT: RestoreResult = { backupCreatedAt: '2026-11-20T01:00:00.000Z', caseCount: 1, auditSeq: 40, setAside: null };
const DIAGNOSTICS: VaultDiagnostics = {
  state: 'damaged',
  vaultCode: '3F9A12BC',
  details: 'Mamori 0.1.0\nmamori.db: 442368 bytes\nlast failure: VAULT_DAMAGED (SQLITE_CORRUPT) at 2026-11-29T01:00:00.000Z',
};

describe('first-run restore', () => {
  async function firstRun(handlers: Handlers = {}) {
    let exists = false;
    const fake = installFakeMamori({
      'vault:status': () => ok({ exists, unlocked: false }),
      'backup:restoreInto': () => {
        exists = true;
        return ok(RESULT);
      },
      ...handlers,
    });
    const rendered = renderApp();
    await rendered.user.click(await screen.findByRole('button', { name: 'Restore from a backup…' }));
    expect(await screen.findByRole('heading', { name: 'Restore from a backup' })).toBeTruthy();
    return { fake, ...rendered };
  }

  it('restores into the empty data folder with the backup-time credentials, then asks to sign in', async () => {
    const { fake, user } = await firstRun();
    await user.type(screen.getByRole('textbox', { name: 'Administrator user name at backup time' }), 'admin.test');
    await user.type(screen.getByLabelText('Passphrase at backup time'), 'backup time passphrase');
    // Into an empty folder there is no vault to confirm by its ID.
    expect(screen.queryByRole('textbox', { name: 'Type the vault ID to confirm' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Choose the backup file and restore' }));

    expect(fake.callsTo('backup:restoreInto')).toEqual([{ username: 'admin.test', passphrase: 'backup time passphrase' }]);
    const notice = await screen.findByRole('status', { name: 'Backup restored' });
    expect(notice.textContent).toMatch(/was restored: 1 case, audit trail up to entry 40\./);
    expect(notice.textContent).not.toContain('kept aside');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('checks the fields before asking core, and shows what core refuses', async () => {
    const { fake, user } = await firstRun({ 'backup:restoreInto': () => fail('BACKUP_UNREADABLE') });
    await user.click(screen.getByRole('button', { name: 'Choose the backup file and restore' }));
    expect(fake.callsTo('backup:restoreInto')).toEqual([]);
    expect(screen.getByText('Enter a value.')).toBeTruthy();
    expect(screen.getByText('Enter your passphrase.')).toBeTruthy();

    await user.type(screen.getByRole('textbox', { name: 'Administrator user name at backup time' }), 'admin.test');
    await user.type(screen.getByLabelText('Passphrase at backup time'), 'backup time passphrase');
    await user.click(screen.getByRole('button', { name: 'Choose the backup file and restore' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This file is not a Mamori backup. Nothing was changed.');
    expect((screen.getByLabelText('Passphrase at backup time') as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('status', { name: 'Backup restored' })).toBeNull();
  });

  it('goes back to creating a vault', async () => {
    const { user } = await firstRun();
    await user.click(screen.getByRole('button', { name: 'Back to creating a vault' }));
    expect(await screen.findByRole('button', { name: 'Create vault' })).toBeTruthy();
  });

  it('is in Japanese', async () => {
    await i18n.changeLanguage('ja');
    installFakeMamori({ 'vault:status': () => ok({ exists: false, unlocked: false }) });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'バックアップから復元…' }));
    expect(await screen.findByRole('heading', { name: 'バックアップから復元' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'バックアップ作成時の管理者のユーザー名' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'バックアップファイルを選んで復元' })).toBeTruthy();
  });
});

describe('damaged vault', () => {
  async function damaged(handlers: Handlers = {}) {
    const fake = installFakeMamori({
      'session:signIn': () => fail('VAULT_DAMAGED'),
      'vault:diagnostics': () => ok(DIAGNOSTICS),
      ...handlers,
    });
    const rendered = renderApp();
    await rendered.user.type(await screen.findByRole('textbox', { name: 'User name' }), 'admin.test');
    await rendered.user.type(screen.getByLabelText('Passphrase'), 'a long enough passphrase');
    await rendered.user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'The vault cannot be opened' })).toBeTruthy();
    return { fake, ...rendered };
  }

  it('says what is wrong and that nothing was changed, and copies the technical details from core', async () => {
    const { fake, user } = await damaged();
    expect(screen.getByText('Part of the vault file is damaged, so Mamori cannot read it safely.')).toBeTruthy();
    expect(screen.getByText(/Nothing was changed: the file stays in the data folder exactly as it is/)).toBeTruthy();
    expect(fake.callsTo('vault:diagnostics')).toHaveLength(1);

    await user.click(await screen.findByRole('button', { name: 'Copy error details' }));
    expect(await navigator.clipboard.readText()).toBe(DIAGNOSTICS.details);
    expect(screen.getByText('Copied. The details contain no names or case content.')).toBeTruthy();
    expect(screen.getByTestId('diagnostics-details').textContent).toBe(DIAGNOSTICS.details);
  });

  it('restores the last verified backup after the vault ID is typed, keeping the damaged vault aside', async () => {
    const { fake, user } = await damaged({ 'backup:restoreInto': () => ok({ ...RESULT, setAside: 'replaced-20261129T010000Z' }) });
    await user.click(await screen.findByRole('button', { name: 'Restore the last verified backup…' }));
    const form = screen.getByRole('region', { name: 'Restore the last verified backup' });
    expect(within(form).getByText("This vault's ID: 3F9A-12BC")).toBeTruthy();
    await user.type(within(form).getByRole('textbox', { name: 'Administrator user name at backup time' }), 'admin.test');
    await user.type(within(form).getByLabelText('Passphrase at backup time'), 'backup time passphrase');

    await user.type(within(form).getByRole('textbox', { name: 'Type the vault ID to confirm' }), '0000-0000');
    await user.click(within(form).getByRole('button', { name: 'Choose the backup file and restore' }));
    expect(within(form).getByText('This is not the ID of this vault.')).toBeTruthy();
    expect(fake.callsTo('backup:restoreInto')).toEqual([]);

    await user.clear(within(form).getByRole('textbox', { name: 'Type the vault ID to confirm' }));
    await user.type(within(form).getByRole('textbox', { name: 'Type the vault ID to confirm' }), '3f9a-12bc');
    await user.click(within(form).getByRole('button', { name: 'Choose the backup file and restore' }));
    expect(fake.callsTo('backup:restoreInto')).toEqual([{ username: 'admin.test', passphrase: 'backup time passphrase', confirmation: '3F9A12BC' }]);

    const notice = await screen.findByRole('status', { name: 'Backup restored' });
    expect(notice.textContent).toContain('The damaged vault was kept aside in the data folder as “replaced-20261129T010000Z”. Nothing in it was deleted or changed.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('opens when a session is locked because the file turned out damaged', async () => {
    const fake = installFakeMamori({
      'session:current': () => ok(sessionFor({ role: 'administrator', lastView: 'users' })),
      'users:list': () => ok({ users: [] }),
      'backup:status': () => ok({ last: null, recent: [], reminderDays: 7, daysSince: null, overdue: true, vaultCode: '3F9A12BC' }),
      'vault:diagnostics': () => ok(DIAGNOSTICS),
    });
    renderApp();
    await screen.findByRole('navigation', { name: 'Main navigation' });
    fake.emit('session:locked', { reason: 'damaged' });
    expect(await screen.findByRole('heading', { name: 'The vault cannot be opened' })).toBeTruthy();
  });

  it('shows the way back to sign-in', async () => {
    const { user } = await damaged();
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });
});
