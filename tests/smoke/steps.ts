/**
 * What the smoke test does through the window, as a person would, in whichever language the app
 * starts in (the release manager's machine may be Japanese): each label is matched in English or
 * Japanese. Kept apart from the Electron launch so the steps read as the journey they are.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** A label in either language, matched whole. */
function either(en: string, ja: string): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^(${escape(en)}|${escape(ja)})$`);
}

export const LABEL = {
  adminUsername: either('Administrator user name', '管理者のユーザー名'),
  displayName: either('Display name', '表示名'),
  passphrase: either('Passphrase', 'パスフレーズ'),
  confirmPassphrase: either('Confirm passphrase', 'パスフレーズ（確認）'),
  createVault: either('Create vault', '保管庫を作成'),
  recoveryKey: either('Recovery key', '回復キー'),
  wroteDown: either('I have written down the recovery key and stored it safely', '回復キーを書き留め、安全な場所に保管しました'),
  lastGroup: either('Last group of the recovery key', '回復キーの最後のグループ'),
  continueToSignIn: either('Continue to sign in', 'サインインへ進む'),
  username: either('User name', 'ユーザー名'),
  signIn: either('Sign in', 'サインイン'),
  signOut: either('Sign out', 'サインアウト'),
  cases: either('Cases', '事案'),
  exportSummary: either('Export summary…', '要約を出力…'),
  exportDialog: either('Export a case summary', '事案要約の出力'),
  nonIdentifying: either('Non-identifying summary', '非識別要約'),
  recipient: either('Recipient', '宛先'),
  purpose: either('Purpose', '提供の目的'),
  preview: either('Preview of the summary', '要約のプレビュー'),
  panicLocked: either('Locked by panic key.', '緊急ロックキーによりロックされました。'),
} as const;

/** Fictional accounts of a throw-away vault. */
export const ADMIN = { username: 'smoke.admin', displayName: 'Smoke Test Administrator', passphrase: 'smoke test administrator passphrase' } as const;
export const DEMO_PASSPHRASE = 'smoke test demo staff passphrase';
export const DEMO_SUPERVISOR = 'demo.supervisor';

/** First run: creates the vault with its administrator, confirms the recovery key, reaches sign-in. */
export async function createVault(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: LABEL.adminUsername }).fill(ADMIN.username);
  await page.getByRole('textbox', { name: LABEL.displayName }).fill(ADMIN.displayName);
  await page.getByRole('textbox', { name: LABEL.passphrase }).fill(ADMIN.passphrase);
  await page.getByRole('textbox', { name: LABEL.confirmPassphrase }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: LABEL.createVault }).click();
  const key = (await page.getByRole('status', { name: LABEL.recoveryKey }).innerText()).replace(/\s+/g, '');
  expect(key).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
  await page.getByRole('checkbox', { name: LABEL.wroteDown }).check();
  await page.getByRole('textbox', { name: LABEL.lastGroup }).fill(key.slice(-4));
  await page.getByRole('button', { name: LABEL.continueToSignIn }).click();
  await expect(page.getByRole('button', { name: LABEL.signIn })).toBeVisible();
}

export async function signIn(page: Page, who: { username: string; passphrase: string }): Promise<void> {
  await page.getByRole('textbox', { name: LABEL.username }).fill(who.username);
  await page.getByRole('textbox', { name: LABEL.passphrase }).fill(who.passphrase);
  await page.getByRole('button', { name: LABEL.signIn }).click();
  await expect(page.getByRole('button', { name: LABEL.signOut })).toBeVisible();
}

/** The case list, with at least one case; returns its rows. */
export async function openCaseList(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: LABEL.cases }).click();
  const rows = page.getByRole('row', { name: /TV-\d{4}-\d{4}/ });
  await expect(rows.first()).toBeVisible();
  return rows;
}

/** Opens the first case and exports its non-identifying summary as a PDF; returns the export number shown. */
export async function exportFirstCaseSummary(page: Page, rows: Locator): Promise<string> {
  await rows.first().click();
  await page.getByRole('button', { name: LABEL.exportSummary }).click();
  const panel = page.getByRole('dialog', { name: LABEL.exportDialog });
  await panel.getByRole('radio', { name: LABEL.nonIdentifying }).check();
  await panel.getByRole('textbox', { name: LABEL.recipient }).fill('Smoke test recipient (fictional)');
  await panel.getByRole('textbox', { name: LABEL.purpose }).fill('Release check of the save dialog (fictional)');
  await panel.getByTestId('export-preview').click();
  await expect(panel.getByRole('region', { name: LABEL.preview })).toBeVisible();
  await panel.getByTestId('export-save-pdf').click();
  const done = panel.getByTestId('export-done');
  await expect(done).toContainText(/EXP-\d{4}-\d{6}/);
  return /EXP-\d{4}-\d{6}/.exec(await done.innerText())?.[0] ?? '';
}

/** Ctrl+L from anywhere: back to sign-in, saying why. */
export async function panicLock(page: Page): Promise<void> {
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('button', { name: LABEL.signIn })).toBeVisible();
  await expect(page.getByText(LABEL.panicLocked)).toBeVisible();
  await expect(page.getByRole('button', { name: LABEL.signOut })).toHaveCount(0);
}
