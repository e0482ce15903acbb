import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseRetention, LegalHold } from '../../../electron/common/contract.retention';
import { i18n } from '../../i18n/i18n';
import { CASE_ID, caseDetail } from '../../test/caseDetail';
import { ok } from '../../test/fakeMamori';
import { renderCaseSection } from '../../test/renderCase';
import { CaseRetentionSection } from './CaseRetentionSection';

const closed = caseDetail({ stage: 'closed', closing: { outcome: 'returned-home', closedAt: '2021-03-01T09:00:00.000Z' } });
const hold = (overrides: Partial<LegalHold> = {}): LegalHold => ({
  id: 'h-1',
  placedAt: '2026-02-01T09:00:00.000Z',
  placedBy: 'Testperson Supervisor',
  reason: 'Appeal pending (fictional)',
  releasedAt: null,
  releasedBy: null,
  releaseReason: null,
  ...overrides,
});
const retention = (overrides: Partial<CaseRetention> = {}): CaseRetention => ({
  reference: 'TV-2026-0042',
  closing: { outcome: 'returned-home', closedOn: '2021-03-01', dueOn: '2026-03-01', due: true },
  hold: null,
  holds: [],
  ...overrides,
});

afterEach(() => i18n.changeLanguage('en'));

describe('a case\'s retention and legal hold', () => {
  it('says when the period ended, and places a hold with a reason', async () => {
    const placed = hold();
    const { fake, user } = renderCaseSection(CaseRetentionSection, closed, {
      role: 'supervisor',
      handlers: {
        'retention:case': () => ok(retention()),
        'retention:placeHold': () => ok(retention({ hold: placed, holds: [placed] })),
      },
    });
    expect((await screen.findByTestId('case-retention')).textContent).toBe(
      'Closed on Mar 1, 2021: Returned home (assisted voluntary return included).Its retention period ended on Mar 1, 2026: an administrator may purge it.',
    );
    expect(screen.getByTestId('case-hold').textContent).toMatch(/^No legal hold/);
    await user.click(screen.getByRole('button', { name: 'Place a hold…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Place a legal hold on TV-2026-0042' });
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Appeal pending (fictional)');
    await user.click(within(dialog).getByRole('button', { name: 'Place the hold' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('retention:placeHold')).toEqual([{ caseId: CASE_ID, reason: 'Appeal pending (fictional)' }]);
    expect(screen.getByTestId('case-hold').textContent).toBe('On hold since Feb 1, 2026, placed by Testperson Supervisor.Reason: Appeal pending (fictional)');
    expect(screen.getByRole('button', { name: 'Release the hold…' })).toBeTruthy();
  });

  it('releases the hold only with a reason, and then lists it among earlier holds', async () => {
    const placed = hold();
    const released = hold({ releasedAt: '2026-04-01T09:00:00.000Z', releasedBy: 'Testperson Second', releaseReason: 'Appeal decided (fictional)' });
    const { fake, user } = renderCaseSection(CaseRetentionSection, closed, {
      role: 'supervisor',
      handlers: {
        'retention:case': () => ok(retention({ hold: placed, holds: [placed] })),
        'retention:releaseHold': () => ok(retention({ hold: null, holds: [released] })),
      },
    });
    expect((await screen.findByTestId('case-hold')).textContent).toMatch(/^On hold since Feb 1, 2026/);
    await user.click(screen.getByRole('button', { name: 'Release the hold…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Release the legal hold on TV-2026-0042' });
    await user.click(within(dialog).getByRole('button', { name: 'Release the hold' }));
    expect(await within(dialog).findByText('State the reason in at least 5 characters.')).toBeTruthy();
    expect(fake.callsTo('retention:releaseHold')).toEqual([]);
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Appeal decided (fictional)');
    await user.click(within(dialog).getByRole('button', { name: 'Release the hold' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('retention:releaseHold')).toEqual([{ caseId: CASE_ID, reason: 'Appeal decided (fictional)' }]);
    expect(screen.getByTestId('case-hold').textContent).toMatch(/^No legal hold/);
    expect(screen.getByText(/released Apr 1, 2026 by Testperson Second: Appeal decided \(fictional\)/)).toBeTruthy();
  });

  it('says an open case is never purged, and lists earlier holds with who released them and why, in Japanese too', async () => {
    const released = hold({ releasedAt: '2026-04-01T09:00:00.000Z', releasedBy: 'Testperson Second', releaseReason: 'Appeal decided (fictional)' });
    renderCaseSection(CaseRetentionSection, caseDetail(), { role: 'supervisor', handlers: { 'retention:case': () => ok(retention({ closing: null, holds: [released] })) } });
    expect((await screen.findByTestId('case-retention')).textContent).toMatch(/^The case is open: an open case is never purged/);
    expect(screen.getByText(/Feb 1, 2026 by Testperson Supervisor: Appeal pending \(fictional\) — released Apr 1, 2026 by Testperson Second: Appeal decided \(fictional\)/)).toBeTruthy();
    await i18n.changeLanguage('ja');
    expect(await screen.findByText(/^この事案は進行中です/)).toBeTruthy();
  });
});
