/**
 * Case files, as an officer and a supervisor would work them, in Japanese: intake, assignment,
 * search, revealing the shelter address with a reason (and seeing it hide again), an adverse
 * party and the conflict warning. All data is fictional.
 */
import { expect, test, type Page } from '@playwright/test';
import type { MamoriCoreApi } from '../../electron/core/index';
import { ADMIN } from '../fixtures/vault';
import { screenshotPath } from './harness';
import { appPerTest, createStaff, fillIntakePersonJa, signIn as signInAs } from './ui';

const OFFICER = { username: 'officer.kimura', displayName: '木村 直子', passphrase: 'officer e2e passphrase' };
const SUPERVISOR = { username: 'sup.ogawa', displayName: '小川 健', passphrase: 'supervisor e2e passphrase' };
const ADDRESS = 'FICTIONAL 1-2-3 Sakura-cho, Shelter Hikari';

const startApp = appPerTest(test.afterEach);

const staff = (core: MamoriCoreApi) =>
  createStaff(
    core,
    [
      { ...OFFICER, role: 'officer' },
      { ...SUPERVISOR, role: 'supervisor' },
    ],
    'ja',
  );
const signIn = (page: Page, who: { username: string; passphrase: string }) => signInAs(page, who, 'ja');

test('intake in Japanese, assign, search, reveal the shelter address, adverse party and conflict warning', async () => {
  test.setTimeout(120_000);
  const app = await startApp({ locale: 'ja', fakeClock: true });
  const { page } = app;
  await staff(app.core);
  void ADMIN;

  // Intake, as the officer.
  await signIn(page, OFFICER);
  await page.getByRole('button', { name: '事案', exact: true }).click();
  await page.getByRole('button', { name: '新規受付' }).click();
  await fillIntakePersonJa(page, { familyName: 'REYES', givenName: 'Joy Fictiva', sex: '女性', nationality: 'フィリピン', language: 'タガログ語' });
  await page.screenshot({ path: screenshotPath('ja-intake-person') });
  await page.getByRole('button', { name: '次へ' }).click();
  await page.getByRole('combobox', { name: '在留資格', exact: true }).selectOption({ label: '興行' });
  await page.getByRole('combobox', { name: '在留資格の効力' }).selectOption({ label: '期間経過（不法残留）' });
  await expect(page.getByTestId('standing')).toContainText('入管法違反');
  await page.getByRole('button', { name: '次へ' }).click();
  // Not an intern who fled: the indicator checklist may wait.
  await expect(page.getByRole('table', { name: '人身取引の指標' })).toBeVisible();
  await page.getByRole('button', { name: '次へ' }).click();
  await page.getByRole('checkbox', { name: '性的搾取' }).check();
  await page.getByRole('combobox', { name: '端緒（通報・紹介元）' }).selectOption({ label: 'NGO・シェルター' });
  await page.getByRole('button', { name: '次へ' }).click();
  await page.screenshot({ path: screenshotPath('ja-intake-review') });
  await page.getByRole('button', { name: '事案を登録' }).click();

  // The case page: the full name, family name first, and no name in the window title.
  await expect(page.getByRole('button', { name: '事案一覧に戻る' })).toBeVisible();
  await expect(page.getByText('REYES Joy Fictiva').first()).toBeVisible();
  await expect(page).toHaveTitle('Mamori');
  const reference = (await page.getByText(/TV-\d{4}-\d{4}/).first().innerText()).match(/TV-\d{4}-\d{4}/)![0];

  // The shelter address, sealed.
  await page.getByRole('tab', { name: '秘匿情報' }).click();
  await page.getByRole('button', { name: '所在を編集' }).click();
  await page.getByRole('combobox', { name: '所在の種別' }).selectOption({ label: 'シェルター' });
  await page.getByRole('textbox', { name: '施設等の名称' }).fill('Hikari');
  await page.getByRole('textbox', { name: '住所' }).fill(ADDRESS);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('登録あり').first()).toBeVisible();
  await expect(page.getByText(ADDRESS)).toHaveCount(0);

  // An adverse party, and a visitor whose name matches it.
  await page.getByRole('tab', { name: '加害関係者' }).click();
  await page.getByRole('button', { name: '加害関係者を追加' }).click();
  await page.getByRole('combobox', { name: '立場', exact: true }).selectOption({ label: '雇用主（実習実施者）' });
  await page.getByRole('textbox', { name: '氏名・名称' }).fill('Tanaka Kazuo');
  await page.getByRole('combobox', { name: '別表記' }).fill('タナカ カズオ');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('Tanaka Kazuo').first()).toBeVisible();
  await page.getByRole('textbox', { name: '照合する人の氏名' }).fill('たなか かずお');
  await page.getByRole('combobox', { name: 'その人の立場' }).selectOption({ label: '面会者' });
  await page.getByRole('button', { name: '照合', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: '警告：この氏名は加害関係者と一致します' })).toBeVisible();
  await expect(page.getByRole('button', { name: '続ける' })).toBeDisabled();
  await page.screenshot({ path: screenshotPath('ja-conflict-warning') });
  await page.getByRole('textbox', { name: '手続を進める理由' }).fill('生年月日と住所で別人と確認済み');
  await page.getByRole('button', { name: '一致を確認した' }).click();
  await expect(page.getByRole('button', { name: '続ける' })).toBeEnabled();

  await page.getByRole('button', { name: 'サインアウト' }).click();

  // The supervisor finds it by search, assigns it, and reveals the address with a reason.
  await signIn(page, SUPERVISOR);
  await page.getByRole('button', { name: '事案', exact: true }).click();
  await page.getByRole('searchbox', { name: '事案を検索' }).fill('reyes');
  await page.getByRole('searchbox', { name: '事案を検索' }).press('Enter');
  const row = page.getByRole('row', { name: new RegExp(`${reference} R\\. J\\.`) });
  await expect(row).toBeVisible();
  // Lists show initials only.
  await expect(page.getByText('REYES')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('ja-case-list') });
  await row.click();

  await page.getByRole('tab', { name: '段階・担当' }).click();
  await page.getByRole('button', { name: '担当を編集' }).click();
  await expect(page.getByRole('checkbox', { name: OFFICER.displayName })).toBeChecked();
  await page.getByRole('combobox', { name: '監督者' }).selectOption({ label: SUPERVISOR.displayName });
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('region', { name: '担当' }).getByRole('definition').filter({ hasText: SUPERVISOR.displayName })).toBeVisible();

  await page.getByRole('tab', { name: '秘匿情報' }).click();
  await page.getByRole('button', { name: '所在を表示' }).click();
  await page.getByRole('textbox', { name: '理由' }).fill('面談場所の調整のため');
  await page.getByRole('button', { name: '表示する' }).click();
  await expect(page.getByText(ADDRESS)).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('timer')).toContainText('秒で非表示になります');
  await page.screenshot({ path: screenshotPath('ja-sealed-revealed') });
  await page.clock.fastForward('01:01');
  await expect(page.getByText(ADDRESS)).toHaveCount(0);

  // The reveal and its reason are in the case's access log.
  await page.getByRole('tab', { name: 'アクセス記録' }).click();
  await expect(page.getByText('秘匿情報の表示').first()).toBeVisible();
  await page.screenshot({ path: screenshotPath('ja-access-log') });

  expect(app.blockedRequests).toEqual([]);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
});
