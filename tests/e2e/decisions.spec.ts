/**
 * A residence decision, in Japanese, as officers and supervisors make it: the guidance for an
 * overstaying victim who wishes to remain, with danger on return and cooperation with
 * prosecution; the officer's recommendation; a return with comments; the revision; approval by
 * a supervisor. The case's earlier steps (intake, considerations, wish) are set up through core:
 * their own suites drive them through the UI. All data is fictional.
 */
import { expect, test, type Page } from '@playwright/test';
import type { CaseDetail } from '../../electron/common/caseDetail';
import { ART_50_5_FACTORS } from '../../electron/common/guidance';
import type { MamoriCoreApi } from '../../electron/core/index';
import { intake } from '../fixtures/cases';
import { ok } from '../fixtures/vault';
import { screenshotPath } from './harness';
import { appPerTest, createStaff, readyForDecision, signIn as signInAs } from './ui';

const OFFICER = { username: 'officer.ueda', displayName: '上田 真理', passphrase: 'officer ueda e2e passphrase', role: 'officer' } as const;
const SUPERVISOR = { username: 'sup.nakano', displayName: '中野 誠', passphrase: 'supervisor nakano e2e passphrase', role: 'supervisor' } as const;
const COMMENT = '家族関係についての理由を具体的に記載してください。';

test.use({ actionTimeout: 15_000 });

const startApp = appPerTest(test.afterEach);

const signIn = (page: Page, who: { username: string; passphrase: string }) => signInAs(page, who, 'ja');

/** An overstaying identified victim who wishes to remain; danger on return high; cooperating with prosecutors; at the decision stage. */
async function preparedCase(core: MamoriCoreApi, supervisorId: string): Promise<CaseDetail> {
  await ok(core, 'session:signIn', { username: SUPERVISOR.username, passphrase: SUPERVISOR.passphrase });
  const base = intake({ familyName: 'GARCIA', givenName: 'Ana Fictiva' });
  let d = await ok<CaseDetail>(core, 'cases:create', {
    ...base,
    immigration: { ...base.immigration, periodOfStayExpiry: null },
    exploitation: { ...base.exploitation, identificationStatus: 'identified', identificationDate: '2026-11-10' },
  });
  const staff = await ok<{ officers: { id: string; displayName: string }[] }>(core, 'cases:staff', {});
  d = await ok<CaseDetail>(core, 'cases:assign', { caseId: d.id, version: d.version, officerIds: [staff.officers[0].id], supervisorId });
  d = await readyForDecision(core, d, { authorityReference: '地検-FICT-12', ownWords: '日本で安全に働きたい。' });
  await ok(core, 'session:signOut');
  return d;
}

/** Submit asks first, saying what it freezes; the recommendation goes only from the dialog. */
async function submitRecommendation(page: Page) {
  await page.getByTestId('decision-submit').click();
  const dialog = page.getByRole('dialog', { name: '意見書を決裁に提出しますか？' });
  await expect(dialog.getByTestId('decision-submit-consequence')).toContainText('監督者が承認するか差し戻すまで、どちらも変更できません。');
  await dialog.getByRole('button', { name: '決裁を申請' }).click();
  await expect(dialog).toHaveCount(0);
}

async function openCase(page: Page, reference: string) {
  await page.getByRole('button', { name: '事案', exact: true }).click();
  await page.getByRole('row', { name: new RegExp(reference) }).click();
  await page.getByRole('tab', { name: '在留の決定' }).click();
}

test('guidance, recommendation, return with comments, revision and approval, in Japanese', async () => {
  test.setTimeout(180_000);
  const app = await startApp({ locale: 'ja' });
  const { page, core } = app;
  const ids = await createStaff(core, [OFFICER, SUPERVISOR], 'ja');
  const c = await preparedCase(core, ids[SUPERVISOR.username]);

  // The officer: the guidance offers special residence permission and an alternative to detention.
  await signIn(page, OFFICER);
  await openCase(page, c.reference);
  await expect(page.getByTestId('guidance-disclaimer')).toContainText('担当官が意見を述べ、監督者が決定します');
  await expect(page.getByTestId('guidance-pathway-special-residence-permission')).toContainText('在留特別許可');
  await expect(page.getByTestId('guidance-pathway-provisional-release')).toContainText('仮放免・監理措置');
  await expect(page.getByTestId('guidance-pathway-assisted-return')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('ja-decision-guidance'), fullPage: true });

  await page.getByTestId('guidance-choose-special-residence-permission').click();
  await page.getByTestId('decision-proposed-status').selectOption({ label: '特定活動' });
  await page.getByTestId('decision-proposed-period').fill('1年');
  for (const kind of ['danger-on-return', 'condition-and-protection', 'cooperation']) {
    await page.getByTestId(`decision-reason-${kind}`).fill('記録された評価と根拠のとおり、在留を認める方向に働く（架空）。');
  }
  for (const factor of ART_50_5_FACTORS) await page.getByTestId(`decision-factor-${factor}`).fill(`${factor}について記録に基づき検討した（架空）。`);
  await page.getByTestId('decision-summary').fill('人身取引被害者として在留特別許可を相当と考える（架空の事案）。');
  await expect(page.getByTestId('decision-blockers')).toContainText('提出を妨げる事項はありません。');
  await page.screenshot({ path: screenshotPath('ja-decision-worksheet'), fullPage: true });
  await submitRecommendation(page);
  await expect(page.getByRole('region', { name: '決裁待ちの意見書' })).toBeVisible();
  await expect(page.getByTestId('decision-approve')).toHaveCount(0);
  await page.getByRole('button', { name: 'サインアウト' }).click();

  // The supervisor: the queue, then a return with comments.
  await signIn(page, SUPERVISOR);
  await page.getByRole('button', { name: '決定', exact: true }).click();
  const row = page.getByTestId('decision-queue-row').filter({ hasText: c.reference });
  await expect(row).toContainText('G. A.');
  await expect(page.getByText('GARCIA')).toHaveCount(0);
  await expect(page.getByTestId('decision-queue-refresh')).toBeEnabled();
  await page.screenshot({ path: screenshotPath('ja-decision-queue'), animations: 'disabled' });
  await row.click();
  await page.getByRole('tab', { name: '在留の決定' }).click();
  await page.getByTestId('decision-return').click();
  await page.getByTestId('decision-return-comment').fill(COMMENT);
  await page.getByTestId('decision-return-confirm').click();
  await expect(page.getByRole('region', { name: '決裁待ちの意見書' })).toHaveCount(0);
  await page.getByRole('button', { name: 'サインアウト' }).click();

  // The officer sees the return in My work, revises and resubmits.
  await signIn(page, OFFICER);
  await page.getByRole('button', { name: '自分の業務', exact: true }).click();
  await expect(page.getByTestId('work-waiting-row').filter({ hasText: c.reference })).toContainText('差し戻されました');
  await expect(page.getByTestId('work-refresh')).toBeEnabled();
  await page.screenshot({ path: screenshotPath('ja-my-work-returned'), animations: 'disabled' });
  await page.getByTestId('work-waiting-row').filter({ hasText: c.reference }).click();
  await page.getByRole('tab', { name: '在留の決定' }).click();
  await expect(page.getByTestId('decision-returned')).toContainText(COMMENT);
  await page.getByTestId('decision-factor-family-relations').fill('本国に扶養する母と弟がおり、日本に家族はいない（架空）。');
  await page.screenshot({ path: screenshotPath('ja-decision-returned'), fullPage: true });
  await submitRecommendation(page);
  await expect(page.getByRole('region', { name: '決裁待ちの意見書' })).toBeVisible();
  await page.getByRole('button', { name: 'サインアウト' }).click();

  // The supervisor approves exactly what was submitted.
  await signIn(page, SUPERVISOR);
  await openCase(page, c.reference);
  await expect(page.getByRole('region', { name: '決裁待ちの意見書' })).toContainText('本国に扶養する母と弟がおり');
  await page.getByTestId('decision-approve').click();
  await page.getByRole('dialog', { name: '意見書の承認' }).getByRole('button', { name: '承認する' }).click();
  const history = page.getByRole('region', { name: '決定の履歴' });
  await expect(history.getByTestId('decision-history-item').first()).toHaveAttribute('data-status', 'approved');
  await expect(history).toContainText(COMMENT);
  await expect(history).toContainText('承認');
  await page.screenshot({ path: screenshotPath('ja-decision-approved'), fullPage: true });

  expect(app.blockedRequests).toEqual([]);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
});
