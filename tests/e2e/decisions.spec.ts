/**
 * A residence decision, in Japanese, as officers and supervisors make it: the officer moves the
 * case on to 判断 (each move says where it leads and asks first); the guidance for an overstaying
 * victim who wishes to remain, with danger on return and cooperation with prosecution; the
 * officer's recommendation, submitted after a confirmation; a return with comments; the revision;
 * approval by a supervisor, which decides the case and makes them its supervisor of record; the
 * decided case page. The case's earlier steps (intake, considerations, wish) are set up through
 * core: their own suites drive them through the UI. All data is fictional.
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

/** An overstaying identified victim who wishes to remain; danger on return high; cooperating with prosecutors; at protection, with no supervisor assigned. */
async function preparedCase(core: MamoriCoreApi): Promise<CaseDetail> {
  await ok(core, 'session:signIn', { username: SUPERVISOR.username, passphrase: SUPERVISOR.passphrase });
  const base = intake({ familyName: 'GARCIA', givenName: 'Ana Fictiva' });
  let d = await ok<CaseDetail>(core, 'cases:create', {
    ...base,
    immigration: { ...base.immigration, periodOfStayExpiry: null },
    exploitation: { ...base.exploitation, identificationStatus: 'identified', identificationDate: '2026-11-10' },
  });
  const staff = await ok<{ officers: { id: string; displayName: string }[] }>(core, 'cases:staff', {});
  d = await ok<CaseDetail>(core, 'cases:assign', { caseId: d.id, version: d.version, officerIds: [staff.officers[0].id], supervisorId: null });
  d = await readyForDecision(core, d, { authorityReference: '地検-FICT-12', ownWords: '日本で安全に働きたい。' }, 'protection');
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

async function openCase(page: Page, reference: string, tab = '在留の決定') {
  await page.getByRole('button', { name: '事案', exact: true }).click();
  await page.getByRole('row', { name: new RegExp(reference) }).click();
  await page.getByRole('tab', { name: tab }).click();
}

test('guidance, recommendation, return with comments, revision and approval, in Japanese', async () => {
  test.setTimeout(180_000);
  const app = await startApp({ locale: 'ja' });
  const { page, core } = app;
  await createStaff(core, [OFFICER, SUPERVISOR], 'ja');
  const c = await preparedCase(core);

  // The officer moves the case on to 判断: the button says where it leads, and asks first.
  await signIn(page, OFFICER);
  await openCase(page, c.reference, '段階・担当');
  // Japanese is set on the document and broken by phrase; the case's tabs stay on one row at 1280 px.
  expect(await page.evaluate(() => [document.documentElement.lang, getComputedStyle(document.querySelector('main p') ?? document.body).wordBreak])).toEqual(['ja', 'auto-phrase']);
  expect(new Set(await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)))).size).toBe(1);
  const moves = page.getByRole('group', { name: '段階の変更' });
  await expect(moves.getByRole('button')).toHaveText(['「被害者認定」に戻す', '「判断」へ進める']);
  await moves.getByRole('button', { name: '「判断」へ進める' }).click();
  const forward = page.getByRole('dialog', { name: '事案を「判断」へ進めますか？' });
  await expect(forward.getByTestId('stage-consequence')).toContainText('段階が「保護」から「判断」に変わります。');
  await expect(forward.getByTestId('stage-consequence')).toContainText('意見書を決裁に提出できるのはこの段階だけです。');
  await page.screenshot({ path: screenshotPath('ja-stage-forward-confirm'), animations: 'disabled' });
  await forward.getByRole('button', { name: '「判断」へ進める' }).click();
  await expect(forward).toHaveCount(0);
  await expect(page.getByText('段階：判断', { exact: true })).toBeVisible();
  // At 判断 the only move by hand is back, and it says so (it used to read 「「保護」に進める」).
  await expect(moves.getByRole('button')).toHaveText(['「保護」に戻す']);
  await moves.getByRole('button', { name: '「保護」に戻す' }).click();
  const back = page.getByRole('dialog', { name: '事案を「保護」に戻しますか？' });
  await expect(back).toContainText('再び「判断」へ進めるまで、意見書は提出できません。');
  await page.screenshot({ path: screenshotPath('ja-stage-back-confirm'), animations: 'disabled' });
  await back.getByRole('button', { name: 'キャンセル' }).click();
  await expect(back).toHaveCount(0);
  await expect(page.getByText('段階：判断', { exact: true })).toBeVisible();

  // The guidance offers special residence permission and an alternative to detention.
  await page.getByRole('tab', { name: '在留の決定' }).click();
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
  await expect(page.getByText('監督者: —')).toBeVisible();
  await page.getByTestId('decision-approve').click();
  const approve = page.getByRole('dialog', { name: '意見書の承認' });
  await expect(approve.getByTestId('decision-approve-consequence')).toHaveText('事案は「決定済み」に進みます。この事案には監督者が割り当てられていないため、あなたがこの事案の監督者になります。');
  await approve.getByRole('button', { name: '承認する' }).click();
  const history = page.getByRole('region', { name: '決定の履歴' });
  await expect(history.getByTestId('decision-history-item').first()).toHaveAttribute('data-status', 'approved');
  await expect(history).toContainText(COMMENT);
  await expect(history).toContainText('承認');

  // Decided: the header says so and names the approving supervisor; the approved decision comes
  // first and the guidance is folded away, to be opened on request.
  await expect(page.getByText('段階：決定済み', { exact: true })).toBeVisible();
  await expect(page.getByText(`監督者: ${SUPERVISOR.displayName}`)).toBeVisible();
  const inForce = page.getByRole('region', { name: '承認された決定' });
  await expect(inForce.getByTestId('decision-approved-by')).toContainText(`${SUPERVISOR.displayName}が承認しました。`);
  await expect(inForce).toContainText('本国に扶養する母と弟がおり');
  const regions = await page.getByRole('tabpanel').getByRole('region').evaluateAll((rs) => rs.map((r) => r.getAttribute('aria-label')));
  expect(regions[0]).toBe('承認された決定');
  await expect(page.getByRole('region', { name: '在留に関するガイダンス' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'この手続を選択' })).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('ja-decision-approved'), fullPage: true });
  await page.getByRole('button', { name: '在留に関するガイダンスを表示' }).click();
  await expect(page.getByRole('region', { name: '在留に関するガイダンス' })).toBeVisible();
  await page.getByRole('button', { name: '在留に関するガイダンスを閉じる' }).click();
  await expect(page.getByRole('region', { name: '在留に関するガイダンス' })).toHaveCount(0);
  // From decided, back to 判断 for a new recommendation, or closed; never "on" to anything.
  await page.getByRole('tab', { name: '段階・担当' }).click();
  await expect(moves.getByRole('button')).toHaveText(['「判断」に戻す', '事案を終結する']);
  await expect(page.getByText('この事案は、意見書の承認により決定済みとなりました。')).toBeVisible();
  await page.screenshot({ path: screenshotPath('ja-decided-stage'), fullPage: true });

  expect(app.blockedRequests).toEqual([]);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
});
