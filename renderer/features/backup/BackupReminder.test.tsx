import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../../electron/common/contract.backup';
import type { Role } from '../../../electron/common/accounts';
import { installFakeMamori, ok } from '../../test/fakeMamori';
import { sessionFor } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { backupStatus, NEVER_BACKED_UP, vaultKeys } from './backup.fixtures';

/** The shell on Users (or a role's first section), as the reminder is seen above it. */
async function shellWith(status: BackupStatus, role: Role = 'administrator') {
  const fake = installFakeMamori({
    'session:current': () => ok(sessionFor({ role, lastView: role === 'administrator' ? 'users' : null })),
    'users:list': () => ok({ users: [] }),
    'audit:actors': () => ok({ actors: [] }),
    'audit:list': () => ok({ entries: [], nextBefore: null }),
    'backup:status': () => ok(status),
    'vault:keys': () => ok(vaultKeys()),
  });
  const rendered = renderApp();
  await screen.findByRole('navigation', { name: 'Main navigation' });
  return { fake, ...rendered };
}

describe('backup reminder', () => {
  it('warns an administrator when the last verified backup is older than the reminder allows, with the way to Backups', async () => {
    const { user } = await shellWith(backupStatus({ daysSince: 9, overdue: true, reminderDays: 7 }));
    const reminder = await screen.findByTestId('backup-reminder');
    expect(within(reminder).getByText('Last verified backup: 9 days ago')).toBeTruthy();
    expect(within(reminder).getByText('Backups are due every 7 days. Make a verified backup now.')).toBeTruthy();

    await user.click(within(reminder).getByRole('button', { name: 'Open Backups and keys' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Backups and keys' })).toBeTruthy();
    // The Backups screen says it itself; the banner is not repeated above it.
    expect(screen.queryByTestId('backup-reminder')).toBeNull();
  });

  it('warns when there has never been a verified backup', async () => {
    await shellWith(backupStatus(NEVER_BACKED_UP));
    const reminder = await screen.findByTestId('backup-reminder');
    expect(within(reminder).getByText('No verified backup yet')).toBeTruthy();
    expect(within(reminder).getByText(/Make a verified backup now\./)).toBeTruthy();
  });

  it('only says when the last backup was made when it is recent', async () => {
    await shellWith(backupStatus({ daysSince: 1, overdue: false }));
    const reminder = await screen.findByTestId('backup-reminder');
    expect(reminder.textContent).toBe('Last verified backup: yesterday');
    expect(within(reminder).queryByRole('button')).toBeNull();
  });

  it('is not shown to anyone but administrators', async () => {
    const { fake } = await shellWith(backupStatus(NEVER_BACKED_UP), 'auditor');
    expect(await screen.findByRole('heading', { level: 2, name: 'Audit trail' })).toBeTruthy();
    expect(screen.queryByTestId('backup-reminder')).toBeNull();
    expect(fake.callsTo('backup:status')).toEqual([]);
  });
});
