import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { VaultKeys } from '../../../electron/common/contract.vault';
import { storeSnapshots } from '../../stores/registry';
import { fail, installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { renderWithProviders, signInAs } from '../../test/renderCase';
import { deferred, RECOVERY_KEY, vaultKeys } from './backup.fixtures';
import { useBackupStore } from './backup.store';
import { DataKeyPanel } from './DataKeyPanel';

const LEFT_BEHIND = [{ id: 'user-7', displayName: 'Testperson Legacy' }];

/** The panel as the Backups screen shows it: it reads the keys from the store, so a reload after a rotation shows at once. */
function FromStore({ onOpenUsers }: { onOpenUsers: () => void }) {
  const keys = useBackupStore((s) => s.keys);
  return keys ? <DataKeyPanel keys={keys} onOpenUsers={onOpenUsers} /> : null;
}

function renderPanel(keys: VaultKeys, handlers: Handlers = {}) {
  const fake = installFakeMamori(handlers);
  signInAs('administrator');
  useBackupStore.setState({ keys });
  const onOpenUsers = vi.fn();
  const rendered = renderWithProviders(<FromStore onOpenUsers={onOpenUsers} />);
  return { fake, onOpenUsers, ...rendered };
}

type User = ReturnType<typeof renderPanel>['user'];

async function writeDownKey(user: User) {
  // The dialog that shows the key (a closed reason dialog may still be fading out beside it).
  const step = screen.getByLabelText('Recovery key').closest<HTMLElement>('[role="dialog"]')!;
  const done = within(step).getByRole('button', { name: 'Done' });
  expect(done).toHaveProperty('disabled', true);
  await user.click(within(step).getByRole('checkbox', { name: 'I have written down the recovery key and stored it safely' }));
  expect(done).toHaveProperty('disabled', true);
  await user.type(within(step).getByLabelText('Last group of the recovery key'), 'K7Q2');
  await user.click(done);
}

describe('data key', () => {
  it('rotates only with a reason, shows the new recovery key once as a replacement, then the new generation', async () => {
    let generation = 1;
    const { fake, user } = renderPanel(vaultKeys(), {
      'vault:rotateKey': () => {
        generation = 2;
        return ok({ generation: 2, recoveryKey: RECOVERY_KEY, accountsNeedingReset: [] });
      },
      'vault:keys': () => ok(vaultKeys({ generation, lastRotatedAt: '2026-11-29T01:00:00.000Z' })),
    });
    await user.click(screen.getByRole('button', { name: 'Rotate data key…' }));
    const dialog = screen.getByRole('dialog', { name: 'Rotate the data key' });
    const confirm = within(dialog).getByRole('button', { name: 'Rotate data key' });
    // The administrator says first that they can take the key down now.
    expect(confirm).toHaveProperty('disabled', true);
    await user.click(within(dialog).getByRole('checkbox', { name: 'I am ready to write down the new recovery key now' }));

    await user.click(confirm);
    expect(within(dialog).getByText('State the reason in at least 5 characters.')).toBeTruthy();
    expect(fake.callsTo('vault:rotateKey')).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'A staff member left the unit');
    expect(within(dialog).queryByText('State the reason in at least 5 characters.')).toBeNull();
    await user.click(confirm);
    expect(fake.callsTo('vault:rotateKey')).toEqual([{ reason: 'A staff member left the unit' }]);

    const step = await screen.findByRole('dialog', { name: 'Rotate the data key' });
    expect(within(step).getByRole('heading', { name: 'New recovery key' })).toBeTruthy();
    expect(within(step).getByText('The previous recovery key no longer opens the vault. Destroy its copy and store this one in its place.')).toBeTruthy();
    expect(within(step).getByLabelText('Recovery key').textContent).toBe(RECOVERY_KEY);
    // Never in a store, not even while it is on screen.
    expect(JSON.stringify(storeSnapshots())).not.toContain('K7Q2');

    await writeDownKey(user);
    expect(await screen.findByText('The data key was rotated (generation 2).')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body.textContent).not.toContain('K7Q2');
    expect(screen.getByText('2')).toBeTruthy();
  });

  it('shows the progress of a rotation while it runs, and keeps the dialog from closing', async () => {
    const reply = deferred<ReturnType<typeof ok<{ generation: number; recoveryKey: string; accountsNeedingReset: [] }>>>();
    const { fake, user } = renderPanel(vaultKeys(), { 'vault:rotateKey': () => reply.promise, 'vault:keys': () => ok(vaultKeys({ generation: 2 })) });
    await user.click(screen.getByRole('button', { name: 'Rotate data key…' }));
    const dialog = screen.getByRole('dialog', { name: 'Rotate the data key' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Copy of the vault may have been taken');
    await user.click(within(dialog).getByRole('checkbox', { name: 'I am ready to write down the new recovery key now' }));
    await user.click(within(dialog).getByRole('button', { name: 'Rotate data key' }));

    fake.emit('vault:progress', { operation: 'rotation', phase: 'rekeying', done: 3, total: 4 });
    expect(await within(dialog).findByText('Re-encrypting the vault: 75%')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveProperty('disabled', true);

    reply.resolve(ok({ generation: 2, recoveryKey: RECOVERY_KEY, accountsNeedingReset: [] }));
    expect((await screen.findByLabelText('Recovery key')).textContent).toBe(RECOVERY_KEY);
  });

  it("shows core's refusal in the dialog and no key", async () => {
    const { user } = renderPanel(vaultKeys(), { 'vault:rotateKey': () => fail('FORBIDDEN') });
    await user.click(screen.getByRole('button', { name: 'Rotate data key…' }));
    const dialog = screen.getByRole('dialog', { name: 'Rotate the data key' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'A staff member left the unit');
    await user.click(within(dialog).getByRole('checkbox', { name: 'I am ready to write down the new recovery key now' }));
    await user.click(within(dialog).getByRole('button', { name: 'Rotate data key' }));
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    expect(screen.queryByLabelText('Recovery key')).toBeNull();
  });

  it('issues a new recovery key with a reason, shown once', async () => {
    const { fake, user } = renderPanel(vaultKeys(), {
      'vault:reissueRecoveryKey': () => ok({ recoveryKey: RECOVERY_KEY }),
      'vault:keys': () => ok(vaultKeys()),
    });
    await user.click(screen.getByRole('button', { name: 'Issue a new recovery key…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Issue a new recovery key' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Envelope seal found broken');
    await user.click(within(dialog).getByRole('button', { name: 'Issue new recovery key' }));
    expect(fake.callsTo('vault:reissueRecoveryKey')).toEqual([{ reason: 'Envelope seal found broken' }]);

    expect((await screen.findByLabelText('Recovery key')).textContent).toBe(RECOVERY_KEY);
    await writeDownKey(user);
    expect(await screen.findByText('A new recovery key was issued. The previous one no longer opens the vault.')).toBeTruthy();
    expect(document.body.textContent).not.toContain('K7Q2');
  });

  it('asks for a new recovery key when a rotation finished without showing one', () => {
    renderPanel(vaultKeys({ generation: 2, recoveryKeyUnseen: true }));
    const warning = screen.getByRole('status', { name: 'Issue a new recovery key now' });
    expect(warning.textContent).toContain('its new recovery key was never shown');
  });

  it('has no such warning when the recovery key was shown', () => {
    renderPanel(vaultKeys());
    expect(screen.queryByText('Issue a new recovery key now')).toBeNull();
  });

  it('lists the accounts a rotation cannot reach, and after the rotation offers the way to Users', async () => {
    const { user, onOpenUsers } = renderPanel(vaultKeys({ accountsNotRotatable: LEFT_BEHIND }), {
      'vault:rotateKey': () => ok({ generation: 2, recoveryKey: RECOVERY_KEY, accountsNeedingReset: LEFT_BEHIND }),
      'vault:keys': () => ok(vaultKeys({ generation: 2 })),
    });
    expect(screen.getByText('Accounts a rotation cannot reach')).toBeTruthy();
    expect(screen.getByText('Testperson Legacy')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Rotate data key…' }));
    const dialog = screen.getByRole('dialog', { name: 'Rotate the data key' });
    expect(within(dialog).getByText('Testperson Legacy')).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'A staff member left the unit');
    await user.click(within(dialog).getByRole('checkbox', { name: 'I am ready to write down the new recovery key now' }));
    await user.click(within(dialog).getByRole('button', { name: 'Rotate data key' }));
    await screen.findByLabelText('Recovery key');
    await writeDownKey(user);

    const reset = await screen.findByRole('dialog', { name: 'Accounts that need a passphrase reset' });
    expect(within(reset).getByText('Testperson Legacy')).toBeTruthy();
    await user.click(within(reset).getByRole('button', { name: 'Open Users' }));
    expect(onOpenUsers).toHaveBeenCalledTimes(1);
  });
});
