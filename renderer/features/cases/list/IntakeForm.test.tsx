import { act, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
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

// A whole four-step form typed key by key: generous when the suite runs in parallel.
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

  it('asks only for the conditions and reporting dates that belong to the situation', async () => {
    const { user } = await openIntake();
    await fillPerson(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.queryByLabelText('Conditions of provisional release')).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: /^Situation/ }), 'Detained');
    expect(screen.getByLabelText('Conditions of detention')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add reporting date' })).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: /^Situation/ }), 'Provisional release');
    expect(screen.getByLabelText('Conditions of provisional release')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add reporting date' }));
    expect(screen.getByLabelText('Reporting date 1')).toBeTruthy();
  });

  it('sends the whole form to cases:create and opens the new case', async () => {
    const { user, fake } = await openIntake({ 'cases:create': () => ok({ id: caseId(7) } as never) });
    await fillPerson(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await user.selectOptions(screen.getByRole('combobox', { name: /^Status of residence/ }), 'Technical Intern Training (ii)');
    await user.type(screen.getByLabelText('Period of stay expires'), '2026-12-31');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Situation/ }), 'Provisional release');
    await user.type(screen.getByLabelText('Conditions of provisional release'), 'Report monthly');
    await user.click(screen.getByRole('button', { name: 'Add reporting date' }));
    await user.type(screen.getByLabelText('Reporting date 1'), '2026-12-01');
    await user.type(screen.getByLabelText('Note for reporting date 1'), 'Tokyo bureau');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await user.click(screen.getByRole('checkbox', { name: 'Labour exploitation' }));
    await user.selectOptions(screen.getByRole('combobox', { name: /^Referred by/ }), 'Police');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await user.click(screen.getByRole('radio', { name: 'High' }));
    await user.click(screen.getByRole('checkbox', { name: 'Child' }));
    expect(screen.getByText('Lan Testperson')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open case' }));

    expect(await screen.findByText(`Case ${caseId(7)}`)).toBeTruthy();
    expect(fake.callsTo('cases:create')).toEqual([
      {
        person: {
          familyName: 'Testperson',
          givenName: 'Lan',
          familyNameNative: '',
          givenNameNative: '',
          aliases: ['Lanny'],
          sex: 'female',
          dateOfBirth: null,
          nationality: 'VNM',
          languages: ['vi'],
          interpreterNeeded: true,
        },
        immigration: {
          statusOfResidence: 'technical-intern-2',
          periodOfStayExpiry: '2026-12-31',
          situation: 'provisional-release',
          situationSince: null,
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
    await fillPerson(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.selectOptions(screen.getByRole('combobox', { name: /^Status of residence/ }), 'None (no status)');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Situation/ }), 'Overstay');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.selectOptions(screen.getByRole('combobox', { name: /^Referred by/ }), 'Police');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Open case' }));

    expect(await screen.findByText('Enter the family name.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^Family name( \*)?$/ })).toHaveProperty('value', 'Testperson');
    expect(within(screen.getByRole('form', { name: 'New case' })).queryByRole('button', { name: 'Open case' })).toBeNull();
  });
});
