/**
 * People, permissions and the audit trail, as the acceptance: an administrator adds accounts
 * and hands over temporary passphrases, each person replaces theirs at first sign-in, and an auditor
 * finds all of it in a verified, exportable trail. Then recovery with the recovery key, and a shorter
 * run in Japanese for the screenshots.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../electron/core/index';
import { ADMIN as FIXTURE_ADMIN, newVault, ok, removeDir, tempDir } from '../fixtures/vault';
import { launchApp, screenshotPath, type LaunchedApp } from './harness';
import { submitCreateVault } from './ui';

/** The few labels these journeys use, as a person reads them on screen. */
const UI = {
  en: {
    username: 'User name',
    passphrase: 'Passphrase',
    signIn: 'Sign in',
    signOut: 'Sign out',
    displayName: 'Display name',
    role: 'Role',
    addUser: 'Add user',
    temporaryPassphrase: 'Temporary passphrase',
    done: 'Done',
    newPassphrase: 'New passphrase',
    confirmNewPassphrase: 'Confirm new passphrase',
    setPassphrase: 'Set passphrase and continue',
    setYourPassphrase: 'Set your passphrase',
    users: 'Users',
    auditTrail: 'Audit trail',
    verify: 'Verify chain',
    useRecoveryKey: 'Use recovery key',
    mainNavigation: 'Main navigation',
  },
  ja: {
    username: 'ユーザー名',
    passphrase: 'パスフレーズ',
    signIn: 'サインイン',
    signOut: 'サインアウト',
    displayName: '表示名',
    role: '役割',
    addUser: 'ユーザーを追加',
    temporaryPassphrase: '仮パスフレーズ',
    done: '完了',
    newPassphrase: '新しいパスフレーズ',
    confirmNewPassphrase: '新しいパスフレーズ（確認）',
    setPassphrase: 'パスフレーズを設定して続ける',
    setYourPassphrase: 'パスフレーズの設定',
    users: 'ユーザー',
    auditTrail: '監査証跡',
    verify: 'チェーンを検証',
    useRecoveryKey: '回復キーを使用する',
    mainNavigation: 'メインメニュー',
  },
} as const;
type Ui = (typeof UI)[keyof typeof UI];

/** Fictional people only. */
const ADMIN = { username: 'admin.mori', displayName: 'Mori Aoi', passphrase: 'e2e admin passphrase 42' };
const SUPERVISOR = { username: 'sup.kimura', displayName: 'Kimura Ren', role: 'Supervisor' };
const OFFICER = { username: 'officer.ueda', displayName: 'Ueda Mio', role: 'Case officer', passphrase: 'officer own passphrase 7' };
const AUDITOR = { username: 'aud.hayashi', displayName: 'Hayashi Jun', role: 'Auditor', passphrase: 'auditor own passphrase 9' };

const CSV_HEADER = 'seq,at,actor_id,actor_name,actor_role,action,case_ref,target,details,mac';

let app: LaunchedApp;
let dir: string;
test.afterEach(async () => {
  await app?.close();
  removeDir(dir);
});

/** The whole page, including what lies below the fold, so a look at the file shows every line of the screen. */
function shot(page: Page, name: string) {
  return page.screenshot({ path: screenshotPath(name), fullPage: true });
}

async function createVaultThroughUi(page: Page): Promise<void> {
  const key = await submitCreateVault(page, ADMIN);
  await page.getByRole('checkbox', { name: 'I have written down the recovery key and stored it safely' }).check();
  await page.getByRole('textbox', { name: 'Last group of the recovery key' }).fill(key.slice(-4));
  await page.getByRole('button', { name: 'Continue to sign in' }).click();
}

async function signIn(page: Page, ui: Ui, username: string, passphrase: string) {
  await page.getByRole('textbox', { name: ui.username }).fill(username);
  await page.getByRole('textbox', { name: ui.passphrase, exact: true }).fill(passphrase);
  await page.getByRole('button', { name: ui.signIn, exact: true }).click();
}

async function signOut(page: Page, ui: Ui) {
  await page.getByRole('button', { name: ui.signOut }).click();
  await expect(page.getByRole('button', { name: ui.signIn, exact: true })).toBeVisible();
}

/** Adds an account on the Users screen; resolves with the temporary passphrase, its panel still open. */
async function addUser(page: Page, ui: Ui, person: { username: string; displayName: string; role: string }) {
  await page.getByRole('textbox', { name: ui.username }).fill(person.username);
  await page.getByRole('textbox', { name: ui.displayName }).fill(person.displayName);
  await page.getByRole('combobox', { name: ui.role }).selectOption({ label: person.role });
  await page.getByRole('button', { name: ui.addUser }).click();
  const temporary = (await page.getByRole('status', { name: ui.temporaryPassphrase }).innerText()).trim();
  expect(temporary).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){3}$/);
  return temporary;
}

async function closeHandover(page: Page, ui: Ui, temporary: string) {
  await page.getByRole('button', { name: ui.done }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await page.content()).not.toContain(temporary);
}

/** First sign-in: only the passphrase form until a passphrase of one's own is set. */
async function replaceTemporary(page: Page, ui: Ui, temporary: string, passphrase: string, screenshot?: string) {
  await expect(page.getByRole('heading', { name: ui.setYourPassphrase })).toBeVisible();
  await expect(mainNavigation(page, ui)).toHaveCount(0);
  await page.getByRole('textbox', { name: ui.temporaryPassphrase }).fill(temporary);
  await page.getByRole('textbox', { name: ui.newPassphrase, exact: true }).fill(passphrase);
  await page.getByRole('textbox', { name: ui.confirmNewPassphrase }).fill(passphrase);
  if (screenshot) await shot(page, screenshot);
  await page.getByRole('button', { name: ui.setPassphrase }).click();
  await expect(mainNavigation(page, ui)).toBeVisible();
}

function mainNavigation(page: Page, ui: Ui) {
  return page.getByRole('navigation', { name: ui.mainNavigation });
}

function auditRows(page: Page) {
  return page.getByRole('table', { name: 'Audit trail entries' }).locator('tbody tr');
}

async function showEntries(page: Page, filter: { who?: string; what?: string }) {
  await page.getByRole('combobox', { name: 'Who' }).selectOption({ label: filter.who ?? 'Anyone' });
  await page.getByRole('combobox', { name: 'What' }).selectOption({ label: filter.what ?? 'Any action' });
  await page.getByRole('button', { name: 'Show entries' }).click();
}

test('an administrator adds people, each sets a passphrase, an auditor verifies and exports the trail', async () => {
  dir = tempDir('mamori-e2e-');
  app = await launchApp({ dataDir: join(dir, 'vault'), locale: 'en' });
  const { page } = app;
  const ui = UI.en;

  await createVaultThroughUi(page);
  await signIn(page, ui, ADMIN.username, ADMIN.passphrase);
  // An administrator starts on Users and sees no case-work sections.
  await expect(page.getByRole('heading', { name: 'Users', level: 2 })).toBeVisible();
  await expect(mainNavigation(page, ui).getByRole('button')).toHaveText(['Users', 'Backups and keys', 'Retention', 'Statistics', 'Audit trail', 'Settings']);

  const supervisorTemp = await addUser(page, ui, SUPERVISOR);
  await shot(page, 'en-users-temporary-passphrase');
  await closeHandover(page, ui, supervisorTemp);
  const officerTemp = await addUser(page, ui, OFFICER);
  await closeHandover(page, ui, officerTemp);
  const officerRow = page.getByRole('row').filter({ hasText: OFFICER.username });
  await expect(officerRow.getByRole('cell')).toHaveText([OFFICER.displayName, OFFICER.username, 'Case officer', 'Active', 'Yes', 'No', 'Actions']);
  await shot(page, 'en-users');
  await signOut(page, ui);

  await signIn(page, ui, OFFICER.username, officerTemp);
  await replaceTemporary(page, ui, officerTemp, OFFICER.passphrase, 'en-change-passphrase');
  await expect(mainNavigation(page, ui).getByRole('button', { name: 'My work' })).toBeVisible();
  await expect(mainNavigation(page, ui).getByRole('button', { name: 'Users' })).toHaveCount(0);
  await signOut(page, ui);

  await signIn(page, ui, ADMIN.username, ADMIN.passphrase);
  await expect(officerRow.getByRole('cell').nth(4)).toHaveText('No');
  const auditorTemp = await addUser(page, ui, AUDITOR);
  await closeHandover(page, ui, auditorTemp);
  await signOut(page, ui);

  await signIn(page, ui, AUDITOR.username, auditorTemp);
  await replaceTemporary(page, ui, auditorTemp, AUDITOR.passphrase);
  await expect(page.getByRole('heading', { name: 'Audit trail', level: 2 })).toBeVisible();
  await expect(mainNavigation(page, ui).getByRole('button')).toHaveText(['Audit trail', 'Settings']);

  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Chain intact' })).toContainText(/Intact: \d+ entries, head #\d+ \([0-9a-f]{16}\)/);
  await shot(page, 'en-audit-trail');

  await showEntries(page, { what: 'User created' });
  await expect(auditRows(page)).toHaveCount(3);
  await expect(auditRows(page).nth(0)).toContainText(`User: ${AUDITOR.displayName}`);

  await showEntries(page, { what: 'Signed in' });
  for (const name of [ADMIN.displayName, OFFICER.displayName, AUDITOR.displayName]) {
    await expect(auditRows(page).filter({ hasText: name }).first()).toBeVisible();
  }
  await showEntries(page, { what: 'Signed out' });
  for (const name of [ADMIN.displayName, OFFICER.displayName]) await expect(auditRows(page).filter({ hasText: name }).first()).toBeVisible();

  await showEntries(page, { who: `${OFFICER.displayName} (Case officer)` });
  await expect(auditRows(page).getByRole('cell', { name: 'Signed out', exact: true })).toHaveCount(1);
  // The reason recorded with it, translated: not "reason: sign-out".
  await expect(auditRows(page).getByRole('cell', { name: 'Reason: Signed out', exact: true })).toHaveCount(1);
  await expect(auditRows(page).getByRole('cell', { name: 'Passphrase changed' })).toHaveCount(1);
  await expect(auditRows(page).getByRole('cell', { name: 'Signed in' })).toHaveCount(1);
  // The officer's home view lists their work: reading it is recorded too.
  await expect(auditRows(page).getByRole('cell', { name: 'My work viewed' })).toHaveCount(1);
  // Setting their own passphrase, the officer made their own signing key and their key for sealed information.
  await expect(auditRows(page).getByRole('cell', { name: 'Signing key registered' })).toHaveCount(1);
  await expect(auditRows(page).getByRole('cell', { name: 'Key for sealed information registered' })).toHaveCount(1);
  await expect(auditRows(page).getByRole('cell', { name: OFFICER.displayName, exact: true })).toHaveCount(6);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^mamori-audit-\d{8}-\d{6}\.csv$/);
  const lines = readFileSync(await download.path(), 'utf8').trimEnd().split('\r\n');
  // A byte-order mark first, so spreadsheet software on Japanese Windows reads UTF-8.
  expect(lines[0]).toBe(`\uFEFF${CSV_HEADER}`);
  expect(lines).toHaveLength(7);
  expect(lines.slice(1).every((line) => line.includes(OFFICER.displayName))).toBe(true);
  await expect(page.getByText('Rows exported: 6.')).toBeVisible();

  // At the auditor's next sign-in, the routine check covers only what was added since that verification.
  await signOut(page, ui);
  await signIn(page, ui, AUDITOR.username, AUDITOR.passphrase);
  await expect(page.getByRole('status').filter({ hasText: 'Checked at sign-in' })).toHaveText(
    /^Checked at sign-in: entries #\d+ to #\d+, added since checkpoint #\d+, are intact \(their MACs and signatures\)\./,
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
  await shot(page, 'en-audit-routine-check');

  expect(app.blockedRequests).toEqual([]);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
});

test('the recovery key sets a new administrator passphrase; a wrong key is refused', async () => {
  dir = tempDir('mamori-e2e-');
  const { dataDir, core, recoveryKey } = await newVault({ dataDir: join(dir, 'vault') });
  await core.close();
  app = await launchApp({ dataDir, locale: 'en' });
  const { page } = app;
  const ui = UI.en;
  const newPassphrase = 'recovered admin passphrase 5';

  await page.getByRole('button', { name: ui.useRecoveryKey }).click();
  await page.getByRole('textbox', { name: 'Administrator user name' }).fill(FIXTURE_ADMIN.username);
  // Same shape, other last group: a key that parses but does not open the vault.
  const wrongKey = recoveryKey.slice(0, -4) + (recoveryKey.endsWith('0000') ? '1111' : '0000');
  await page.getByRole('textbox', { name: 'Recovery key' }).fill(wrongKey);
  await page.getByRole('textbox', { name: ui.newPassphrase, exact: true }).fill(newPassphrase);
  await page.getByRole('textbox', { name: ui.confirmNewPassphrase }).fill(newPassphrase);
  await shot(page, 'en-recovery');
  await page.getByRole('button', { name: 'Set new passphrase' }).click();
  await expect(page.getByRole('alert')).toContainText('This recovery key does not open the vault');
  await expect(page.getByRole('textbox', { name: 'Recovery key' })).toHaveValue('');

  // As written on paper: lower case, groups separated by spaces.
  await page.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: 'Set new passphrase' }).click();

  // The used key no longer opens the vault: a new one is shown once, and must be written down.
  await expect(page.getByText('The recovery key you just used no longer opens the vault.', { exact: false })).toBeVisible();
  const newKey = (await page.getByRole('status', { name: 'Recovery key' }).innerText()).replace(/\s+/g, '');
  expect(newKey).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
  expect(newKey).not.toBe(recoveryKey);
  await page.getByRole('checkbox', { name: 'I have written down the recovery key and stored it safely' }).check();
  await page.getByRole('textbox', { name: 'Last group of the recovery key' }).fill(newKey.slice(-4));
  await page.getByRole('button', { name: 'Continue to sign in' }).click();
  expect(await page.content()).not.toContain(newKey);
  await expect(page.getByRole('status').filter({ hasText: 'Passphrase replaced' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: ui.username })).toHaveValue(FIXTURE_ADMIN.username);

  await signIn(page, ui, FIXTURE_ADMIN.username, FIXTURE_ADMIN.passphrase);
  await expect(page.getByText('The user name or passphrase is not correct.')).toBeVisible();
  await signIn(page, ui, FIXTURE_ADMIN.username, newPassphrase);
  await expect(page.getByRole('banner').getByText(FIXTURE_ADMIN.displayName)).toBeVisible();

  expect(app.blockedRequests).toEqual([]);
});

test('in Japanese: users, temporary passphrase, first sign-in, recovery and a verified trail', async () => {
  dir = tempDir('mamori-e2e-');
  const dataDir = join(dir, 'vault');
  const setup = createCore({ dataDir, locale: 'ja' });
  await ok(setup, 'vault:create', { ...ADMIN, locale: 'ja' });
  await setup.close();
  app = await launchApp({ dataDir, locale: 'ja' });
  const { page } = app;
  const ui = UI.ja;

  await signIn(page, ui, ADMIN.username, ADMIN.passphrase);
  await expect(page.getByRole('heading', { name: ui.users, level: 2 })).toBeVisible();
  const officerTemp = await addUser(page, ui, { ...OFFICER, displayName: '上田 美緒', role: '担当官' });
  await shot(page, 'ja-users-temporary-passphrase');
  await closeHandover(page, ui, officerTemp);
  const auditorTemp = await addUser(page, ui, { ...AUDITOR, displayName: '林 純', role: '監査担当者' });
  await closeHandover(page, ui, auditorTemp);
  await shot(page, 'ja-users');
  await signOut(page, ui);

  await page.getByRole('button', { name: ui.useRecoveryKey }).click();
  await expect(page.getByRole('heading', { name: '回復キーによる回復' })).toBeVisible();
  await shot(page, 'ja-recovery');
  await page.getByRole('button', { name: 'サインインに戻る' }).click();

  await signIn(page, ui, AUDITOR.username, auditorTemp);
  await replaceTemporary(page, ui, auditorTemp, AUDITOR.passphrase, 'ja-change-passphrase');
  await expect(page.getByRole('heading', { name: ui.auditTrail, level: 2 })).toBeVisible();
  await page.getByRole('button', { name: ui.verify }).click();
  await expect(page.getByRole('status').filter({ hasText: '改ざんは検出されませんでした' })).toContainText(/正常：\d+件/);
  await expect(page.getByRole('cell', { name: 'ユーザーの作成' })).toHaveCount(2);
  await shot(page, 'ja-audit-trail');

  await signOut(page, ui);
  await signIn(page, ui, AUDITOR.username, AUDITOR.passphrase);
  await expect(page.getByRole('status').filter({ hasText: 'サインイン時の確認' })).toContainText(/チェックポイント #\d+ 以降に追加された記録 #\d+〜#\d+ に改ざんはありません/);
  await shot(page, 'ja-audit-routine-check');

  expect(app.blockedRequests).toEqual([]);
});
