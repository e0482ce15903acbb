/**
 * Issue 16, "Japanese dates everywhere": every date field of the app, in Japanese, typed from the
 * keyboard as an officer types it (2026/11/29, 20261129, 平成10年4月12日), shows YYYY/MM/DD with the
 * era beside it, names a day the calendar lacks (2026/02/31) instead of dropping it, and refuses a
 * fact dated after today; a screenshot of each field goes to test-results/screenshots/ja-date-*.png.
 * The fields: intake's person and immigration steps, the case page's exploitation section, the
 * considerations, wishes and IOM consent, an interview's date and time (officer); the interpreter
 * registry and an organisation's status, violation and follow-up (supervisor); the audit filter
 * (administrator). All data is fictional.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Organisation } from '../../electron/common/contract.organisations';
import { ADMIN, ok, signInAdmin } from '../fixtures/vault';
import { screenshotPath } from './harness';
import { appPerTest, createStaff, fillIntakePersonJa, signIn as signInAs, typeDate } from './ui';

const OFFICER = { username: 'officer.kato', displayName: '加藤 里美', passphrase: 'officer kato dates e2e passphrase', role: 'officer' } as const;
const SUPERVISOR = { username: 'sup.ishii', displayName: '石井 誠', passphrase: 'supervisor ishii dates e2e passphrase', role: 'supervisor' } as const;

test.use({ actionTimeout: 15_000 });

const startApp = appPerTest(test.afterEach);
const signIn = (page: Page, who: { username: string; passphrase: string }) => signInAs(page, who, 'ja');

/** What the field says of 2026/02/31, a day February 2026 does not have. */
const NO_31_FEBRUARY = '2026年2月に31日はありません（28日までです）。';
const FUTURE = '今日より後の日付です。既に起きたことの日付を未来にすることはできません。';

/** The date field labelled `label` in `scope`: its input, and the wrapper holding its label, the input, the spelled-out day and any error. */
function dateField(scope: Page | Locator, label: string) {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  return { input, wrapper: input.locator('xpath=ancestor::div[contains(@class, "mantine-DateInput-root")][1]') };
}

/**
 * Types an impossible 2026/02/31 into the field and expects it named and kept as typed; then types
 * `typed` and expects `shown` (YYYY/MM/DD) with `era` beneath; then photographs the field.
 */
async function checkDateField(scope: Page | Locator, label: string, typed: string, shown: string, era: string, name: string) {
  const { input, wrapper } = dateField(scope, label);
  await typeDate(input, '2026/02/31');
  await expect(input).toHaveValue('2026/02/31');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(wrapper).toContainText(NO_31_FEBRUARY);
  await typeDate(input, typed);
  await expect(input).toHaveValue(shown);
  await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  await expect(wrapper).toContainText(era);
  await expect(wrapper).not.toContainText(NO_31_FEBRUARY);
  await wrapper.scrollIntoViewIfNeeded();
  await wrapper.screenshot({ path: screenshotPath(`ja-date-${name}`), animations: 'disabled' });
}

test('an officer types every date of a case in Japanese: YYYY/MM/DD with the era, impossible and future days named', async () => {
  test.setTimeout(300_000);
  const app = await startApp({ locale: 'ja' });
  const { page, core } = app;
  await createStaff(core, [OFFICER], 'ja');
  await signIn(page, OFFICER);

  // Intake, the person: a birth typed with its era; 2099 and 31 February refused at once.
  await page.getByRole('button', { name: '事案', exact: true }).click();
  await page.getByRole('button', { name: '新規受付' }).click();
  await fillIntakePersonJa(page, { familyName: 'SANTOS', givenName: 'Ana Fictiva', sex: '女性', nationality: 'フィリピン', language: 'タガログ語' });
  const birth = dateField(page, '生年月日');
  await typeDate(birth.input, '2099/01/01');
  await expect(birth.wrapper).toContainText(FUTURE);
  await birth.wrapper.screenshot({ path: screenshotPath('ja-date-birth-future'), animations: 'disabled' });
  await typeDate(birth.input, '1998/02/31');
  await expect(birth.wrapper).toContainText('1998年2月に31日はありません（28日までです）。');
  await birth.wrapper.screenshot({ path: screenshotPath('ja-date-birth-impossible'), animations: 'disabled' });
  await checkDateField(page, '生年月日', '平成10年4月12日', '1998/04/12', '平成10年4月12日(日)', 'birth');
  await page.getByRole('button', { name: '次へ' }).click();

  // Intake, the immigration facts: an expiry, a revocation, provisional release and a reporting date.
  await page.getByRole('combobox', { name: '在留資格', exact: true }).selectOption({ label: '興行' });
  await checkDateField(page, '在留期間の満了日', '20270331', '2027/03/31', '令和9年3月31日(水)', 'period-of-stay-expiry');
  await page.getByRole('combobox', { name: '在留資格の効力' }).selectOption({ label: '取消し' });
  await checkDateField(page, '取消しの日', '2026-10-01', '2026/10/01', '令和8年10月1日(木)', 'revoked-on');
  await page.getByRole('checkbox', { name: '退去強制手続が開始されている' }).check();
  await page.getByRole('combobox', { name: '収容等の状況' }).selectOption({ label: '仮放免' });
  await checkDateField(page, '仮放免された日', '２０２６／１０／１５', '2026/10/15', '令和8年10月15日(木)', 'provisional-release-on');
  await page.getByRole('button', { name: '出頭日を追加' }).click();
  await checkDateField(page, '出頭日1', 'R8.12.15', '2026/12/15', '令和8年12月15日(火)', 'reporting-date');
  // The whole step, from the top (a scrolled page would draw the fixed header over the middle).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath('ja-date-intake-immigration'), fullPage: true, animations: 'disabled' });
  await page.getByRole('button', { name: '次へ' }).click();
  await page.getByRole('button', { name: '次へ' }).click();
  await page.getByRole('checkbox', { name: '性的搾取' }).check();
  await page.getByRole('combobox', { name: '端緒（通報・紹介元）' }).selectOption({ label: 'NGO・シェルター' });
  await page.getByRole('button', { name: '次へ' }).click();
  await page.getByRole('button', { name: '事案を登録' }).click();

  // What was typed reached core as the contract's YYYY-MM-DD.
  await expect(page.getByRole('button', { name: '事案一覧に戻る' })).toBeVisible();
  const reference = (await page.getByText(/TV-\d{4}-\d{4}/).first().innerText()).match(/TV-\d{4}-\d{4}/)![0];
  const listed = await ok<{ rows: { id: string; reference: string }[] }>(core, 'cases:list', { filter: {} });
  const caseId = listed.rows.find((r) => r.reference === reference)!.id;
  const saved = await ok<{ person: { dateOfBirth: string }; immigration: Record<string, unknown> }>(core, 'cases:get', { caseId });
  expect(saved.person.dateOfBirth).toBe('1998-04-12');
  expect(saved.immigration).toMatchObject({ periodOfStayExpiry: '2027-03-31', statusValiditySince: '2026-10-01', custodySince: '2026-10-15', reportingDates: [{ date: '2026-12-15', note: '' }] });

  // The exploitation section of the case page.
  await page.getByRole('tab', { name: '搾取・被害者認定' }).click();
  await page.getByRole('button', { name: '搾取・被害者認定を編集' }).click();
  await checkDateField(page, '期間（開始）', '2025/4/1', '2025/04/01', '令和7年4月1日(火)', 'exploitation-from');
  await checkDateField(page, '期間（終了）', '20260930', '2026/09/30', '令和8年9月30日(水)', 'exploitation-to');
  await checkDateField(page, '認定日', '2026年11月20日', '2026/11/20', '令和8年11月20日(金)', 'identification-date');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('region', { name: '搾取・被害者認定' })).toContainText('2025/04/01 – 2026/09/30');

  // The considerations, the wish and IOM consent.
  await page.getByRole('tab', { name: '考慮事情・意向' }).click();
  await page.getByRole('button', { name: '評価を記録' }).first().click();
  const assessment = page.getByRole('form', { name: /^評価を記録：/ });
  await checkDateField(assessment, '評価日', '20261120', '2026/11/20', '令和8年11月20日(金)', 'assessed-on');
  await typeDate(dateField(assessment, '評価日').input, '2099/01/01');
  await expect(dateField(assessment, '評価日').wrapper).toContainText(FUTURE);
  await assessment.getByRole('combobox', { name: '程度' }).selectOption({ label: '高' });
  await assessment.getByRole('textbox', { name: '根拠' }).fill('本人の供述と支援団体の記録による（架空）');
  await assessment.getByRole('button', { name: '評価を保存' }).click();
  // Refused before the round trip: nothing dated after today is recorded.
  await expect(assessment).toBeVisible();
  await typeDate(dateField(assessment, '評価日').input, '2026/11/20');
  await assessment.getByRole('button', { name: '評価を保存' }).click();
  await expect(assessment).toBeHidden();

  await page.getByRole('button', { name: '本人の意思を記録' }).click();
  const wish = page.getByRole('form', { name: '本人の意思を記録' });
  await checkDateField(wish, '意思表示の日', '2026/11/21', '2026/11/21', '令和8年11月21日(土)', 'wish-expressed-on');
  await wish.getByRole('radio', { name: '日本での在留を希望' }).check();
  await wish.getByRole('textbox', { name: /本人の言葉/ }).fill('日本で安全に暮らしたい。');
  await wish.getByRole('button', { name: '意思を保存' }).click();
  await expect(wish).toBeHidden();

  await page.getByRole('button', { name: 'IOMへの同意を記録' }).click();
  const consent = page.getByRole('form', { name: 'IOMへの同意を記録' });
  await checkDateField(consent, '年月日', '2026/11/22', '2026/11/22', '令和8年11月22日(日)', 'iom-consent-on');
  await consent.getByRole('button', { name: 'キャンセル' }).click();

  // An interview: its day in the date field, its time on a 24-hour clock.
  await page.getByRole('tab', { name: '面接' }).click();
  await page.getByRole('button', { name: '面接を計画' }).click();
  const plan = page.getByTestId('interview-plan-form');
  const when = plan.getByRole('group', { name: '日時' });
  await checkDateField(when, '日付', '20270115', '2027/01/15', '令和9年1月15日(金)', 'interview-day');
  // The calendar a click opens is in Japanese too, on the month of the date typed.
  await when.getByRole('textbox', { name: '日付', exact: true }).click();
  const calendar = page.locator('[data-dates-dropdown]');
  await expect(calendar).toContainText('2027年1月');
  await calendar.screenshot({ path: screenshotPath('ja-date-calendar'), animations: 'disabled' });
  await when.getByRole('textbox', { name: '日付', exact: true }).press('Tab');
  await expect(calendar).toBeHidden();
  await when.getByRole('textbox', { name: '時刻（24時間制）' }).fill('1030');
  await when.getByRole('textbox', { name: '時刻（24時間制）' }).press('Tab');
  await expect(when.getByRole('textbox', { name: '時刻（24時間制）' })).toHaveValue('10:30');
  await when.screenshot({ path: screenshotPath('ja-date-interview-planned-at'), animations: 'disabled' });
  expect(app.blockedRequests).toEqual([]);
});

test('a supervisor types the registries’ dates in Japanese: a pledge, a ban from–to, a violation, a follow-up', async () => {
  test.setTimeout(240_000);
  const app = await startApp({ locale: 'ja' });
  const { page, core } = app;
  await createStaff(core, [OFFICER, SUPERVISOR], 'ja');
  await ok(core, 'session:signIn', { username: SUPERVISOR.username, passphrase: SUPERVISOR.passphrase });
  const employer = await ok<Organisation>(core, 'organisations:save', {
    organisation: { type: 'implementing', nameJa: '株式会社架空日付縫製', nameLatin: 'Kaku Date Sewing (fictional)', corporateNumber: '', prefecture: '21', country: '', licenceNumber: '', relatedIds: [], notes: '' },
  });
  await ok(core, 'session:signOut');
  await signIn(page, SUPERVISOR);

  await page.getByRole('button', { name: '通訳人', exact: true }).click();
  await page.getByRole('button', { name: '通訳人を追加' }).click();
  const interpreter = page.getByTestId('interpreter-form');
  await checkDateField(interpreter, '守秘誓約の提出日', '2026/01/10', '2026/01/10', '令和8年1月10日(土)', 'interpreter-pledge');
  await typeDate(dateField(interpreter, '守秘誓約の提出日').input, '2099/12/31');
  await expect(dateField(interpreter, '守秘誓約の提出日').wrapper).toContainText(FUTURE);
  await interpreter.getByRole('button', { name: 'キャンセル' }).click();

  await page.getByRole('button', { name: '関係団体', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(employer.nameJa) }).click();
  await page.getByRole('button', { name: '状況を記録…' }).click();
  let dialog = page.getByRole('dialog', { name: /状況を記録/ });
  await checkDateField(dialog, '開始日', '2026/12/01', '2026/12/01', '令和8年12月1日(火)', 'organisation-ban-from');
  await checkDateField(dialog, '終了日（受入停止のみ。空欄は期限なし）', '20311130', '2031/11/30', '令和13年11月30日(日)', 'organisation-ban-to');
  await dialog.getByRole('textbox', { name: '処分等の番号' }).fill('入管-架空-2026-31');
  await dialog.getByRole('button', { name: '記録' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: '違反を記録…' }).click();
  dialog = page.getByRole('dialog', { name: /違反を記録/ });
  await checkDateField(dialog, '日付', '2026/09/10', '2026/09/10', '令和8年9月10日(木)', 'organisation-violation-on');
  await dialog.getByRole('button', { name: 'キャンセル' }).click();

  await page.getByRole('button', { name: '面接する実習生を追加…' }).click();
  dialog = page.getByRole('dialog', { name: '面接する実習生を追加' });
  await checkDateField(dialog, '面接日', '2026/12/10', '2026/12/10', '令和8年12月10日(木)', 'followup-planned-on');
  await dialog.getByRole('button', { name: 'キャンセル' }).click();

  const detail = await ok<Organisation>(core, 'organisations:get', { id: employer.id });
  expect(detail.statuses).toEqual([expect.objectContaining({ kind: 'banned', from: '2026-12-01', to: '2031-11-30' })]);
  expect(app.blockedRequests).toEqual([]);
});

test('an administrator filters the audit trail by dates typed in Japanese', async () => {
  test.setTimeout(120_000);
  const app = await startApp({ locale: 'ja' });
  const { page, core } = app;
  await signInAdmin(core);
  await ok(core, 'users:setLocale', { locale: 'ja' });
  await ok(core, 'session:signOut');
  await signIn(page, ADMIN);

  await page.getByRole('button', { name: '監査証跡', exact: true }).click();
  const filter = page.getByRole('form', { name: '監査証跡の絞り込み' });
  await checkDateField(filter, '開始日', '2026/11/01', '2026/11/01', '令和8年11月1日(日)', 'audit-from');
  await checkDateField(filter, '終了日', '20261130', '2026/11/30', '令和8年11月30日(月)', 'audit-to');
  await filter.getByRole('button', { name: '表示' }).click();
  await expect(filter.getByText(NO_31_FEBRUARY)).toBeHidden();
  expect(app.blockedRequests).toEqual([]);
});
