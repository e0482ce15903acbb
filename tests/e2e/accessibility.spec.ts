/**
 * Accessibility (issue 16): axe-core (WCAG 2.0/2.1 A and AA rules) on every screen of every role and
 * on the dialogs, in English and in Japanese, through the UI and the real core. A violation of
 * serious or critical impact fails the test; any other is allowed only when it is listed, with its
 * reason, in tests/e2e/axe-allowlist.json. Closing a dialog must give the focus back to the button
 * that opened it. The screens are reached as a user would: the navigation's buttons in order, the
 * case page's tabs in order. All data is fictional.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { CaseDetail } from '../../electron/common/caseDetail';
import { intake } from '../fixtures/cases';
import { ADMIN, ok, signInAdmin } from '../fixtures/vault';
import { appPerTest, createStaff, readyForDecision, signIn } from './ui';

type Locale = 'en' | 'ja';

const ROOT = join(__dirname, '..', '..');
const ALLOWLIST: { rule: string; reason: string }[] = JSON.parse(readFileSync(join(ROOT, 'tests/e2e/axe-allowlist.json'), 'utf8')).allowed;

/** A label as the UI shows it: `file` is a renderer i18n JSON file, `path` its dotted key. */
function label(locale: Locale, file: string, path: string): string {
  const json = JSON.parse(readFileSync(join(ROOT, file.replace('{lang}', locale)), 'utf8'));
  const value = path.split('.').reduce((node, key) => node?.[key], json);
  if (typeof value !== 'string') throw new Error(`no label ${path} in ${file}`);
  return value;
}
const shell = (locale: Locale, path: string) => label(locale, 'renderer/i18n/{lang}.json', path);
const organisations = (locale: Locale, path: string) => label(locale, 'renderer/features/organisations/i18n.{lang}.json', path);
const exportsLabel = (locale: Locale, path: string) => label(locale, 'renderer/features/exports/i18n.{lang}.json', path);

interface Finding {
  screen: string;
  rule: string;
  impact: string | null | undefined;
  targets: string[];
}

/** Runs axe on the page as it is now and keeps what it found under the screen's name. */
async function scan(page: Page, screen: string, findings: Finding[]): Promise<void> {
  // What the user sees once it has settled: a dialog fading in has half its contrast.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const v of result.violations) findings.push({ screen, rule: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) });
}

/** Opens a dialog with `opener`, scans it, closes it with Escape, and checks the focus went back to the opener. */
async function scanDialog(page: Page, opener: Locator, screen: string, findings: Finding[]): Promise<void> {
  await opener.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await scan(page, screen, findings);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
}

/** Every section of the signed-in user's navigation, in order (scanned), returned by name. */
async function scanSections(page: Page, who: string, findings: Finding[]): Promise<string[]> {
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('button').first()).toBeVisible();
  const names = await nav.getByRole('button').allInnerTexts();
  expect(names.length).toBeGreaterThan(1);
  for (const name of names) {
    await nav.getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await scan(page, `${who} › ${name}`, findings);
  }
  return names;
}

const OFFICER = { username: 'officer.a11y', displayName: 'Officer A11y (fictional)', passphrase: 'officer a11y e2e passphrase', role: 'officer' } as const;
const SUPERVISOR = { username: 'sup.a11y', displayName: 'Supervisor A11y (fictional)', passphrase: 'supervisor a11y e2e passphrase', role: 'supervisor' } as const;

test.use({ actionTimeout: 15_000 });

const startApp = appPerTest(test.afterEach);

for (const locale of ['en', 'ja'] as const) {
  test(`every screen and the dialogs pass axe (WCAG 2.1 A/AA) in ${locale === 'en' ? 'English' : 'Japanese'}`, async () => {
    test.setTimeout(300_000);
    const app = await startApp({ locale, viewport: { width: 1280, height: 900 } });
    const { page, core } = app;
    const findings: Finding[] = [];
    await createStaff(core, [OFFICER, SUPERVISOR], locale);
    await signInAdmin(core);
    await ok(core, 'users:setLocale', { locale });
    await ok(core, 'session:signOut');

    // A case with content on every tab, made by the officer through core.
    await ok(core, 'session:signIn', { username: OFFICER.username, passphrase: OFFICER.passphrase });
    let detail = await ok<CaseDetail>(core, 'cases:create', intake({ familyName: 'ACCESSIBLE', givenName: 'Fictional' }));
    detail = await readyForDecision(core, detail, { authorityReference: 'FICT-A11Y-1', ownWords: 'I want to stay (fictional).' });
    await ok(core, 'session:signOut');

    // ── Before sign-in (the screen follows the last account's language until one is chosen on it).
    await page.getByText(locale === 'en' ? 'English' : '日本語', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: locale === 'en' ? 'Sign in' : 'サインイン' })).toBeVisible();
    await scan(page, 'sign-in', findings);

    // ── The officer: every section, the intake form, the case page's tabs, and their dialogs.
    await signIn(page, OFFICER, locale);
    const officerSections = await scanSections(page, 'officer', findings);
    const nav = page.getByRole('navigation');
    await scanDialog(page, page.getByRole('button', { name: shell(locale, 'shell.shortcuts.open') }), 'officer › keyboard shortcuts', findings);
    await nav.getByRole('button', { name: officerSections[1], exact: true }).click();
    await page.keyboard.press('Control+n');
    await expect(page.getByRole('heading', { level: 2 })).toHaveCount(1);
    await scan(page, 'officer › new case', findings);
    await page.keyboard.press('Control+k');
    await page.getByRole('row').filter({ hasText: detail.reference }).first().click();
    const tabs = page.getByRole('tab');
    await expect(tabs.first()).toBeVisible();
    const tabNames = await tabs.allInnerTexts();
    expect(tabNames.length).toBeGreaterThan(3);
    for (const name of tabNames) {
      await page.getByRole('tab', { name, exact: true }).click();
      await scan(page, `officer › case › ${name}`, findings);
    }
    await scanDialog(page, page.getByRole('button', { name: exportsLabel(locale, 'open') }), 'officer › case › export summary', findings);
    await page.keyboard.press('Control+l');
    await expect(page.getByRole('textbox', { name: locale === 'en' ? 'Passphrase' : 'パスフレーズ', exact: true })).toBeVisible();
    await scan(page, 'locked', findings);
    await signIn(page, OFFICER, locale);
    await page.getByRole('button', { name: shell(locale, 'shell.signOut') }).click();

    // ── The supervisor: every section, and the registry's dialogs.
    await signIn(page, SUPERVISOR, locale);
    await scanSections(page, 'supervisor', findings);
    await nav.getByRole('button', { name: shell(locale, 'nav.organisations'), exact: true }).click();
    await scanDialog(page, page.getByRole('button', { name: organisations(locale, 'search.add') }), 'supervisor › add an organisation', findings);
    await page.getByRole('button', { name: shell(locale, 'shell.signOut') }).click();

    // ── The administrator: every section, and a new account's one-time passphrase.
    await signIn(page, ADMIN, locale);
    await scanSections(page, 'administrator', findings);
    await nav.getByRole('button', { name: shell(locale, 'nav.users'), exact: true }).click();
    await page.getByRole('textbox', { name: shell(locale, 'users.add.username') }).fill('auditor.a11y');
    await page.getByRole('textbox', { name: shell(locale, 'users.add.displayName') }).fill('Auditor A11y (fictional)');
    await page.getByRole('combobox', { name: shell(locale, 'users.add.role') }).selectOption('auditor');
    await page.getByRole('button', { name: shell(locale, 'users.add.submit') }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await scan(page, 'administrator › temporary passphrase', findings);

    const serious = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
    const unlisted = findings.filter((f) => !serious.includes(f) && !ALLOWLIST.some((a) => a.rule === f.rule));
    expect(serious, 'serious or critical violations').toEqual([]);
    expect(unlisted, 'violations not in tests/e2e/axe-allowlist.json').toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  });
}
