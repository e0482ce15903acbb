import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../electron/common/dates';
import { localToday } from '../../../i18n/dates';
import { i18n } from '../../../i18n/i18n';
import { CASE_ID, caseDetail, immigrationFacts } from '../../../test/caseDetail';
import { fail, ok } from '../../../test/fakeMamori';
import { renderCaseSection } from '../../../test/renderCase';
import { ImmigrationSection } from './ImmigrationSection';

const fromToday = (days: number) => addDays(localToday(), days);
const standing = () => screen.getByTestId('standing');

describe('immigration section: facts that can be true together, and the standing they give', () => {
  it('shows an intern who absconded while the period runs as a legal resident, and says why', async () => {
    renderCaseSection(ImmigrationSection, caseDetail({ immigration: immigrationFacts({ periodOfStayExpiry: fromToday(90), abscondedFromTraining: true, abscondedSince: '2026-02-10' }) }));
    expect(standing().getAttribute('data-standing')).toBe('legal-resident');
    expect(within(standing()).getByText('Legal resident')).toBeTruthy();
    expect(within(standing()).getByText(/Absconded from training, but a legal resident while the status is valid/)).toBeTruthy();
    expect(screen.getByText('Technical Intern Training (ii) type ロ (through a supervising organisation)')).toBeTruthy();
    expect(screen.getByText('Yes (since Feb 10, 2026)')).toBeTruthy();

    await act(() => i18n.changeLanguage('ja'));
    expect(within(standing()).getByText('本日時点の在留上の地位：')).toBeTruthy();
    expect(within(standing()).getByText('適法在留')).toBeTruthy();
    expect(screen.getByText('技能実習2号ロ（団体監理型）')).toBeTruthy();
  });

  it('derives a violation once the period has run out, or from custody, without it being recorded', async () => {
    renderCaseSection(ImmigrationSection, caseDetail({ immigration: immigrationFacts({ periodOfStayExpiry: fromToday(-1), abscondedFromTraining: true }) }));
    expect(within(standing()).getByText('In violation of immigration law')).toBeTruthy();
    expect(within(standing()).queryByText(/Absconded from training, but a legal resident/)).toBeNull();
    await act(() => i18n.changeLanguage('ja'));
    expect(within(standing()).getByText('入管法違反')).toBeTruthy();
  });

  it('asks the officer to record the type of an untyped intern status, and offers that status only while it is held', async () => {
    const { user, fake } = renderCaseSection(ImmigrationSection, caseDetail({ immigration: immigrationFacts({ statusOfResidence: 'technical-intern-2' }) }), {
      handlers: { 'cases:update': () => ok(caseDetail({ version: 4, immigration: immigrationFacts({ statusOfResidence: 'technical-intern-2-i' }) })) },
    });
    expect(screen.getByTestId('untyped-intern').textContent).toBe(
      'The type of Technical Intern Training (イ enterprise-run, or ロ through a supervising organisation) is not recorded. Edit the immigration facts and choose the type.',
    );
    expect(screen.getByText('Technical Intern Training (ii) (type not recorded)')).toBeTruthy();
    await act(() => i18n.changeLanguage('ja'));
    expect(screen.getByTestId('untyped-intern').textContent).toContain('技能実習の区分（イ：企業単独型、ロ：団体監理型）が記録されていません。');
    await act(() => i18n.changeLanguage('en'));

    await user.click(screen.getByRole('button', { name: 'Edit Immigration situation' }));
    const status = screen.getByRole('combobox', { name: /^Status of residence/ });
    const options = () => within(status).getAllByRole('option').map((o) => o.textContent);
    expect(options()).toContain('Technical Intern Training (ii) (type not recorded)');
    expect(options()).not.toContain('Technical Intern Training (i) (type not recorded)');
    await user.selectOptions(status, 'Technical Intern Training (ii) type イ (enterprise-run)');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(fake.callsTo('cases:update')).toEqual([{ caseId: CASE_ID, version: 3, immigration: immigrationFacts({ statusOfResidence: 'technical-intern-2-i' }) }]);
    expect(await screen.findByText('Technical Intern Training (ii) type イ (enterprise-run)')).toBeTruthy();
    expect(screen.queryByTestId('untyped-intern')).toBeNull();
  });

  it('records deportation procedures and custody as facts of their own, with conditions and reporting dates', async () => {
    const { user, fake } = renderCaseSection(ImmigrationSection, caseDetail({ immigration: immigrationFacts({ statusOfResidence: 'entertainer', statusValidity: 'expired', statusValiditySince: '2026-01-01' }) }), {
      handlers: { 'cases:update': () => ok(caseDetail({ version: 4 })) },
    });
    expect(screen.getByText('Overstaying since')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Edit Immigration situation' }));
    expect(screen.queryByRole('combobox', { name: 'Custody' })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Deportation procedures have begun' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Custody' }), 'Supervision measures');
    await user.type(screen.getByLabelText('Under supervision measures since'), '2026-08-01');
    await user.type(screen.getByLabelText('Conditions of supervision measures'), 'Live with the supervisor');
    await user.click(screen.getByRole('button', { name: 'Add reporting date' }));
    await user.type(screen.getByLabelText('Reporting date 1'), '2026-12-15');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(fake.callsTo('cases:update')).toEqual([
      {
        caseId: CASE_ID,
        version: 3,
        immigration: immigrationFacts({
          statusOfResidence: 'entertainer',
          statusValidity: 'expired',
          statusValiditySince: '2026-01-01',
          deportationProcedure: true,
          custody: 'supervision-measures',
          custodySince: '2026-08-01',
          measureConditions: 'Live with the supervisor',
          reportingDates: [{ date: '2026-12-15', note: '' }],
        }),
      },
    ]);
  });

  it('explains facts that cannot be true together before asking core, in English and Japanese', async () => {
    // Recorded before custody needed deportation procedures: the form still shows it, so it can be put right.
    const { user, fake } = renderCaseSection(ImmigrationSection, caseDetail({ immigration: immigrationFacts({ statusOfResidence: 'student', abscondedFromTraining: true, custody: 'detained' }) }));
    await user.click(screen.getByRole('button', { name: 'Edit Immigration situation' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Custody can be recorded only once deportation procedures have begun: tick them first.')).toBeTruthy();
    expect(screen.getByText('Absconding from training can be recorded only for a holder of a Technical Intern Training status.')).toBeTruthy();
    expect(fake.callsTo('cases:update')).toEqual([]);
    await act(() => i18n.changeLanguage('ja'));
    expect(screen.getByText('収容等の状況は、退去強制手続が開始されている場合に限り記録できます。先に退去強制手続の欄にチェックを入れてください。')).toBeTruthy();
  });

  it('refuses a lapse dated after today and a day the calendar lacks before asking core, and puts core’s date refusal on its field', async () => {
    const { user, fake } = renderCaseSection(ImmigrationSection, caseDetail({ immigration: immigrationFacts({ statusOfResidence: 'entertainer', statusValidity: 'expired', statusValiditySince: '2026-01-01' }) }), {
      handlers: { 'cases:update': () => fail('INVALID_INPUT', { issues: [{ path: 'immigration.periodOfStayExpiry', message: 'date.moreThanTenYearsAhead' }] }) },
    });
    await user.click(screen.getByRole('button', { name: 'Edit Immigration situation' }));
    const since = screen.getByRole('textbox', { name: 'Overstaying since' });
    await user.clear(since);
    await user.type(since, fromToday(1));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getAllByText('This date is after today. Something that has already happened cannot be dated in the future.').length).toBeGreaterThan(0);
    await user.clear(since);
    await user.type(since, '2026-02-30');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('There is no day 30 in February 2026: it has 28 days.')).toBeTruthy();
    expect(fake.callsTo('cases:update')).toEqual([]);

    // Core holds the bounds too, with its own clock: what it refuses is shown on the field, translated.
    await user.clear(since);
    await user.type(since, '2026-01-01');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('This date is more than ten years ahead: check the year.')).toBeTruthy();
    expect(fake.callsTo('cases:update')).toHaveLength(1);
    await act(() => i18n.changeLanguage('ja'));
    expect(screen.getByText('10年より先の日付です。年を確かめてください。')).toBeTruthy();
  });
});
