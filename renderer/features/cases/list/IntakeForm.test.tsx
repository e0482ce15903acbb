import { act, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChannelInput } from '../../../../electron/common/contract';
import { localDay, localToday } from '../../../i18n/dates';
import { i18n } from '../../../i18n/i18n';
import { fail, ok } from '../../../test/fakeMamori';
import { caseId, renderCases } from '../../../test/renderCases';

vi.mock('../../caseFile/CasePage', () => ({
  CasePage: ({ caseId: id }: { caseId: string }) => <p>Case {id}</p>,
}));

beforeAll(() => {
  // Mantine scrolls the highlighted option into view, which jsdom does not implement.
  Element.prototype.scrollIntoView ??= () => undefined;
});

async function openIntake(handlers: Parameters<typeof renderCases>[0] = {}) {
  const rendered = renderCases({ 'cases:list': () => ok({ total: 0, rows: [] }), ...handlers });
  await rendered.user.click(await screen.findByRole('button', { name: 'New case' }));
  return rendered;
}

/** Picks from a searchable Mantine select by typing and the keyboard, as a user without a mouse would. */
async function choose(user: UserEvent, label: string, option: string) {
  await user.type(screen.getByRole('combobox', { name: new RegExp(`^${label}`) }), option);
  await user.keyboard('{ArrowDown}{Enter}');
}

async function fillPerson(user: UserEvent) {
  await user.type(screen.getByRole('textbox', { name: /^Family name( \*)?$/ }), 'Testperson');
  await user.type(screen.getByRole('textbox', { name: /^Given name$/ }), 'Lan');
  await user.type(screen.getByRole('combobox', { name: 'Aliases' }), 'Lanny{Enter}');
  await user.selectOptions(screen.getByRole('combobox', { name: /^Sex/ }), 'Female');
  await choose(user, 'Nationality', 'Viet Nam');
  await choose(user, 'Languages', 'Vietnamese');
  await user.click(screen.getByRole('checkbox', { name: 'Interpreter needed' }));
}

/** The shortest way through every step to "Open case": the person, a status, no screening, a referral source. */
async function submitWithStatus(user: UserEvent, status: string) {
  await fillPerson(user);
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.selectOptions(screen.getByRole('combobox', { name: /^Status of residence/ }), status);
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.selectOptions(screen.getByRole('combobox', { name: /^Referred by/ }), 'Police');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(screen.getByRole('button', { name: 'Open case' }));
}

// A whole five-step form typed key by key: generous when the suite runs in parallel.
describe('intake', () => {
  it('explains what is missing on the person step, in the user’s language, and keeps what was typed', async () => {
    const { user, fake } = await openIntake();
    await user.type(screen.getByRole('textbox', { name: /^Given name$/ }), 'Lan');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(screen.getByText('Enter the family name.')).toBeTruthy();
    expect(screen.getByText('Choose a nationality.')).toBeTruthy();
    expect(screen.getByText('Choose at least one language the person speaks.')).toBeTruthy();
    expect(screen.getByText('Choose one.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^Given name$/ })).toHaveProperty('value', 'Lan');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^Family name( \*)?$/ }));

    await act(() => i18n.changeLanguage('ja'));
    expect(screen.getByText('姓を入力してください。')).toBeTruthy();
    expect(screen.getByText('国籍を選択してください。')).toBeTruthy();
    expect(screen.getByText('本人が使う言語を一つ以上選択してください。')).toBeTruthy();
    expect(fake.callsTo('cases:create')).toEqual([]);
  });

  it('says how long a name may be and how long it is, in the user’s language', async () => {
    const { user, fake } = await openIntake();
    // Pasted, as a long name usually arrives.
    await user.click(screen.getByRole('textbox', { name: /^Given name$/ }));
    await user.paste('L'.repeat(95));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Enter at most 80 characters (now 95).')).toBeTruthy();
    await act(() => i18n.changeLanguage('ja'));
    expect(screen.getByText('80文字以内で入力してください（現在 95文字）。')).toBeTruthy();
    expect(fake.callsTo('cases:create')).toEqual([]);
  });

  it('asks only for the facts that the immigration status calls for', async () => {
    const { user } = await openIntake();
    await fillPerson(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    // Absconding is asked only of an intern; custody only once deportation procedures have begun.
    await user.selectOptions(screen.getByRole('combobox', { name: /^Status of residence/ }), 'Student');
    expect(screen.queryByRole('checkbox', { name: /Absconded from technical intern training/ })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Custody' })).toBeNull();
    expect(screen.queryByLabelText('Overstaying since')).toBeNull();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Validity of the status' }), 'Expired: overstaying');
    expect(screen.getByLabelText('Overstaying since')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Deportation procedures have begun' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Custody' }), 'Detained');
    expect(screen.getByLabelText('Conditions of detention')).toBeTruthy();
    expect(screen.getByLabelText('Detained since')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add reporting date' })).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Custody' }), 'Provisional release');
    expect(screen.getByLabelText('Conditions of provisional release')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add reporting date' }));
    expect(screen.getByLabelText('Reporting date 1')).toBeTruthy();
    expect(within(screen.getByTestId('standing')).getByText('In violation of immigration law')).toBeTruthy();

    // "No status" is one fact seen from both fields.
    await user.selectOptions(screen.getByRole('combobox', { name: /^Status of residence/ }), 'None (no status)');
    expect(screen.getByRole('combobox', { name: 'Validity of the status' })).toHaveProperty('value', 'none');
    expect(screen.getByLabelText('Entered or landed on')).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: /^Status of residence/ }), 'Technical Intern Training (ii) type ロ (through a supervising organisation)');
    expect(screen.getByRole('combobox', { name: 'Validity of the status' })).toHaveProperty('value', 'valid');
    await user.click(screen.getByRole('checkbox', { name: /Absconded from technical intern training/ }));
    expect(screen.getByLabelText('Absconded on')).toBeTruthy();
  });

  it('offers the six typed intern statuses and never an untyped one', async () => {
    const { user } = await openIntake();
    await fillPerson(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const options = within(screen.getByRole('combobox', { name: /^Status of residence/ })).getAllByRole('option').map((o) => o.textContent ?? '');
    expect(options.filter((o) => o.startsWith('Technical Intern Training'))).toEqual([
      'Technical Intern Training (i) type イ (enterprise-run)',
      'Technical Intern Training (i) type ロ (through a supervising organisation)',
      'Technical Intern Training (ii) type イ (enterprise-run)',
      'Technical Intern Training (ii) type ロ (through a supervising organisation)',
      'Technical Intern Training (iii) type イ (enterprise-run)',
      'Technical Intern Training (iii) type ロ (through a supervising organisation)',
    ]);
    await act(() => i18n.changeLanguage('ja'));
    const ja = within(screen.getByRole('combobox', { name: /^在留資格( \*)?$/ })).getAllByRole('option').map((o) => o.textContent ?? '');
    expect(ja.filter((o) => o.startsWith('技能実習'))).toEqual([
      '技能実習1号イ（企業単独型）',
      '技能実習1号ロ（団体監理型）',
      '技能実習2号イ（企業単独型）',
      '技能実習2号ロ（団体監理型）',
      '技能実習3号イ（企業単独型）',
      '技能実習3号ロ（団体監理型）',
    ]);
  });

  it('does not let an absconded intern pass the screening step silently, and keeps "not a victim" until the checklist is complete', async () => {
    const { user, fake } = await openIntake({ 'cases:create': () => ok({ id: caseId(8) } as never) });
    await fillPerson(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.selectOptions(screen.getByRole('combobox', { name: /^Status of residence/ }), 'Technical Intern Training (i) type イ (enterprise-run)');
    await user.click(screen.getByRole('checkbox', { name: /Absconded from technical intern training/ }));
    expect(within(screen.getByTestId('standing')).getByText('Legal resident')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(screen.getByTestId('screening-absconded').textContent).toContain('Screen for trafficking indicators before anything else');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('This person absconded from technical intern training: complete the checklist now, or choose to screen later.')).toBeTruthy();
    await act(() => i18n.changeLanguage('ja'));
    expect(screen.getByText('技能実習先から失踪した方です。今チェックリストを完了するか、後で確認することを選んでください。')).toBeTruthy();
    await act(() => i18n.changeLanguage('en'));

    await user.click(screen.getByRole('radio', { name: 'Screen later (a reminder goes to My work)' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // The exploitation step: "not a victim" waits for the checklist, and says where it is.
    expect(screen.getByRole('radio', { name: 'Not a victim' })).toHaveProperty('disabled', true);
    expect(screen.getByTestId('not-a-victim-blocked').textContent).toContain('“Not a victim” can be chosen only once the trafficking-indicator checklist is complete');
    await user.click(screen.getByRole('button', { name: 'Go to the indicator checklist' }));
    expect(screen.getByRole('table', { name: 'Trafficking indicators' })).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Withholds identity documents (passport, residence card)' }));
    await user.type(screen.getByRole('textbox', { name: 'Note: Withholds identity documents (passport, residence card)' }), 'Passport kept by the employer');
    await user.click(screen.getByRole('radio', { name: 'Checklist complete: gone through with the person today' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('radio', { name: 'Not a victim' })).toHaveProperty('disabled', false);
    expect(screen.queryByTestId('not-a-victim-blocked')).toBeNull();

    await user.click(screen.getByRole('checkbox', { name: 'Labour exploitation in technical intern training' }));
    await user.selectOptions(screen.getByRole('combobox', { name: /^Referred by/ }), 'OTIT (Organization for Technical Intern Training)');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText(`Completed on ${new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(localDay(localToday()))}`)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open case' }));

    expect(await screen.findByText(`Case ${caseId(8)}`)).toBeTruthy();
    const [sent] = fake.callsTo('cases:create') as ChannelInput<'cases:create'>[];
    expect(sent.immigration).toMatchObject({ statusOfResidence: 'technical-intern-1-i', statusValidity: 'valid', abscondedFromTraining: true, abscondedSince: null, custody: 'none' });
    expect(sent.exploitation).toMatchObject({
      indicators: { 'withholds-documents': { present: true, note: 'Passport kept by the employer' } },
      screening: 'completed',
      screenedOn: localToday(),
      identificationStatus: 'possible',
    });
  });

  it('lets the screening step be skipped for someone who did not abscond', async () => {
    const { user } = await openIntake();
    await fillPerson(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.selectOptions(screen.getByRole('combobox', { name: /^Status of residence/ }), 'Temporary Visitor');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.queryByTestId('screening-absconded')).toBeNull();
    expect(screen.getByRole('radio', { name: 'Not gone through yet' })).toHaveProperty('checked', true);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('checkbox', { name: 'Labour exploitation' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Not a victim' })).toHaveProperty('disabled', false);
  });

  it('sends the whole form to cases:create and opens the new case', async () => {
    const { user, fake } = await openIntake({ 'cases:create': () => ok({ id: caseId(7) } as never) });
    await fillPerson(user);
    await user.type(screen.getByRole('textbox', { name: /^Name the person wishes to be called/ }), 'Lani');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await user.selectOptions(screen.getByRole('combobox', { name: /^Status of residence/ }), 'Technical Intern Training (ii) type ロ (through a supervising organisation)');
    await user.type(screen.getByLabelText('Period of stay expires'), '2026-12-31');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Validity of the status' }), 'Revoked');
    await user.type(screen.getByLabelText('Revoked on'), '2026-06-01');
    await user.click(screen.getByRole('checkbox', { name: /unauthorised work/ }));
    await user.click(screen.getByRole('checkbox', { name: /Absconded from technical intern training/ }));
    await user.type(screen.getByLabelText('Absconded on'), '2026-02-01');
    await user.click(screen.getByRole('checkbox', { name: 'Deportation procedures have begun' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Custody' }), 'Provisional release');
    await user.type(screen.getByLabelText('Provisionally released on'), '2026-07-01');
    await user.type(screen.getByLabelText('Conditions of provisional release'), 'Report monthly');
    await user.click(screen.getByRole('button', { name: 'Add reporting date' }));
    await user.type(screen.getByLabelText('Reporting date 1'), '2026-12-01');
    await user.type(screen.getByLabelText('Note for reporting date 1'), 'Tokyo bureau');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await user.click(screen.getByRole('radio', { name: 'Screen later (a reminder goes to My work)' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await user.click(screen.getByRole('checkbox', { name: 'Labour exploitation' }));
    await user.selectOptions(screen.getByRole('combobox', { name: /^Referred by/ }), 'Police');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await user.click(screen.getByRole('radio', { name: 'High' }));
    await user.click(screen.getByRole('checkbox', { name: 'Child' }));
    expect(screen.getByText('Lan Testperson')).toBeTruthy();
    expect(screen.getByText('Lani')).toBeTruthy();
    expect(screen.getByText('Deferred (screen later)')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open case' }));

    expect(await screen.findByText(`Case ${caseId(7)}`)).toBeTruthy();
    expect(fake.callsTo('cases:create')).toEqual([
      {
        person: {
          familyName: 'Testperson',
          givenName: 'Lan',
          familyNameNative: '',
          givenNameNative: '',
          preferredName: 'Lani',
          aliases: ['Lanny'],
          sex: 'female',
          dateOfBirth: null,
          nationality: 'VNM',
          languages: ['vi'],
          interpreterNeeded: true,
        },
        immigration: {
          statusOfResidence: 'technical-intern-2-ro',
          periodOfStayExpiry: '2026-12-31',
          statusValidity: 'revoked',
          statusValiditySince: '2026-06-01',
          unauthorisedWork: true,
          abscondedFromTraining: true,
          abscondedSince: '2026-02-01',
          deportationProcedure: true,
          custody: 'provisional-release',
          custodySince: '2026-07-01',
          measureConditions: 'Report monthly',
          reportingDates: [{ date: '2026-12-01', note: 'Tokyo bureau' }],
        },
        exploitation: {
          types: ['labour'],
          indicators: {},
          periodFrom: null,
          periodTo: null,
          place: '',
          referralSource: 'police',
          identificationStatus: 'possible',
          identificationDate: null,
          screening: 'later',
          screenedOn: null,
        },
        riskLevel: 'high',
        flags: ['child'],
      },
    ]);
  });

  it('shows what core refused on its field, back on its step, with the values kept', async () => {
    const { user } = await openIntake({
      'cases:create': () => fail('INVALID_INPUT', { issues: [{ path: 'person.familyName', message: 'case.familyName.required' }] }),
    });
    await submitWithStatus(user, 'None (no status)');

    expect(await screen.findByText('Enter the family name.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^Family name( \*)?$/ })).toHaveProperty('value', 'Testperson');
    expect(within(screen.getByRole('form', { name: 'New case' })).queryByRole('button', { name: 'Open case' })).toBeNull();
  });

  it('takes core’s screening refusal back to the screening step, translated', async () => {
    const { user } = await openIntake({
      'cases:create': () => fail('SCREENING_REQUIRED', { issues: [{ path: 'exploitation.screening', message: 'case.screening.chooseForAbsconded' }] }),
    });
    await submitWithStatus(user, 'Trainee');

    expect(await screen.findByText('This person absconded from technical intern training: complete the checklist now, or choose to screen later.')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Trafficking indicators' })).toBeTruthy();
  });
});
