import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../electron/common/accounts';
import type { CaseDetail } from '../../../electron/common/caseDetail';
import { interviewReadiness } from '../../../electron/common/interviewReadiness';
import type { Interpreter, InterviewPlan, InterviewSummary } from '../../../electron/common/protection';
import { formatDateTime } from '../../i18n/format';
import { i18n } from '../../i18n/i18n';
import { storeSnapshots } from '../../stores/registry';
import { CASE_ID, caseDetail as syntheticCase } from '../../test/caseDetail';
import { fail, ok, type Handlers } from '../../test/fakeMamori';
import { interviewPlan } from '../../test/fixtures';
import { renderCaseSection } from '../../test/renderCase';
import { InterviewsSection } from './InterviewsSection';

// Synthetic people and ids only.
const INTERVIEW_ID = '00000000-0000-4000-8000-00000000d001';
const MALE_OFFICER = { id: '00000000-0000-4000-8000-0000000000a1', displayName: 'Testperson Akira' };
const FEMALE_OFFICER = { id: '00000000-0000-4000-8000-0000000000a2', displayName: 'Testperson Beatriz' };
const SUPERVISOR = { id: '00000000-0000-4000-8000-0000000000a3', displayName: 'Testperson Chiyo' };
const TAGALOG_INTERPRETER = '00000000-0000-4000-8000-0000000000b1';

function interpreter(overrides: Partial<Interpreter>): Interpreter {
  return {
    id: TAGALOG_INTERPRETER,
    version: 1,
    name: 'Testperson Dalisay',
    nameVariants: [],
    languages: ['tl', 'en'],
    pledgeDate: '2025-01-10',
    notes: '',
    active: true,
    hasContact: false,
    conflictReason: '',
    updatedAt: '2025-01-10T09:00:00.000Z',
    ...overrides,
  };
}

const INTERPRETERS = [
  interpreter({}),
  interpreter({ id: '00000000-0000-4000-8000-0000000000b2', name: 'Testperson Vu', languages: ['vi'] }),
  // Not offered: no confidentiality pledge yet.
  interpreter({ id: '00000000-0000-4000-8000-0000000000b3', name: 'Testperson Unpledged', languages: ['tl'], pledgeDate: null }),
];

/** The synthetic case: a female victim whose native language is Tagalog, with one male officer. */
function caseDetail(interviews: InterviewSummary[] = [], version = 3): CaseDetail {
  return syntheticCase({ version, officers: [MALE_OFFICER], supervisor: SUPERVISOR, protection: { interviews } });
}

const BASE_PLAN: InterviewPlan = interviewPlan([{ userId: MALE_OFFICER.id, sex: 'male' }]);

/** An interview as core sends it, its readiness computed by the same rule core uses. */
function interview(overrides: Partial<InterviewSummary> = {}, plan: Partial<InterviewPlan> = {}): InterviewSummary {
  const p = { ...BASE_PLAN, ...plan };
  const tagalog = p.interpreterId === TAGALOG_INTERPRETER;
  const names = new Map([MALE_OFFICER, FEMALE_OFFICER, SUPERVISOR].map((s) => [s.id, s.displayName]));
  return {
    id: INTERVIEW_ID,
    status: 'planned',
    plan: p,
    interpreterName: tagalog ? 'Testperson Dalisay' : null,
    officersPresent: p.officersPresent.map((o) => ({ ...o, displayName: names.get(o.userId) ?? '—' })),
    adverseMatches: 0,
    readiness: interviewReadiness({
      victim: { sex: 'female', languages: ['tl'], condition: p.condition },
      interpreter: tagalog ? { languages: ['tl', 'en'] } : null,
      noInterpreterReason: p.noInterpreterReason,
      officersPresent: p.officersPresent,
      noFemaleOfficerReason: p.noFemaleOfficerReason,
      place: { private: p.placePrivate, disclosesWhereabouts: p.placeDisclosesWhereabouts },
      adverseMatches: 0,
      rightsExplained: p.rightsExplained,
    }),
    override: null,
    startedAt: null,
    endedAt: null,
    voluntariness: '',
    outcomeNote: '',
    hasRecord: false,
    createdAt: '2026-03-05T09:00:00.000Z',
    createdBy: 'Testperson Akira',
    ...overrides,
  };
}

function renderSection(role: Role, detail: CaseDetail, handlers: Handlers = {}, { fakeTimers = false } = {}) {
  return renderCaseSection(InterviewsSection, detail, {
    role,
    fakeTimers,
    handlers: {
      'cases:staff': () => ok({ officers: [MALE_OFFICER, FEMALE_OFFICER], supervisors: [SUPERVISOR] }),
      'interpreters:list': () => ok({ interpreters: INTERPRETERS }),
      ...handlers,
    },
  });
}

/** The checklist line of one safeguard, found by its label as the user reads it. */
function checklistLine(scope: HTMLElement, label: string): HTMLElement {
  const line = within(scope).getByText(label).closest('li');
  if (!line) throw new Error(`no checklist line for ${label}`);
  return line;
}

const INTERPRETER_LABEL = "Interpreter of the victim's native language";
const FEMALE_OFFICER_LABEL = 'A female officer present for a female victim';

afterEach(() => {
  vi.useRealTimers();
});

/** The plan's day and time, typed from the keyboard into the date and time fields. */
async function typePlannedAt(user: ReturnType<typeof renderSection>['user'], form: HTMLElement, day: string, time: string) {
  await user.type(within(form).getByRole('textbox', { name: 'Date' }), day);
  await user.type(within(form).getByRole('textbox', { name: 'Time (24-hour clock)' }), time);
}

// Filling a whole form through user-event takes seconds on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

describe('interviews tab: planning with the live readiness check', () => {
  it('shows the interpreter and female-officer safeguards unmet for a female Tagalog speaker with only a male officer and no interpreter, and ready once both are met', async () => {
    const { fake, user } = renderSection('officer', caseDetail(), {
      'interviews:plan': (input) => ok(caseDetail([interview({}, input.plan)], 4)),
    });
    await user.click(screen.getByRole('button', { name: 'Plan an interview' }));
    const form = await screen.findByRole('form', { name: 'Plan an interview' });
    const check = within(form).getByTestId('readiness-check');

    await typePlannedAt(user, form, '2026-04-10', '10:00');
    await user.click(await within(form).findByRole('checkbox', { name: MALE_OFFICER.displayName }));
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Sex of Testperson Akira' }), 'Male');
    await user.click(within(form).getByRole('checkbox', { name: 'Nobody outside the interview can see or hear it' }));
    await user.selectOptions(within(form).getByRole('combobox', { name: /The victim's condition today/ }), 'Stable: questioning is possible');
    await user.click(within(form).getByRole('checkbox', { name: /Rights explained/ }));

    expect(within(checklistLine(check, INTERPRETER_LABEL)).getByText('Not met')).toBeTruthy();
    expect(within(checklistLine(check, FEMALE_OFFICER_LABEL)).getByText('Not met')).toBeTruthy();
    expect(within(check).getByText('Cannot start: 2 safeguards are not met. Meet them, or ask a supervisor to override with a reason.')).toBeTruthy();
    // Both reasons are asked for while they apply.
    expect(within(form).getByRole('textbox', { name: 'Reason no female officer can be present' })).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: 'Reason no interpreter of Tagalog is present' })).toBeTruthy();

    await user.click(within(form).getByRole('checkbox', { name: FEMALE_OFFICER.displayName }));
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Sex of Testperson Beatriz' }), 'Female');
    const interpreterSelect = within(form).getByRole('combobox', { name: /^Interpreter/ });
    expect(within(interpreterSelect).queryByText(/Unpledged/)).toBeNull();
    await user.selectOptions(interpreterSelect, 'Testperson Dalisay — Tagalog, English');

    expect(within(checklistLine(check, INTERPRETER_LABEL)).getByText('Met')).toBeTruthy();
    expect(within(checklistLine(check, FEMALE_OFFICER_LABEL)).getByText('Met')).toBeTruthy();
    expect(within(check).getByText(/All safeguards are met/)).toBeTruthy();
    expect(within(check).queryByText(/Cannot start/)).toBeNull();
    expect(within(form).queryByRole('textbox', { name: /Reason no/ })).toBeNull();

    await user.click(within(form).getByRole('button', { name: 'Save plan' }));
    await waitFor(() => expect(fake.callsTo('interviews:plan')).toHaveLength(1));
    expect(fake.callsTo('interviews:plan')[0]).toEqual({
      caseId: CASE_ID,
      version: 3,
      plan: {
        ...BASE_PLAN,
        officersPresent: [
          { userId: MALE_OFFICER.id, sex: 'male' },
          { userId: FEMALE_OFFICER.id, sex: 'female' },
        ],
        interpreterId: TAGALOG_INTERPRETER,
        placeLabel: '',
      },
    });
    expect(await screen.findByRole('article', { name: /Interview planned for/ })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Plan an interview' })).toBeNull();
  });

  it('refuses an incomplete plan without asking core, and keeps the entries after a stale save', async () => {
    const { fake, user } = renderSection('officer', caseDetail(), { 'interviews:plan': () => fail('STALE_VERSION') });
    await user.click(screen.getByRole('button', { name: 'Plan an interview' }));
    const form = await screen.findByRole('form', { name: 'Plan an interview' });
    await user.click(within(form).getByRole('button', { name: 'Save plan' }));
    expect(within(form).getByText('Enter the date and time of the interview.')).toBeTruthy();
    expect(within(form).getByText('Choose at least one officer who will be present.')).toBeTruthy();
    expect(fake.callsTo('interviews:plan')).toEqual([]);

    await typePlannedAt(user, form, '2026-04-10', '10:00');
    await user.click(await within(form).findByRole('checkbox', { name: FEMALE_OFFICER.displayName }));
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Sex of Testperson Beatriz' }), 'Female');
    await user.selectOptions(within(form).getByRole('combobox', { name: /The victim's condition today/ }), 'Fragile: short, with breaks');
    await user.type(within(form).getByRole('textbox', { name: 'Room' }), 'Room 2');
    await user.click(within(form).getByRole('button', { name: 'Save plan' }));

    expect(await within(form).findByText(/Someone else changed this record after you opened it/)).toBeTruthy();
    expect((within(form).getByRole('textbox', { name: 'Room' }) as HTMLInputElement).value).toBe('Room 2');
    expect(within(form).getByRole('checkbox', { name: FEMALE_OFFICER.displayName })).toHaveProperty('checked', true);
  });

  it('refuses a negative length with a message saying so, keeping what was typed, and never clamps a length silently', async () => {
    const { fake, user } = renderSection('officer', caseDetail());
    await user.click(screen.getByRole('button', { name: 'Plan an interview' }));
    const form = await screen.findByRole('form', { name: 'Plan an interview' });
    const duration = within(form).getByRole('textbox', { name: /^Expected duration/ });
    await user.clear(duration);
    await user.type(duration, '-30');
    await user.click(within(form).getByRole('button', { name: 'Save plan' }));
    expect(within(form).getByText('The length cannot be negative. Enter a whole number of minutes from 10 to 480.')).toBeTruthy();
    expect(duration).toHaveProperty('value', '-30');

    await act(() => i18n.changeLanguage('ja'));
    expect(within(form).getByText('予定時間にマイナスの値は入力できません。10から480までの分数を整数で入力してください。')).toBeTruthy();
    await act(() => i18n.changeLanguage('en'));

    await user.clear(duration);
    await user.type(duration, '5');
    await user.click(within(form).getByRole('button', { name: 'Save plan' }));
    expect(duration).toHaveProperty('value', '5');
    expect(within(form).getByText('Enter a whole number of minutes from 10 to 480.')).toBeTruthy();
    expect(fake.callsTo('interviews:plan')).toEqual([]);
  });

  it('shows core’s readiness on a saved plan: both items unmet, Start disabled with the reason; an officer cannot override', async () => {
    renderSection('officer', caseDetail([interview()]));
    const card = screen.getByRole('article', { name: /Interview planned for/ });
    expect(within(card).getByText('Planned')).toBeTruthy();
    expect(within(card).getByText('Not ready — 2 safeguards unmet')).toBeTruthy();
    expect(within(checklistLine(card, INTERPRETER_LABEL)).getByText('Not met')).toBeTruthy();
    expect(within(checklistLine(card, FEMALE_OFFICER_LABEL)).getByText('Not met')).toBeTruthy();
    const start = within(card).getByRole('button', { name: 'Start interview' });
    expect(start).toHaveProperty('disabled', true);
    expect(start.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(start.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/Starting is blocked/);
    expect(within(card).getByText('Testperson Akira (Male)')).toBeTruthy();
    expect(within(card).getByText('None')).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Override safeguards' })).toBeNull();
  });

  it('lets a supervisor override the unmet safeguards with a reason, after which the interview may start', async () => {
    const overridden = interview({ override: { by: 'Testperson Chiyo', at: '2026-03-06T09:00:00.000Z', reason: 'No female officer on duty this week', items: ['interpreter', 'female-officer'] } });
    const { fake, user } = renderSection('supervisor', caseDetail([interview()]), {
      'interviews:override': () => ok(caseDetail([overridden], 4)),
      'interviews:start': () => ok(caseDetail([{ ...overridden, status: 'in-progress', startedAt: '2026-04-10T01:00:00.000Z' }], 5)),
    });
    const card = screen.getByRole('article', { name: /Interview planned for/ });
    await user.click(within(card).getByRole('button', { name: 'Override safeguards' }));
    const dialog = await screen.findByRole('dialog', { name: 'Override safeguards' });
    expect(within(dialog).getByText(/Interpreter of the victim's native language, A female officer present for a female victim/)).toBeTruthy();
    await user.type(within(dialog).getByLabelText(/Reason/), 'No female officer on duty this week');
    await user.click(within(dialog).getByRole('button', { name: 'Override' }));

    await waitFor(() => expect(fake.callsTo('interviews:override')).toEqual([{ caseId: CASE_ID, version: 3, interviewId: INTERVIEW_ID, reason: 'No female officer on duty this week' }]));
    const after = await screen.findByRole('article', { name: /Interview planned for/ });
    expect(await within(after).findByText('Overridden by Testperson Chiyo')).toBeTruthy();
    expect(within(after).getByText(/Reason: No female officer on duty this week/)).toBeTruthy();
    const start = within(after).getByRole('button', { name: 'Start interview' });
    expect(start).toHaveProperty('disabled', false);
    await user.click(start);
    await waitFor(() => expect(fake.callsTo('interviews:start')).toEqual([{ caseId: CASE_ID, version: 4, interviewId: INTERVIEW_ID }]));
    expect(await within(after).findByText('In progress')).toBeTruthy();
  });

  it('shows core’s refusal when a start is refused as not ready', async () => {
    const ready = interview({}, { officersPresent: [{ userId: FEMALE_OFFICER.id, sex: 'female' }], interpreterId: TAGALOG_INTERPRETER });
    const { user } = renderSection('officer', caseDetail([ready]), { 'interviews:start': () => fail('INTERVIEW_NOT_READY') });
    const card = screen.getByRole('article', { name: /Interview planned for/ });
    expect(within(card).getByText('Ready')).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Start interview' }));
    expect((await within(card).findByRole('alert')).textContent).toMatch(/The interview cannot start: some safeguards are not in place/);
  });
});

describe('interviews tab: recording the outcome', () => {
  const inProgress = () => caseDetail([interview({ status: 'in-progress', startedAt: '2026-04-10T01:00:00.000Z' })]);

  it('offers exactly the four outcomes and requires a voluntariness statement for a held interview', async () => {
    const { fake, user } = renderSection('officer', inProgress(), {
      'interviews:record': () => ok(caseDetail([interview({ status: 'held', hasRecord: true, voluntariness: 'Spoke freely after being told she may stop.' })], 4)),
    });
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    const form = await screen.findByRole('form', { name: 'Record the outcome' });
    expect(within(form).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['held', 'declined', 'ended-early', 'postponed']);
    expect(within(form).getByRole('radio', { name: 'Held' })).toBeTruthy();
    expect(within(form).getByRole('radio', { name: 'Declined by the victim' })).toBeTruthy();
    expect(within(form).getByRole('radio', { name: 'Ended early by the victim' })).toBeTruthy();
    expect(within(form).getByRole('radio', { name: 'Postponed' })).toBeTruthy();
    expect(within(form).queryByRole('radio', { name: /compel|refus/i })).toBeNull();

    await user.click(within(form).getByRole('radio', { name: 'Held' }));
    const voluntariness = within(form).getByRole('textbox', { name: /Voluntariness statement/ });
    expect((voluntariness as HTMLTextAreaElement).value).toBe('The victim was told they could decline or stop at any time and spoke voluntarily.');
    expect(within(form).getByTestId('record-sealed-note').textContent).toMatch(/Sealed/);
    await user.clear(voluntariness);
    await user.type(voluntariness, 'ok');
    await user.type(within(form).getByRole('textbox', { name: /Interview record/ }), 'She described the workplace.');
    await user.click(within(form).getByRole('button', { name: 'Save outcome' }));
    expect(within(form).getByText('State in at least 10 characters that the victim spoke voluntarily and was told they could stop.')).toBeTruthy();
    expect(fake.callsTo('interviews:record')).toEqual([]);

    await user.type(voluntariness, ': spoke freely after being told she may stop.');
    await user.click(within(form).getByRole('button', { name: 'Save outcome' }));
    await waitFor(() =>
      expect(fake.callsTo('interviews:record')).toEqual([
        {
          caseId: CASE_ID,
          version: 3,
          interviewId: INTERVIEW_ID,
          result: { outcome: 'held', record: 'She described the workplace.', voluntariness: 'ok: spoke freely after being told she may stop.', note: '' },
        },
      ]),
    );
    // The record went to core only: nothing of it stays in a store.
    expect(JSON.stringify(storeSnapshots())).not.toContain('She described the workplace');
  });

  it('records a declined interview with the reassurance, no voluntariness field, and neutral wording afterwards', async () => {
    const { fake, user } = renderSection('officer', inProgress(), {
      'interviews:record': () => ok(caseDetail([interview({ status: 'declined', endedAt: '2026-04-10T01:10:00.000Z', outcomeNote: 'Wants to rest today' })], 4)),
    });
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    const form = await screen.findByRole('form', { name: 'Record the outcome' });
    await user.click(within(form).getByRole('radio', { name: 'Declined by the victim' }));
    expect(within(form).getByText("Declining is the victim's right. Nothing adverse is recorded.")).toBeTruthy();
    expect(within(form).queryByRole('textbox', { name: /Voluntariness/ })).toBeNull();
    expect(within(form).queryByRole('textbox', { name: /Interview record/ })).toBeNull();
    await user.type(within(form).getByRole('textbox', { name: /Note/ }), 'Wants to rest today');
    await user.click(within(form).getByRole('button', { name: 'Save outcome' }));
    await waitFor(() =>
      expect(fake.callsTo('interviews:record')).toEqual([
        { caseId: CASE_ID, version: 3, interviewId: INTERVIEW_ID, result: { outcome: 'declined', record: '', voluntariness: '', note: 'Wants to rest today' } },
      ]),
    );
    const card = await screen.findByRole('article', { name: /Interview planned for/ });
    expect(await within(card).findByText('Declined by the victim')).toBeTruthy();
    expect(within(card).queryByText(/Not met|Not ready|Cannot start/)).toBeNull();
    expect(within(card).queryByRole('alert')).toBeNull();
    expect(within(card).getByText("Declining is the victim's right. Nothing adverse is recorded.")).toBeTruthy();
  });

  it('offers only declined or postponed before the interview has started', async () => {
    const { user } = renderSection('officer', caseDetail([interview()]));
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    const form = await screen.findByRole('form', { name: 'Record the outcome' });
    expect(within(form).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['declined', 'postponed']);
  });
});

describe('interviews tab: the sealed record', () => {
  it('shows the record only after a reason, counts down, and hides it after 60 seconds or at once', async () => {
    const { fake, user } = renderSection(
      'officer',
      caseDetail([interview({ status: 'held', hasRecord: true, voluntariness: 'Spoke freely after being told she may stop.' })]),
      { 'interviews:revealRecord': () => ok({ record: 'Synthetic record text' }) },
      { fakeTimers: true },
    );
    expect(screen.queryByText('Synthetic record text')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show record' }));
    const dialog = await screen.findByRole('dialog', { name: 'Show the interview record' });
    await user.type(within(dialog).getByLabelText(/Reason/), 'preparing the decision brief');
    await user.click(within(dialog).getByRole('button', { name: 'Show' }));
    expect(await screen.findByText('Synthetic record text')).toBeTruthy();
    expect(fake.callsTo('interviews:revealRecord')).toEqual([{ caseId: CASE_ID, interviewId: INTERVIEW_ID, reason: 'preparing the decision brief' }]);
    expect(screen.getByRole('timer').textContent).toBe('Hidden again in 60 seconds');
    expect(JSON.stringify(storeSnapshots())).not.toContain('Synthetic record text');

    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(screen.queryByText('Synthetic record text')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Show record' }));
    const again = await screen.findByRole('dialog', { name: 'Show the interview record' });
    await user.type(within(again).getByLabelText(/Reason/), 'checking a date');
    await user.click(within(again).getByRole('button', { name: 'Show' }));
    expect(await screen.findByText('Synthetic record text')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Hide now' }));
    expect(screen.queryByText('Synthetic record text')).toBeNull();
  });
});

describe('interviews tab: an officer’s reason waits for a supervisor', () => {
  /** A female officer is present; no Tagalog interpreter, with the officer's reason. */
  const waiving = (overrides: Partial<InterviewSummary> = {}, plan: Partial<InterviewPlan> = {}) =>
    interview(overrides, {
      officersPresent: [
        { userId: MALE_OFFICER.id, sex: 'male' },
        { userId: FEMALE_OFFICER.id, sex: 'female' },
      ],
      noInterpreterReason: 'No Tagalog interpreter is free this week',
      ...plan,
    });

  it('shows the safeguard as waiting for a supervisor’s approval, with the officer’s reason, and keeps Start disabled', async () => {
    renderSection('officer', caseDetail([waiving()]));
    const card = screen.getByRole('article', { name: /Interview planned for/ });
    const line = checklistLine(card, INTERPRETER_LABEL);
    expect(line.getAttribute('data-status')).toBe('reason-recorded');
    expect(within(line).getByText("Reason recorded — waits for a supervisor's approval")).toBeTruthy();
    expect(within(line).getByText("Officer's reason: No Tagalog interpreter is free this week")).toBeTruthy();
    expect(within(card).getByTestId('readiness-summary').textContent).toBe("Cannot start yet: the officer's reason for 1 safeguard waits for a supervisor's approval.");
    expect(within(card).getByText("Awaiting a supervisor's approval")).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Start interview' })).toHaveProperty('disabled', true);
    expect(within(card).queryByRole('button', { name: 'Override safeguards' })).toBeNull();

    await act(() => i18n.changeLanguage('ja'));
    const ja = screen.getByRole('article', { name: /予定の面接/ });
    const jaLine = checklistLine(ja, '本人の母語の通訳人');
    expect(within(jaLine).getByText('理由記録済み（監督者の承認待ち）')).toBeTruthy();
    expect(within(jaLine).getByText('担当官が記録した理由：No Tagalog interpreter is free this week')).toBeTruthy();
    expect(within(ja).getByText('監督者の承認待ち')).toBeTruthy();
  });

  it('once a supervisor approved it, says who and when; starting before the planned day asks first, naming the planned time', async () => {
    const planned = '2099-05-10T10:00';
    const approved = waiving(
      { override: { by: 'Testperson Chiyo', at: '2026-03-06T09:00:00.000Z', reason: 'Interpreter by phone is not safe; the victim agreed to English', items: ['interpreter'] } },
      { plannedAt: planned },
    );
    const { fake, user } = renderSection('officer', caseDetail([approved]), {
      'interviews:start': () => ok(caseDetail([{ ...approved, status: 'in-progress', startedAt: '2026-04-10T01:00:00.000Z' }], 4)),
    });
    const card = screen.getByRole('article', { name: /Interview planned for/ });
    expect(within(checklistLine(card, INTERPRETER_LABEL)).getByText('Reason recorded — approved by a supervisor')).toBeTruthy();
    expect(within(card).getByTestId('interview-override').textContent).toContain(`Overridden by Testperson Chiyo on ${formatDateTime('en', '2026-03-06T09:00:00.000Z')}`);
    expect(within(card).getByText('Overridden by Testperson Chiyo')).toBeTruthy();

    await user.click(within(card).getByRole('button', { name: 'Start interview' }));
    const dialog = await screen.findByRole('dialog', { name: 'Start before the planned day?' });
    expect(within(dialog).getByText(`This interview is planned for ${formatDateTime('en', planned)}. Start it now, before the planned day?`)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('interviews:start')).toEqual([]);

    await act(() => i18n.changeLanguage('ja'));
    await user.click(within(screen.getByRole('article', { name: /予定の面接/ })).getByRole('button', { name: '面接を開始' }));
    const ja = await screen.findByRole('dialog', { name: '予定日より前に開始しますか？' });
    expect(within(ja).getByText(`この面接は${formatDateTime('ja', planned)}に予定されています。予定日より前ですが、今すぐ開始しますか？`)).toBeTruthy();
    await user.click(within(ja).getByRole('button', { name: '今すぐ開始' }));
    await waitFor(() => expect(fake.callsTo('interviews:start')).toEqual([{ caseId: CASE_ID, version: 3, interviewId: INTERVIEW_ID }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

describe('interviews tab: Japanese', () => {
  it('labels the actions in Japanese', async () => {
    await act(() => i18n.changeLanguage('ja'));
    const { user } = renderSection('supervisor', caseDetail([interview()]));
    expect(screen.getByRole('button', { name: '面接を開始' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: '保護措置の例外を承認' })).toBeTruthy();
    expect(screen.getByText('実施不可 — 未充足の保護措置 2件')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '面接を計画' }));
    expect(await screen.findByRole('form', { name: '面接を計画' })).toBeTruthy();
  });
});
