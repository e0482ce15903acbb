/**
 * Retention, legal hold and purge through the UI and the real core (issue 13): a supervisor closes a
 * case with its outcome; an administrator sets the period; core's clock moves past it; the case is
 * in the purge list; a supervisor's legal hold keeps it; released, the administrator purges it and
 * it is gone; the audit trail has the purge with the reference and dates only, and the export register
 * keeps the copy's row with the reference but no recipient or purpose. The case itself is opened (and
 * its summary exported) through core: their own suites drive those through the UI. All data is fictional.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { CaseDetail } from '../../electron/common/caseDetail';
import type { ExportEntry } from '../../electron/common/contract.exports';
import type { MamoriCoreApi } from '../../electron/core/index';
import { intake } from '../fixtures/cases';
import { ADMIN, code, ok, removeDir, tempDir } from '../fixtures/vault';
import { screenshotPath, type LaunchedApp } from './harness';
import { appPerTest, createStaff, signIn } from './ui';

const OFFICER = { username: 'officer.sakai', displayName: 'Sakai Rina', passphrase: 'officer sakai e2e passphrase', role: 'officer' } as const;
const SUPERVISOR = { username: 'sup.okada', displayName: 'Okada Ken', passphrase: 'supervisor okada e2e passphrase', role: 'supervisor' } as const;
const RETURNED = 'Returned home (assisted voluntary return included)';
const HOLD_REASON = 'Prosecution of the recruiter is pending (fictional)';
const DAY = 86_400_000;

test.use({ actionTimeout: 15_000 });

const startApp = appPerTest(test.afterEach);

/** A case opened by the officer and assigned to the supervisor, through core. */
async function openedCase(core: MamoriCoreApi, familyName: string): Promise<CaseDetail> {
  await ok(core, 'session:signIn', { username: OFFICER.username, passphrase: OFFICER.passphrase });
  const c = await ok<CaseDetail>(core, 'cases:create', intake({ familyName, givenName: 'Lea Fictiva' }));
  await ok(core, 'session:signOut');
  return c;
}

const RECIPIENT = 'Shelter Aoba (fictional)';
const PURPOSE = 'Handover for a shelter stay (fictional)';

/** The officer saves the shelter-handover summary of the case as a PDF, through core (the harness renders it). */
async function exported(app: LaunchedApp, c: CaseDetail): Promise<ExportEntry> {
  const out = tempDir('mamori-retention-export-');
  try {
    app.dialogs.savePath = join(out, 'handover.pdf');
    await ok(app.core, 'session:signIn', { username: OFFICER.username, passphrase: OFFICER.passphrase });
    const entry = await ok<ExportEntry>(app.core, 'exports:savePdf', { caseId: c.id, profile: 'shelter-handover', recipient: RECIPIENT, purpose: PURPOSE, locale: 'en' });
    await ok(app.core, 'session:signOut');
    return entry;
  } finally {
    removeDir(out);
  }
}

async function signOut(page: Page, label = 'Sign out') {
  await page.getByRole('button', { name: label }).click();
}

/** A dialog is shot in the viewport: its overlay is fixed, so a full-page shot would leave the rest of the page uncovered. */
async function shot(page: Page, name: string, fullPage = true) {
  // From the top, or the fixed header is drawn where the page happened to be scrolled.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage, animations: 'disabled' });
}

const purgeRows = (page: Page) => page.getByTestId('purge-row');

test('a closed case past its period is listed, held, released, purged and gone, with the purge in the audit trail', async () => {
  test.setTimeout(240_000);
  const clock = { now: Date.parse('2026-11-26T09:00:00Z') };
  const app = await startApp({ locale: 'en', now: () => clock.now, viewport: { width: 1360, height: 900 } });
  const { page, core } = app;
  await createStaff(core, [OFFICER, SUPERVISOR], 'en');
  const c = await openedCase(core, 'TORRES');
  const copy = await exported(app, c);

  // ── The supervisor closes the case: how it ended is required.
  await signIn(page, SUPERVISOR, 'en');
  await page.getByRole('button', { name: 'Cases', exact: true }).click();
  await page.getByRole('row', { name: new RegExp(c.reference) }).click();
  await page.getByRole('tab', { name: 'Stage & assignment' }).click();
  await page.getByRole('group', { name: 'Stage moves' }).getByRole('button', { name: 'Close the case' }).click();
  const close = page.getByRole('dialog', { name: 'Close the case' });
  await close.getByRole('radio', { name: RETURNED }).check();
  await close.getByRole('textbox', { name: /Reason/ }).fill('Returned home with IOM support (fictional)');
  await shot(page, 'en-retention-close-dialog', false);
  await close.getByRole('button', { name: 'Close the case' }).click();
  await expect(close).toBeHidden();
  await expect(page.getByTestId('header-closing')).toHaveText(`Closed on Nov 26, 2026: ${RETURNED}`);
  await signOut(page);

  // ── The administrator sets two years for a return home; nothing is due yet.
  await signIn(page, ADMIN, 'en');
  await page.getByRole('button', { name: 'Retention', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Retention and purge', level: 2 })).toBeVisible();
  await expect(page.getByText('No closed case is past its retention period.')).toBeVisible();
  await page.getByRole('textbox', { name: `Period for ${RETURNED}` }).fill('2');
  await page.getByRole('button', { name: 'Save the periods' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  // Mantine's segmented control hides its radios: the user clicks the segment's label.
  await page.getByText('Due within a year', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Due within a year' })).toBeChecked();
  await expect(page.getByText('No closed case falls due in this period.')).toBeVisible();
  await shot(page, 'en-retention-periods');
  await signOut(page);

  // ── Two years and a few days later (core's clock), the supervisor finds it in the list and holds it.
  clock.now += 2 * 365 * DAY + 5 * DAY;
  await signIn(page, SUPERVISOR, 'en');
  await page.getByRole('button', { name: 'Retention', exact: true }).click();
  await expect(purgeRows(page)).toHaveCount(1);
  await expect(purgeRows(page).first()).toContainText(c.reference);
  await expect(purgeRows(page).first()).toContainText('Ended Nov 26, 2028');
  await page.getByRole('button', { name: `Place a legal hold on ${c.reference}` }).click();
  const place = page.getByRole('dialog', { name: `Place a legal hold on ${c.reference}` });
  await place.getByRole('textbox', { name: /Reason/ }).fill(HOLD_REASON);
  await place.getByRole('button', { name: 'Place the hold' }).click();
  await expect(place).toBeHidden();
  await expect(purgeRows(page).first()).toContainText(HOLD_REASON);
  await shot(page, 'en-retention-supervisor-hold');
  await signOut(page);

  // ── The administrator cannot purge it while it is held.
  await signIn(page, ADMIN, 'en');
  await page.getByRole('button', { name: 'Retention', exact: true }).click();
  await expect(page.getByTestId('purge-summary')).toHaveText('Can be purged now: 0. Kept under a legal hold: 1.');
  await expect(page.getByRole('button', { name: 'Purge 0 cases now…' })).toBeDisabled();
  await expect(page.getByRole('button', { name: `Purge case ${c.reference}` })).toHaveCount(0);
  await shot(page, 'en-retention-admin-held');
  expect(await code(core.dispatch('retention:purge', { caseIds: [c.id], reason: 'Bypassing the screen' }))).toBe('LEGAL_HOLD');
  await signOut(page);

  // ── The supervisor releases the hold from the case page.
  await signIn(page, SUPERVISOR, 'en');
  await page.getByRole('button', { name: 'Retention', exact: true }).click();
  await page.getByRole('button', { name: `Open case ${c.reference}` }).click();
  await expect(page.getByRole('tab', { name: 'Retention & legal hold', selected: true })).toBeVisible();
  await expect(page.getByTestId('case-hold')).toContainText(HOLD_REASON);
  await shot(page, 'en-retention-case-tab-held');
  await page.getByRole('button', { name: 'Release the hold…' }).click();
  const release = page.getByRole('dialog', { name: `Release the legal hold on ${c.reference}` });
  await release.getByRole('textbox', { name: /Reason/ }).fill('Prosecution concluded (fictional)');
  await release.getByRole('button', { name: 'Release the hold' }).click();
  await expect(release).toBeHidden();
  await expect(page.getByTestId('case-hold')).toContainText('No legal hold');
  await expect(page.getByText(/Prosecution concluded \(fictional\)/)).toBeVisible();
  await signOut(page);

  // ── The administrator purges it: reason, typed number, for ever.
  await signIn(page, ADMIN, 'en');
  await page.getByRole('button', { name: 'Retention', exact: true }).click();
  await page.getByRole('button', { name: 'Purge 1 case now…' }).click();
  const purge = page.getByRole('dialog', { name: 'Purge 1 case file' });
  await expect(purge.getByTestId('purge-cases')).toContainText(c.reference);
  await purge.getByRole('textbox', { name: /Reason/ }).fill('Retention period ended');
  await expect(purge.getByRole('button', { name: 'Purge for ever' })).toBeDisabled();
  await purge.getByRole('textbox', { name: 'Type 1 to confirm' }).fill('1');
  await shot(page, 'en-retention-purge-dialog', false);
  await purge.getByRole('button', { name: 'Purge for ever' }).click();
  await expect(purge).toBeHidden();
  await expect(page.getByText('Purged 1 case')).toBeVisible();
  await expect(page.getByText('No closed case is past its retention period.')).toBeVisible();
  await shot(page, 'en-retention-purged');

  // ── The audit trail: the purge with the reference, outcome and dates; the holds with their reasons.
  await page.getByRole('button', { name: 'Audit trail', exact: true }).click();
  await page.getByRole('textbox', { name: 'Case reference' }).fill(c.reference);
  await page.getByRole('button', { name: 'Show entries' }).click();
  const entries = page.getByRole('table', { name: 'Audit trail entries' }).locator('tbody tr');
  const purged = entries.filter({ hasText: 'Case purged at the end of its retention period' });
  await expect(purged).toHaveCount(1);
  // Labelled and translated, as core resolved them: no raw key or code.
  await expect(purged).toContainText('Outcome: Returned home (assisted voluntary return included)');
  await expect(purged).toContainText(/Closed at: Nov 2[67], 2026/);
  await expect(purged).not.toContainText('returned-home');
  await expect(purged).not.toContainText('TORRES');
  await expect(entries.filter({ hasText: 'Legal hold placed' })).toContainText(HOLD_REASON);
  await shot(page, 'en-retention-audit');
  await signOut(page);

  // ── The case is gone for the supervisor too; the export register keeps the copy's row, by reference only.
  await signIn(page, SUPERVISOR, 'en');
  await page.getByRole('button', { name: 'Cases', exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(c.reference) })).toHaveCount(0);
  await page.getByRole('button', { name: 'Exports', exact: true }).click();
  const register = page.getByTestId('export-register-row');
  await expect(register).toHaveCount(1);
  await expect(register).toContainText(copy.number);
  await expect(register).toContainText(c.reference);
  await expect(register.getByTestId('export-case-purged')).toHaveText(
    'Case purged on Nov 30, 2028 at the end of its retention period: the recipient and purpose went with it.',
  );
  await expect(register).not.toContainText(RECIPIENT);
  await expect(register).not.toContainText(PURPOSE);
  await shot(page, 'en-retention-export-register');
  expect(await code(core.dispatch('cases:get', { caseId: c.id }))).toBe('NOT_FOUND');
  expect(app.blockedRequests).toEqual([]);
});

test('in Japanese: a supervisor closes a case with its outcome; an administrator shortens a period and purges it by typing its reference; a held case stays', async () => {
  test.setTimeout(180_000);
  const clock = { now: Date.parse('2026-11-26T09:00:00Z') };
  const app = await startApp({ locale: 'ja', now: () => clock.now, viewport: { width: 1360, height: 900 } });
  const { page, core } = app;
  await createStaff(core, [OFFICER, SUPERVISOR], 'ja');
  await ok(core, 'session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  await ok(core, 'users:setLocale', { locale: 'ja' });
  await ok(core, 'session:signOut');
  const [held, returned] = [await openedCase(core, 'KATO'), await openedCase(core, 'ITO')];
  await ok(core, 'session:signIn', { username: SUPERVISOR.username, passphrase: SUPERVISOR.passphrase });
  await ok(core, 'cases:transition', { caseId: held.id, version: held.version, to: 'closed', reason: '終結（架空）', outcome: 'not-identified' });
  await ok(core, 'retention:placeHold', { caseId: held.id, reason: '不服申立て係属中（架空）' });
  await ok(core, 'session:signOut');

  // ── The supervisor closes the other case through the dialog: the outcome is required.
  await signIn(page, SUPERVISOR, 'ja');
  await page.getByRole('button', { name: '事案', exact: true }).click();
  await page.getByRole('row', { name: new RegExp(returned.reference) }).click();
  await page.getByRole('tab', { name: '段階・担当' }).click();
  await page.getByRole('group', { name: '段階の変更' }).getByRole('button', { name: '事案を終結する' }).click();
  const close = page.getByRole('dialog', { name: '事案を終結する' });
  await close.getByRole('textbox', { name: /理由/ }).fill('帰国支援により帰国（架空）');
  await close.getByRole('button', { name: '事案を終結する' }).click();
  await expect(close.getByText('事案の終結区分を選んでください。')).toBeVisible();
  await close.getByRole('radio', { name: '帰国（帰国支援による帰国を含む）' }).check();
  await shot(page, 'ja-retention-close-dialog', false);
  await close.getByRole('button', { name: '事案を終結する' }).click();
  await expect(close).toBeHidden();
  await expect(page.getByTestId('header-closing')).toHaveText('2026/11/26に終結：帰国（帰国支援による帰国を含む）');
  await signOut(page, 'サインアウト');

  // ── Three years on, the held case is due but kept; a return home (5 years) is not due yet.
  clock.now += 3 * 365 * DAY + 10 * DAY;
  await signIn(page, ADMIN, 'ja');
  await page.getByRole('button', { name: '保存期間・廃棄', exact: true }).click();
  await expect(page.getByRole('heading', { name: '保存期間と廃棄', level: 2 })).toBeVisible();
  await expect(page.getByTestId('purge-summary')).toHaveText('今すぐ廃棄できる事案：0件。廃棄保留中：1件。');
  await expect(purgeRows(page)).toHaveCount(1);
  await expect(purgeRows(page).first()).toContainText('不服申立て係属中（架空）');

  // Two years for a return home: the closed case is now due.
  const period = page.getByRole('textbox', { name: '帰国（帰国支援による帰国を含む）の保存期間' });
  await expect(period).toHaveValue('5');
  await period.fill('2');
  await page.getByRole('button', { name: '保存期間を保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '保存しました。' })).toBeVisible();
  await expect(page.getByTestId('purge-summary')).toHaveText('今すぐ廃棄できる事案：1件。廃棄保留中：1件。');
  await expect(page.getByRole('button', { name: `事案 ${held.reference} を廃棄` })).toHaveCount(0);
  await page.setViewportSize({ width: 1360, height: 1600 });
  await shot(page, 'ja-retention-admin');

  // ── The purge of one case asks for its reference, typed.
  await page.getByRole('button', { name: `事案 ${returned.reference} を廃棄` }).click();
  const purge = page.getByRole('dialog', { name: '事案記録1件の廃棄' });
  await purge.getByRole('textbox', { name: /理由/ }).fill('保存期間の満了');
  await purge.getByRole('textbox', { name: `確認のため ${returned.reference} と入力してください` }).fill(returned.reference.slice(0, -1));
  await expect(purge.getByRole('button', { name: '完全に廃棄する' })).toBeDisabled();
  await purge.getByRole('textbox', { name: `確認のため ${returned.reference} と入力してください` }).fill(returned.reference);
  await page.setViewportSize({ width: 1360, height: 900 });
  await shot(page, 'ja-retention-purge-dialog', false);
  await purge.getByRole('button', { name: '完全に廃棄する' }).click();
  await expect(purge).toBeHidden();
  await expect(page.getByText('1件を廃棄しました')).toBeVisible();
  await expect(page.getByTestId('purge-summary')).toHaveText('今すぐ廃棄できる事案：0件。廃棄保留中：1件。');
  await expect(purgeRows(page)).toHaveCount(1);
  await expect(purgeRows(page).first()).toContainText(held.reference);
  await signOut(page, 'サインアウト');

  // ── The held case's page shows the supervisor its closing, its due day and the hold.
  await signIn(page, SUPERVISOR, 'ja');
  await page.getByRole('button', { name: '事案', exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(returned.reference) })).toHaveCount(0);
  expect(await code(core.dispatch('cases:get', { caseId: returned.id }))).toBe('NOT_FOUND');
  await page.getByRole('row', { name: new RegExp(held.reference) }).click();
  await page.getByRole('tab', { name: '保存・廃棄保留' }).click();
  await expect(page.getByTestId('case-hold')).toContainText('不服申立て係属中（架空）');
  await expect(page.getByTestId('case-retention')).toContainText('被害者と認定されなかった');
  await expect(page.getByTestId('case-retention')).toContainText('保存期間は2029/11/26に満了しました');
  await shot(page, 'ja-retention-case-tab');
  expect(app.blockedRequests).toEqual([]);
});
