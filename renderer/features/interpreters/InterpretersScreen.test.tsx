import { MantineProvider } from '@mantine/core';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Interpreter } from '../../../electron/common/protection';
import { i18n } from '../../i18n/i18n';
import { storeSnapshots } from '../../stores/registry';
import { fail, installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { sessionFor } from '../../test/fixtures';
import { theme } from '../../ui/theme';
import { useSessionStore } from '../session/session.store';
import { InterpretersScreen } from './InterpretersScreen';

const ANNA_ID = '00000000-0000-4000-8000-0000000001a1';
const BEN_ID = '00000000-0000-4000-8000-0000000001b2';
const CARLA_ID = '00000000-0000-4000-8000-0000000001c3';

/** Synthetic interpreters: invented names, no real person's data. */
function interpreter(overrides: Partial<Interpreter> = {}): Interpreter {
  return {
    id: ANNA_ID,
    version: 2,
    name: 'Testanna Reyes',
    nameVariants: ['テストアンナ'],
    languages: ['tl', 'en'],
    pledgeDate: '2026-01-15',
    notes: '',
    active: true,
    hasContact: true,
    conflictReason: '',
    updatedAt: '2026-02-01T09:00:00.000Z',
    ...overrides,
  };
}

const ANNA = interpreter();
const BEN = interpreter({ id: BEN_ID, name: 'Testben Nguyen', nameVariants: [], languages: ['vi'], pledgeDate: null, hasContact: false, conflictReason: 'Same name as a broker; checked, different date of birth.' });
const CARLA = interpreter({ id: CARLA_ID, name: 'Testcarla Santos', nameVariants: [], languages: ['pt'], active: false, hasContact: false });

beforeAll(() => {
  // Mantine scrolls the highlighted option into view, which jsdom does not implement.
  Element.prototype.scrollIntoView ??= () => undefined;
});

afterEach(() => {
  vi.useRealTimers();
});

function renderScreen(handlers: Handlers = {}, { fakeTimers = false } = {}) {
  if (fakeTimers) vi.useFakeTimers({ shouldAdvanceTime: true });
  const fake = installFakeMamori({
    'interpreters:list': ({ includeInactive }) => ok({ interpreters: includeInactive ? [ANNA, BEN, CARLA] : [ANNA, BEN] }),
    ...handlers,
  });
  useSessionStore.setState({ status: 'signed-in', user: sessionFor({ role: 'officer' }).user });
  const user = userEvent.setup(fakeTimers ? { advanceTimers: (ms) => vi.advanceTimersByTime(ms) } : {});
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <InterpretersScreen />
      </MantineProvider>
    </I18nextProvider>,
  );
  return { fake, user };
}

async function table() {
  return screen.findByRole('table', { name: 'Interpreter registry' });
}

function row(name: string): HTMLElement {
  return screen.getByText(name).closest('tr')!;
}

async function fillNewInterpreter(user: UserEvent) {
  await user.click(screen.getByRole('button', { name: 'Add interpreter' }));
  const form = screen.getByRole('form', { name: 'Add an interpreter' });
  await user.type(within(form).getByRole('textbox', { name: /^Name/ }), 'Testdora Lim');
  await user.type(within(form).getByRole('combobox', { name: /^Other spellings/ }), 'テストドラ{Enter}');
  await user.type(within(form).getByRole('combobox', { name: /^Languages/ }), 'Tagalog');
  await user.keyboard('{ArrowDown}{Enter}');
  await user.type(within(form).getByLabelText(/^Confidentiality pledge signed on/), '2026-02-10');
  await user.type(within(form).getByRole('textbox', { name: 'Phone' }), '090-0000-0000');
  return form;
}

const DORA_INPUT = {
  name: 'Testdora Lim',
  nameVariants: ['テストドラ'],
  languages: ['tl'],
  pledgeDate: '2026-02-10',
  notes: '',
  active: true,
};

// Forms typed key by key: generous when the suite runs in parallel.
describe('interpreter registry', () => {
  it('lists interpreters with languages, pledge, status, contact and an accepted conflict in words', async () => {
    const { fake, user } = renderScreen();
    await table();
    const anna = within(row('Testanna Reyes'));
    expect(anna.getByText('Tagalog')).toBeTruthy();
    expect(anna.getByText('English')).toBeTruthy();
    expect(anna.getByText('Signed Jan 15, 2026')).toBeTruthy();
    expect(anna.getByText('Active')).toBeTruthy();
    expect(anna.getByText('Yes')).toBeTruthy();
    expect(anna.getByText('No match')).toBeTruthy();
    expect(anna.getByText('Also: テストアンナ')).toBeTruthy();

    const ben = within(row('Testben Nguyen'));
    expect(ben.getByText('No pledge — cannot be assigned')).toBeTruthy();
    expect(ben.getByText('No')).toBeTruthy();
    expect(ben.getByText('Conflict accepted')).toBeTruthy();
    expect(ben.getByText('Reason: Same name as a broker; checked, different date of birth.')).toBeTruthy();
    // No contact on file: nothing to reveal.
    expect(screen.queryByRole('button', { name: 'Show contact of Testben Nguyen' })).toBeNull();
    expect(screen.queryByText('Testcarla Santos')).toBeNull();

    await user.click(screen.getByRole('switch', { name: 'Show inactive interpreters' }));
    expect(await screen.findByText('Testcarla Santos')).toBeTruthy();
    expect(within(row('Testcarla Santos')).getByText('Inactive')).toBeTruthy();
    expect(fake.callsTo('interpreters:list')).toEqual([{ includeInactive: false }, { includeInactive: true }]);

    await act(() => i18n.changeLanguage('ja'));
    expect(within(row('Testben Nguyen')).getByText('誓約未提出 — 割当不可')).toBeTruthy();
    expect(within(row('Testanna Reyes')).getByText('タガログ語')).toBeTruthy();
  });

  it('saves the new interpreter with its contact; the name is checked against adverse parties only by that save', async () => {
    const saved = interpreter({ id: '00000000-0000-4000-8000-0000000001d4', version: 1, ...DORA_INPUT });
    const { fake, user } = renderScreen({
      'interpreters:save': () => ok(saved),
    });
    await table();
    await fillNewInterpreter(user);
    // Enter in the spellings and languages fields picks a value; it does not submit the form early.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fake.callsTo('interpreters:save')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved: Testdora Lim')).toBeTruthy();
    expect(fake.calls.map((c) => c.channel).filter((c) => c.startsWith('interpreters:') && c !== 'interpreters:list')).toEqual(['interpreters:save']);
    expect(fake.callsTo('interpreters:save')).toEqual([
      { interpreter: DORA_INPUT, contact: { phone: '090-0000-0000', email: '', other: '' } },
    ]);
    expect(row('Testdora Lim')).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('refuses a form without a name or language before asking core', async () => {
    const { fake, user } = renderScreen();
    await table();
    await user.click(screen.getByRole('button', { name: 'Add interpreter' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText("Enter the interpreter's name.")).toBeTruthy();
    expect(screen.getByText('Choose at least one language the interpreter interprets.')).toBeTruthy();
    expect(fake.calls.filter((c) => c.channel !== 'interpreters:list' && c.channel.startsWith('interpreters:'))).toEqual([]);
    await act(() => i18n.changeLanguage('ja'));
    expect(screen.getByText('通訳人の氏名を入力してください。')).toBeTruthy();
  });

  it('on a match refused by the save, warns without saying which or how many, and saves only with a stated reason', async () => {
    const saved = interpreter({ id: '00000000-0000-4000-8000-0000000001d4', ...DORA_INPUT, conflictReason: 'Checked: a different person, same name.' });
    const { fake, user } = renderScreen({
      'interpreters:save': (input) => (input.conflictReason ? ok(saved) : fail('ADVERSE_PARTY_MATCH')),
    });
    await table();
    const form = await fillNewInterpreter(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const warning = 'This name matches an adverse party in a case file. An interpreter connected to traffickers must never hear a victim.';
    expect(await within(form).findByText(warning)).toBeTruthy();
    const dialog = await screen.findByRole('dialog', { name: 'Save despite the match?' });
    expect(fake.callsTo('interpreters:save')).toHaveLength(1);

    await user.type(within(dialog).getByLabelText(/Reason/), 'ok');
    await user.click(within(dialog).getByRole('button', { name: 'Save with this reason' }));
    expect(await within(dialog).findByText('State the reason in at least 5 characters.')).toBeTruthy();
    expect(fake.callsTo('interpreters:save')).toHaveLength(1);

    await user.clear(within(dialog).getByLabelText(/Reason/));
    await user.type(within(dialog).getByLabelText(/Reason/), 'Checked: a different person, same name.');
    await user.click(within(dialog).getByRole('button', { name: 'Save with this reason' }));
    await waitFor(() => expect(fake.callsTo('interpreters:save')).toHaveLength(2));
    expect(fake.callsTo('interpreters:save')[1]).toEqual({
      interpreter: DORA_INPUT,
      contact: { phone: '090-0000-0000', email: '', other: '' },
      conflictReason: 'Checked: a different person, same name.',
    });
    expect(await screen.findByText('Saved: Testdora Lim')).toBeTruthy();
    expect(within(row('Testdora Lim')).getByText('Conflict accepted')).toBeTruthy();
  });

  it('asks for the reason in Japanese too, and says when too many interpreters were saved in the hour', async () => {
    let saves = 0;
    const { fake, user } = renderScreen({
      'interpreters:save': (input) =>
        input.conflictReason ? ok(interpreter({ id: '00000000-0000-4000-8000-0000000001d4', ...DORA_INPUT })) : saves++ === 0 ? fail('CONFLICT_CHECKS_LIMITED') : fail('ADVERSE_PARTY_MATCH'),
    });
    await table();
    const form = await fillNewInterpreter(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await within(form).findByRole('alert')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('This name matches an adverse party in a case file. An interpreter connected to traffickers must never hear a victim.')).toBeTruthy();
    await act(() => i18n.changeLanguage('ja'));
    expect(within(form).getByText('この名前は事案記録の加害関係者と一致します。加害者とつながりのある通訳人が被害者の話を聞くことは、決してあってはなりません。')).toBeTruthy();

    const dialog = await screen.findByRole('dialog', { name: '一致がありますが保存しますか' });
    await user.type(within(dialog).getByLabelText(/理由/), '別人であることを確認済み');
    await user.click(within(dialog).getByRole('button', { name: '理由を記録して保存' }));
    await waitFor(() => expect(fake.callsTo('interpreters:save')).toHaveLength(3));
    expect(fake.callsTo('interpreters:save')[2]).toMatchObject({ conflictReason: '別人であることを確認済み' });
  });

  it('edits without touching the contact: no contact is sent, and a stale save keeps the form and uses the reloaded version', async () => {
    let saves = 0;
    let listed = 0;
    const { fake, user } = renderScreen({
      'interpreters:list': () => ok({ interpreters: [listed++ === 0 ? ANNA : { ...ANNA, version: 3, notes: 'Changed by a colleague' }, BEN] }),
      'interpreters:save': (input) => (saves++ === 0 ? fail('STALE_VERSION') : ok({ ...ANNA, version: 4, notes: input.interpreter.notes ?? '' })),
    });
    await table();
    await user.click(screen.getByRole('button', { name: 'Edit Testanna Reyes' }));
    const form = screen.getByRole('form', { name: 'Edit Testanna Reyes' });
    expect(within(form).getByText('Leave empty to keep the contact on file. Anything you type replaces it.')).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: 'Phone' })).toHaveProperty('value', '');
    await user.type(within(form).getByRole('textbox', { name: 'Notes' }), 'Prefers morning sessions');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await within(form).findByText(/Someone else changed this record/)).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: 'Notes' })).toHaveProperty('value', 'Prefers morning sessions');
    const first = fake.callsTo('interpreters:save')[0];
    expect(first).toEqual({
      interpreterId: ANNA_ID,
      version: 2,
      interpreter: { name: 'Testanna Reyes', nameVariants: ['テストアンナ'], languages: ['tl', 'en'], pledgeDate: '2026-01-15', notes: 'Prefers morning sessions', active: true },
    });
    expect(first).not.toHaveProperty('contact');
    await waitFor(() => expect(fake.callsTo('interpreters:list')).toHaveLength(2));

    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved: Testanna Reyes')).toBeTruthy();
    expect(fake.callsTo('interpreters:save')[1]).toMatchObject({ interpreterId: ANNA_ID, version: 3 });
    expect(fake.callsTo('interpreters:save')[1]).not.toHaveProperty('contact');
  });

  it('bases the retry on the current version even when a colleague made the interpreter inactive meanwhile', async () => {
    let saves = 0;
    let lists = 0;
    const { fake, user } = renderScreen({
      // The list shown (active only) no longer holds Anna after a colleague deactivated her; the full list does.
      'interpreters:list': (input) => ok({ interpreters: lists++ === 0 ? [ANNA, BEN] : input.includeInactive ? [{ ...ANNA, version: 5, active: false }, BEN] : [BEN] }),
      'interpreters:save': (input) => (saves++ === 0 ? fail('STALE_VERSION') : ok({ ...ANNA, version: 6, notes: input.interpreter.notes ?? '' })),
    });
    await table();
    await user.click(screen.getByRole('button', { name: 'Edit Testanna Reyes' }));
    const form = screen.getByRole('form', { name: 'Edit Testanna Reyes' });
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText(/Someone else changed this record/)).toBeTruthy();
    await waitFor(() => expect(fake.callsTo('interpreters:list')).toHaveLength(3));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved: Testanna Reyes')).toBeTruthy();
    expect(fake.callsTo('interpreters:save')[1]).toMatchObject({ interpreterId: ANNA_ID, version: 5 });
  });

  it('shows a contact only after a reason, counts down and hides it after 60 s, never keeping it in a store', async () => {
    const { fake, user } = renderScreen(
      { 'interpreters:revealContact': () => ok({ phone: '090-1111-2222', email: 'anna@example.test', other: '' }) },
      { fakeTimers: true },
    );
    await table();
    await user.click(screen.getByRole('button', { name: 'Show contact of Testanna Reyes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Show the contact of Testanna Reyes' });
    await user.type(within(dialog).getByLabelText(/Reason/), 'Booking an interview for TV-2026-0042');
    await user.click(within(dialog).getByRole('button', { name: 'Show' }));

    const panel = await screen.findByRole('region', { name: 'Contact of Testanna Reyes' });
    expect(within(panel).getByText('090-1111-2222')).toBeTruthy();
    expect(within(panel).getByText('anna@example.test')).toBeTruthy();
    expect(fake.callsTo('interpreters:revealContact')).toEqual([{ interpreterId: ANNA_ID, reason: 'Booking an interview for TV-2026-0042' }]);
    expect(within(panel).getByRole('timer').textContent).toBe('Hidden again in 60 seconds');
    expect(JSON.stringify(storeSnapshots())).not.toContain('090-1111-2222');

    await act(() => vi.advanceTimersByTimeAsync(59_000));
    expect(within(panel).getByRole('timer').textContent).toBe('Hidden again in 1 second');
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(screen.queryByText('090-1111-2222')).toBeNull();
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('hides a shown contact at once with "Hide now"', async () => {
    const { user } = renderScreen({ 'interpreters:revealContact': () => ok({ phone: '090-1111-2222', email: '', other: '' }) });
    await table();
    await user.click(screen.getByRole('button', { name: 'Show contact of Testanna Reyes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Show the contact of Testanna Reyes' });
    await user.type(within(dialog).getByLabelText(/Reason/), 'Booking an interview');
    await user.click(within(dialog).getByRole('button', { name: 'Show' }));
    const panel = await screen.findByRole('region', { name: 'Contact of Testanna Reyes' });
    await user.click(within(panel).getByRole('button', { name: 'Hide now' }));
    expect(screen.queryByText('090-1111-2222')).toBeNull();
    expect(screen.getByRole('button', { name: 'Show contact of Testanna Reyes' })).toBeTruthy();
  });
});
