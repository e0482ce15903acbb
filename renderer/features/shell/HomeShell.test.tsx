import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ViewSchema, type Role } from '../../../electron/common/accounts';
import { i18n } from '../../i18n/i18n';
import { installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { sessionFor } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { SECTIONS } from '../navigation/sections';

async function shellFor(role: Role, lastView: string | null = null, handlers: Handlers = {}) {
  const fake = installFakeMamori({
    'session:current': () => ok(sessionFor({ role, lastView })),
    'users:list': () => ok({ users: [] }),
    'audit:actors': () => ok({ actors: [] }),
    'audit:list': () => ok({ entries: [], nextBefore: null }),
    'cases:list': () => ok({ rows: [], total: 0 }),
    ...handlers,
  });
  const rendered = renderApp();
  const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
  return { fake, nav, ...rendered };
}

function navItems(nav: HTMLElement): string[] {
  return within(nav)
    .getAllByRole('button')
    .map((button) => button.textContent ?? '');
}

function currentItem(nav: HTMLElement): string | null {
  return nav.querySelector('[aria-current="page"]')?.textContent ?? null;
}

describe('navigation by role', () => {
  it.each([
    ['officer', ['My work', 'Cases', 'Interpreters', 'Organisations', 'Exports', 'Settings']],
    ['supervisor', ['My work', 'Cases', 'Decisions', 'Interpreters', 'Organisations', 'Exports', 'Retention', 'Statistics', 'Settings']],
    ['auditor', ['Audit trail', 'Settings']],
    ['administrator', ['Users', 'Backups and keys', 'Retention', 'Statistics', 'Audit trail', 'Settings']],
  ] as const)('shows a %s only their sections, the first one open', async (role, expected) => {
    const { nav } = await shellFor(role);
    expect(navItems(nav)).toEqual(expected);
    expect(currentItem(nav)).toBe(expected[0]);
    expect(screen.getByRole('heading', { level: 2, name: expected[0] })).toBeTruthy();
  });
});

describe('last view', () => {
  it('opens the view remembered from the last session', async () => {
    const { nav } = await shellFor('administrator', 'audit');
    expect(currentItem(nav)).toBe('Audit trail');
    expect(await screen.findByRole('heading', { name: 'Audit trail' })).toBeTruthy();
  });

  it("falls back to the role's first section when the remembered one is not theirs", async () => {
    expect(currentItem((await shellFor('auditor', 'users')).nav)).toBe('Audit trail');
  });

  it('falls back for a view that no longer exists', async () => {
    expect(currentItem((await shellFor('officer', 'old-section')).nav)).toBe('My work');
  });

  it('tells core each section the user opens', async () => {
    const { fake, nav, user } = await shellFor('supervisor');
    await user.click(within(nav).getByRole('button', { name: 'Cases' }));
    await user.click(within(nav).getByRole('button', { name: 'Settings' }));
    expect(fake.callsTo('users:setLastView')).toEqual([{ view: 'cases' }, { view: 'settings' }]);
    expect(currentItem(nav)).toBe('Settings');
  });

  it('uses section ids core accepts as a view', () => {
    for (const section of SECTIONS) expect(ViewSchema.safeParse(section).success, section).toBe(true);
  });
});

describe('keyboard shortcuts', () => {
  it('lists the shortcuts on "?", and Escape closes the list', async () => {
    const { user } = await shellFor('officer');
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(dialog).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual([
      'KeysWhat it does',
      'Ctrl + LLock now (the panic key): the screen is hidden at once',
      'Ctrl + KGo to the case list and search',
      'Ctrl + NOpen a new case (intake)',
      '?Show this list',
      'EscClose a dialog without saving',
      'TabMove between fields and buttons (Shift+Tab goes back)',
    ]);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull());
  });

  it('goes to the case search on Ctrl+K with the field focused, and to a new case on Ctrl+N', async () => {
    const { nav, user } = await shellFor('officer');
    await user.keyboard('{Control>}k{/Control}');
    const search = await screen.findByRole('searchbox', { name: 'Search cases' });
    await waitFor(() => expect(document.activeElement).toBe(search));
    expect(currentItem(nav)).toBe('Cases');
    // A "?" typed into a field is text, not a request for help.
    await user.keyboard('?');
    expect((search as HTMLInputElement).value).toBe('?');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('{Control>}n{/Control}');
    expect(await screen.findByRole('heading', { level: 2, name: 'New case' })).toBeTruthy();
  });

  it('offers an auditor neither the case search nor a new case', async () => {
    const { nav, user } = await shellFor('auditor');
    await user.keyboard('{Control>}k{/Control}{Control>}n{/Control}');
    expect(currentItem(nav)).toBe('Audit trail');
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).queryByText('Go to the case list and search')).toBeNull();
    expect(within(dialog).queryByText('Open a new case (intake)')).toBeNull();
  });
});

describe('the routine check of the audit trail at sign-in', () => {
  it.each([
    ['auditor', [{ macs: 'since-checkpoint' }]],
    ['administrator', [{ macs: 'since-checkpoint' }]],
    ['officer', []],
    ['supervisor', []],
  ] as const)('runs once as a %s signs in when theirs is the trail to answer for', async (role, expected) => {
    const { fake } = await shellFor(role);
    if (expected.length) await waitFor(() => expect(fake.callsTo('audit:verify')).toEqual(expected));
    else expect(fake.callsTo('audit:verify')).toEqual([]);
  });

  it('runs once an administrator who signed in with a temporary passphrase has replaced it, not before', async () => {
    const fake = installFakeMamori({
      'session:current': () => ok(sessionFor({ role: 'administrator', mustChangePassphrase: true })),
      'session:changePassphrase': () => ok(sessionFor({ role: 'administrator', mustChangePassphrase: false })),
      'users:list': () => ok({ users: [] }),
    });
    const { user } = renderApp();
    await user.type(await screen.findByLabelText('Temporary passphrase'), 'temporary passphrase 01');
    expect(fake.callsTo('audit:verify')).toEqual([]);
    await user.type(screen.getByLabelText('New passphrase'), 'administrator passphrase 02');
    await user.type(screen.getByLabelText('Confirm new passphrase'), 'administrator passphrase 02');
    await user.click(screen.getByRole('button', { name: 'Set passphrase and continue' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Users' })).toBeTruthy();
    await waitFor(() => expect(fake.callsTo('audit:verify')).toEqual([{ macs: 'since-checkpoint' }]));
    // Not again while the session stays open (a change of language replaces the user too).
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(await screen.findByRole('radio', { name: '日本語' }));
    expect(await screen.findByRole('heading', { level: 2, name: '設定' })).toBeTruthy();
    expect(fake.callsTo('users:setLocale')).toEqual([{ locale: 'ja' }]);
    expect(fake.callsTo('audit:verify')).toHaveLength(1);
  });

  it('shows a break it found on every screen of an administrator, in both languages, with the way to the audit trail', async () => {
    const { user } = await shellFor('administrator', null, {
      'audit:verify': () => ok({ intact: false, entries: 211, intactUpTo: 211, firstBroken: { seq: 212, reason: 'sequence-gap' as const }, anchors: [] }),
    });
    const alert = await screen.findByRole('alert', { name: 'The audit trail failed its check at sign-in' });
    expect(alert.textContent).toContain('Entry #212 does not verify: a sequence number is missing: an entry was removed.');
    expect(alert.textContent).toContain('Keep this workstation as it is');
    expect(screen.getByRole('heading', { level: 2, name: 'Users' })).toBeTruthy();
    await user.click(within(alert).getByRole('button', { name: 'Open the audit trail' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Audit trail' })).toBeTruthy();
    // Still there on the audit screen, without the way to it.
    const there = screen.getByRole('alert', { name: 'The audit trail failed its check at sign-in' });
    expect(within(there).queryByRole('button')).toBeNull();
    await i18n.changeLanguage('ja');
    expect((await screen.findByRole('alert', { name: 'サインイン時の確認で監査記録の改ざんを検出しました' })).textContent).toContain('記録 #212 を検証できません');
  });
});

