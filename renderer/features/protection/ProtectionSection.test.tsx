import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../electron/common/caseDetail';
import type { ChannelInput } from '../../../electron/common/contract';
import type { Interpreter } from '../../../electron/common/protection';
import { i18n } from '../../i18n/i18n';
import { assessment, CASE_ID, caseDetail as syntheticCase, RECORDED_AT, wishRecord } from '../../test/caseDetail';
import { fail, ok, type Handlers } from '../../test/fakeMamori';
import { renderCaseSection } from '../../test/renderCase';
import { useCasePageStore } from '../cases/page/casePage.store';
import { ProtectionSection } from './ProtectionSection';

const INTERPRETER_ID = '00000000-0000-4000-8000-0000000011a1';

/** The synthetic case with no supervisor yet, and the protection records given. */
function caseDetail(protection: Partial<CaseDetail['protection']> = {}): CaseDetail {
  return syntheticCase({ supervisor: null, protection });
}

const interpreter: Interpreter = {
  id: INTERPRETER_ID,
  version: 1,
  name: 'Testinterp Mari',
  nameVariants: [],
  languages: ['tl'],
  pledgeDate: '2026-01-10',
  notes: '',
  active: true,
  hasContact: false,
  conflictReason: '',
  updatedAt: RECORDED_AT,
};

/** Core's answer to a record call: the case one version on, with the new entry first (newest first). */
function afterConsideration(input: ChannelInput<'protection:recordConsideration'>): CaseDetail {
  const before = useCasePageStore.getState().detail!;
  const c = input.consideration;
  const added = assessment({ ...c, notes: c.notes ?? '', cooperationStatus: c.cooperationStatus ?? null, authorityReference: c.authorityReference ?? '', id: 'new' });
  return { ...before, version: before.version + 1, protection: { ...before.protection, considerations: [added, ...before.protection.considerations] } };
}

function renderSection(detail: CaseDetail, handlers: Handlers = {}) {
  return renderCaseSection(ProtectionSection, detail, { handlers: { 'interpreters:list': () => ok({ interpreters: [interpreter] }), ...handlers } });
}

function localToday(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

const CHECK_FIELDS = 'Some fields need attention. Nothing was saved.';

const card = (name: string) => within(screen.getByRole('article', { name }));

// Typing into Mantine inputs under jsdom is slow when several engineers' suites run at once.
describe('considerations and wishes', () => {
  it('records a danger assessment and shows it as the current one', async () => {
    const { fake, user } = renderSection(caseDetail(), { 'protection:recordConsideration': (input) => ok(afterConsideration(input)) });
    const danger = card('Danger to life or body if returned');
    expect(danger.getByText('Not yet assessed')).toBeTruthy();

    await user.click(danger.getByRole('button', { name: 'Record assessment' }));
    const form = within(screen.getByRole('form', { name: 'Record assessment: Danger to life or body if returned' }));
    expect((form.getByLabelText(/^Assessed on/) as HTMLInputElement).value).toBe(localToday());
    expect(form.queryByLabelText(/^Cooperation status/)).toBeNull();

    await user.click(form.getByRole('button', { name: 'Save assessment' }));
    expect(form.getByText('Enter the evidence the assessment rests on.')).toBeTruthy();
    expect(form.getByText('Choose one.')).toBeTruthy();
    expect(fake.callsTo('protection:recordConsideration')).toEqual([]);

    await user.selectOptions(form.getByLabelText(/^Level/), 'high');
    await user.type(form.getByLabelText(/^Evidence/), 'Threats by phone');
    await user.type(form.getByLabelText(/^Notes/), 'Shelter report');
    await user.click(form.getByRole('button', { name: 'Save assessment' }));

    expect(fake.callsTo('protection:recordConsideration')).toEqual([
      {
        caseId: CASE_ID,
        version: 3,
        consideration: {
          kind: 'danger-on-return',
          level: 'high',
          evidence: 'Threats by phone',
          notes: 'Shelter report',
          assessedOn: localToday(),
          cooperationStatus: null,
          authorityReference: '',
        },
      },
    ]);
    expect(await danger.findByText('High')).toBeTruthy();
    expect(danger.getByText('Threats by phone')).toBeTruthy();
    expect(danger.queryByText('Not yet assessed')).toBeNull();
    expect(screen.queryByRole('form')).toBeNull();
    expect(useCasePageStore.getState().detail?.version).toBe(4);
  });

  it('sends a cooperation status only for cooperation, keeps the values when core refuses, and puts core’s issue on the field', async () => {
    let refuse = true;
    const { fake, user } = renderSection(caseDetail(), {
      'protection:recordConsideration': (input) => {
        if (refuse) {
          refuse = false;
          return fail('INVALID_INPUT', { issues: [{ path: 'consideration.cooperationStatus', message: 'consideration.cooperationStatus' }] });
        }
        return ok(afterConsideration(input));
      },
    });

    const condition = card('Mental and physical condition; need for protection');
    await user.click(condition.getByRole('button', { name: 'Record assessment' }));
    const conditionForm = within(screen.getByRole('form', { name: /Mental and physical condition/ }));
    expect(conditionForm.queryByLabelText(/^Cooperation status/)).toBeNull();
    await user.click(conditionForm.getByRole('button', { name: 'Cancel' }));

    const cooperation = card('Cooperation with criminal procedures');
    expect(cooperation.getByText('Not cooperating is never held against the victim.')).toBeTruthy();
    await user.click(cooperation.getByRole('button', { name: 'Record assessment' }));
    const form = within(screen.getByRole('form', { name: 'Record assessment: Cooperation with criminal procedures' }));
    await user.selectOptions(form.getByLabelText(/^Level/), 'moderate');
    await user.type(form.getByLabelText(/^Evidence/), 'Police statement');
    await user.click(form.getByRole('button', { name: 'Save assessment' }));
    expect(form.getByText('Choose the cooperation status.')).toBeTruthy();
    expect(fake.callsTo('protection:recordConsideration')).toEqual([]);

    await user.selectOptions(form.getByLabelText(/^Cooperation status/), 'cooperating');
    await user.type(form.getByLabelText(/^Police or prosecutor reference/), 'PP-2026-118');
    await user.click(form.getByRole('button', { name: 'Save assessment' }));

    // Core refused: the message is on the field and every value is still in the form.
    expect((await form.findByRole('alert')).textContent).toBe(CHECK_FIELDS);
    expect(fake.callsTo('protection:recordConsideration')).toHaveLength(1);
    expect(form.getByText('Choose the cooperation status.')).toBeTruthy();
    expect((form.getByLabelText(/^Evidence/) as HTMLTextAreaElement).value).toBe('Police statement');
    expect((form.getByLabelText(/^Police or prosecutor reference/) as HTMLInputElement).value).toBe('PP-2026-118');

    await user.click(form.getByRole('button', { name: 'Save assessment' }));
    const sent = fake.callsTo('protection:recordConsideration') as ChannelInput<'protection:recordConsideration'>[];
    expect(sent).toHaveLength(2);
    expect(sent[1].consideration).toMatchObject({ kind: 'cooperation', level: 'moderate', cooperationStatus: 'cooperating', authorityReference: 'PP-2026-118' });
    expect(await cooperation.findByText('Cooperating')).toBeTruthy();
    expect(cooperation.getByText('PP-2026-118')).toBeTruthy();
  });

  it('shows earlier assessments of a kind, newest first, behind the history toggle', async () => {
    const { user } = renderSection(
      caseDetail({
        considerations: [
          assessment({ id: 'c3', level: 'high', evidence: 'Newest evidence', assessedOn: '2026-03-04' }),
          assessment({ id: 'k1', kind: 'condition-and-protection', level: 'low', evidence: 'Condition evidence' }),
          assessment({ id: 'c2', level: 'moderate', evidence: 'Middle evidence', assessedOn: '2026-02-20' }),
          assessment({ id: 'c1', level: 'low', evidence: 'Oldest evidence', assessedOn: '2026-02-01' }),
        ],
      }),
    );
    const danger = card('Danger to life or body if returned');
    expect(danger.getByText('Newest evidence')).toBeTruthy();
    expect(danger.queryByText('Middle evidence')).toBeNull();
    expect(card('Mental and physical condition; need for protection').queryByRole('button', { name: /History/ })).toBeNull();

    const toggle = danger.getByRole('button', { name: 'History (2)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const history = within(danger.getByRole('list', { name: 'Earlier assessments: Danger to life or body if returned' }));
    const entries = history.getAllByRole('listitem').map((li) => li.textContent);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain('Middle evidence');
    expect(entries[0]).toContain('Moderate');
    expect(entries[1]).toContain('Oldest evidence');
    expect(history.queryByText('Condition evidence')).toBeNull();
  });

  it('shows the current wish in the victim’s own words and records a new one with the interpreter', async () => {
    const { fake, user } = renderSection(caseDetail({ wishes: [wishRecord({ wish: 'undecided', ownWords: 'I need time to think about it.', interpreterName: 'Testinterp Mari' })] }), {
      'protection:recordWish': (input) => {
        const before = useCasePageStore.getState().detail!;
        const added = wishRecord({ id: 'new', wish: input.wish.wish, ownWords: input.wish.ownWords, expressedOn: input.wish.expressedOn, interpreterName: 'Testinterp Mari' });
        return ok({ ...before, version: 4, protection: { ...before.protection, wishes: [added, ...before.protection.wishes] } });
      },
    });
    const wishes = within(screen.getByRole('region', { name: "The victim's wishes" }));
    expect(wishes.getByText('Undecided')).toBeTruthy();
    expect(wishes.getByText('I need time to think about it.').closest('blockquote')).toBeTruthy();
    expect(wishes.getByText('Testinterp Mari')).toBeTruthy();

    await user.click(wishes.getByRole('button', { name: "Record the victim's wish" }));
    const form = within(screen.getByRole('form', { name: "Record the victim's wish" }));
    await user.click(form.getByRole('button', { name: 'Save wish' }));
    expect(form.getByText('Enter what the victim said, in their own words.')).toBeTruthy();
    expect(fake.callsTo('protection:recordWish')).toEqual([]);

    await user.click(form.getByRole('radio', { name: 'Wishes to remain in Japan' }));
    await user.type(form.getByLabelText(/^In the victim's own words \(as interpreted\)/), 'I want to stay.');
    await user.selectOptions(await form.findByLabelText('Interpreter'), await form.findByRole('option', { name: 'Testinterp Mari (Tagalog)' }));
    await user.click(form.getByRole('button', { name: 'Save wish' }));

    expect(fake.callsTo('protection:recordWish')).toEqual([
      { caseId: CASE_ID, version: 3, wish: { wish: 'remain', ownWords: 'I want to stay.', expressedOn: localToday(), interpreterId: INTERPRETER_ID } },
    ]);
    expect((await wishes.findByText('I want to stay.')).closest('blockquote')).toBeTruthy();
    expect(wishes.getByText('Wishes to remain in Japan')).toBeTruthy();
    await user.click(wishes.getByRole('button', { name: 'History (1)' }));
    expect(within(wishes.getByRole('list', { name: 'Earlier wishes' })).getByText('I need time to think about it.')).toBeTruthy();
  });

  it('records IOM consent apart from the wish', async () => {
    const { fake, user } = renderSection(caseDetail(), {
      'protection:recordIomConsent': (input) => {
        const before = useCasePageStore.getState().detail!;
        const added = { id: 'new', consent: input.consent.consent, on: input.consent.on, notes: input.consent.notes ?? '', recordedAt: RECORDED_AT, recordedBy: 'Testperson Officer' };
        return ok({ ...before, version: 4, protection: { ...before.protection, iomConsents: [added] } });
      },
    });
    const iom = within(screen.getByRole('region', { name: 'Consent to referral to IOM' }));
    expect(iom.getByText(/recorded separately from the wish/)).toBeTruthy();
    expect(iom.getByText('No consent recorded yet')).toBeTruthy();
    await user.click(iom.getByRole('button', { name: 'Record IOM consent' }));
    const form = within(screen.getByRole('form', { name: 'Record IOM consent' }));
    await user.click(form.getByRole('radio', { name: 'Consent given' }));
    await user.clear(form.getByLabelText(/^Date/));
    await user.type(form.getByLabelText(/^Date/), '2026-03-06');
    await user.click(form.getByRole('button', { name: 'Save consent' }));
    expect(fake.callsTo('protection:recordIomConsent')).toEqual([{ caseId: CASE_ID, version: 3, consent: { consent: 'given', on: '2026-03-06', notes: '' } }]);
    expect(await iom.findByText('Consent given')).toBeTruthy();
  });

  it('says what is still missing before a recommendation, and when nothing is', async () => {
    const { user } = renderSection(
      caseDetail({
        considerations: [assessment({ kind: 'condition-and-protection' }), assessment({ kind: 'cooperation', cooperationStatus: 'not-asked' })],
      }),
      { 'protection:recordConsideration': (input) => ok(afterConsideration(input)) },
    );
    const summary = screen.getByRole('status');
    expect(summary.textContent).toBe(
      "Still to record before a recommendation can be submitted: the assessment of danger to life or body if returned and the victim's wish.",
    );

    const danger = card('Danger to life or body if returned');
    await user.click(danger.getByRole('button', { name: 'Record assessment' }));
    const form = within(screen.getByRole('form'));
    await user.selectOptions(form.getByLabelText(/^Level/), 'low');
    await user.type(form.getByLabelText(/^Evidence/), 'No threats known');
    await user.click(form.getByRole('button', { name: 'Save assessment' }));
    expect(await screen.findByText("Still to record before a recommendation can be submitted: the victim's wish.")).toBeTruthy();

    act(() => {
      const detail = useCasePageStore.getState().detail!;
      useCasePageStore.setState({ detail: { ...detail, protection: { ...detail.protection, wishes: [wishRecord()] } } });
    });
    expect(screen.getByRole('status').textContent).toBe("All three considerations and the victim's wish are recorded.");
  });

  it('shows every label in Japanese', async () => {
    const { user } = renderSection(caseDetail({ considerations: [assessment({ id: 'a2', level: 'high' }), assessment({ id: 'a1' })], wishes: [wishRecord()] }));
    await act(() => i18n.changeLanguage('ja'));

    expect(screen.getByRole('status').textContent).toBe(
      '意見書を提出する前に、次の事項を記録してください：心身の状態及び保護の必要性の評価、刑事手続への協力の評価。',
    );
    expect(screen.getByRole('heading', { name: '三つの考慮事情' })).toBeTruthy();
    const danger = card('帰国した場合の生命・身体への危険');
    expect(danger.getByText('高')).toBeTruthy();
    expect(danger.getByText('程度')).toBeTruthy();
    expect(danger.getByText('評価日')).toBeTruthy();
    expect(danger.getByText('根拠')).toBeTruthy();
    expect(danger.getByText(/^記録者：Testperson Officer/)).toBeTruthy();
    await user.click(danger.getByRole('button', { name: '履歴（1件）' }));
    expect(danger.getByRole('list', { name: '過去の評価：帰国した場合の生命・身体への危険' })).toBeTruthy();
    expect(card('心身の状態及び保護の必要性').getByText('未評価')).toBeTruthy();

    const cooperation = card('刑事手続への協力');
    expect(cooperation.getByText('刑事手続に協力しないことを理由に、本人を不利益に扱うことはありません。')).toBeTruthy();
    await user.click(cooperation.getByRole('button', { name: '評価を記録' }));
    const form = within(screen.getByRole('form', { name: '評価を記録：刑事手続への協力' }));
    for (const label of [/^程度/, /^評価日/, /^協力の状況/, /^警察・検察の事件番号等/, /^根拠/, /^備考/]) expect(form.getByLabelText(label)).toBeTruthy();
    await user.click(form.getByRole('button', { name: '評価を保存' }));
    expect(form.getByText('評価の根拠を入力してください。')).toBeTruthy();
    expect(form.getByText('協力の状況を選択してください。')).toBeTruthy();
    expect(form.getByRole('option', { name: '協力中' })).toBeTruthy();
    await user.click(form.getByRole('button', { name: 'キャンセル' }));

    const wishes = within(screen.getByRole('region', { name: '本人の意思' }));
    expect(wishes.getByText('日本での在留を希望')).toBeTruthy();
    expect(wishes.getByText('本人の言葉（通訳を介したもの）')).toBeTruthy();
    expect(wishes.getByText('通訳人なし')).toBeTruthy();
    await user.click(wishes.getByRole('button', { name: '本人の意思を記録' }));
    const wishForm = within(screen.getByRole('form', { name: '本人の意思を記録' }));
    for (const label of [/^本人の言葉（通訳を介したもの）/, /^意思表示の日/, /^通訳人/]) expect(wishForm.getByLabelText(label)).toBeTruthy();
    expect(wishForm.getByRole('radio', { name: '帰国を希望' })).toBeTruthy();
    expect(wishForm.getByRole('button', { name: '意思を保存' })).toBeTruthy();

    const iom = within(screen.getByRole('region', { name: 'IOMへの依頼に対する同意' }));
    expect(iom.getByText('IOM（国際移住機関）への帰国支援の依頼に対する同意は、本人の意思とは別に記録します。')).toBeTruthy();
    await user.click(iom.getByRole('button', { name: 'IOMへの同意を記録' }));
    const iomForm = within(screen.getByRole('form', { name: 'IOMへの同意を記録' }));
    expect(iomForm.getByRole('radio', { name: '同意撤回' })).toBeTruthy();
    expect(iomForm.getByLabelText(/^年月日/)).toBeTruthy();
  });
});
