/**
 * Foundation acceptance, as a person would do it: create a vault, sign out, sign in,
 * panic-lock, sign in again, switch to Japanese. Screenshots in both languages.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { removeDir, tempDir } from '../fixtures/vault';
import { launchApp, screenshotPath, type LaunchedApp } from './harness';
import { submitCreateVault } from './ui';

const ADMIN = { username: 'admin.ito', displayName: 'Ito Sakura', passphrase: 'e2e admin passphrase 42' };

let app: LaunchedApp;
let dir: string;
test.afterEach(async () => {
  await app?.close();
  removeDir(dir);
});

async function signIn(page: Page, passphrase = ADMIN.passphrase) {
  await page.getByRole('textbox', { name: 'User name' }).fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('create a vault, sign out, sign in, panic-lock, sign in again, switch to Japanese', async () => {
  dir = tempDir('mamori-e2e-');
  app = await launchApp({ dataDir: join(dir, 'vault'), locale: 'en' });
  const { page } = app;

  await expect(page.getByRole('heading', { name: /create/i })).toBeVisible();
  await page.screenshot({ path: screenshotPath('en-create-vault') });
  const key = await submitCreateVault(page, ADMIN);
  await page.screenshot({ path: screenshotPath('en-recovery-key') });

  // Continue stays disabled until the key is confirmed as written down.
  const next = page.getByRole('button', { name: 'Continue to sign in' });
  await expect(next).toBeDisabled();
  await page.getByRole('checkbox', { name: 'I have written down the recovery key and stored it safely' }).check();
  await page.getByRole('textbox', { name: 'Last group of the recovery key' }).fill('0000');
  await expect(next).toBeDisabled();
  await page.getByRole('textbox', { name: 'Last group of the recovery key' }).fill(key.slice(-4).toLowerCase());
  await next.click();

  // The key is gone from the page once the step is left.
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  expect(await page.content()).not.toContain(key);

  await signIn(page);
  await expect(page.getByRole('banner').getByText(ADMIN.displayName)).toBeVisible();
  await expect(page).toHaveTitle('Mamori');
  await page.screenshot({ path: screenshotPath('en-home') });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByText(ADMIN.displayName)).toHaveCount(0);

  // A wrong passphrase is refused with a clear message.
  await signIn(page, 'not the passphrase at all');
  await expect(page.getByText('The user name or passphrase is not correct.')).toBeVisible();

  await signIn(page);
  await expect(page.getByRole('banner').getByText(ADMIN.displayName)).toBeVisible();

  // Panic lock: Ctrl+L from anywhere.
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByText(ADMIN.displayName)).toHaveCount(0);
  await expect(page.getByText(/panic/i)).toBeVisible();
  await page.screenshot({ path: screenshotPath('en-locked') });
  expect(await app.core.dispatch('vault:status', {})).toEqual({ ok: true, value: { exists: true, unlocked: false } });

  await signIn(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.screenshot({ path: screenshotPath('en-settings') });
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('日本語').click();
  await expect(page.getByRole('radio', { name: '日本語' })).toBeChecked();
  await expect(page.getByRole('button', { name: 'ロック' })).toBeVisible();
  await expect(page.getByRole('button', { name: '設定' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('ja-settings') });
  await page.getByRole('button', { name: '設定' }).click();

  // The language is the user's, remembered in the vault: it survives sign-out and sign-in.
  await page.getByRole('button', { name: 'サインアウト' }).click();
  await page.getByRole('textbox', { name: 'ユーザー名' }).fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'パスフレーズ', exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await expect(page.getByRole('button', { name: 'ロック' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('ja-home') });
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('button', { name: 'サインイン', exact: true })).toBeVisible();
  await page.screenshot({ path: screenshotPath('ja-locked') });

  expect(app.blockedRequests).toEqual([]);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
});

test('first run in Japanese', async () => {
  dir = tempDir('mamori-e2e-');
  app = await launchApp({ dataDir: join(dir, 'vault'), locale: 'ja' });
  const { page } = app;
  await expect(page.getByRole('button', { name: '保管庫を作成' })).toBeVisible();
  await page.getByRole('textbox', { name: 'パスフレーズ', exact: true }).fill('短すぎる');
  await page.getByRole('button', { name: '保管庫を作成' }).click();
  await expect(page.getByText(/12文字以上/).first()).toBeVisible();
  await page.screenshot({ path: screenshotPath('ja-create-vault-errors') });
  expect(app.blockedRequests).toEqual([]);
});
