import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { PendingGrant } from '../../../electron/common/contract.sealing';
import { i18n } from '../../i18n/i18n';
import { fail, installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { sessionFor } from '../../test/fixtures';
import { theme } from '../../ui/theme';
import { useSessionStore } from '../session/session.store';
import { SealingAccessSection } from './SealingAccessSection';

/** Invented colleagues waiting for a grant. */
const DOI: PendingGrant = { userId: '00000000-0000-4000-8000-0000000000d1', displayName: 'Supervisor Doi', role: 'supervisor', keyId: '9f3a0c12be45d678', since: '2026-11-20T09:00:00Z', afterReset: false };
const AOKI: PendingGrant = { userId: '00000000-0000-4000-8000-0000000000a1', displayName: 'Officer Aoki', role: 'officer', keyId: '1111222233334444', since: '2026-11-21T09:00:00Z', afterReset: true };

function renderSection(handlers: Handlers, role: 'officer' | 'supervisor' = 'supervisor') {
  const fake = installFakeMamori(handlers);
  useSessionStore.setState({ status: 'signed-in', user: sessionFor({ role }).user });
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <SealingAccessSection />
      </MantineProvider>
    </I18nextProvider>,
  );
  return { fake, user: userEvent.setup() };
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('access to sealed information on the home view', () => {
  it('shows nothing while the key is granted and nobody waits', async () => {
    const { fake } = renderSection({ 'sealing:status': () => ok({ status: 'granted', keyId: '0123456789abcdef', pending: [] }) });
    await waitFor(() => expect(fake.callsTo('sealing:status')).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('region')).toBeNull();
  });

  it("tells a case worker whose key waits for a grant, with the key id to read out, in both languages", async () => {
    renderSection({ 'sealing:status': () => ok({ status: 'pending', keyId: '9f3a0c12be45d678', pending: [] }) }, 'officer');
    const notice = await screen.findByTestId('sealing-own-pending');
    expect(notice.textContent).toContain("waiting for a supervisor's grant");
    expect(notice.textContent).toContain('9F3A 0C12 BE45 D678');
    await i18n.changeLanguage('ja');
    await waitFor(() => expect(screen.getByTestId('sealing-own-pending').textContent).toContain('監督者の付与待ち'));
  });

  it('a supervisor grants one pending key after confirming its id; the grant names the key it was shown', async () => {
    let pending = [DOI, AOKI];
    const { fake, user } = renderSection({
      'sealing:status': () => ok({ status: 'granted', keyId: '0123456789abcdef', pending }),
      'sealing:grant': (input) => {
        pending = pending.filter((p) => p.userId !== (input as { userId: string }).userId);
        return ok({ cases: 12, pending });
      },
    });
    const list = await screen.findByRole('region', { name: 'Access to sealed information waiting for your grant' });
    const rows = within(list).getAllByTestId('sealing-pending-row');
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining('new account'), expect.stringContaining('after a passphrase reset')]);
    await user.click(within(list).getByRole('button', { name: 'Grant access to sealed information to Supervisor Doi' }));
    const dialog = await screen.findByRole('dialog', { name: 'Grant access to sealed information to Supervisor Doi' });
    expect(within(dialog).getByTestId('sealing-grant-key-id').textContent).toBe('9F3A 0C12 BE45 D678');
    expect(dialog.textContent).toContain('every case');
    expect(fake.callsTo('sealing:grant')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'The key ID matches: grant' }));
    await waitFor(() => expect(fake.callsTo('sealing:grant')).toEqual([{ userId: DOI.userId, keyId: DOI.keyId }]));
    expect((await screen.findByRole('status')).textContent).toContain('Supervisor Doi now holds the keys of 12 cases.');
    expect(within(screen.getByRole('region', { name: 'Access to sealed information waiting for your grant' })).getAllByTestId('sealing-pending-row')).toHaveLength(1);
  });

  it('keeps a refused grant in the dialog, with its reason', async () => {
    const { user } = renderSection({
      'sealing:status': () => ok({ status: 'granted', keyId: '0123456789abcdef', pending: [AOKI] }),
      'sealing:grant': () => fail('STALE_VERSION'),
    });
    await user.click(await screen.findByRole('button', { name: 'Grant access to sealed information to Officer Aoki' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'The key ID matches: grant' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toBeTruthy());
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});
