import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../electron/common/accounts';
import type { PurgeRow } from '../../../electron/common/contract.retention';
import { DEFAULT_RETENTION_MONTHS } from '../../../electron/common/retention';
import { i18n } from '../../i18n/i18n';
import { caseId } from '../../test/renderCases';
import { fail, installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { renderWithProviders, signInAs } from '../../test/renderCase';
import { RetentionScreen } from './RetentionScreen';

/** Synthetic rows: references and dates only, as `retention:list` sends them. */
function row(n: number, overrides: Partial<PurgeRow> = {}): PurgeRow {
  return {
    caseId: caseId(n),
    reference: `TV-2021-${String(n).padStart(4, '0')}`,
    outcome: 'returned-home',
    closedOn: '2021-03-01',
    dueOn: '2026-03-01',
    due: true,
    hold: null,
    ...overrides,
  };
}

const HOLD = { id: 'h-1', placedAt: '2026-02-01T09:00:00.000Z', placedBy: 'Testperson Supervisor', reason: 'Appeal pending (fictional)', releasedAt: null, releasedBy: null, releaseReason: null };
const ROWS = [row(1), row(2, { outcome: 'not-identified', hold: HOLD }), row(3, { outcome: 'unspecified' })];

function handlers(rows: PurgeRow[] = ROWS, extra: Handlers = {}): Handlers {
  return {
    'retention:policy': () => ok(DEFAULT_RETENTION_MONTHS),
    'retention:list': () => ok({ today: '2026-11-26', total: rows.length, rows }),
    ...extra,
  };
}

async function renderScreen(role: Role, h: Handlers = handlers(), language: 'en' | 'ja' = 'en') {
  await i18n.changeLanguage(language);
  const fake = installFakeMamori(h);
  signInAs(role);
  const { user } = renderWithProviders(<RetentionScreen />);
  await screen.findByRole('table', { name: language === 'en' ? 'Closed cases past or near their retention period' : '保存期間が満了した、または満了が近い終結事案' });
  return { fake, user };
}

const rows = () => screen.getAllByTestId('purge-row');
const cells = (r: HTMLElement) => within(r).getAllByRole('cell').map((cell) => cell.textContent);

describe('retention and purge', () => {
  it('shows an administrator what a purge would remove now, held cases apart, and no case content', async () => {
    await renderScreen('administrator');
    expect(screen.getByTestId('purge-summary').textContent).toBe('Can be purged now: 2. Kept under a legal hold: 1.');
    expect(cells(rows()[0])).toEqual(['TV-2021-0001', 'Returned home (assisted voluntary return included)', 'Mar 1, 2021', 'Ended Mar 1, 2026', 'None', 'Purge…']);
    expect(cells(rows()[1]).slice(4)).toEqual(['Since Feb 1, 2026, Testperson SupervisorAppeal pending (fictional)', '']);
    expect(screen.getByRole('button', { name: 'Purge 2 cases now…' })).toBeTruthy();
    // An administrator places no hold and opens no case.
    expect(screen.queryByRole('button', { name: /legal hold/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Open case/ })).toBeNull();
  });

  it('purges only once the reason is given and the number of cases is typed, then reads the list again', async () => {
    let listed = ROWS;
    const { fake, user } = await renderScreen(
      'administrator',
      handlers(undefined, {
        'retention:list': () => ok({ today: '2026-11-26', total: listed.length, rows: listed }),
        'retention:purge': (input) => {
          listed = listed.filter((r) => !input.caseIds.includes(r.caseId));
          return ok({ purged: input.caseIds.map((id) => ({ reference: ROWS.find((r) => r.caseId === id)!.reference, outcome: 'returned-home' as const, closedOn: '2021-03-01', purgedOn: '2026-11-26' })) });
        },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Purge 2 cases now…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Purge 2 case files' });
    // The held case is not in it.
    expect(within(dialog).getByTestId('purge-cases').textContent).toMatch(/TV-2021-0001.*TV-2021-0003/);
    expect(within(dialog).getByTestId('purge-cases').textContent).not.toContain('TV-2021-0002');
    const purge = within(dialog).getByRole('button', { name: 'Purge for ever' });
    expect(purge).toHaveProperty('disabled', true);
    await user.type(within(dialog).getByRole('textbox', { name: 'Type 2 to confirm' }), '2');
    await user.click(purge);
    expect(await within(dialog).findByText('State the reason in at least 5 characters.')).toBeTruthy();
    expect(fake.callsTo('retention:purge')).toEqual([]);
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Retention period ended');
    await user.click(purge);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('retention:purge')).toEqual([{ caseIds: [caseId(1), caseId(3)], reason: 'Retention period ended' }]);
    expect(await screen.findByText('Purged 2 cases')).toBeTruthy();
    expect(rows()).toHaveLength(1);
    expect(screen.getByTestId('purge-summary').textContent).toBe('Can be purged now: 0. Kept under a legal hold: 1.');
  });

  it('purges one case by typing its reference, and keeps the dialog open with core’s refusal', async () => {
    const { fake, user } = await renderScreen('administrator', handlers(undefined, { 'retention:purge': () => fail('LEGAL_HOLD') }));
    await user.click(screen.getByRole('button', { name: 'Purge case TV-2021-0003' }));
    const dialog = await screen.findByRole('dialog', { name: 'Purge 1 case file' });
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Retention period ended');
    await user.type(within(dialog).getByRole('textbox', { name: 'Type TV-2021-0003 to confirm' }), 'TV-2021-0003');
    await user.click(within(dialog).getByRole('button', { name: 'Purge for ever' }));
    expect(await within(dialog).findByText(/A case under a legal hold cannot be purged/)).toBeTruthy();
    expect(fake.callsTo('retention:purge')).toEqual([{ caseIds: [caseId(3)], reason: 'Retention period ended' }]);
    // The list was read again, in case it was out of date.
    expect(fake.callsTo('retention:list')).toHaveLength(2);
  });

  it('shows core’s refusal when a case is no longer due, purges nothing and keeps the list', async () => {
    const { fake, user } = await renderScreen('administrator', handlers(undefined, { 'retention:purge': () => fail('NOT_DUE_FOR_PURGE') }));
    await user.click(screen.getByRole('button', { name: 'Purge 2 cases now…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Purge 2 case files' });
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Retention period ended');
    // The number typed must be the number listed: "3" (every row) is not "2" (the rows without a hold).
    await user.type(within(dialog).getByRole('textbox', { name: 'Type 2 to confirm' }), '3');
    expect(within(dialog).getByRole('button', { name: 'Purge for ever' })).toHaveProperty('disabled', true);
    await user.clear(within(dialog).getByRole('textbox', { name: 'Type 2 to confirm' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Type 2 to confirm' }), '2');
    await user.click(within(dialog).getByRole('button', { name: 'Purge for ever' }));
    expect(await within(dialog).findByText(/A case in this purge is not past its retention period .* Nothing was purged; reload the purge list\./)).toBeTruthy();
    expect(fake.callsTo('retention:purge')).toHaveLength(1);
    expect(screen.queryByText(/^Purged/)).toBeNull();
    await waitFor(() => expect(fake.callsTo('retention:list')).toHaveLength(2));
    expect(rows()).toHaveLength(3);
  });

  it('lets an administrator set the periods in years or months, refusing what the contract refuses', async () => {
    const { fake, user } = await renderScreen('administrator', handlers(undefined, { 'retention:setPolicy': (input) => ok(input.periods) }));
    const value = (outcome: string) => screen.getByRole('textbox', { name: `Period for ${outcome}` });
    const unit = (outcome: string) => screen.getByRole('combobox', { name: `Unit for ${outcome}` });
    const returned = 'Returned home (assisted voluntary return included)';
    expect((value(returned) as HTMLInputElement).value).toBe('5');
    expect((unit(returned) as HTMLSelectElement).value).toBe('years');

    // 18 months for a person not identified as a victim; the unspecified period below the longest is refused.
    await user.clear(value('Not identified as a victim'));
    await user.type(value('Not identified as a victim'), '18');
    await user.selectOptions(unit('Not identified as a victim'), 'months');
    const unspecified = 'Not recorded (closed before outcomes were recorded)';
    await user.clear(value(unspecified));
    await user.type(value(unspecified), '5');
    await user.click(screen.getByRole('button', { name: 'Save the periods' }));
    expect(await screen.findByText('This period must be at least as long as every other.')).toBeTruthy();
    expect(fake.callsTo('retention:setPolicy')).toEqual([]);

    await user.clear(value(unspecified));
    await user.type(value(unspecified), '30');
    await user.click(screen.getByRole('button', { name: 'Save the periods' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(fake.callsTo('retention:setPolicy')).toEqual([{ periods: { ...DEFAULT_RETENTION_MONTHS, 'not-identified': 18 } }]);
  });

  it('shows a supervisor the list and periods read-only, and places a hold with a reason', async () => {
    const { fake, user } = await renderScreen(
      'supervisor',
      handlers(undefined, { 'retention:placeHold': () => ok({ reference: 'TV-2021-0001', closing: null, hold: HOLD, holds: [HOLD] }) }),
    );
    expect(screen.queryByRole('button', { name: /Purge/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save the periods' })).toBeNull();
    expect(screen.getByText('Only an administrator can change the retention periods.')).toBeTruthy();
    const periods = within(screen.getByRole('table', { name: 'Retention periods' })).getAllByRole('row').map((r) => r.textContent);
    expect(periods).toEqual([
      'How the case endedKept for',
      'Permitted to stay (status granted, changed or renewed)10 years',
      'Returned home (assisted voluntary return included)5 years',
      'Not identified as a victim3 years',
      'Transferred to another office or authority5 years',
      'Contact lost10 years',
      'Other (the reason says what)10 years',
      'Not recorded (closed before outcomes were recorded)30 years',
    ]);
    expect(screen.getByRole('button', { name: 'Open case TV-2021-0001' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Release the legal hold on TV-2021-0002' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Place a legal hold on TV-2021-0001' }));
    const dialog = await screen.findByRole('dialog', { name: 'Place a legal hold on TV-2021-0001' });
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Prosecution pending (fictional)');
    await user.click(within(dialog).getByRole('button', { name: 'Place the hold' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('retention:placeHold')).toEqual([{ caseId: caseId(1), reason: 'Prosecution pending (fictional)' }]);
    expect(fake.callsTo('retention:list')).toHaveLength(2);
  });

  it('looks further ahead on request, and is in Japanese for a Japanese user', async () => {
    const { fake, user } = await renderScreen('administrator', handlers([row(4, { due: false, dueOn: '2027-01-10' })]), 'ja');
    expect(cells(rows()[0]).slice(0, 5)).toEqual(['TV-2021-0004', '帰国（帰国支援による帰国を含む）', '2021/03/01', '2027/01/10に満了予定', 'なし']);
    expect(screen.getByRole('button', { name: '0件を今すぐ廃棄…' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('radio', { name: '90日以内に満了' }));
    await waitFor(() => expect(fake.callsTo('retention:list')).toEqual([{ withinDays: 0 }, { withinDays: 90 }]));
  });
});
