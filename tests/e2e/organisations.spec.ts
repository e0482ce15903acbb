/**
 * The registry of TITP organisations through the UI, in Japanese (issue 15): a supervisor registers
 * a supervising organisation and its implementing organisation, and records a ban; an officer links
 * the case's employer (an adverse party) to its registry entry and sees the ban on the case page,
 * and links the supervising organisation to the case itself; My work asks for the
 * screening first; the supervisor lists another trainee of the employer for a follow-up interview,
 * whose outcome the officer records. Every organisation and number here is invented.
 */
import { expect, test } from '@playwright/test';
import type { CaseDetail } from '../../electron/common/caseDetail';
import { intake } from '../fixtures/cases';
import { ok } from '../fixtures/vault';
import { screenshotPath } from './harness';
import { appPerTest, createStaff, signIn, typeDate } from './ui';

test.use({ actionTimeout: 15_000 });

const startApp = appPerTest(test.afterEach);

const OFFICER = { username: 'officer.hirano', displayName: '平野 葵', passphrase: 'officer hirano e2e passphrase', role: 'officer' } as const;
const SUPERVISOR = { username: 'sup.kubo', displayName: '久保 誠', passphrase: 'supervisor kubo e2e passphrase', role: 'supervisor' } as const;

/** 法人番号 with its check digit, for an invented 12-digit base. */
function corporateNumber(base: string): string {
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return `${9 - (sum % 9)}${base}`;
}

test('a supervisor registers the chain and a ban; an officer links the employer and sees the ban on the case, in Japanese', async () => {
  test.setTimeout(180_000);
  const app = await startApp({ locale: 'ja' });
  const { page, core } = app;
  await createStaff(core, [OFFICER, SUPERVISOR], 'ja');
  await ok(core, 'session:signIn', { username: OFFICER.username, passphrase: OFFICER.passphrase });
  const base = intake({ familyName: 'PHAM', givenName: 'Thi Fictiva', nationality: 'VNM' });
  const c = await ok<CaseDetail>(core, 'cases:create', {
    ...base,
    immigration: { ...base.immigration, statusOfResidence: 'technical-intern-2-ro', periodOfStayExpiry: '2027-03-31', statusValidity: 'valid', statusValiditySince: null, abscondedFromTraining: true, abscondedSince: '2026-10-02' },
    exploitation: { ...base.exploitation, types: ['labour-titp'], screening: 'later', screenedOn: null },
  });
  // The employer as the intake recorded it, before anyone looked in the registry.
  await ok(core, 'cases:saveAdverseParty', { caseId: c.id, version: c.version, party: { role: 'employer', name: '架空縫製の社長', organisation: '株式会社架空縫製' } });
  await ok(core, 'session:signOut');

  // The supervisor: the supervising organisation, then the employer naming it, then a ban.
  await signIn(page, SUPERVISOR, 'ja');
  await page.getByRole('button', { name: '関係団体', exact: true }).click();
  await page.getByRole('button', { name: '団体を登録' }).click();
  let dialog = page.getByRole('dialog', { name: '団体を登録' });
  await dialog.getByRole('combobox', { name: '種別' }).selectOption({ label: '監理団体' });
  await dialog.getByRole('textbox', { name: '名称（日本語）' }).fill('架空みらい協同組合');
  await dialog.getByRole('textbox', { name: '名称（ローマ字）' }).fill('Mirai Cooperative (fictional)');
  // A wrong check digit is refused before anything is sent.
  await dialog.getByRole('textbox', { name: /法人番号/ }).fill('1234567890123');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('法人番号は13桁で、検査用数字が正しい必要があります。')).toBeVisible();
  await dialog.getByRole('textbox', { name: /法人番号/ }).fill(corporateNumber('210000111222'));
  await dialog.getByRole('textbox', { name: '許可番号' }).fill('許2100000123');
  await dialog.getByRole('combobox', { name: '都道府県' }).selectOption({ label: '岐阜県' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('organisation-detail')).toContainText('架空みらい協同組合');
  await page.getByRole('button', { name: '一覧に戻る' }).click();

  await page.getByRole('button', { name: '団体を登録' }).click();
  dialog = page.getByRole('dialog', { name: '団体を登録' });
  await dialog.getByRole('textbox', { name: '名称（日本語）' }).fill('株式会社架空縫製');
  await dialog.getByRole('textbox', { name: '名称（ローマ字）' }).fill('Kaku Sewing (fictional)');
  await dialog.getByRole('combobox', { name: '都道府県' }).selectOption({ label: '岐阜県' });
  await dialog.getByRole('combobox', { name: '上位の関係団体' }).click();
  await page.getByRole('option', { name: /架空みらい協同組合/ }).click();
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: '保存' }).click();
  const detail = page.getByTestId('organisation-detail');
  await expect(detail).toContainText('株式会社架空縫製');
  await expect(detail).toContainText('架空みらい協同組合');
  await page.getByRole('button', { name: '状況を記録…' }).click();
  dialog = page.getByRole('dialog', { name: /状況を記録/ });
  await typeDate(dialog.getByRole('textbox', { name: '開始日' }), '2026/06/01');
  await typeDate(dialog.getByRole('textbox', { name: /終了日/ }), '20310531');
  await dialog.getByRole('textbox', { name: '処分等の番号' }).fill('入管-架空-2026-15');
  await dialog.getByRole('button', { name: '記録' }).click();
  await expect(detail.getByTestId('organisation-standing').first()).toContainText('2031/05/31まで受入停止中');
  // Same-workplace follow-up: another trainee of this employer to interview, for the officer.
  await page.getByRole('button', { name: '面接する実習生を追加…' }).click();
  dialog = page.getByRole('dialog', { name: '面接する実習生を追加' });
  await dialog.getByRole('textbox', { name: '面接する実習生' }).fill('NGUYEN Van Fictivo（同じ寮）');
  await dialog.getByRole('combobox', { name: '担当官' }).selectOption({ label: OFFICER.displayName });
  await typeDate(dialog.getByRole('textbox', { name: '面接日' }), '2026/12/10');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('followup-row')).toContainText(['未面接']);
  await page.screenshot({ path: screenshotPath('ja-organisation-detail'), fullPage: true });
  await page.getByRole('button', { name: '一覧に戻る' }).click();
  // Found by two kanji of its name, as an officer would type them.
  await page.getByRole('searchbox', { name: '名称又は法人番号で検索' }).fill('縫製');
  await expect(page.getByTestId('organisation-row')).toHaveCount(1);
  await page.getByRole('searchbox', { name: '名称又は法人番号で検索' }).fill('');
  await expect(page.getByTestId('organisation-row')).toHaveCount(2);
  await page.screenshot({ path: screenshotPath('ja-organisations-registry'), fullPage: true });
  await page.getByRole('button', { name: 'サインアウト' }).click();

  // The officer: the employer (an adverse party of the fled intern's case) linked to its registry entry; the ban shows there.
  await signIn(page, OFFICER, 'ja');
  await page.getByRole('button', { name: '事案', exact: true }).click();
  await page.getByRole('row', { name: new RegExp(c.reference) }).click();
  await page.getByRole('tab', { name: '加害関係者' }).click();
  const parties = page.getByRole('region', { name: '加害関係者', exact: true });
  // Officers read the registry; adding to it is a supervisor's.
  await expect(parties.getByRole('button', { name: '架空縫製の社長を名簿に登録' })).toHaveCount(0);
  await parties.getByRole('button', { name: '架空縫製の社長を編集' }).click();
  const form = parties.getByRole('form', { name: '加害関係者の編集' });
  const picker = form.getByRole('group', { name: '名簿の団体' });
  await picker.getByRole('searchbox', { name: '名簿を検索' }).fill('縫製');
  await picker.getByRole('button', { name: /株式会社架空縫製.*をこの加害関係者に関連付ける/ }).click();
  await expect(picker.getByTestId('organisation-standing')).toContainText('2031/05/31まで受入停止中');
  await form.screenshot({ path: screenshotPath('ja-case-adverse-party-form') });
  await form.getByRole('button', { name: '保存' }).click();
  const employer = parties.getByRole('article', { name: '架空縫製の社長' });
  await expect(employer.getByTestId('party-registry-entry')).toContainText('名簿の団体: 株式会社架空縫製');
  await expect(employer.getByTestId('party-registry-entry')).toContainText('2031/05/31まで受入停止中');
  await parties.screenshot({ path: screenshotPath('ja-case-adverse-parties') });
  // Linked through the party, the employer is among the organisations involved; the supervising organisation is linked to the case itself.
  const section = page.getByTestId('case-organisations');
  await expect(section.getByTestId('case-organisation')).toContainText(['2031/05/31まで受入停止中']);
  await section.getByRole('searchbox', { name: '団体を関連付ける' }).fill('みらい');
  await section.getByRole('button', { name: /架空みらい協同組合.*をこの事案に関連付ける/ }).click();
  await expect(section.getByTestId('case-organisation')).toHaveCount(2);
  await page.screenshot({ path: screenshotPath('ja-case-organisations'), fullPage: true });
  // My work asks for the screening first.
  await page.getByRole('button', { name: '自分の業務', exact: true }).click();
  await expect(page.getByTestId('work-waiting')).toContainText('先に指標確認を');
  // The follow-up assigned to the officer: the outcome recorded from the registry.
  await page.getByRole('button', { name: '関係団体', exact: true }).click();
  await page.getByRole('button', { name: /株式会社架空縫製/ }).click();
  await page.getByRole('button', { name: /NGUYEN Van Fictivo（同じ寮）の追跡確認/ }).click();
  dialog = page.getByRole('dialog', { name: '追跡確認の面接' });
  await dialog.getByRole('combobox', { name: '結果' }).selectOption({ label: '面接済み：不適正な扱いあり' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('followup-row')).toContainText(['面接済み：不適正な扱いあり']);
  await page.screenshot({ path: screenshotPath('ja-organisation-followup-officer'), fullPage: true });
  expect(app.blockedRequests).toEqual([]);
});
