import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../electron/common/contract';
import type { Role } from '../../../electron/common/accounts';
import type { CaseDetail } from '../../../electron/common/caseDetail';
import { addDays } from '../../../electron/common/dates';
import { DecisionDraftSchema, type DecisionDraft, type DecisionSummary } from '../../../electron/common/decisions';
import { localToday } from '../../i18n/dates';
import { i18n } from '../../i18n/i18n';
import { assessment, CASE_ID, decisionSummary, exploitationFacts, SNAPSHOT_HASH, immigrationFacts, caseDetail as syntheticCase, wishRecord, type CaseOverrides } from '../../test/caseDetail';
import { fail, ok, type Handlers } from '../../test/fakeMamori';
import { renderCaseSection } from '../../test/renderCase';
import { useCasePageStore } from '../cases/page/casePage.store';
import { DecisionSection } from './DecisionSection';

const DECISION_ID = '00000000-0000-4000-8000-00000000d001';
const HASH = SNAPSHOT_HASH;
const SUPERVISOR_ID = 'supervisor-1';

/**
 * The synthetic case at the decision stage: an identified victim who overstayed, wishes to remain,
 * faces high danger on return, needs protection and cooperates with the prosecution.
 */
function caseDetail(overrides: CaseOverrides = {}): CaseDetail {
  return syntheticCase({
    stage: 'decision',
    version: 7,
    supervisor: { id: SUPERVISOR_ID, displayName: 'Testperson Supervisor' },
    immigration: immigrationFacts({ statusOfResidence: 'entertainer', periodOfStayExpiry: '2025-10-31', statusValidity: 'expired', statusValiditySince: '2025-11-01' }),
    exploitation: exploitationFacts({
      types: ['sexual'],
      indicators: { 'withholds-documents': { present: true, note: '' } },
      identificationStatus: 'identified',
      identificationDate: '2026-02-20',
    }),
    protection: {
      considerations: [
        assessment({ kind: 'danger-on-return', level: 'high' }),
        assessment({ kind: 'condition-and-protection', level: 'moderate' }),
        assessment({ kind: 'cooperation', level: 'moderate', cooperationStatus: 'cooperating' }),
      ],
      wishes: [wishRecord()],
    },
    ...overrides,
  });
}

const FULL_DRAFT: DecisionDraft = {
  pathway: 'special-residence-permission',
  proposedStatus: 'designated-activities',
  proposedPeriod: '1 year',
  considerationReasons: { 'danger-on-return': 'Threats by the broker network at home.', 'condition-and-protection': 'Under treatment at the shelter.', cooperation: 'Gave statements to the prosecutor.' },
  factorReasons: {
    'reason-for-stay': 'Safety and ongoing treatment.',
    'family-relations': 'No family in Japan; family abroad threatened.',
    conduct: 'No offence apart from the overstay.',
    'how-came-to-japan': 'Recruited by a broker with false promises.',
    'length-and-status-of-stay': 'Two years, the last five months overstaying.',
    'facts-of-deportation-grounds': 'Overstay caused by the confinement.',
    'humanitarian-need': 'High danger on return, needs care.',
    'domestic-international-conditions': 'Broker network still active abroad.',
    'effect-on-other-irregular-residents': 'Limited: an identified victim.',
  },
  summary: 'Recommend special residence permission as Designated Activities for one year.',
  documents: ['srp-application'],
};

const decision = (overrides: Partial<DecisionSummary> = {}): DecisionSummary => decisionSummary(FULL_DRAFT, overrides);

function renderSection(detail: CaseDetail, { role = 'officer', userId = 'officer-1', handlers = {} }: { role?: Role; userId?: string; handlers?: Handlers } = {}) {
  return renderCaseSection(DecisionSection, detail, { role, userId, handlers });
}

const card = (name: string) => screen.queryByRole('article', { name });
const worksheet = () => within(screen.getByRole('form', { name: 'Recommendation worksheet' }));
const blockerTexts = () => within(screen.getByTestId('decision-blockers')).queryAllByRole('listitem').map((li) => li.textContent);

async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.click(field);
  await user.paste(text);
}

// Typing into Mantine inputs under jsdom is slow when several engineers' suites run at once.
describe('decision tab', () => {
  it('guides an overstaying identified victim who wishes to remain towards special residence permission, not a return', () => {
    renderSection(caseDetail());

    expect(screen.getByText('Guidance only — the officer recommends and a supervisor decides.')).toBeTruthy();
    const srp = card('Special residence permission');
    expect(srp).toBeTruthy();
    const inSrp = within(srp!);
    for (const reason of [
      'In breach of immigration law (overstay, illegal entry or another violation)',
      'The victim wishes to stay in Japan',
      "Identified as a trafficking victim under another's control (Art. 50(1))",
      'Danger to life or physical safety on return',
      'Cooperating with criminal procedures',
    ]) {
      expect(inSrp.getByText(reason)).toBeTruthy();
    }
    expect(inSrp.getByText('Nothing missing')).toBeTruthy();
    expect(card('Assisted voluntary return (IOM)')).toBeNull();
    expect(card('Renewal of the period of stay')).toBeNull();
  });

  it('lists warnings first and what is still missing', () => {
    const detail = caseDetail();
    renderSection({ ...detail, protection: { ...detail.protection, wishes: [], considerations: detail.protection.considerations.slice(0, 1) } });

    expect(within(screen.getByTestId('guidance-warnings')).getByText(/The victim's wish has not been recorded/)).toBeTruthy();
    const srp = within(card('Special residence permission')!);
    expect(srp.getByText('Still missing')).toBeTruthy();
    expect(srp.getByText("The victim's wish, in their own words")).toBeTruthy();
    expect(srp.getByText('Record of cooperation with criminal procedures')).toBeTruthy();
    expect(srp.queryByText('Nothing missing')).toBeNull();
  });

  it('says so when no pathway applies', () => {
    const detail = caseDetail();
    renderSection({ ...detail, exploitation: { ...detail.exploitation, identificationStatus: 'not-a-victim' } });
    expect(screen.getByTestId('guidance-none').textContent).toBe(
      "No pathway applies to the case as recorded. Check the immigration facts, the identification and the victim's wishes.",
    );
    expect(screen.getByText(/Found not to be a trafficking victim/)).toBeTruthy();
  });

  it('shows the nine Art. 50(5) factors once special residence permission is chosen', async () => {
    const { user } = renderSection(caseDetail());
    const form = worksheet();
    expect(form.queryByRole('group', { name: 'Art. 50(5) factors' })).toBeNull();

    await user.click(within(card('Special residence permission')!).getByRole('button', { name: 'Choose this pathway' }));

    expect((form.getByLabelText(/^Pathway/) as HTMLSelectElement).value).toBe('special-residence-permission');
    expect(within(card('Special residence permission')!).getByText('Chosen')).toBeTruthy();
    const factors = within(form.getByRole('group', { name: 'Art. 50(5) factors' }));
    expect(factors.getAllByRole('textbox')).toHaveLength(9);
    expect(factors.getByLabelText(/^Reason for wishing to stay/)).toBeTruthy();
    expect(factors.getByText('How did the victim come to Japan: who recruited or brought them, on what promises, and at what cost?')).toBeTruthy();
    expect(factors.getByLabelText(/^Effect on other irregular residents/)).toBeTruthy();
    // Beside each consideration, the assessment it rests on.
    expect(form.getByText(/^Recorded assessment: High/)).toBeTruthy();
    expect(form.getByLabelText(/^Proposed status of residence/)).toBeTruthy();
    expect(form.getByRole('checkbox', { name: 'Application for special residence permission' })).toBeTruthy();

    await user.selectOptions(form.getByLabelText(/^Pathway/), 'provisional-release');
    expect(form.queryByRole('group', { name: 'Art. 50(5) factors' })).toBeNull();
    expect(form.queryByLabelText(/^Proposed status of residence/)).toBeNull();
  });

  it('keeps Submit disabled until nothing blocks, then saves and submits what is on screen', async () => {
    const saved = decision({ status: 'draft', submittedById: null, submittedBy: null, submittedAt: null, snapshotHash: null, changedSinceSubmission: null, events: [] });
    const { fake, user } = renderSection(caseDetail(), {
      handlers: {
        // Core answers with the draft as it stored it (the contract's schema fills its defaults).
        'decisions:saveDraft': (input: ChannelInput<'decisions:saveDraft'>) => ok({ ...caseDetail(), version: 8, decisions: [{ ...saved, draft: DecisionDraftSchema.parse(input.draft) }] }),
        'decisions:submit': () => ok({ ...caseDetail(), version: 9, stage: 'approval', decisions: [decision()] }),
      },
    });
    const form = worksheet();
    const submit = () => form.getByRole('button', { name: 'Submit for approval' });
    expect(blockerTexts()).toEqual(['Pathway: Choose a pathway.']);
    expect(submit()).toHaveProperty('disabled', true);

    await user.selectOptions(form.getByLabelText(/^Pathway/), 'special-residence-permission');
    expect(blockerTexts()).toContain('Reasons: Danger to life or body if returned: Write the reasons (at least 10 characters).');
    expect(blockerTexts()).toContain('Reason for wishing to stay: Write the reasons (at least 10 characters).');
    expect(blockerTexts()).toContain('Proposed status of residence: Choose the proposed status of residence.');
    expect(submit()).toHaveProperty('disabled', true);

    await user.selectOptions(form.getByLabelText(/^Proposed status of residence/), 'designated-activities');
    await fill(user, form.getByLabelText(/^Proposed period of stay/), '1 year');
    await fill(user, form.getByLabelText(/^Reasons: Danger to life or body if returned/), FULL_DRAFT.considerationReasons['danger-on-return']!);
    await fill(user, form.getByLabelText(/^Reasons: Mental and physical condition/), FULL_DRAFT.considerationReasons['condition-and-protection']!);
    await fill(user, form.getByLabelText(/^Reasons: Cooperation with criminal procedures/), FULL_DRAFT.considerationReasons.cooperation!);
    const factors = within(form.getByRole('group', { name: 'Art. 50(5) factors' })).getAllByRole('textbox');
    for (const [index, text] of Object.values(FULL_DRAFT.factorReasons).entries()) await fill(user, factors[index], text!);
    expect(blockerTexts()).toEqual(['Recommendation: Write the recommendation (at least 10 characters).']);
    expect(submit()).toHaveProperty('disabled', true);

    await fill(user, form.getByRole('textbox', { name: /^Recommendation/ }), FULL_DRAFT.summary);
    await user.click(form.getByRole('checkbox', { name: 'Application for special residence permission' }));
    expect(screen.getByText('Nothing blocks submission.')).toBeTruthy();
    expect(submit()).toHaveProperty('disabled', false);

    // Submitting asks first, saying what it freezes and who will see it; cancelling sends nothing.
    await user.click(submit());
    let dialog = within(await screen.findByRole('dialog', { name: 'Submit the recommendation for approval?' }));
    expect(dialog.getByTestId('decision-submit-consequence').textContent).toBe(
      'The recommendation and the case as it stands now are frozen as a snapshot, and the case moves on to Approval. Neither can be changed until a supervisor approves or returns the recommendation.' +
        'Testperson Supervisor, the case’s supervisor, sees it on My work; every supervisor can review it from the list of recommendations awaiting approval.',
    );
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('decisions:saveDraft')).toEqual([]);
    expect(fake.callsTo('decisions:submit')).toEqual([]);

    await user.click(submit());
    dialog = within(await screen.findByRole('dialog', { name: 'Submit the recommendation for approval?' }));
    await user.click(dialog.getByRole('button', { name: 'Submit for approval' }));
    await waitFor(() => expect(fake.callsTo('decisions:submit')).toEqual([{ caseId: CASE_ID, version: 8, decisionId: DECISION_ID }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('decisions:saveDraft')).toEqual([{ caseId: CASE_ID, version: 7, draft: FULL_DRAFT }]);
    // Submitted: the worksheet gives way to the recommendation awaiting approval.
    expect(await screen.findByRole('region', { name: 'Recommendation awaiting approval' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Recommendation worksheet' })).toBeNull();
  });

  it('explains that a case not at the Decision stage cannot be submitted, and puts core’s refusal on the fields', async () => {
    const draft = decision({ status: 'draft', submittedById: null, submittedBy: null, submittedAt: null, snapshotHash: null, changedSinceSubmission: null, events: [] });
    const { fake, user } = renderSection(caseDetail({ stage: 'protection', decisions: [draft] }), {
      handlers: {
        'decisions:submit': () =>
          fail('RECOMMENDATION_INCOMPLETE', {
            issues: [
              { path: 'stage', message: 'decision.stage.notDecision' },
              { path: 'summary', message: 'decision.summary.required' },
            ],
          }),
      },
    });
    expect(blockerTexts()).toEqual(['Stage: The case must be at the Decision stage before it can be submitted: move it on the "Stage & assignment" tab.']);
    expect(worksheet().getByRole('button', { name: 'Submit for approval' })).toHaveProperty('disabled', true);

    // Pre-filled from the open draft.
    expect((worksheet().getByLabelText(/^Proposed period of stay/) as HTMLInputElement).value).toBe('1 year');
    // Moved on to the Decision stage meanwhile: nothing blocks on screen, but core still refuses.
    act(() => useCasePageStore.setState({ detail: caseDetail({ supervisor: null, decisions: [draft] }) }));
    await user.click(worksheet().getByRole('button', { name: 'Submit for approval' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Submit the recommendation for approval?' }));
    expect(dialog.getByText('No supervisor is assigned to the case: it appears on every supervisor’s My work and in the list of recommendations awaiting approval.')).toBeTruthy();
    await user.click(dialog.getByRole('button', { name: 'Submit for approval' }));
    // The refusal is shown on the worksheet, at the fields it concerns; the dialog has closed.
    expect(await screen.findByText('Write the recommendation (at least 10 characters).')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(worksheet().getByRole('textbox', { name: /^Recommendation/ }).getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsTo('decisions:submit')).toEqual([{ caseId: CASE_ID, version: 7, decisionId: DECISION_ID }]);
    // Core's word on what the form has no field for joins the list; Submit stays available for another try.
    expect(blockerTexts()).toEqual(['Stage: The case must be at the Decision stage before it can be submitted: move it on the "Stage & assignment" tab.']);
    expect(worksheet().getByRole('button', { name: 'Submit for approval' })).toHaveProperty('disabled', false);
    expect(screen.getByRole('alert').textContent).toContain('The recommendation cannot be submitted yet');
    // Unchanged since it was saved: submitted as it stands, with no second save.
    expect(fake.callsTo('decisions:saveDraft')).toEqual([]);
  });

  it('lets a supervisor approve another officer’s recommendation exactly as submitted', async () => {
    const approved = decision({ status: 'approved', changedSinceSubmission: null });
    const { fake, user } = renderSection(caseDetail({ stage: 'approval', decisions: [decision()] }), {
      role: 'supervisor',
      userId: SUPERVISOR_ID,
      handlers: { 'decisions:approve': () => ok(caseDetail({ stage: 'decided', decisions: [approved] })) },
    });
    const pending = within(screen.getByRole('region', { name: 'Recommendation awaiting approval' }));
    expect(pending.getByTestId('decision-snapshot').textContent).toBe('0123456789ab');
    expect(pending.getByText(/^Submitted by Testperson Officer on/)).toBeTruthy();
    expect(pending.getByText('Special residence permission')).toBeTruthy();
    expect(pending.getByText(FULL_DRAFT.factorReasons['how-came-to-japan']!)).toBeTruthy();
    // Nothing can be chosen while a recommendation awaits approval.
    expect(screen.queryByRole('button', { name: 'Choose this pathway' })).toBeNull();

    const approve = pending.getByRole('button', { name: 'Approve' });
    expect(approve).toHaveProperty('disabled', false);
    await user.click(approve);
    const dialog = within(await screen.findByRole('dialog', { name: 'Approve the recommendation' }));
    expect(dialog.getByTestId('decision-approve-consequence').textContent).toBe('The case then moves on to Decided.');
    await fill(user, dialog.getByLabelText('Comment (optional)'), 'Agreed with the reasons.');
    await user.click(dialog.getByRole('button', { name: 'Approve' }));

    await waitFor(() => expect(fake.callsTo('decisions:approve')).toEqual([{ caseId: CASE_ID, decisionId: DECISION_ID, snapshotHash: HASH, comment: 'Agreed with the reasons.' }]));
    expect(await screen.findByText('Approved decisions cannot be changed; a new recommendation supersedes this one when approved.')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Approved decision' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start a new recommendation' })).toBeTruthy();
  });

  it('puts the approved decision of a decided case first and folds the guidance away, to be opened on request', async () => {
    const approved = decision({
      status: 'approved',
      changedSinceSubmission: null,
      events: [{ kind: 'approved', at: '2026-03-12T03:00:00.000Z', by: 'Testperson Supervisor', comment: 'Well reasoned.', snapshotHash: HASH }, ...decision().events],
    });
    const { user } = renderSection(caseDetail({ stage: 'decided', decisions: [approved] }));

    const inForce = screen.getByRole('region', { name: 'Approved decision' });
    expect(within(inForce).getByTestId('decision-approved-by').textContent).toMatch(/^Approved by Testperson Supervisor on /);
    expect(within(inForce).getByText('Comment: Well reasoned.')).toBeTruthy();
    expect(within(inForce).getByText(FULL_DRAFT.summary)).toBeTruthy();
    // First on the tab: above the folded guidance and the history.
    const folded = screen.getByTestId('guidance-folded');
    expect(inForce.compareDocumentPosition(folded) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(inForce.compareDocumentPosition(screen.getByRole('region', { name: 'Decision history' })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    // Folded: no guidance and nothing to choose until it is opened.
    expect(screen.queryByRole('region', { name: 'Residence guidance' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Choose this pathway' })).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show the residence guidance' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(screen.getByRole('region', { name: 'Residence guidance' })).toBeTruthy();
    expect(card('Special residence permission')).toBeTruthy();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Hide the residence guidance' }));
    expect(screen.queryByRole('region', { name: 'Residence guidance' })).toBeNull();

    // A new recommendation unfolds it: the pathway is chosen there.
    await user.click(screen.getByRole('button', { name: 'Start a new recommendation' }));
    expect(screen.getByRole('region', { name: 'Residence guidance' })).toBeTruthy();
    expect(screen.queryByTestId('guidance-folded')).toBeNull();
    expect(screen.getByRole('region', { name: 'Approved decision' })).toBeTruthy();

    cleanup();
    renderSection(caseDetail({ stage: 'decided', decisions: [approved] }));
    await act(() => i18n.changeLanguage('ja'));
    expect(screen.getByRole('region', { name: '承認された決定' })).toBeTruthy();
    expect(screen.getByTestId('decision-approved-by').textContent).toMatch(/Testperson Supervisorが承認しました。$/);
    expect(screen.getByRole('button', { name: '在留に関するガイダンスを表示' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'この手続を選択' })).toBeNull();
  });

  it('refuses a supervisor the approval of their own recommendation', () => {
    renderSection(caseDetail({ stage: 'approval', decisions: [decision({ submittedById: SUPERVISOR_ID, submittedBy: 'Testperson Supervisor' })] }), { role: 'supervisor', userId: SUPERVISOR_ID });
    expect(screen.getByRole('button', { name: 'Approve' })).toHaveProperty('disabled', true);
    expect(screen.getByText('You submitted this recommendation: another supervisor must approve it.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Return with comments' })).toHaveProperty('disabled', false);
  });

  it('tells a supervisor approving a case nobody supervises that they become its supervisor of record', async () => {
    const { user } = renderSection(caseDetail({ stage: 'approval', supervisor: null, decisions: [decision()] }), { role: 'supervisor', userId: SUPERVISOR_ID });
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Approve the recommendation' }));
    expect(dialog.getByTestId('decision-approve-consequence').textContent).toBe(
      'The case then moves on to Decided.No supervisor is assigned to the case: you become its supervisor of record.',
    );
  });

  it('refuses the approval to a supervisor who drafted it, even if an officer submitted it', () => {
    renderSection(caseDetail({ stage: 'approval', decisions: [decision({ createdById: SUPERVISOR_ID })] }), { role: 'supervisor', userId: SUPERVISOR_ID });
    expect(screen.getByRole('button', { name: 'Approve' })).toHaveProperty('disabled', true);
  });

  it('refuses approval once the case changed after submission, and says what changed', () => {
    const stale = decision({ changedSinceSubmission: ['immigration.periodOfStayExpiry', 'protection.considerations', 'riskLevel'] });
    renderSection(caseDetail({ stage: 'approval', decisions: [stale] }), { role: 'supervisor', userId: SUPERVISOR_ID });
    expect(screen.getByRole('button', { name: 'Approve' })).toHaveProperty('disabled', true);
    expect(screen.getByText('The case changed after submission: return it so the officer can resubmit.')).toBeTruthy();
    expect(screen.getByTestId('decision-changed').textContent).toBe(
      'The case changed after submission: Immigration situation (periodOfStayExpiry), Protection (considerations), and Risk level',
    );
  });

  it('shows an officer the pending recommendation without review buttons', () => {
    renderSection(caseDetail({ stage: 'approval', decisions: [decision()] }));
    expect(screen.getByText('A supervisor reviews this recommendation. It cannot be changed meanwhile.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Recommendation worksheet' })).toBeNull();
  });

  it('returns a recommendation only with a comment, and the officer then sees it above the pre-filled worksheet', async () => {
    const comment = 'Please add the prosecutor’s reference to the cooperation reasons.';
    const returned = decision({
      status: 'returned',
      changedSinceSubmission: null,
      events: [{ kind: 'returned', at: '2026-03-11T03:00:00.000Z', by: 'Testperson Supervisor', comment, snapshotHash: HASH }, ...decision().events],
    });
    const { fake, user } = renderSection(caseDetail({ stage: 'approval', decisions: [decision()] }), {
      role: 'supervisor',
      userId: SUPERVISOR_ID,
      handlers: { 'decisions:return': () => ok(caseDetail({ decisions: [returned] })) },
    });
    await user.click(screen.getByRole('button', { name: 'Return with comments' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Return the recommendation' }));
    await user.click(dialog.getByRole('button', { name: 'Return' }));
    expect(dialog.getByText('Write a comment of at least 5 characters.')).toBeTruthy();
    expect(fake.callsTo('decisions:return')).toEqual([]);

    await fill(user, dialog.getByLabelText(/^Comments for the officer/), comment);
    await user.click(dialog.getByRole('button', { name: 'Return' }));
    await waitFor(() => expect(fake.callsTo('decisions:return')).toEqual([{ caseId: CASE_ID, decisionId: DECISION_ID, comment }]));

    const notice = await screen.findByTestId('decision-returned');
    expect(notice.textContent).toContain(`Returned by Testperson Supervisor on`);
    expect(notice.textContent).toContain(comment);
    expect((worksheet().getByLabelText(/^Reasons: Cooperation with criminal procedures/) as HTMLTextAreaElement).value).toBe(FULL_DRAFT.considerationReasons.cooperation);
    expect(worksheet().getByRole('button', { name: 'Submit for approval' })).toHaveProperty('disabled', false);
    const history = within(screen.getByRole('region', { name: 'Decision history' }));
    expect(history.getByText('Returned')).toBeTruthy();
    expect(history.getByText(`Comment: ${comment}`)).toBeTruthy();
  });

  it('keeps the history of approved and superseded decisions, and starts a new recommendation on request', async () => {
    const older = decision({ id: 'd-old', status: 'superseded', createdAt: '2025-06-01T01:00:00.000Z', changedSinceSubmission: null, draft: { ...FULL_DRAFT, pathway: 'provisional-release', proposedStatus: null, proposedPeriod: '', factorReasons: {} } });
    const latest = decision({
      status: 'approved',
      changedSinceSubmission: null,
      events: [{ kind: 'approved', at: '2026-03-12T03:00:00.000Z', by: 'Testperson Supervisor', comment: 'Well reasoned.', snapshotHash: HASH }, ...decision().events],
    });
    const { user } = renderSection(caseDetail({ stage: 'decided', decisions: [latest, older] }));
    const items = screen.getAllByTestId('decision-history-item');
    expect(items.map((i) => i.dataset.status)).toEqual(['approved', 'superseded']);
    expect(within(items[0]).getByText('Approved')).toBeTruthy();
    expect(within(items[0]).getByText(/Special residence permission · Designated Activities · 1 year/)).toBeTruthy();
    expect(within(items[0]).getByText(/approved by Testperson Supervisor/)).toBeTruthy();
    expect(within(items[0]).getByText('Comment: Well reasoned.')).toBeTruthy();
    expect(within(items[1]).getByText('Superseded')).toBeTruthy();
    expect(within(items[1]).getByText('Provisional release or supervision measures')).toBeTruthy();

    expect(screen.queryByRole('form', { name: 'Recommendation worksheet' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Start a new recommendation' }));
    expect((worksheet().getByLabelText(/^Pathway/) as HTMLSelectElement).value).toBe('');
  });

  it('shows the tab in Japanese', async () => {
    renderSection(caseDetail({ stage: 'approval', decisions: [decision({ changedSinceSubmission: ['immigration.periodOfStayExpiry'] })] }), { role: 'supervisor', userId: SUPERVISOR_ID });
    await act(() => i18n.changeLanguage('ja'));

    expect(screen.getByText('このガイダンスは参考情報です。担当官が意見を述べ、監督者が決定します。')).toBeTruthy();
    expect(card('在留特別許可')).toBeTruthy();
    expect(within(card('在留特別許可')!).getByText('該当する理由')).toBeTruthy();
    expect(within(card('在留特別許可')!).getByText('不足している事項はありません')).toBeTruthy();
    expect(screen.getByRole('region', { name: '決裁待ちの意見書' })).toBeTruthy();
    expect(screen.getByText('スナップショット')).toBeTruthy();
    expect(screen.getByTestId('decision-changed').textContent).toBe('提出後に事案が変更されました：在留状況 (periodOfStayExpiry)');
    expect(screen.getByRole('button', { name: '承認' })).toHaveProperty('disabled', true);
    expect(screen.getByText('提出後に事案が変更されました。担当官が再提出できるよう差し戻してください。')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'コメントを付して差し戻す' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '決定の履歴' })).toBeTruthy();
    expect(screen.getByText('決裁待ち')).toBeTruthy();
  });
});

/** A date `days` from the user's local today (YYYY-MM-DD). */
const fromToday = (days: number) => addDays(localToday(), days);

/** An identified intern who absconded while the status runs, wishes to remain, at the decision stage, with every consideration recorded. */
function abscondedIntern(overrides: CaseOverrides = {}): CaseDetail {
  return caseDetail({
    immigration: immigrationFacts({ statusOfResidence: 'technical-intern-2-ro', periodOfStayExpiry: fromToday(200), abscondedFromTraining: true, abscondedSince: fromToday(-40) }),
    exploitation: exploitationFacts({ identificationStatus: 'identified', identificationDate: fromToday(-10) }),
    ...overrides,
  });
}

const pathwayTitles = () => screen.getAllByRole('article').map((a) => a.getAttribute('aria-labelledby') && document.getElementById(a.getAttribute('aria-labelledby')!)?.textContent);
const warningCodes = () => within(screen.getByTestId('guidance-warnings')).getAllByRole('listitem').map((li) => li.getAttribute('data-warning'));

describe('decision tab: immigration facts, fled interns and dates (issue 11)', () => {
  it('offers an absconded intern whose period still runs the legal residents’ pathways, saying why', async () => {
    renderSection(abscondedIntern());
    expect(card('Special residence permission')).toBeNull();
    const change = within(card('Change of status of residence')!);
    expect(change.getByText('Absconded from technical intern training, but the status of residence stays valid until the period of stay ends or it is revoked')).toBeTruthy();
    expect(within(card('Renewal of the period of stay')!).getByText(/Absconded from technical intern training, but the status/)).toBeTruthy();

    await act(() => i18n.changeLanguage('ja'));
    expect(within(card('在留資格変更許可')!).getByText('技能実習先から失踪しているが、在留期間の満了又は在留資格の取消しまでは在留資格が有効である')).toBeTruthy();
  });

  it('lists change of status before renewal, as the rule orders them, when renewal would keep the intern tied to an employer recorded as an adverse party', async () => {
    renderSection(abscondedIntern({ adverseParties: [{ id: 'party-1', role: 'employer', name: 'Test Factory KK', nameVariants: [], organisation: '', contact: '', notes: '', registryEntry: null }] }));
    expect(pathwayTitles().slice(0, 2)).toEqual(['Change of status of residence', 'Renewal of the period of stay']);
    expect(within(screen.getByTestId('guidance-warnings')).getByText(/Renewing the intern's period of stay keeps the victim in the training plan/)).toBeTruthy();

    await act(() => i18n.changeLanguage('ja'));
    expect(pathwayTitles().slice(0, 2)).toEqual(['在留資格変更許可', '在留期間更新許可']);
    expect(within(screen.getByTestId('guidance-warnings')).getByText(/在留資格の変更を先に掲げています/)).toBeTruthy();
  });

  it('keeps the protective pathways offered beside a return when danger on return is high', () => {
    renderSection(abscondedIntern({ protection: { ...caseDetail().protection, wishes: [wishRecord({ wish: 'return' })] } }));
    expect(card('Assisted voluntary return (IOM)')).toBeTruthy();
    expect(within(card('Change of status of residence')!).getByText('Danger to life or physical safety on return')).toBeTruthy();
    expect(warningCodes()).toContain('return-despite-danger');
  });

  it('shows the period of stay and reporting dates near the decision', async () => {
    renderSection(abscondedIntern({ immigration: immigrationFacts({ periodOfStayExpiry: fromToday(10), abscondedFromTraining: true }) }));
    expect(within(screen.getByTestId('guidance-warnings')).getByText('The period of stay expires within 30 days: an application must be made before it expires.')).toBeTruthy();
    cleanup();

    const released = (date: string) =>
      caseDetail({
        immigration: immigrationFacts({
          statusOfResidence: 'entertainer',
          statusValidity: 'expired',
          deportationProcedure: true,
          custody: 'provisional-release',
          reportingDates: [{ date, note: '' }],
        }),
      });
    renderSection(released(fromToday(5)));
    expect(within(screen.getByTestId('guidance-warnings')).getByText(/A reporting date falls within the next 14 days/)).toBeTruthy();
    cleanup();
    renderSection(released(fromToday(-3)));
    expect(within(screen.getByTestId('guidance-warnings')).getByText(/A reporting date passed within the last 14 days/)).toBeTruthy();
    await act(() => i18n.changeLanguage('ja'));
    expect(within(screen.getByTestId('guidance-warnings')).getByText(/過去14日以内に出頭日が過ぎています/)).toBeTruthy();
  });

  it('says why an unscreened absconded intern’s recommendation cannot be submitted, with a link to the checklist', async () => {
    const { user } = renderSection(abscondedIntern({ exploitation: exploitationFacts({ identificationStatus: 'identified', screening: 'later', screenedOn: null }) }));
    const warning = within(screen.getByTestId('guidance-warnings')).getByText(/has not yet been screened for trafficking indicators/).closest('li')!;
    expect(within(warning).getByRole('button', { name: 'Go to the indicator checklist' })).toBeTruthy();

    await user.click(within(card('Change of status of residence')!).getByRole('button', { name: 'Choose this pathway' }));
    const blocker = within(screen.getByTestId('decision-blockers')).getAllByRole('listitem').find((li) => li.getAttribute('data-path') === 'screening')!;
    expect(blocker.textContent).toContain(
      'Indicator screening: This person absconded from technical intern training: complete the trafficking-indicator checklist before anything is recommended.',
    );
    expect(screen.getByTestId('decision-submit')).toHaveProperty('disabled', true);
    await user.click(within(blocker).getByRole('button', { name: 'Go to the indicator checklist' }));
    expect(useCasePageStore.getState().tab).toBe('exploitation');

    await act(() => i18n.changeLanguage('ja'));
    const ja = within(screen.getByTestId('decision-blockers')).getAllByRole('listitem').find((li) => li.getAttribute('data-path') === 'screening')!;
    expect(ja.textContent).toContain('指標の確認：技能実習先から失踪した方です。意見を述べる前に、人身取引の指標チェックリストを完了してください。');
    expect(within(ja).getByRole('button', { name: '指標チェックリストへ移動' })).toBeTruthy();
  });
});
