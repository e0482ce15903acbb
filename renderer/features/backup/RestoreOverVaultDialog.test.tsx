import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RestoreResult } from '../../../electron/common/contract.backup';
import type { Result } from '../../../electron/common/contract';
import { fail, installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { sessionFor } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { backupStatus, deferred, vaultKeys } from './backup.fixtures';

const RESULT: RestoreResult = { backupCreatedAt: '2026-11-20T01:00:00.000Z', caseCount: 12, auditSeq: 340, setAside: 'replaced-20261129T010000Z' };

/** An administrator on Backups and keys, in the whole app, so that the end of the session is seen as a user sees it. */
async function onBackups(handlers: Handlers = {}) {
  let signedIn = true;
  const fake = installFakeMamori({
    'session:current': () => ok(signedIn ? sessionFor({ role: 'administrator', username: 'admin.test', lastView: 'backups' }) : null),
    'backup:status': () => ok(backupStatus()),
    'vault:keys': () => ok(vaultKeys()),
    ...handlers,
  });
  const rendered = renderApp();
  await rendered.user.click(await screen.findByRole('button', { name: 'Restore a backup over this vault…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Restore a backup over this vault' });
  return { fake, dialog, endSession: () => (signedIn = false), ...rendered };
}

describe('restore over the vault', () => {
  it('keeps the restore button disabled until the vault ID typed matches, in any case and with or without the dash', async () => {
    const { fake, user, dialog } = await onBackups();
    expect(within(dialog).getByText("This vault's ID: 3F9A-12BC")).toBeTruthy();
    expect((within(dialog).getByRole('textbox', { name: 'Administrator user name at backup time' }) as HTMLInputElement).value).toBe('admin.test');
    const submit = within(dialog).getByRole('button', { name: 'Choose the backup file and restore' });
    const code = within(dialog).getByRole('textbox', { name: 'Type the vault ID to confirm' });
    await user.type(within(dialog).getByLabelText('Passphrase at backup time'), 'backup time passphrase');
    expect(submit).toHaveProperty('disabled', true);

    await user.type(code, '3F9A');
    expect(submit).toHaveProperty('disabled', true);
    expect(within(dialog).queryByText('This is not the ID of this vault.')).toBeNull();
    await user.type(code, '-12BD');
    expect(submit).toHaveProperty('disabled', true);
    expect(within(dialog).getByText('This is not the ID of this vault.')).toBeTruthy();

    await user.clear(code);
    await user.type(code, '3f9a12bc');
    expect(submit).toHaveProperty('disabled', false);
    expect(within(dialog).queryByText('This is not the ID of this vault.')).toBeNull();
    expect(fake.callsTo('backup:restore')).toEqual([]);
  });

  it('restores: the session ends and sign-in says which backup is in place and where the old vault went', async () => {
    const reply = deferred<Result<RestoreResult>>();
    const { fake, user, dialog, endSession } = await onBackups({ 'backup:restore': () => reply.promise });
    await user.type(within(dialog).getByLabelText('Passphrase at backup time'), 'backup time passphrase');
    await user.type(within(dialog).getByRole('textbox', { name: 'Type the vault ID to confirm' }), '3F9A-12BC');
    await user.click(within(dialog).getByRole('button', { name: 'Choose the backup file and restore' }));
    expect(fake.callsTo('backup:restore')).toEqual([{ username: 'admin.test', passphrase: 'backup time passphrase', confirmation: '3F9A12BC' }]);

    // Core ends every session before it restores; the progress goes on on the sign-in screen.
    endSession();
    fake.emit('session:locked', { reason: 'restore' });
    expect(await screen.findByText('Restoring the backup. Do not close Mamori.')).toBeTruthy();
    fake.emit('vault:progress', { operation: 'restore', phase: 'writing', done: 1, total: 2 });
    expect(await screen.findByText('Writing the backup file: 50%')).toBeTruthy();

    reply.resolve(ok(RESULT));
    const notice = await screen.findByRole('status', { name: 'Backup restored' });
    expect(notice.textContent).toMatch(/The backup made on .*2026.* was restored: 12 cases, audit trail up to entry 340\./);
    expect(notice.textContent).toContain('kept aside in the data folder as “replaced-20261129T010000Z”');
    expect(notice.textContent).toContain('Sign in with the passphrase that was valid when the backup was made.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main navigation' })).toBeNull();
  });

  it("shows core's refusal in the dialog, clears the passphrase, and the session goes on", async () => {
    const { user, dialog } = await onBackups({ 'backup:restore': () => fail('BACKUP_KEYS_UNKNOWN') });
    const passphrase = within(dialog).getByLabelText('Passphrase at backup time') as HTMLInputElement;
    await user.type(passphrase, 'not the backup passphrase');
    await user.type(within(dialog).getByRole('textbox', { name: 'Type the vault ID to confirm' }), '3F9A12BC');
    await user.click(within(dialog).getByRole('button', { name: 'Choose the backup file and restore' }));

    expect(await within(dialog).findByText(/^This user name and passphrase do not open this backup\./)).toBeTruthy();
    expect(passphrase.value).toBe('');
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
  });

  it('says plainly that nothing was restored when the file dialog is closed, and keeps the passphrase', async () => {
    const { user, dialog } = await onBackups({ 'backup:restore': () => fail('BACKUP_CANCELLED') });
    const passphrase = within(dialog).getByLabelText('Passphrase at backup time') as HTMLInputElement;
    await user.type(passphrase, 'backup time passphrase');
    await user.type(within(dialog).getByRole('textbox', { name: 'Type the vault ID to confirm' }), '3F9A12BC');
    await user.click(within(dialog).getByRole('button', { name: 'Choose the backup file and restore' }));

    expect(await within(dialog).findByText('No file was chosen, so nothing was restored.')).toBeTruthy();
    // Not core's error message in red.
    expect(within(dialog).queryByText('No file was chosen. Nothing was done.')).toBeNull();
    expect(passphrase.value).toBe('backup time passphrase');
  });
});
