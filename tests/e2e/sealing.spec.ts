/**
 * Access to sealed information after a passphrase reset, as the people involved meet it, in
 * Japanese: the officer's home view says their key waits for a grant and shows its id; the
 * supervisor sees the pending grant, compares the id and grants it; the officer's notice is gone.
 */
import { expect, test } from '@playwright/test';
import type { UserAccount } from '../../electron/common/accounts';
import type { CaseDetail } from '../../electron/common/caseDetail';
import { intake } from '../fixtures/cases';
import { ok, signInAdmin } from '../fixtures/vault';
import { screenshotPath } from './harness';
import { appPerTest, createStaff, signIn } from './ui';

test.use({ actionTimeout: 15_000 });

const startApp = appPerTest(test.afterEach);

const OFFICER = { username: 'officer.ueda', displayName: '上田 花子', passphrase: 'officer ueda e2e passphrase', role: 'officer' } as const;
const SUPERVISOR = { username: 'sup.saito', displayName: '斎藤 誠', passphrase: 'supervisor saito e2e passphrase', role: 'supervisor' } as const;
const AFTER_RESET = 'officer ueda second passphrase';

test('after a passphrase reset, the officer waits for a grant; the supervisor compares the key id and grants it, in Japanese', async () => {
  test.setTimeout(180_000);
  const app = await startApp({ locale: 'ja' });
  const { page, core } = app;
  const ids = await createStaff(core, [OFFICER, SUPERVISOR], 'ja');
  await ok(core, 'session:signIn', { username: OFFICER.username, passphrase: OFFICER.passphrase });
  const c = await ok<CaseDetail>(core, 'cases:create', intake({ familyName: 'REYES', givenName: 'Luz Fictiva' }));
  await ok(core, 'cases:setSealed', {
    caseId: c.id,
    version: c.version,
    sealed: { field: 'whereabouts', value: { locationType: 'shelter', name: '架空シェルター', address: '架空県架空市1-2-3', phone: '', safeContactMethod: 'NGO経由' } },
  });
  await ok(core, 'session:signOut');
  // The administrator resets the officer's passphrase; the officer sets a new one.
  await signInAdmin(core);
  const { users } = await ok<{ users: UserAccount[] }>(core, 'users:list');
  const reset = await ok<{ temporaryPassphrase: string }>(core, 'users:resetPassphrase', { userId: ids[OFFICER.username], version: users.find((u) => u.id === ids[OFFICER.username])!.version });
  await ok(core, 'session:signOut');
  await ok(core, 'session:signIn', { username: OFFICER.username, passphrase: reset.temporaryPassphrase });
  await ok(core, 'session:changePassphrase', { currentPassphrase: reset.temporaryPassphrase, newPassphrase: AFTER_RESET });
  await ok(core, 'session:signOut');

  // The officer: the home view says the key waits for a supervisor, and shows its id.
  await signIn(page, { username: OFFICER.username, passphrase: AFTER_RESET }, 'ja');
  const notice = page.getByTestId('sealing-own-pending');
  await expect(notice).toContainText('監督者の付与待ち');
  const keyId = (await notice.locator('code').innerText()).trim();
  expect(keyId).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
  await page.screenshot({ path: screenshotPath('ja-sealing-pending'), fullPage: true });
  await page.getByRole('button', { name: 'サインアウト' }).click();

  // The supervisor: the pending grant, the id compared in the dialog, then granted.
  await signIn(page, SUPERVISOR, 'ja');
  const pending = page.getByRole('region', { name: 'あなたの付与を待っている秘匿情報へのアクセス' });
  await expect(pending.getByTestId('sealing-pending-row')).toContainText(['パスフレーズ再設定後']);
  await pending.getByRole('button', { name: `${OFFICER.displayName}に秘匿情報へのアクセスを付与` }).click();
  const dialog = page.getByRole('dialog', { name: `${OFFICER.displayName}に秘匿情報へのアクセスを付与` });
  await expect(dialog.getByTestId('sealing-grant-key-id')).toHaveText(keyId);
  // The screenshot once the dialog's opening transition has finished (an event, not a wait).
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  await page.screenshot({ path: screenshotPath('ja-sealing-grant-dialog'), fullPage: true });
  await dialog.getByRole('button', { name: '鍵IDが一致：付与する' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'アクセスを付与しました' })).toContainText(`${OFFICER.displayName}は1件の事案の鍵を保持しました。`);
  await expect(pending).toHaveCount(0);
  await page.getByRole('button', { name: 'サインアウト' }).click();

  // The officer again: nothing waits, and the sealed whereabouts open (read through core, with a reason).
  await signIn(page, { username: OFFICER.username, passphrase: AFTER_RESET }, 'ja');
  await expect(page.getByRole('heading', { name: '自分の業務' })).toBeVisible();
  await expect(page.getByTestId('sealing-own-pending')).toHaveCount(0);
  await page.getByRole('button', { name: 'サインアウト' }).click();
  await ok(core, 'session:signIn', { username: OFFICER.username, passphrase: AFTER_RESET });
  const shown = await ok<{ value: { address: string } }>(core, 'cases:revealSealed', { caseId: c.id, field: 'whereabouts', reason: '面接場所の調整のため' });
  expect(shown.value.address).toBe('架空県架空市1-2-3');
  expect(app.blockedRequests).toEqual([]);
});
