/** Steps through the UI (and staff set up through core) that several E2E suites share. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { UserAccount } from '../../electron/common/accounts';
import type { CaseDetail } from '../../electron/common/caseDetail';
import type { MamoriCoreApi } from '../../electron/core/index';
import { join } from 'node:path';
import { newVault, ok, removeDir, signInAdmin } from '../fixtures/vault';
import { launchApp, type LaunchedApp, type LaunchOptions } from './harness';

export interface StaffMember {
  username: string;
  displayName: string;
  passphrase: string;
  role: 'officer' | 'supervisor';
}

/** Staff accounts made through core, each with its own passphrase and language already set. Returns their ids. */
export async function createStaff(core: MamoriCoreApi, members: readonly StaffMember[], locale: 'en' | 'ja'): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  await signInAdmin(core);
  for (const u of members) {
    const made = await ok<{ user: UserAccount; temporaryPassphrase: string }>(core, 'users:create', { username: u.username, displayName: u.displayName, role: u.role });
    ids[u.username] = made.user.id;
    await ok(core, 'session:signOut');
    await ok(core, 'session:signIn', { username: u.username, passphrase: made.temporaryPassphrase });
    await ok(core, 'session:changePassphrase', { currentPassphrase: made.temporaryPassphrase, newPassphrase: u.passphrase });
    await ok(core, 'users:setLocale', { locale });
    await ok(core, 'session:signOut');
    await signInAdmin(core);
  }
  await ok(core, 'session:signOut');
  return ids;
}

const SIGN_IN = {
  en: { username: 'User name', passphrase: 'Passphrase', submit: 'Sign in' },
  ja: { username: 'ユーザー名', passphrase: 'パスフレーズ', submit: 'サインイン' },
} as const;

/**
 * Signs in through the sign-in screen in `locale`. The screen's language is chosen on it first: the
 * page shares its core with the test, so accounts the test signs in and out through core leave the
 * screen in the language of whichever came last, which a loaded machine may order either way.
 */
export async function signIn(page: Page, who: { username: string; passphrase: string }, locale: 'en' | 'ja'): Promise<void> {
  const l = SIGN_IN[locale];
  await page.getByText(locale === 'en' ? 'English' : '日本語', { exact: true }).click();
  await page.getByRole('textbox', { name: l.username }).fill(who.username);
  await page.getByRole('textbox', { name: l.passphrase, exact: true }).fill(who.passphrase);
  await page.getByRole('button', { name: l.submit, exact: true }).click();
}

/** Intake's first step in Japanese: the names, sex, nationality and one language, chosen as a user would. */
export async function fillIntakePersonJa(page: Page, p: { familyName: string; givenName: string; sex: string; nationality: string; language: string }): Promise<void> {
  await page.getByRole('textbox', { name: '姓（ローマ字）' }).fill(p.familyName);
  await page.getByRole('textbox', { name: '名（ローマ字）' }).fill(p.givenName);
  await page.getByRole('combobox', { name: '性別' }).selectOption({ label: p.sex });
  await page.getByRole('combobox', { name: '国籍' }).click();
  await page.getByRole('option', { name: p.nationality, exact: true }).click();
  await page.getByRole('combobox', { name: '使用言語' }).click();
  await page.getByRole('option', { name: p.language, exact: true }).click();
  await page.keyboard.press('Escape');
}

/**
 * Types a date into a date field from the keyboard, key by key as an officer would (2026/11/29,
 * 20261129, 令和8年11月29日…), and leaves the field with Tab, which closes its calendar.
 */
export async function typeDate(field: Locator, typed: string): Promise<void> {
  await field.fill('');
  await field.pressSequentially(typed);
  await field.press('Tab');
}

/** Fills the create-vault form, submits it, and returns the recovery key shown once. */
export async function submitCreateVault(page: Page, admin: { username: string; displayName: string; passphrase: string }): Promise<string> {
  await page.getByRole('textbox', { name: 'Administrator user name' }).fill(admin.username);
  await page.getByRole('textbox', { name: 'Display name' }).fill(admin.displayName);
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(admin.passphrase);
  await page.getByRole('textbox', { name: 'Confirm passphrase' }).fill(admin.passphrase);
  await page.getByRole('button', { name: 'Create vault' }).click();
  const key = (await page.getByRole('status', { name: 'Recovery key' }).innerText()).replace(/\s+/g, '');
  expect(key).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
  return key;
}

/**
 * One app on a vault of its own per test (an administrator already created), closed and removed
 * after each test. Call at the top level of a spec file.
 */
export function appPerTest(afterEach: (fn: () => Promise<void>) => void): (opts: Omit<LaunchOptions, 'dataDir'>) => Promise<LaunchedApp> {
  let app: LaunchedApp | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await app?.close();
    if (dataDir) removeDir(join(dataDir, '..'));
    app = undefined;
    dataDir = undefined;
  });
  return async (opts) => {
    const made = await newVault();
    dataDir = made.dataDir;
    await made.core.close();
    app = await launchApp({ dataDir, ...opts });
    return app;
  };
}

/**
 * What a residence decision rests on, recorded through core by whoever is signed in (DOMAIN.md §1):
 * danger on return high, condition moderate, cooperating with prosecutors, a wish to remain; then
 * the case moves on to the decision stage (or up to `until`, for a suite that takes the last step itself).
 */
export async function readyForDecision(
  core: MamoriCoreApi,
  d: CaseDetail,
  words: { authorityReference: string; ownWords: string; conditionNotes?: string },
  until: 'protection' | 'decision' = 'decision',
): Promise<CaseDetail> {
  for (const [kind, level, extra] of [
    ['danger-on-return', 'high', {}],
    ['condition-and-protection', 'moderate', { notes: words.conditionNotes ?? '' }],
    ['cooperation', 'high', { cooperationStatus: 'cooperating', authorityReference: words.authorityReference }],
  ] as const) {
    d = await ok<CaseDetail>(core, 'protection:recordConsideration', { caseId: d.id, version: d.version, consideration: { kind, level, evidence: '記録あり（架空）', assessedOn: '2026-11-20', ...extra } });
  }
  d = await ok<CaseDetail>(core, 'protection:recordWish', { caseId: d.id, version: d.version, wish: { wish: 'remain', ownWords: words.ownWords, expressedOn: '2026-11-20' } });
  const stages = ['identification', 'protection', 'decision'] as const;
  for (const to of stages.slice(0, stages.indexOf(until) + 1)) d = await ok<CaseDetail>(core, 'cases:transition', { caseId: d.id, version: d.version, to });
  return d;
}
