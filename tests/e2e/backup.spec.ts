/**
 * Backups and keys, as an administrator does them: a verified backup written where they choose, the
 * reminder, rotating the data key (and writing down the new recovery key), restoring the backup over
 * the vault; then a new workstation restored from a backup in Japanese, and the damaged-vault screen.
 * The OS file dialogs are the harness's (`app.dialogs.backupTarget` / `backupSource`); core is real.
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupProgress } from '../../electron/common/contract.backup';
import { createCore } from '../../electron/core/index';
import { ok, removeDir, tempDir } from '../fixtures/vault';
import { launchApp, screenshotPath, type LaunchedApp } from './harness';

/** Fictional people only. */
const ADMIN = { username: 'admin.kudo', displayName: 'Kudo Emi', passphrase: 'backup time passphrase 21' };
const LATER_PASSPHRASE = 'passphrase after the backup 22';

const UI = {
  en: {
    username: 'User name',
    passphrase: 'Passphrase',
    signIn: 'Sign in',
    backups: 'Backups and keys',
    mainNavigation: 'Main navigation',
    restoreOpen: 'Restore a backup over this vault…',
    restoreDialog: 'Restore a backup over this vault',
    restoreUsername: 'Administrator user name at backup time',
    restorePassphrase: 'Passphrase at backup time',
    restoreConfirm: 'Type the vault ID to confirm',
    restoreSubmit: 'Choose the backup file and restore',
    rotateOpen: 'Rotate data key…',
    rotateDialog: 'Rotate the data key',
    rotateReady: 'I am ready to write down the new recovery key now',
    rotateConfirm: 'Rotate data key',
    reason: 'Reason',
    written: 'I have written down the recovery key and stored it safely',
    lastGroup: 'Last group of the recovery key',
    keyDone: 'Done',
    cancel: 'Cancel',
    restored: 'Backup restored',
  },
  ja: {
    username: 'ユーザー名',
    passphrase: 'パスフレーズ',
    signIn: 'サインイン',
    backups: 'バックアップと鍵',
    mainNavigation: 'メインメニュー',
    restoreOpen: 'バックアップでこの保管庫を置き換える…',
    restoreDialog: 'バックアップでこの保管庫を置き換える',
    restoreUsername: 'バックアップ作成時の管理者のユーザー名',
    restorePassphrase: 'バックアップ作成時のパスフレーズ',
    restoreConfirm: '確認のため保管庫IDを入力',
    restoreSubmit: 'バックアップファイルを選んで復元',
    rotateOpen: 'データ鍵を更新…',
    rotateDialog: 'データ鍵の更新',
    rotateReady: '新しい回復キーを今すぐ書き留める準備ができています',
    rotateConfirm: 'データ鍵を更新',
    reason: '理由',
    written: '回復キーを書き留め、安全な場所に保管しました',
    lastGroup: '回復キーの最後のグループ',
    keyDone: '完了',
    cancel: 'キャンセル',
    restored: 'バックアップを復元しました',
  },
} as const;
type Ui = (typeof UI)[keyof typeof UI];

let app: LaunchedApp | undefined;
let dir: string;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
  removeDir(dir);
});

/**
 * The whole page, including what lies below the fold, so a look at the file shows every line of the
 * screen; while a dialog is open, the window as the user sees it (a dialog is fixed to the window,
 * and a full-page capture would show the page behind it scrolled and the header in mid-page).
 */
async function shot(page: Page, name: string) {
  const dialogOpen = (await page.getByRole('dialog').count()) > 0;
  if (!dialogOpen) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: !dialogOpen });
}

async function signIn(page: Page, ui: Ui, passphrase: string) {
  await page.getByRole('textbox', { name: ui.username }).fill(ADMIN.username);
  await page.getByRole('textbox', { name: ui.passphrase, exact: true }).fill(passphrase);
  await page.getByRole('button', { name: ui.signIn, exact: true }).click();
}

async function openBackups(page: Page, ui: Ui) {
  await page.getByRole('navigation', { name: ui.mainNavigation }).getByRole('button', { name: ui.backups }).click();
  await expect(page.getByRole('heading', { level: 2, name: ui.backups })).toBeVisible();
}

/** A vault with the administrator (in `locale`) and, if asked, a verified backup of it made through core. */
async function vaultWithBackup(dataDir: string, locale: 'en' | 'ja', backupPath: string | null) {
  const core = createCore({ dataDir, locale, backupDialogs: { chooseBackupTarget: async () => backupPath, chooseBackupSource: async () => null } });
  await ok(core, 'vault:create', { username: ADMIN.username, displayName: ADMIN.displayName, passphrase: ADMIN.passphrase, locale });
  if (backupPath) {
    await ok(core, 'session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await ok(core, 'backup:create');
    await ok(core, 'session:signOut');
  }
  await core.close();
}

/** Rotates the data key with a reason and writes down the recovery key it shows; returns the key. */
async function rotateDataKey(page: Page, ui: Ui, screenshots: string | null) {
  await page.getByRole('button', { name: ui.rotateOpen }).click();
  const dialog = page.getByRole('dialog', { name: ui.rotateDialog });
  const confirm = dialog.getByRole('button', { name: ui.rotateConfirm, exact: true });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('checkbox', { name: ui.rotateReady }).check();
  // No reason, no rotation: the field says why and core is not asked.
  await confirm.click();
  await expect(dialog.getByRole('textbox', { name: ui.reason })).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('textbox', { name: ui.reason }).fill(screenshots === 'ja' ? '退職した職員が回復キーを知っている可能性（架空）' : 'A staff member who knew the recovery key left (fictional)');
  if (screenshots) await shot(page, `${screenshots}-backup-rotate-dialog`);
  await confirm.click();

  const keyStep = page.getByRole('dialog');
  const key = (await keyStep.getByRole('status', { name: screenshots === 'ja' ? '回復キー' : 'Recovery key' }).innerText()).replace(/\s+/g, '');
  expect(key).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
  if (screenshots) await shot(page, `${screenshots}-backup-rotation-key`);
  const done = keyStep.getByRole('button', { name: ui.keyDone, exact: true });
  await expect(done).toBeDisabled();
  await keyStep.getByRole('checkbox', { name: ui.written }).check();
  await keyStep.getByRole('textbox', { name: ui.lastGroup }).fill(key.slice(-4));
  await done.click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
  return key;
}

test('an administrator backs up, rotates the data key, and restores the backup over the vault', async () => {
  dir = tempDir('mamori-e2e-backup-');
  const dataDir = join(dir, 'vault');
  await vaultWithBackup(dataDir, 'en', null);
  app = await launchApp({ dataDir, locale: 'en' });
  const { page, dialogs, core } = app;
  const ui = UI.en;
  const progress: BackupProgress[] = [];
  core.onEvent((event, payload) => {
    if (event === 'vault:progress') progress.push(payload as BackupProgress);
  });

  await signIn(page, ui, ADMIN.passphrase);
  // Never backed up: the reminder says so above every other section.
  await expect(page.getByTestId('backup-reminder')).toContainText('No verified backup yet');
  await page.getByTestId('backup-reminder').getByRole('button', { name: 'Open Backups and keys' }).click();
  await expect(page.getByRole('heading', { level: 2, name: ui.backups })).toBeVisible();
  await expect(page.getByText('No verified backup yet')).toBeVisible();

  // Closing the save dialog writes nothing and is said plainly.
  await page.getByRole('button', { name: 'Back up now…' }).click();
  await expect(page.getByText('No file was chosen, so no backup was made.')).toBeVisible();

  const backupFile = join(dir, 'mamori-2026.mamori-backup');
  dialogs.backupTarget = backupFile;
  await page.getByRole('button', { name: 'Back up now…' }).click();
  await expect(page.getByText('Backup written and verified')).toBeVisible();
  await expect(page.getByText('Last verified backup: today')).toBeVisible();
  expect(dialogs.suggestedBackupNames.at(-1)).toMatch(/\.mamori-backup$/);
  expect(existsSync(backupFile)).toBe(true);
  expect(statSync(backupFile).size).toBeGreaterThan(0);
  // Core reported the copy, the check and the write, and the last report was "done".
  const phases = progress.filter((p) => p.operation === 'backup').map((p) => p.phase);
  expect(phases).toEqual(expect.arrayContaining(['verifying', 'done']));
  expect(phases.at(-1)).toBe('done');
  await expect(page.getByRole('table', { name: 'Recent verified backups' }).getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('table', { name: 'Recent verified backups' })).toContainText('mamori-2026.mamori-backup');

  // The reminder: an empty field is refused, a number saved.
  const reminder = page.getByRole('textbox', { name: 'Remind administrators after (days)' });
  await reminder.fill('');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Enter a whole number of days from 1 to 90.')).toBeVisible();
  await reminder.fill('14');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  expect((await ok<{ reminderDays: number }>(core, 'backup:status')).reminderDays).toBe(14);
  await shot(page, 'en-backups');

  // The data key, after the backup: generation 2 and a new recovery key.
  await rotateDataKey(page, ui, 'en');
  await expect(page.getByText('The data key was rotated (generation 2).')).toBeVisible();
  // And a passphrase changed after the backup (through core, as this administrator).
  await ok(core, 'session:changePassphrase', { currentPassphrase: ADMIN.passphrase, newPassphrase: LATER_PASSPHRASE });

  // Restore over the vault: nothing happens until this vault's ID is typed.
  await page.getByRole('button', { name: ui.restoreOpen }).click();
  const restore = page.getByRole('dialog', { name: ui.restoreDialog });
  const vaultId = ((await restore.getByText(/^This vault's ID: /).innerText()).split(': ')[1] ?? '').trim();
  expect(vaultId).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
  await expect(restore.getByRole('textbox', { name: ui.restoreUsername })).toHaveValue(ADMIN.username);
  await restore.getByRole('textbox', { name: ui.restorePassphrase }).fill(ADMIN.passphrase);
  const submit = restore.getByRole('button', { name: ui.restoreSubmit });
  await restore.getByRole('textbox', { name: ui.restoreConfirm }).fill('0000-0000');
  await expect(restore.getByText('This is not the ID of this vault.')).toBeVisible();
  await expect(submit).toBeDisabled();
  await restore.getByRole('textbox', { name: ui.restoreConfirm }).fill(vaultId.toLowerCase());
  await expect(submit).toBeEnabled();
  await shot(page, 'en-backup-restore-dialog');

  dialogs.backupSource = backupFile;
  await submit.click();

  // Everyone is signed out; the sign-in screen says which backup is in place and where the old vault went.
  await expect(page.getByRole('button', { name: ui.signIn, exact: true })).toBeVisible();
  await expect(page.getByText(ui.restored, { exact: true })).toBeVisible();
  await expect(page.getByText(/The vault it replaced was kept aside in the data folder as “replaced-/)).toBeVisible();
  await shot(page, 'en-backup-restored-sign-in');
  const aside = readdirSync(dataDir).filter((name) => name.startsWith('replaced-'));
  expect(aside).toHaveLength(1);

  // The passphrase of after the backup is gone with everything else recorded after it.
  await signIn(page, ui, LATER_PASSPHRASE);
  await expect(page.getByText('The user name or passphrase is not correct.')).toBeVisible();
  await signIn(page, ui, ADMIN.passphrase);
  await openBackups(page, ui);
  await expect(page.getByRole('textbox', { name: 'Remind administrators after (days)' })).toHaveValue('7');
  // The key as it was at backup time: generation 1, never rotated.
  await expect(page.getByText('Generation', { exact: true }).locator('xpath=..')).toHaveText('Generation1');
  await expect(page.getByText('Last rotated', { exact: true }).locator('xpath=..')).toHaveText('Last rotatedNever');
  // The backup it came from counts as this data's last verified backup, not "never backed up".
  await expect(page.getByText('Last verified backup: today')).toBeVisible();
  await expect(page.getByText('No verified backup yet')).toHaveCount(0);

  expect(app.blockedRequests).toEqual([]);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
});

test('a new workstation is restored from a backup in Japanese, and its administrator sees Backups and keys', async () => {
  dir = tempDir('mamori-e2e-backup-ja-');
  const backupFile = join(dir, 'from-the-safe.mamori-backup');
  await vaultWithBackup(join(dir, 'old-computer'), 'ja', backupFile);

  const dataDir = join(dir, 'new-computer');
  app = await launchApp({ dataDir, locale: 'ja' });
  const { page, dialogs } = app;
  const ui = UI.ja;

  await page.getByRole('button', { name: 'バックアップから復元…' }).click();
  await expect(page.getByRole('heading', { name: 'バックアップから復元' })).toBeVisible();
  await page.getByRole('textbox', { name: ui.restoreUsername }).fill(ADMIN.username);
  await page.getByRole('textbox', { name: ui.restorePassphrase }).fill(ADMIN.passphrase);
  await shot(page, 'ja-backup-first-run');

  // The file dialog closed without a file: nothing is restored, and the form says so plainly.
  await page.getByRole('button', { name: ui.restoreSubmit }).click();
  await expect(page.getByText('ファイルが選択されなかったため、何も復元されていません。')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await shot(page, 'ja-backup-first-run-cancelled');

  dialogs.backupSource = backupFile;
  await page.getByRole('button', { name: ui.restoreSubmit }).click();
  await expect(page.getByText(ui.restored, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: ui.signIn, exact: true })).toBeVisible();
  await shot(page, 'ja-backup-first-run-restored');

  await signIn(page, ui, ADMIN.passphrase);
  await openBackups(page, ui);
  // The first thing on the new workstation: a backup of its own.
  dialogs.backupTarget = join(dir, 'new-computer.mamori-backup');
  await page.getByRole('button', { name: '今すぐバックアップ…' }).click();
  await expect(page.getByText('バックアップを書き込み、検証しました')).toBeVisible();
  await expect(page.getByText('最後の検証済みバックアップ：今日')).toBeVisible();
  expect(existsSync(join(dir, 'new-computer.mamori-backup'))).toBe(true);
  await shot(page, 'ja-backups');

  await page.getByRole('button', { name: ui.restoreOpen }).click();
  await expect(page.getByRole('dialog', { name: ui.restoreDialog })).toBeVisible();
  await shot(page, 'ja-backup-restore-dialog');
  await page.getByRole('dialog').getByRole('button', { name: ui.cancel }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await rotateDataKey(page, ui, 'ja');

  expect(app.blockedRequests).toEqual([]);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
});

test('a new workstation is restored from a backup in English, through the same form', async () => {
  dir = tempDir('mamori-e2e-backup-en-');
  const backupFile = join(dir, 'from-the-safe.mamori-backup');
  await vaultWithBackup(join(dir, 'old-computer'), 'en', backupFile);
  app = await launchApp({ dataDir: join(dir, 'new-computer'), locale: 'en' });
  const { page, dialogs } = app;
  const ui = UI.en;

  await page.getByRole('button', { name: 'Restore from a backup…' }).click();
  await page.getByRole('textbox', { name: ui.restoreUsername }).fill(ADMIN.username);
  await page.getByRole('textbox', { name: ui.restorePassphrase }).fill(ADMIN.passphrase);
  await shot(page, 'en-backup-first-run');
  dialogs.backupSource = backupFile;
  await page.getByRole('button', { name: ui.restoreSubmit }).click();
  await expect(page.getByText(ui.restored, { exact: true })).toBeVisible();
  await shot(page, 'en-backup-first-run-restored');
  await signIn(page, ui, ADMIN.passphrase);
  await expect(page.getByRole('navigation', { name: ui.mainNavigation })).toBeVisible();
  expect(app.blockedRequests).toEqual([]);
});

for (const locale of ['en', 'ja'] as const) {
  test(`a damaged vault is explained, and restored from its last verified backup (${locale})`, async () => {
    dir = tempDir(`mamori-e2e-damaged-${locale}-`);
    const dataDir = join(dir, 'vault');
    const backupFile = join(dir, 'last.mamori-backup');
    await vaultWithBackup(dataDir, locale, backupFile);
    // A flipped byte in the first page: SQLCipher's check refuses the file.
    const db = join(dataDir, 'mamori.db');
    const bytes = readFileSync(db);
    bytes[100] ^= 0xff;
    writeFileSync(db, bytes);

    app = await launchApp({ dataDir, locale });
    const { page, dialogs } = app;
    const ui = UI[locale];
    await signIn(page, ui, ADMIN.passphrase);
    await expect(page.getByRole('heading', { name: locale === 'ja' ? '保管庫を開けません' : 'The vault cannot be opened' })).toBeVisible();
    await expect(page.getByTestId('diagnostics-details')).toContainText('mamori.db');
    await expect(page.getByTestId('diagnostics-details')).not.toContainText(ADMIN.username);
    await shot(page, `${locale}-backup-damaged`);

    await page.getByRole('button', { name: locale === 'ja' ? '最後の検証済みバックアップを復元…' : 'Restore the last verified backup…' }).click();
    const vaultId = ((await page.getByText(locale === 'ja' ? /^この保管庫のID：/ : /^This vault's ID: /).innerText()).split(/[:：]\s*/)[1] ?? '').trim();
    expect(vaultId).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    await page.getByRole('textbox', { name: ui.restoreUsername }).fill(ADMIN.username);
    await page.getByRole('textbox', { name: ui.restorePassphrase }).fill(ADMIN.passphrase);
    await page.getByRole('textbox', { name: ui.restoreConfirm }).fill(vaultId);
    await shot(page, `${locale}-backup-damaged-restore`);
    dialogs.backupSource = backupFile;
    await page.getByRole('button', { name: ui.restoreSubmit }).click();

    await expect(page.getByText(ui.restored, { exact: true })).toBeVisible();
    await signIn(page, ui, ADMIN.passphrase);
    await expect(page.getByRole('navigation', { name: ui.mainNavigation })).toBeVisible();
    // The damaged file was kept aside exactly as it was.
    const aside = readdirSync(dataDir).filter((name) => name.startsWith('replaced-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dataDir, aside[0], 'mamori.db'))).toEqual(bytes);

    expect(app.blockedRequests).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  });
}
