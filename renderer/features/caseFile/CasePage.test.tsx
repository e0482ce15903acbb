import { act, screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../electron/common/accounts';
import type { Organisation, OrganisationRow } from '../../../electron/common/contract.organisations';
import { i18n } from '../../i18n/i18n';
import { resetAllStores, storeSnapshots } from '../../stores/registry';
import { CASE_ID, exploitationFacts, immigrationFacts, caseDetail as syntheticCase, type CaseOverrides } from '../../test/caseDetail';
import { fail, installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { renderWithProviders, signInAs } from '../../test/renderCase';
import { useCasePageStore } from '../cases/page/casePage.store';
import { CasePage } from './CasePage';

const PARTY_ID = '00000000-0000-4000-8000-00000000a001';
const ORG_ID = '00000000-0000-4000-8000-00000000b001';

/** A synthetic registry entry, banned from new trainees until the end of 2031. */
const ENTRY: OrganisationRow = {
  id: ORG_ID,
  type: 'broker',
  nameJa: 'テスト人材',
  nameLatin: 'Test Manpower',
  corporateNumber: '',
  prefecture: '',
  country: 'PHL',
  standing: { ban: { from: '2026-01-01', to: '2031-12-31', decisionReference: 'TEST-1' }, licenceRevoked: false, nameDisclosed: false },
  violations: 2,
};
const PARTY = { id: PARTY_ID, role: 'broker', name: 'Testbroker Ken', nameVariants: ['テストブローカー'], organisation: 'Test Agency', contact: '', notes: '', registryEntry: null } as const;

/** The synthetic case at identification, with sealed values and an adverse party on record. */
function caseDetail(overrides: CaseOverrides = {}) {
  return syntheticCase({
    stage: 'identification',
    flags: ['threat-to-life'],
    supervisor: { id: 'super-1', displayName: 'Testperson Supervisor' },
    sealed: { whereabouts: true, 'identity-documents': false, 'residence-card-number': true },
    adverseParties: [{ ...PARTY, nameVariants: [...PARTY.nameVariants] }],
    ...overrides,
  });
}

function renderCasePage(role: Role, handlers: Handlers = {}, { fakeTimers = false } = {}) {
  const fake = installFakeMamori({ 'cases:get': () => ok(caseDetail()), ...handlers });
  signInAs(role);
  const onBack = vi.fn();
  const { user, unmount } = renderWithProviders(<CasePage caseId={CASE_ID} onBack={onBack} />, { fakeTimers });
  return { fake, user, onBack, unmount };
}

async function openTab(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('tab', { name }));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('case page', () => {
  it('shows the header with the name in the language order, never in the window title', async () => {
    document.title = 'Mamori';
    renderCasePage('officer');
    expect(await screen.findByRole('heading', { name: 'Testgiven TESTFAMILY' })).toBeTruthy();
    expect(screen.getByText('TV-2026-0042')).toBeTruthy();
    expect(document.title).toBe('Mamori');
    await act(() => i18n.changeLanguage('ja'));
    expect(await screen.findByRole('heading', { name: 'TESTFAMILY Testgiven' })).toBeTruthy();
  });

  it('shows the preferred name with the person, and offers the summary export from the header', async () => {
    const { user } = renderCasePage('officer', { 'cases:get': () => ok(caseDetail({ person: { ...syntheticCase().person, preferredName: 'Gigi' } })) });
    const term = await screen.findByText('Name the person wishes to be called');
    expect(term.parentElement?.textContent).toContain('Gigi');
    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Export summary…' }));
    expect(await screen.findByRole('dialog', { name: 'Export a case summary' })).toBeTruthy();
  });

  it('shows the standing in the header, and takes the user from the decision tab to the indicator checklist', async () => {
    const { user } = renderCasePage('officer', {
      'cases:get': () =>
        ok(caseDetail({ stage: 'decision', immigration: immigrationFacts({ abscondedFromTraining: true }), exploitation: exploitationFacts({ screening: 'later', screenedOn: null }) })),
    });
    expect((await screen.findByTestId('header-standing')).textContent).toBe('Legal resident');
    await openTab(user, 'Decision');
    await user.click(within(screen.getByTestId('guidance-warnings')).getByRole('button', { name: 'Go to the indicator checklist' }));
    expect(screen.getByRole('tab', { name: 'Exploitation & identification' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('screening-state')));
    expect(within(screen.getByTestId('screening-state')).getByText('Deferred (screen later)')).toBeTruthy();
    await act(() => i18n.changeLanguage('ja'));
    expect(screen.getByTestId('header-standing').textContent).toBe('適法在留');
  });

  it('shows a sealed value only after a reason, counts down, hides it after 60 s and wipes the clipboard after 30 s', async () => {
    const { fake, user } = renderCasePage(
      'officer',
      { 'cases:revealSealed': () => ok({ field: 'residence-card-number', value: 'AB12345678CD' }) },
      { fakeTimers: true },
    );
    await openTab(user, 'Sealed information');
    const card = within(screen.getByRole('article', { name: 'Residence card number' }));
    expect(card.getByText('Recorded')).toBeTruthy();
    expect(screen.queryByText('AB12345678CD')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Show Residence card number' }));
    const dialog = await screen.findByRole('dialog', { name: 'Show Residence card number' });
    await user.type(within(dialog).getByLabelText(/Reason/), 'abc');
    await user.click(within(dialog).getByRole('button', { name: 'Show' }));
    expect(await within(dialog).findByText('State the reason in at least 5 characters.')).toBeTruthy();
    expect(fake.callsTo('cases:revealSealed')).toEqual([]);

    await user.type(within(dialog).getByLabelText(/Reason/), 'd: calling the shelter');
    await user.click(within(dialog).getByRole('button', { name: 'Show' }));
    expect(await screen.findByText('AB12345678CD')).toBeTruthy();
    expect(fake.callsTo('cases:revealSealed')).toEqual([{ caseId: CASE_ID, field: 'residence-card-number', reason: 'abcd: calling the shelter' }]);
    expect(screen.getByRole('timer').textContent).toBe('Hidden again in 60 seconds');

    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Copy Residence card number' }));
    expect(writeText).toHaveBeenLastCalledWith('AB12345678CD');
    // Main is told of the copy (never what was copied), so it clears the clipboard even if this page cannot.
    await waitFor(() => expect(fake.callsTo('session:copied')).toEqual([{}]));

    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(screen.getByRole('timer').textContent).toBe('Hidden again in 50 seconds');
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(writeText).toHaveBeenLastCalledWith('');
    expect(screen.getByText('AB12345678CD')).toBeTruthy();

    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(screen.queryByText('AB12345678CD')).toBeNull();
    expect(screen.queryByRole('timer')).toBeNull();
    expect(JSON.stringify(useCasePageStore.getState())).not.toContain('AB12345678CD');
  });

  it('hides a revealed value when the tab is left and wipes the clipboard at once when the page is left', async () => {
    const { user, unmount } = renderCasePage('officer', {
      'cases:revealSealed': () => ok({ field: 'residence-card-number', value: 'AB12345678CD' }),
    });
    await openTab(user, 'Sealed information');
    await user.click(screen.getByRole('button', { name: 'Show Residence card number' }));
    const dialog = await screen.findByRole('dialog', { name: 'Show Residence card number' });
    await user.type(within(dialog).getByLabelText(/Reason/), 'calling the shelter');
    await user.click(within(dialog).getByRole('button', { name: 'Show' }));
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(await screen.findByRole('button', { name: 'Copy Residence card number' }));
    expect(writeText).toHaveBeenLastCalledWith('AB12345678CD');

    await openTab(user, 'Person');
    await openTab(user, 'Sealed information');
    expect(screen.queryByText('AB12345678CD')).toBeNull();
    expect(screen.getByRole('button', { name: 'Show Residence card number' })).toBeTruthy();

    unmount();
    expect(writeText).toHaveBeenLastCalledWith('');
    expect(useCasePageStore.getState().detail).toBeNull();
  });

  it('drops a revealed sealed note when the session locks', async () => {
    const noteId = '00000000-0000-4000-8000-00000000e001';
    const { fake, user } = renderCasePage('officer', {
      'cases:get': () =>
        ok(caseDetail({ timeline: [{ kind: 'note', id: noteId, at: '2026-03-02T10:00:00.000Z', authorName: 'Testperson Officer', noteType: 'contact', sealed: true, body: null }] })),
      'cases:revealNote': () => ok({ body: 'Safe phone window is 18:00-19:00' }),
    });
    await openTab(user, 'Timeline');
    await user.click(screen.getByRole('button', { name: 'Show sealed note' }));
    const dialog = await screen.findByRole('dialog', { name: 'Show sealed note' });
    await user.type(within(dialog).getByLabelText(/Reason/), 'arranging a call');
    await user.click(within(dialog).getByRole('button', { name: 'Show' }));
    expect(await screen.findByText('Safe phone window is 18:00-19:00')).toBeTruthy();
    expect(fake.callsTo('cases:revealNote')).toEqual([{ caseId: CASE_ID, noteId, reason: 'arranging a call' }]);

    act(() => resetAllStores());
    expect(screen.queryByText('Safe phone window is 18:00-19:00')).toBeNull();
    expect(JSON.stringify(storeSnapshots())).not.toContain('Safe phone window');
  });

  it('keeps the edited values after a stale save, shows the message and reloads without closing the form', async () => {
    let version = 3;
    const { fake, user } = renderCasePage('officer', {
      'cases:get': () => ok(caseDetail({ version })),
      'cases:update': () => fail('STALE_VERSION'),
    });
    await user.click(await screen.findByRole('button', { name: 'Edit Person' }));
    const family = screen.getByRole('textbox', { name: 'Family name' });
    await user.clear(family);
    await user.type(family, 'Editedfamily');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/Someone else changed this record after you opened it/)).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Family name' }) as HTMLInputElement).value).toBe('Editedfamily');
    expect(fake.callsTo('cases:update')[0]).toMatchObject({ caseId: CASE_ID, version: 3, person: { familyName: 'Editedfamily' } });

    version = 4;
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(await screen.findByText(/The case was reloaded/)).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Family name' }) as HTMLInputElement).value).toBe('Editedfamily');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(fake.callsTo('cases:update')[1]).toMatchObject({ version: 4, person: { familyName: 'Editedfamily' } });
  });

  it('maps core field issues to the fields and refuses an invalid form without asking core', async () => {
    const { fake, user } = renderCasePage('officer', {
      'cases:setSealed': () => fail('INVALID_INPUT', { issues: [{ path: 'sealed.value.address', message: 'too long' }] }),
    });
    await openTab(user, 'Sealed information');
    await user.click(screen.getByRole('button', { name: 'Edit Residence card number' }));
    await user.type(screen.getByRole('textbox', { name: 'Residence card number' }), 'AB123');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/2 letters, 8 digits, 2 letters/)).toBeTruthy();
    expect(fake.callsTo('cases:setSealed')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'Edit Whereabouts' }));
    await user.type(screen.getByRole('textbox', { name: 'Address' }), 'Somewhere 1-2-3');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('This value is not valid.')).toBeTruthy();
    expect(fake.callsTo('cases:setSealed')[0]).toMatchObject({ version: 3, sealed: { field: 'whereabouts', value: { address: 'Somewhere 1-2-3' } } });
  });

  it('requires a matched name to be acknowledged with a reason before Continue', async () => {
    const { fake, user } = renderCasePage('officer', {
      'cases:checkConflict': ({ name }) => ok({ matches: name.includes('broker') ? [{ partyId: PARTY_ID, name: 'Testbroker Ken', role: 'broker' }] : [] }),
      'cases:acknowledgeConflict': () => ok(caseDetail({ version: 4 })),
    });
    await openTab(user, 'Adverse parties');
    await user.type(screen.getByLabelText("Person's name"), 'Friendly Neighbour');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('No match with the recorded adverse parties.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    await user.type(screen.getByLabelText("Person's name"), 'testbroker  KEN');
    await user.selectOptions(screen.getByLabelText('Role of the person'), 'Interpreter');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    const warning = await screen.findByRole('alert');
    expect(warning.textContent).toContain('Warning: this name matches an adverse party');
    expect(warning.textContent).toContain('Testbroker Ken (Broker or travel agent (sending organisation))');
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: 'Acknowledge the match' }));
    expect(await screen.findByText('State the reason in at least 5 characters.')).toBeTruthy();
    expect(fake.callsTo('cases:acknowledgeConflict')).toEqual([]);

    await user.type(screen.getByLabelText('Reason for going ahead'), 'Different person, checked ID');
    await user.click(screen.getByRole('button', { name: 'Acknowledge the match' }));
    expect(await screen.findByText('The match and your reason were recorded.')).toBeTruthy();
    expect(fake.callsTo('cases:acknowledgeConflict')).toEqual([
      { caseId: CASE_ID, name: 'testbroker  KEN', context: 'interpreter', partyIds: [PARTY_ID], reason: 'Different person, checked ID' },
    ]);
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveProperty('disabled', false);
  });

  it('links an adverse party to a registry entry from a plain search, shows its ban on the card, and takes the link off again', async () => {
    const linked = caseDetail({ version: 4, adverseParties: [{ ...PARTY, nameVariants: [...PARTY.nameVariants], organisationId: ORG_ID, registryEntry: ENTRY }] });
    const { fake, user } = renderCasePage('officer', {
      'organisations:search': ({ query }) => ok({ rows: query?.includes('manpower') ? [ENTRY] : [], total: 1 }),
      'cases:saveAdverseParty': ({ party }) => ok(party.organisationId ? linked : caseDetail({ version: 5 })),
    });
    await openTab(user, 'Adverse parties');
    // Officers read the registry but do not add to it.
    expect(screen.queryByRole('button', { name: 'Add Testbroker Ken to the registry' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Edit Testbroker Ken' }));
    const form = within(screen.getByRole('form', { name: 'Edit adverse party' }));
    const picker = within(form.getByRole('group', { name: 'Registry entry' }));
    await user.type(picker.getByRole('searchbox', { name: 'Search the registry' }), 'manpower');
    await user.click(await picker.findByRole('button', { name: 'Link Test Manpower (テスト人材) to this party' }));
    expect(picker.queryByRole('searchbox')).toBeNull();
    expect(picker.getByTestId('organisation-standing').textContent).toContain('Banned from new trainees until');
    expect(fake.callsTo('cases:saveAdverseParty')).toEqual([]);
    await user.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsTo('cases:saveAdverseParty')).toHaveLength(1));
    expect(fake.callsTo('cases:saveAdverseParty')[0]).toEqual({
      caseId: CASE_ID,
      version: 3,
      partyId: PARTY_ID,
      party: { role: 'broker', name: 'Testbroker Ken', nameVariants: ['テストブローカー'], organisation: 'Test Agency', contact: '', notes: '', organisationId: ORG_ID },
    });
    const card = within(await screen.findByRole('article', { name: 'Testbroker Ken' }));
    expect(card.getByTestId('party-registry-entry').textContent).toContain('Registry entry: Test Manpower (テスト人材) — Broker');
    expect(card.getByTestId('organisation-standing').textContent).toMatch(/Banned from new trainees until .*2 violations/);
    // The organisations involved are read again: the party's entry is linked to the case too.
    await waitFor(() => expect(fake.callsTo('organisations:forCase')).toHaveLength(2));

    await user.click(card.getByRole('button', { name: 'Edit Testbroker Ken' }));
    const again = within(screen.getByRole('form', { name: 'Edit adverse party' }));
    await user.click(again.getByRole('button', { name: 'Remove the link to Test Manpower (テスト人材)' }));
    expect(again.getByRole('searchbox', { name: 'Search the registry' })).toBeTruthy();
    await user.click(again.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsTo('cases:saveAdverseParty')).toHaveLength(2));
    expect(fake.callsTo('cases:saveAdverseParty')[1]).toMatchObject({ version: 4, party: { name: 'Testbroker Ken' } });
    expect(fake.callsTo('cases:saveAdverseParty')[1]).not.toHaveProperty('party.organisationId');
  });

  it('lets a supervisor add an unlinked employer, supervising organisation, broker or recruiter to the registry from the case, then links it', async () => {
    const exploiter = { ...PARTY, id: '00000000-0000-4000-8000-00000000a002', role: 'exploiter', name: 'Testperson Exploiter', nameVariants: [], organisation: '' } as const;
    const created: Organisation = {
      ...ENTRY,
      id: '00000000-0000-4000-8000-00000000b002',
      nameJa: '',
      nameLatin: 'Testbroker Ken',
      country: '',
      standing: { ban: null, licenceRevoked: false, nameDisclosed: false },
      violations: 0,
      licenceNumber: '',
      notes: '',
      version: 1,
      related: [],
      relatedBy: [],
      statuses: [],
      violationList: [],
      missingReports: [],
      involvement: { total: 0, cases: [] },
    };
    const { fake, user } = renderCasePage('supervisor', {
      'cases:get': () => ok(caseDetail({ adverseParties: [{ ...PARTY, nameVariants: [...PARTY.nameVariants] }, { ...exploiter, nameVariants: [] }] })),
      'organisations:save': () => ok(created),
      'cases:saveAdverseParty': () => ok(caseDetail({ version: 4 })),
    });
    await openTab(user, 'Adverse parties');
    // Only roles that are organisations of the programme can be registry entries.
    expect(screen.queryByRole('button', { name: 'Add Testperson Exploiter to the registry' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add Testbroker Ken to the registry' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Add an organisation' }));
    expect((dialog.getByRole('combobox', { name: 'Type' }) as HTMLSelectElement).value).toBe('broker');
    expect((dialog.getByRole('textbox', { name: 'Name (Latin script)' }) as HTMLInputElement).value).toBe('Testbroker Ken');
    expect((dialog.getByRole('textbox', { name: 'Name (Japanese)' }) as HTMLInputElement).value).toBe('');
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsTo('cases:saveAdverseParty')).toHaveLength(1));
    expect(fake.callsTo('organisations:save')).toEqual([
      { organisation: { type: 'broker', nameJa: '', nameLatin: 'Testbroker Ken', corporateNumber: '', prefecture: '', country: '', licenceNumber: '', relatedIds: [], notes: '' } },
    ]);
    expect(fake.callsTo('cases:saveAdverseParty')[0]).toEqual({
      caseId: CASE_ID,
      version: 3,
      partyId: PARTY_ID,
      party: { role: 'broker', name: 'Testbroker Ken', nameVariants: ['テストブローカー'], organisation: 'Test Agency', contact: '', notes: '', organisationId: created.id },
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add an organisation' })).toBeNull());
  });

  it('offers an officer only the moves checkTransition allows, labelled by where they lead, and asks before moving on', async () => {
    const { fake, user } = renderCasePage('officer', { 'cases:transition': ({ to }) => ok(caseDetail({ stage: to, version: 4 })) });
    await openTab(user, 'Stage & assignment');
    const moves = within(screen.getByRole('group', { name: 'Stage moves' }));
    // From identification an officer may go back one step (with a reason) or forward one; never close.
    expect(moves.getAllByRole('button').map((b) => [b.textContent, b.dataset.direction])).toEqual([
      ['Move back to Intake', 'back'],
      ['Move on to Protection', 'forward'],
    ]);
    expect(screen.queryByRole('tab', { name: 'Access log' })).toBeNull();
    expect(screen.queryByText('Assignment')).toBeNull();

    // Moving on asks first, naming what changes and what comes next; Cancel sends nothing.
    await user.click(moves.getByRole('button', { name: 'Move on to Protection' }));
    let dialog = within(await screen.findByRole('dialog', { name: 'Move the case on to Protection?' }));
    expect(dialog.getByTestId('stage-consequence').textContent).toBe(
      'The stage changes from Identification to Protection. The move is recorded on the timeline and in the audit trail.' +
        'Next: interviews, the three considerations and the victim’s wishes. Until the considerations and the wishes are recorded, the case is listed on its officers’ My work.',
    );
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('cases:transition')).toEqual([]);

    await user.click(moves.getByRole('button', { name: 'Move on to Protection' }));
    dialog = within(await screen.findByRole('dialog', { name: 'Move the case on to Protection?' }));
    await user.click(dialog.getByRole('button', { name: 'Move on to Protection' }));
    await waitFor(() => expect(fake.callsTo('cases:transition')).toEqual([{ caseId: CASE_ID, version: 3, to: 'protection', reason: '' }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('at the decision stage offers only the step back, labelled as going back, in English and Japanese', async () => {
    const { fake, user } = renderCasePage('officer', {
      'cases:get': () => ok(caseDetail({ stage: 'decision' })),
      'cases:transition': ({ to }) => ok(caseDetail({ stage: to, version: 4 })),
    });
    await openTab(user, 'Stage & assignment');
    const moves = within(screen.getByRole('group', { name: 'Stage moves' }));
    expect(moves.getAllByRole('button').map((b) => b.textContent)).toEqual(['Move back to Protection']);
    expect(screen.getByText('The case enters approval when a recommendation is submitted.')).toBeTruthy();
    await user.click(moves.getByRole('button', { name: 'Move back to Protection' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Move the case back to Protection?' }));
    expect(dialog.getByTestId('stage-consequence').textContent).toBe(
      'The stage changes from Decision to Protection. The move is recorded on the timeline and in the audit trail.' +
        'A recommendation cannot be submitted until the case is moved on to Decision again.' +
        'Nothing recorded is removed. Your reason is kept on the timeline.',
    );

    await act(() => i18n.changeLanguage('ja'));
    expect(screen.getByRole('dialog', { name: '事案を「保護」に戻しますか？' })).toBeTruthy();
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'キャンセル' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const movesJa = within(screen.getByRole('group', { name: '段階の変更' }));
    expect(movesJa.getAllByRole('button').map((b) => b.textContent)).toEqual(['「保護」に戻す']);
    expect(movesJa.queryByRole('button', { name: /進める/ })).toBeNull();
    expect(fake.callsTo('cases:transition')).toEqual([]);
  });

  it('moves a decided case back to the decision stage for a new recommendation, saying the approved decision stays in force', async () => {
    const { fake, user } = renderCasePage('supervisor', {
      'cases:get': () => ok(caseDetail({ stage: 'decided' })),
      'cases:transition': ({ to }) => ok(caseDetail({ stage: to, version: 4 })),
    });
    await openTab(user, 'Stage & assignment');
    expect(screen.getByText('Stage: Decided')).toBeTruthy();
    const moves = within(screen.getByRole('group', { name: 'Stage moves' }));
    expect(moves.getAllByRole('button').map((b) => b.textContent)).toEqual(['Move back to Decision', 'Close the case']);
    expect(screen.getByText('The case was decided when its recommendation was approved. To prepare a new recommendation, move it back to Decision.')).toBeTruthy();
    await user.click(moves.getByRole('button', { name: 'Move back to Decision' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Move the case back to Decision?' }));
    expect(dialog.getByText(/The approved decision stays in force, unchanged\./)).toBeTruthy();
    await user.type(dialog.getByLabelText(/Reason/), 'New facts on the danger on return');
    await user.click(dialog.getByRole('button', { name: 'Move back to Decision' }));
    await waitFor(() => expect(fake.callsTo('cases:transition')).toEqual([{ caseId: CASE_ID, version: 3, to: 'decision', reason: 'New facts on the danger on return' }]));
  });

  it('asks a reason for a backward move and lets a supervisor close, assign and read the access log', async () => {
    const { fake, user } = renderCasePage('supervisor', {
      'cases:transition': ({ to }) => ok(caseDetail({ stage: to, version: 4 })),
      'cases:staff': () => ok({ officers: [{ id: 'officer-1', displayName: 'Testperson Officer' }, { id: 'officer-2', displayName: 'Testperson Second' }], supervisors: [{ id: 'super-1', displayName: 'Testperson Supervisor' }] }),
      'cases:assign': () => ok(caseDetail({ version: 4 })),
      'cases:accessLog': () =>
        ok({ entries: [{ seq: 9, at: '2026-03-02T09:00:00.000Z', actorName: 'Testperson Officer', actorRole: 'officer', action: 'case.sealed-revealed', details: {} }], nextBefore: null }),
    });
    await openTab(user, 'Stage & assignment');
    const moves = within(screen.getByRole('group', { name: 'Stage moves' }));
    expect(moves.getByRole('button', { name: 'Close the case' })).toBeTruthy();
    expect(moves.getAllByRole('button').map((b) => b.textContent)).toEqual(['Move back to Intake', 'Move on to Protection', 'Close the case']);
    await user.click(moves.getByRole('button', { name: 'Move back to Intake' }));
    const dialog = await screen.findByRole('dialog', { name: 'Move the case back to Intake?' });
    expect(within(dialog).getByText(/^The stage changes from Identification to Intake\./)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Move back to Intake' }));
    expect(await within(dialog).findByText('State the reason in at least 5 characters.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText(/Reason/), 'Identification was premature');
    await user.click(within(dialog).getByRole('button', { name: 'Move back to Intake' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('cases:transition')).toEqual([{ caseId: CASE_ID, version: 3, to: 'intake', reason: 'Identification was premature' }]);

    await user.click(screen.getByRole('button', { name: 'Edit Assignment' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Testperson Second' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(fake.callsTo('cases:assign')).toEqual([{ caseId: CASE_ID, version: 4, officerIds: ['officer-1', 'officer-2'], supervisorId: 'super-1' }]);

    await openTab(user, 'Access log');
    const table = await screen.findByRole('table', { name: 'Access log' });
    expect(within(table).getByText('Sealed information shown')).toBeTruthy();
    expect(within(table).getByText('Case officer')).toBeTruthy();
  });

  it('lets a supervisor close a case only with how it ended and why, and shows the closing on the case', async () => {
    const closed = caseDetail({ stage: 'closed', version: 4, closing: { outcome: 'returned-home', closedAt: '2026-03-05T09:00:00.000Z' } });
    const { fake, user } = renderCasePage('supervisor', { 'cases:transition': () => ok(closed) });
    await openTab(user, 'Stage & assignment');
    await user.click(within(screen.getByRole('group', { name: 'Stage moves' })).getByRole('button', { name: 'Close the case' }));
    const dialog = await screen.findByRole('dialog', { name: 'Close the case' });
    await user.click(within(dialog).getByRole('button', { name: 'Close the case' }));
    expect(await within(dialog).findByText('Choose how the case ended.')).toBeTruthy();
    expect(within(dialog).getByText('State the reason in at least 5 characters.')).toBeTruthy();
    // Nobody closes a case as "not recorded": that is only for cases closed before outcomes existed.
    expect(within(dialog).queryByRole('radio', { name: /Not recorded/ })).toBeNull();
    await user.click(within(dialog).getByRole('radio', { name: 'Returned home (assisted voluntary return included)' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Returned home with IOM support');
    await user.click(within(dialog).getByRole('button', { name: 'Close the case' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('cases:transition')).toEqual([{ caseId: CASE_ID, version: 3, to: 'closed', reason: 'Returned home with IOM support', outcome: 'returned-home' }]);
    expect(screen.getByTestId('header-closing').textContent).toBe('Closed on Mar 5, 2026: Returned home (assisted voluntary return included)');
    expect(screen.getByTestId('case-closing').textContent).toBe('Closed on Mar 5, 2026: Returned home (assisted voluntary return included)');
  });

  it('gives supervisors, not officers, the retention and legal hold tab', async () => {
    renderCasePage('officer');
    await screen.findByRole('tab', { name: 'Stage & assignment' });
    expect(screen.queryByRole('tab', { name: 'Retention & legal hold' })).toBeNull();
  });
});
