/**
 * The protection workflow as an officer works it, in English: an interpreter in the registry, an
 * interview for a Tagalog-speaking woman blocked by its safeguards and then ready, a declined
 * interview that leaves no adverse mark, and the three considerations and the wishes. All data is
 * fictional.
 */
import { expect, test, type Locator } from '@playwright/test';
import type { CaseDetail } from '../../electron/common/caseDetail';
import { intake } from '../fixtures/cases';
import { ok } from '../fixtures/vault';
import { screenshotPath } from './harness';
import { appPerTest, createStaff, signIn, typeDate } from './ui';

const KATO = { username: 'officer.kato', displayName: 'Officer Kato', passphrase: 'officer kato e2e passphrase', role: 'officer' } as const;
const MORI = { username: 'officer.mori', displayName: 'Officer Mori', passphrase: 'officer mori e2e passphrase', role: 'officer' } as const;
const INTERPRETER = 'Interp Dela Cruz Fictiva';

test.use({ actionTimeout: 15_000 });

const startApp = appPerTest(test.afterEach);

const item = (card: Locator, name: string) => card.getByTestId(`readiness-${name}`);

test('interview safeguards block, then allow; a declined interview leaves no adverse mark; considerations and wishes are recorded', async () => {
  test.setTimeout(180_000);
  const app = await startApp({ locale: 'en' });
  const { page, core } = app;
  await createStaff(core, [KATO, MORI], 'en');
  // The case itself comes from intake (tested elsewhere): a woman whose native language is Tagalog.
  await ok(core, 'session:signIn', { username: KATO.username, passphrase: KATO.passphrase });
  const c = await ok<CaseDetail>(core, 'cases:create', intake({ sex: 'female', familyName: 'SANTOS' }));
  await ok(core, 'session:signOut');

  await signIn(page, KATO, 'en');
  await expect(page.getByRole('heading', { name: 'My work' })).toBeVisible();

  // The interpreter registry.
  await page.getByRole('button', { name: 'Interpreters', exact: true }).click();
  await page.getByRole('button', { name: 'Add interpreter' }).click();
  const form = page.getByTestId('interpreter-form');
  await form.getByRole('textbox', { name: 'Name' }).fill(INTERPRETER);
  await form.getByRole('combobox', { name: 'Languages' }).click();
  await page.getByRole('option', { name: 'Tagalog' }).click();
  await page.keyboard.press('Escape');
  await typeDate(form.getByRole('textbox', { name: 'Confidentiality pledge signed on' }), '2026-01-10');
  await form.getByRole('textbox', { name: 'Phone' }).fill('000-0000-0000');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('table', { name: 'Interpreter registry' }).getByText(INTERPRETER)).toBeVisible();
  await page.screenshot({ path: screenshotPath('en-interpreters') });

  // The case: plan an interview with only a male officer and no interpreter.
  await page.getByRole('button', { name: 'Cases', exact: true }).click();
  await page.getByRole('row', { name: new RegExp(c.reference) }).click();
  await expect(page.getByText('High').first()).toBeVisible();
  const header = page.locator('header').filter({ hasText: c.reference });
  const headerBefore = await header.innerText();
  await page.getByRole('tab', { name: 'Interviews' }).click();
  await page.getByRole('button', { name: 'Plan an interview' }).click();
  const plan = page.getByTestId('interview-plan-form');
  await typeDate(plan.getByRole('textbox', { name: 'Date', exact: true }), '2027-01-15');
  await plan.getByRole('textbox', { name: 'Time (24-hour clock)' }).fill('10:00');
  await plan.getByRole('textbox', { name: 'Room' }).fill('Interview room 3');
  await plan.getByRole('combobox', { name: 'Type of place' }).selectOption({ label: 'Private interview room at the agency' });
  await plan.getByRole('checkbox', { name: 'Nobody outside the interview can see or hear it' }).check();
  await plan.getByRole('checkbox', { name: KATO.displayName }).check();
  await plan.getByRole('combobox', { name: `Sex of ${KATO.displayName}` }).selectOption({ label: 'Male' });
  await plan.getByRole('combobox', { name: "The victim's condition today" }).selectOption({ label: 'Stable: questioning is possible' });
  await plan.getByRole('checkbox', { name: /^Rights explained/ }).check();
  await expect(plan.getByTestId('readiness-summary')).toContainText('Cannot start: 2 safeguards are not met');
  await plan.getByRole('button', { name: 'Save plan' }).click();

  const card = page.getByRole('article', { name: /^Interview planned for/ });
  await expect(card).toBeVisible();
  await expect(item(card, 'interpreter')).toContainText("Interpreter of the victim's native language");
  await expect(item(card, 'interpreter')).toContainText('Not met');
  await expect(item(card, 'female-officer')).toContainText('A female officer present for a female victim');
  await expect(item(card, 'female-officer')).toContainText('Not met');
  await expect(item(card, 'private-place')).toContainText('Met');
  await expect(card.getByRole('button', { name: 'Start interview' })).toBeDisabled();
  await page.screenshot({ path: screenshotPath('en-interview-blocked'), fullPage: true });

  // Fix both: a female officer joins, and the Tagalog interpreter.
  await card.getByRole('button', { name: 'Edit plan' }).click();
  const edit = page.getByTestId('interview-plan-form');
  await edit.getByRole('checkbox', { name: MORI.displayName }).check();
  await edit.getByRole('combobox', { name: `Sex of ${MORI.displayName}` }).selectOption({ label: 'Female' });
  await edit.getByRole('combobox', { name: 'Interpreter', exact: true }).selectOption({ label: `${INTERPRETER} — Tagalog` });
  await expect(edit.getByTestId('readiness-summary')).not.toContainText('Cannot start');
  await edit.getByRole('button', { name: 'Save plan' }).click();
  await expect(item(card, 'interpreter')).toContainText('Met');
  await expect(item(card, 'female-officer')).toContainText('Met');
  await expect(card.getByText('Ready', { exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Start interview' })).toBeEnabled();
  await page.screenshot({ path: screenshotPath('en-interview-ready'), fullPage: true });

  // The victim declines: recorded as such, and nothing adverse anywhere.
  await card.getByRole('button', { name: 'Record outcome' }).click();
  const outcome = page.getByTestId('interview-record-form');
  await expect(outcome.getByRole('radio')).toHaveCount(2);
  await outcome.getByRole('radio', { name: 'Declined by the victim' }).check();
  await expect(outcome.getByTestId('decline-reassurance')).toContainText("Declining is the victim's right. Nothing adverse is recorded.");
  await outcome.getByRole('button', { name: 'Save outcome' }).click();
  await expect(card.getByText('Declined by the victim').first()).toBeVisible();
  await expect(card.getByText('Not met')).toHaveCount(0);
  expect(await header.innerText()).toBe(headerBefore);
  await expect(page.getByText(/refus|uncooperative|non-cooperat|failed to/i)).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('en-interview-declined'), fullPage: true });
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('tabpanel').getByText(/declin/i)).toHaveCount(0);

  // The three considerations and the wish.
  await page.getByRole('tab', { name: 'Considerations and wishes' }).click();
  await expect(page.getByTestId('protection-summary')).toContainText('Still to record');
  for (const [kind, level, evidence] of [
    ['danger-on-return', 'High', 'Recruiter threatened her family in the home town.'],
    ['condition-and-protection', 'Moderate', 'Sleep disturbance; sees a counsellor weekly.'],
    ['cooperation', 'High', 'Gave a statement to prefectural police.'],
  ] as const) {
    const cardK = page.getByTestId(`consideration-${kind}`);
    await cardK.getByRole('button', { name: 'Record assessment' }).click();
    const f = page.getByRole('form', { name: /^Record assessment:/ });
    await f.getByRole('combobox', { name: 'Level' }).selectOption({ label: level });
    await f.getByRole('textbox', { name: 'Evidence' }).fill(evidence);
    if (kind === 'cooperation') {
      await f.getByRole('combobox', { name: 'Cooperation status' }).selectOption({ label: 'Cooperating' });
      await f.getByRole('textbox', { name: 'Police or prosecutor reference' }).fill('PP-FICT-77');
    }
    await f.getByRole('button', { name: 'Save assessment' }).click();
    await expect(f).toHaveCount(0);
    await expect(cardK.getByText(evidence)).toBeVisible();
  }
  await page.getByRole('region', { name: "The victim's wishes" }).getByRole('button', { name: "Record the victim's wish" }).click();
  const wish = page.getByRole('form', { name: "Record the victim's wish" });
  await wish.getByRole('radio', { name: 'Wishes to remain in Japan' }).check();
  await wish.getByRole('textbox', { name: /own words/ }).fill('I want to stay and work somewhere safe.');
  await wish.getByRole('combobox', { name: 'Interpreter' }).selectOption({ index: 1 });
  await wish.getByRole('button', { name: 'Save wish' }).click();
  await expect(page.getByTestId('protection-summary')).toContainText("All three considerations and the victim's wish are recorded.");
  await page.screenshot({ path: screenshotPath('en-considerations-wishes'), fullPage: true });

  // Stored in the vault: still there after signing out and in again.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, KATO, 'en');
  await page.getByRole('button', { name: 'Cases', exact: true }).click();
  await page.getByRole('row', { name: new RegExp(c.reference) }).click();
  await page.getByRole('tab', { name: 'Considerations and wishes' }).click();
  await expect(page.getByText('I want to stay and work somewhere safe.')).toBeVisible();
  await expect(page.getByTestId('consideration-danger-on-return').getByText('Recruiter threatened her family in the home town.')).toBeVisible();

  expect(app.blockedRequests).toEqual([]);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
});
