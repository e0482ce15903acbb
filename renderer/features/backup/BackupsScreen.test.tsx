import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { BackupStatus } from '../../../electron/common/contract.backup';
import { i18n } from '../../i18n/i18n';
import { fail, installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { renderWithProviders, signInAs } from '../../test/renderCase';
import { backupRecord, backupStatus, deferred, HASH, NEVER_BACKED_UP, vaultKeys } from './backup.fixtures';
import { BackupsScreen } from './BackupsScreen';

async function renderBackups(handlers: Handlers, language: 'en' | 'ja' = 'en') {
  await i18n.changeLanguage(language);
  const fake = installFakeMamori({ 'vault:keys': () => ok(vaultKeys()), ...handlers });
  signInAs('administrator');
  const onOpenUsers = vi.fn();
  const rendered = renderWithProviders(<BackupsScreen onOpenUsers={onOpenUsers} />);
  return { fake, onOpenUsers, ...rendered };
}

const section = (name: string) => screen.getByRole('region', { name });

describe('Backups and keys', () => {
  it('shows the last verified backup, who made it, the register and the vault key generation', async () => {
    await renderBackups({ 'backup:status': () => ok(backupStatus({ daysSince: 2 })), 'vault:keys': () => ok(vaultKeys({ generation: 3 })) });

    expect(await screen.findByText('Last verified backup: 2 days ago')).toBeTruthy();
    const backups = section('Verified backups');
    expect(within(backups).getByText(/by Testperson Admin, file mamori-2026-11-20\.mamori-backup, 12 cases/)).toBeTruthy();
    // Not overdue: no warning.
    expect(within(backups).queryByText(/Make a verified backup now/)).toBeNull();

    const table = screen.getByRole('table', { name: 'Recent verified backups' });
    const [, row] = within(table).getAllByRole('row');
    const cells = within(row).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells.slice(1)).toEqual(['Testperson Admin', 'mamori-2026-11-20.mamori-backup', '2.3 MB', '12', 'up to entry 340', expect.stringContaining('0123456789ab…')]);

    expect(within(section('Data key')).getByText('3')).toBeTruthy();
    expect(within(section('Data key')).getByText('Never')).toBeTruthy();
  });

  it('warns when no verified backup exists', async () => {
    await renderBackups({ 'backup:status': () => ok(backupStatus(NEVER_BACKED_UP)) });
    const backups = await screen.findByRole('region', { name: 'Verified backups' });
    expect(within(backups).getByText('No verified backup yet')).toBeTruthy();
    expect(within(backups).getByText(/the case files cannot be recovered\. Make a verified backup now\./)).toBeTruthy();
    expect(within(section('Recent backups')).getByText('None yet.')).toBeTruthy();
  });

  it('runs a backup: the progress as core reports it, then the verified file, and the status is today', async () => {
    const reply = deferred<ReturnType<typeof ok<ReturnType<typeof backupRecord>>>>();
    let status: BackupStatus = backupStatus({ daysSince: 9, overdue: true });
    const made = backupRecord({ id: 'backup-2', fileName: 'mamori-2026-11-29.mamori-backup', caseCount: 1, auditSeq: 351, bytes: 1_048_576 });
    const { fake, user } = await renderBackups({
      'backup:status': () => ok(status),
      'backup:create': () => reply.promise,
    });
    expect(await screen.findByText('Backups are due every 7 days. Make a verified backup now.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Back up now…' }));
    const bar = await screen.findByRole('progressbar', { name: 'Backup progress' });
    expect(bar.getAttribute('aria-valuetext')).toBe('Starting…');

    fake.emit('vault:progress', { operation: 'backup', phase: 'copying', done: 45, total: 100 });
    expect(await screen.findByText('Copying the vault: 45%')).toBeTruthy();
    expect(bar.getAttribute('aria-valuenow')).toBe('45');
    // Another operation's reports are not this one's.
    fake.emit('vault:progress', { operation: 'rotation', phase: 'rekeying', done: 99, total: 100 });
    expect(screen.getByText('Copying the vault: 45%')).toBeTruthy();
    fake.emit('vault:progress', { operation: 'backup', phase: 'verifying', done: 0, total: 0 });
    expect(await screen.findByText('Verifying…')).toBeTruthy();

    status = backupStatus({ last: made, recent: [made, backupRecord()], daysSince: 0, overdue: false });
    reply.resolve(ok(made));

    const done = await screen.findByRole('status', { name: 'Backup written and verified' });
    expect(done.textContent).toContain('mamori-2026-11-29.mamori-backup: 1 MB, 1 case, audit trail up to entry 351.');
    expect(done.textContent).toContain(`SHA-256 of the file: ${HASH}`);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('Last verified backup: today')).toBeTruthy();
    expect(screen.queryByText(/Backups are due every/)).toBeNull();
    expect(within(screen.getByRole('table', { name: 'Recent verified backups' })).getAllByRole('row')).toHaveLength(3);
  });

  it('says plainly that no backup was made when the save dialog is closed', async () => {
    const { user } = await renderBackups({ 'backup:status': () => ok(backupStatus()), 'backup:create': () => fail('BACKUP_CANCELLED') });
    await user.click(await screen.findByRole('button', { name: 'Back up now…' }));
    expect(await screen.findByText('No file was chosen, so no backup was made.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("shows core's error when the backup cannot be written, and no success", async () => {
    const { user } = await renderBackups({ 'backup:status': () => ok(backupStatus()), 'backup:create': () => fail('BACKUP_WRITE_FAILED') });
    await user.click(await screen.findByRole('button', { name: 'Back up now…' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The backup could not be written there (no permission, or the disk is full).');
    expect(screen.queryByText('Backup written and verified')).toBeNull();
    expect(screen.getByText('Last verified backup: 2 days ago')).toBeTruthy();
  });

  it('shows why the screen cannot be shown when the status cannot be read', async () => {
    await renderBackups({ 'backup:status': () => fail('FORBIDDEN') });
    expect((await screen.findAllByRole('alert'))[0].textContent).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Back up now…' })).toBeNull();
  });

  it('saves the reminder, and refuses an empty one without asking core', async () => {
    const { fake, user } = await renderBackups({
      'backup:status': () => ok(backupStatus()),
      'backup:setReminder': ({ days }) => ok(backupStatus({ reminderDays: days })),
    });
    const field = await screen.findByRole('textbox', { name: 'Remind administrators after (days)' });
    expect((field as HTMLInputElement).value).toBe('7');

    await user.clear(field);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Enter a whole number of days from 1 to 90.')).toBeTruthy();
    expect(fake.callsTo('backup:setReminder')).toEqual([]);

    await user.type(field, '14');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(fake.callsTo('backup:setReminder')).toEqual([{ days: 14 }]);
    expect(screen.queryByText('Enter a whole number of days from 1 to 90.')).toBeNull();
  });

  it("shows core's refusal of the reminder", async () => {
    const { user } = await renderBackups({ 'backup:status': () => ok(backupStatus()), 'backup:setReminder': () => fail('FORBIDDEN') });
    const field = await screen.findByRole('textbox', { name: 'Remind administrators after (days)' });
    await user.clear(field);
    await user.type(field, '30');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await within(section('Reminder')).findByRole('alert')).toBeTruthy();
    expect(screen.queryByText('Saved.')).toBeNull();
  });

  it('is in Japanese for a Japanese user', async () => {
    await renderBackups({ 'backup:status': () => ok(backupStatus({ daysSince: 0 })) }, 'ja');
    expect(await screen.findByRole('heading', { level: 2, name: 'バックアップと鍵' })).toBeTruthy();
    expect(screen.getByText('最後の検証済みバックアップ：今日')).toBeTruthy();
    expect(screen.getByRole('button', { name: '今すぐバックアップ…' })).toBeTruthy();
  });
});
