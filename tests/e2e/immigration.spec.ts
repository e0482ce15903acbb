/**
 * Issue 11 "Rule fidelity", in Japanese, as officers and supervisors work it: an intern who fled
 * while the period of stay still runs is taken in with the immigration facts recorded one by one
 * and the indicator screening chosen, not skipped; the screening waits on My work and is completed
 * from the checklist; the guidance then offers change of status (a legal resident). An intern whose
 * period has run out is in violation: special residence permission and provisional release. An
 * officer's reason for having no interpreter does not waive the safeguard: the interview waits
 * for a supervisor's approval, then starts (after confirming a start before the planned day).
 * The steps the other suites drive through the UI (considerations, wishes, planning) are set up
 * through core. All data is fictional.
 */
import { expect, test, type Page } from '@playwright/test';
import { applyCaseEdit, type CaseDetail, type CaseEdit } from '../../electron/common/caseDetail';
import { addDays } from '../../electron/common/dates';
import type { MamoriCoreApi } from '../../electron/core/index';
import { localToday } from '../../renderer/i18n/dates';
import { interviewPlan } from '../../renderer/test/fixtures';
import { intake } from '../fixtures/cases';
import { ok } from '../fixtures/vault';
import { screenshotPath } from './harness';
import { appPerTest, createStaff, fillIntakePersonJa, signIn as signInAs, typeDate } from './ui';

const OFFICER = { username: 'officer.hayashi', displayName: '林 美咲', passphrase: 'officer hayashi e2e passphrase', role: 'officer' } as const;
const SUPERVISOR = { username: 'sup.morita', displayName: '森田 修', passphrase: 'supervisor morita e2e passphrase', role: 'supervisor' } as const;
const NO_INTERPRETER = 'ベトナム語の通訳人が今週は手配できないため';
const APPROVAL = '本人が英語での面接に同意しており、延期すると保護が遅れるため';

test.use({ actionTimeout: 15_000 });

const startApp = appPerTest(test.afterEach);
const signIn = (page: Page, who: { username: string; passphrase: string }) => signInAs(page, who, 'ja');
/** A calendar day `days` from today, as the user's clock (and the browser's) counts it. */
const day = (days: number) => addDays(localToday(), days);

/** The three considerations and the wish to remain, recorded through core in the page's own session. */
async function considerationsAndWish(core: MamoriCoreApi, d: CaseDetail): Promise<CaseDetail> {
  for (const [kind, level, extra] of [
    ['danger-on-return', 'moderate', {}],
    ['condition-and-protection', 'moderate', {}],
    ['cooperation', 'low', { cooperationStatus: 'considering' }],
  ] as const) {
    d = await ok<CaseDetail>(core, 'protection:recordConsideration', { caseId: d.id, version: d.version, consideration: { kind, level, evidence: '面接記録による（架空）', assessedOn: day(-1), ...extra } });
  }
  return ok<CaseDetail>(core, 'protection:recordWish', { caseId: d.id, version: d.version, wish: { wish: 'remain', ownWords: '安全な職場で働き続けたい。', expressedOn: day(-1) } });
}

/** The whole page, from the top (a scrolled page would draw the fixed header over the middle). */
async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: true, animations: 'disabled' });
}

async function openCase(page: Page, reference: string, tab: string) {
  await page.getByRole('button', { name: '事案', exact: true }).click();
  await page.getByRole('row', { name: new RegExp(reference) }).click();
  await page.getByRole('tab', { name: tab }).click();
}

test('a fled intern screened first; legal resident or in violation; a waived safeguard waits for a supervisor, in Japanese', async () => {
  test.setTimeout(240_000);
  const app = await startApp({ locale: 'ja' });
  const { page, core } = app;
  const ids = await createStaff(core, [OFFICER, SUPERVISOR], 'ja');

  // (a) Intake of an intern who fled while her period of stay still runs.
  await signIn(page, OFFICER);
  await page.getByRole('button', { name: '事案', exact: true }).click();
  await page.getByRole('button', { name: '新規受付' }).click();
  await fillIntakePersonJa(page, { familyName: 'NGUYEN', givenName: 'Thi Lan Fictiva', sex: '女性', nationality: 'ベトナム', language: 'ベトナム語' });
  await page.getByRole('button', { name: '次へ' }).click();

  await page.getByRole('combobox', { name: '在留資格', exact: true }).selectOption({ label: '技能実習2号ロ（団体監理型）' });
  await typeDate(page.getByLabel('在留期間の満了日'), day(200));
  await page.getByRole('checkbox', { name: '技能実習先から失踪した' }).check();
  await typeDate(page.getByLabel('失踪した日'), day(-30));
  await expect(page.getByRole('checkbox', { name: '退去強制手続が開始されている' })).not.toBeChecked();
  const standing = page.getByTestId('standing');
  await expect(standing).toContainText('適法在留');
  await expect(standing).toContainText('在留資格が有効な間は適法に在留しており');
  await shoot(page, 'ja-immigration-form');
  await page.getByRole('button', { name: '次へ' }).click();

  // The screening step cannot be passed silently for an intern who fled.
  await expect(page.getByTestId('screening-absconded')).toContainText('何よりも先に人身取引の指標を確認してください');
  await page.getByRole('button', { name: '次へ' }).click();
  await expect(page.getByText('技能実習先から失踪した方です。今チェックリストを完了するか、後で確認することを選んでください。')).toBeVisible();
  await page.getByRole('radio', { name: '後で確認する（「自分の業務」に表示されます）' }).check();
  await shoot(page, 'ja-intake-screening');
  await page.getByRole('button', { name: '次へ' }).click();

  await page.getByRole('checkbox', { name: '技能実習における労働搾取' }).check();
  await page.getByRole('combobox', { name: '端緒（通報・紹介元）' }).selectOption({ label: 'NGO・シェルター' });
  await expect(page.getByRole('radio', { name: '被害者ではない' })).toBeDisabled();
  await expect(page.getByTestId('not-a-victim-blocked')).toContainText('チェックリストが完了するまで「被害者ではない」は選択できません');
  await page.getByRole('button', { name: '次へ' }).click();
  await page.getByRole('button', { name: '事案を登録' }).click();

  await expect(page.getByRole('button', { name: '事案一覧に戻る' })).toBeVisible();
  await expect(page.getByTestId('header-standing')).toHaveText('適法在留');
  await page.getByRole('tab', { name: '在留状況' }).click();
  await expect(page.getByRole('region', { name: '在留状況' })).toContainText(`はい（${day(-30).replaceAll('-', '/')}から）`);
  await shoot(page, 'ja-immigration-view');
  const reference = (await page.getByText(/TV-\d{4}-\d{4}/).first().innerText()).match(/TV-\d{4}-\d{4}/)![0];

  // Before the screening, the decision tab says why nothing can be recommended and links to the checklist.
  await page.getByRole('tab', { name: '在留の決定' }).click();
  const unscreened = page.getByTestId('guidance-warnings').locator('[data-warning="absconded-not-screened"]');
  await expect(unscreened).toContainText('人身取引の兆候の確認が済んでいません');
  await unscreened.getByRole('button', { name: '指標チェックリストへ移動' }).click();
  await expect(page.getByRole('tab', { name: '搾取・被害者認定' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('screening-state')).toContainText('後で実施（保留中）');

  // The deferred screening waits on My work, and opens on the checklist.
  await page.getByRole('button', { name: '自分の業務', exact: true }).click();
  const reminder = page.getByTestId('work-waiting-row').filter({ hasText: reference });
  await expect(reminder).toContainText('人身取引の指標チェックリストが未完了です');
  await expect(page.getByTestId('work-refresh')).toBeEnabled();
  await page.screenshot({ path: screenshotPath('ja-my-work-screening'), animations: 'disabled' });
  await reminder.click();
  await expect(page.getByRole('tab', { name: '搾取・被害者認定' })).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('screening-state').getByRole('button', { name: 'チェックリストを完了とする' }).click();
  await page.getByRole('dialog', { name: '指標チェックリストを完了とする' }).getByRole('button', { name: 'チェックリストを完了とする' }).click();
  await expect(page.getByTestId('screening-state')).toHaveAttribute('data-screening', 'completed');

  // Identified, considerations and the wish to remain (their own suites drive them through the UI).
  let a = await ok<CaseDetail>(core, 'cases:get', { caseId: await caseIdOf(core, reference) });
  a = applyCaseEdit(a, await ok<CaseEdit>(core, 'cases:update', { caseId: a.id, version: a.version, exploitation: { ...a.exploitation, identificationStatus: 'identified', identificationDate: day(-1) } }));
  a = await considerationsAndWish(core, a);

  await page.getByRole('button', { name: '事案一覧に戻る' }).click();
  await openCase(page, reference, '在留の決定');
  const change = page.getByTestId('guidance-pathway-change-of-status');
  await expect(change).toContainText('在留資格変更許可');
  await expect(change).toContainText('技能実習先から失踪しているが、在留期間の満了又は在留資格の取消しまでは在留資格が有効である');
  await expect(page.getByTestId('guidance-pathway-renewal')).toBeVisible();
  await expect(page.getByTestId('guidance-pathway-special-residence-permission')).toHaveCount(0);
  await expect(page.getByTestId('guidance-warnings').locator('[data-warning="absconded-not-screened"]')).toHaveCount(0);
  await shoot(page, 'ja-guidance-absconded-valid');

  // (b) An intern whose period of stay ran out: in violation, whatever the status's own record says.
  const base = intake({ familyName: 'SANTOS', givenName: 'Rosa Fictiva' });
  let b = await ok<CaseDetail>(core, 'cases:create', {
    ...base,
    immigration: { statusOfResidence: 'technical-intern-1-i', periodOfStayExpiry: day(-20), statusValidity: 'valid', abscondedFromTraining: true, abscondedSince: day(-90), measureConditions: '', reportingDates: [] },
    exploitation: { ...base.exploitation, types: ['labour-titp'], identificationStatus: 'identified', identificationDate: day(-2), screenedOn: day(-3) },
  });
  b = await considerationsAndWish(core, b);
  await page.getByRole('button', { name: '事案一覧に戻る' }).click();
  // The list shows the standing derived for today, and custody, beside each case.
  await expect(page.getByRole('row', { name: new RegExp(b.reference) })).toContainText('入管法違反');
  await expect(page.getByRole('row', { name: new RegExp(reference) })).toContainText('適法在留');
  await page.screenshot({ path: screenshotPath('ja-case-list-standing'), animations: 'disabled' });
  await openCase(page, b.reference, '在留状況');
  await expect(page.getByTestId('standing')).toContainText('入管法違反');
  await page.getByRole('button', { name: '在留状況を編集' }).click();
  await expect(page.getByTestId('standing')).toContainText('入管法違反');
  await shoot(page, 'ja-immigration-form-expired');
  await page.getByRole('button', { name: 'キャンセル' }).click();
  await page.getByRole('tab', { name: '在留の決定' }).click();
  await expect(page.getByTestId('guidance-pathway-special-residence-permission')).toContainText('在留特別許可');
  await expect(page.getByTestId('guidance-pathway-provisional-release')).toContainText('仮放免・監理措置');
  await expect(page.getByTestId('guidance-pathway-change-of-status')).toHaveCount(0);
  await expect(page.getByTestId('guidance-warnings').locator('[data-warning="period-expired"]')).toBeVisible();
  await shoot(page, 'ja-guidance-absconded-expired');

  // (c) An interview planned without a Vietnamese interpreter, the officer's reason recorded.
  a = await ok<CaseDetail>(core, 'cases:get', { caseId: a.id });
  await ok(core, 'interviews:plan', {
    caseId: a.id,
    version: a.version,
    plan: interviewPlan([{ userId: ids[OFFICER.username], sex: 'female' }], { plannedAt: `${day(3)}T10:00`, placeLabel: '面接室2', noInterpreterReason: NO_INTERPRETER }),
  });
  await page.getByRole('button', { name: '事案一覧に戻る' }).click();
  await openCase(page, reference, '面接');
  const card = page.getByRole('article', { name: /予定の面接/ });
  await expect(card.getByTestId('readiness-interpreter')).toContainText('理由記録済み（監督者の承認待ち）');
  await expect(card.getByTestId('readiness-interpreter-reason')).toHaveText(`担当官が記録した理由：${NO_INTERPRETER}`);
  await expect(card.getByTestId('readiness-summary')).toContainText('監督者の承認を待っています');
  await expect(card.getByRole('button', { name: '面接を開始' })).toBeDisabled();
  await shoot(page, 'ja-interview-awaiting');
  await page.getByRole('button', { name: 'サインアウト' }).click();

  // The supervisor approves the officer's reason with an override of their own.
  await signIn(page, SUPERVISOR);
  await openCase(page, reference, '面接');
  await page.getByRole('article', { name: /予定の面接/ }).getByRole('button', { name: '保護措置の例外を承認' }).click();
  const dialog = page.getByRole('dialog', { name: '保護措置の例外を承認' });
  await expect(dialog).toContainText('本人の母語の通訳人');
  await dialog.getByRole('textbox', { name: '理由' }).fill(APPROVAL);
  await dialog.getByRole('button', { name: '承認する' }).click();
  await expect(page.getByTestId('interview-override')).toContainText(SUPERVISOR.displayName);
  await page.getByRole('button', { name: 'サインアウト' }).click();

  // The officer sees who approved and when, and starts, confirming the start before the planned day.
  await signIn(page, OFFICER);
  await openCase(page, reference, '面接');
  const approved = page.getByRole('article', { name: /予定の面接/ });
  await expect(approved.getByTestId('readiness-interpreter')).toContainText('理由記録済み（監督者が承認）');
  await expect(approved.getByTestId('interview-override')).toContainText(`${SUPERVISOR.displayName}が承認`);
  await expect(approved.getByTestId('interview-override')).toContainText(APPROVAL);
  await shoot(page, 'ja-interview-approved');
  await approved.getByRole('button', { name: '面接を開始' }).click();
  const early = page.getByRole('dialog', { name: '予定日より前に開始しますか？' });
  await expect(early).toContainText('予定日より前ですが、今すぐ開始しますか？');
  await page.screenshot({ path: screenshotPath('ja-interview-early-start'), animations: 'disabled' });
  await early.getByRole('button', { name: '今すぐ開始' }).click();
  await expect(approved.getByTestId('interview-status')).toHaveText('実施中');

  expect(app.blockedRequests).toEqual([]);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
});

/** The id of the case with `reference`, from the list the page's user sees. */
async function caseIdOf(core: MamoriCoreApi, reference: string): Promise<string> {
  const { rows } = await ok<{ rows: { id: string; reference: string }[] }>(core, 'cases:list', { filter: { query: reference }, sort: 'updated', offset: 0, limit: 10 });
  const row = rows.find((r) => r.reference === reference);
  if (!row) throw new Error(`no case ${reference}`);
  return row.id;
}
