/**
 * The keyboard-only journey (issue 16): an officer opens a case at intake, plans an interview and
 * submits a recommendation with Tab, Shift+Tab, Enter, Space, arrow keys, Escape and typing. No step
 * clicks, fills or selects through Playwright's pointer helpers; every control is reached by Tab
 * (`tabTo` fails, naming the control, when Tab never gets there), and every stop shows a visible
 * focus ring. The considerations and wish the recommendation rests on are recorded through core
 * between two sign-ins: their own suites drive them through the UI. All data is fictional.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { CaseDetail } from '../../electron/common/caseDetail';
import { ART_50_5_FACTORS } from '../../electron/common/guidance';
import { ok } from '../fixtures/vault';
import { screenshotPath } from './harness';
import { appPerTest, createStaff, readyForDecision } from './ui';

const OFFICER = { username: 'officer.kb', displayName: 'Aoi Keys', passphrase: 'officer keyboard e2e passphrase', role: 'officer' } as const;

test.use({ actionTimeout: 15_000 });

const startApp = appPerTest(test.afterEach);

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/**
 * Presses Tab (Shift+Tab with `back`) until `target` has the focus, then checks the focus can be
 * seen: an outline or a ring drawn on the control. Fails, naming the control, after `max` presses.
 */
async function tabTo(page: Page, target: Locator, opts: { back?: boolean; max?: number } = {}): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < (opts.max ?? 60); i++) {
    if (await isFocused(target)) {
      // The ring may be drawn by the field's own frame (a passphrase field's input sits inside it).
      const visible = await target.evaluate((el) => {
        if (!el.matches(':focus-visible')) return false;
        for (let e: Element | null = el, up = 0; e && up < 3; e = e.parentElement, up++) {
          const s = getComputedStyle(e);
          if ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none') return true;
        }
        return false;
      });
      expect(visible, `focus on ${target.toString()} is visible`).toBe(true);
      return;
    }
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Tabs to a field and types into it. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

/** Tabs to a native select and moves to the option with the arrow keys, as the keyboard allows on a closed select. */
async function choose(page: Page, select: Locator, label: string): Promise<void> {
  await tabTo(page, select);
  for (let i = 0; i < 40; i++) {
    // Read afresh each time: a placeholder option goes once a value is chosen.
    const [at, want] = await select.evaluate((el, l) => {
      const s = el as HTMLSelectElement;
      return [s.selectedIndex, [...s.options].findIndex((o) => o.text === l)];
    }, label);
    expect(want, `${select.toString()} offers "${label}"`).toBeGreaterThanOrEqual(0);
    if (at === want) break;
    await page.keyboard.press(at < want ? 'ArrowDown' : 'ArrowUp');
  }
  await expect(select.locator('option:checked')).toHaveText(label);
}

/** Tabs to a searchable list (a combobox), types, and takes the first match with the arrow key and Enter. */
async function pick(page: Page, combobox: Locator, typed: string, option: string): Promise<void> {
  await typeInto(page, combobox, typed);
  await expect(page.getByRole('option', { name: option, exact: true })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

/** Tabs to a button or checkbox and presses `key` on it (Enter for buttons, Space for checkboxes). */
async function press(page: Page, control: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, control);
  await page.keyboard.press(key);
}

/** Signs in from the keyboard; the user name may still be filled in from the last sign-in, so it is replaced. */
async function signIn(page: Page): Promise<void> {
  await tabTo(page, page.getByRole('textbox', { name: 'User name' }));
  await page.keyboard.press('Control+A');
  await page.keyboard.type(OFFICER.username);
  await typeInto(page, page.getByRole('textbox', { name: 'Passphrase', exact: true }), OFFICER.passphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

test('intake, an interview plan and a recommendation, with the keyboard alone', async () => {
  test.setTimeout(240_000);
  const app = await startApp({ locale: 'en' });
  const { page, core } = app;
  await createStaff(core, [OFFICER], 'en');
  await signIn(page);

  // Intake: Ctrl+N opens a new case; each step is filled and left with Enter on "Next".
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('heading', { name: 'New case' })).toBeVisible();
  await typeInto(page, page.getByRole('textbox', { name: 'Family name', exact: true }), 'TANAKAWA');
  await typeInto(page, page.getByRole('textbox', { name: 'Given name', exact: true }), 'Keyla Fictiva');
  await choose(page, page.getByRole('combobox', { name: 'Sex' }), 'Female');
  await pick(page, page.getByRole('combobox', { name: 'Nationality' }), 'Philipp', 'Philippines');
  await pick(page, page.getByRole('combobox', { name: 'Languages' }), 'Tagal', 'Tagalog');
  await page.keyboard.press('Escape');
  await page.screenshot({ path: screenshotPath('en-keyboard-intake-person') });
  await press(page, page.getByRole('button', { name: 'Next', exact: true }));
  await choose(page, page.getByRole('combobox', { name: 'Status of residence', exact: true }), 'Entertainer');
  await choose(page, page.getByRole('combobox', { name: 'Validity of the status' }), 'Expired: overstaying');
  await press(page, page.getByRole('button', { name: 'Next', exact: true }));
  await expect(page.getByRole('table', { name: 'Trafficking indicators' })).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Next', exact: true }));
  await press(page, page.getByRole('checkbox', { name: 'Sexual exploitation' }), 'Space');
  await expect(page.getByRole('checkbox', { name: 'Sexual exploitation' })).toBeChecked();
  await choose(page, page.getByRole('combobox', { name: 'Referred by' }), 'NGO or shelter');
  // A radio group is one Tab stop; the arrow keys move within it.
  await tabTo(page, page.getByRole('radio', { name: 'Possible victim' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Identified victim' })).toBeChecked();
  await press(page, page.getByRole('button', { name: 'Next', exact: true }));
  await press(page, page.getByRole('button', { name: 'Open case' }));
  await expect(page.getByText('Keyla Fictiva TANAKAWA').first()).toBeVisible();
  const reference = (await page.getByText(/TV-\d{4}-\d{4}/).first().innerText()).match(/TV-\d{4}-\d{4}/)![0];

  // The case's tabs answer the arrow keys: from the selected tab, right to "Interviews".
  const tabs = page.getByRole('tab');
  await tabTo(page, page.getByRole('tab', { selected: true }));
  for (let i = 0; i < 12 && !(await isFocused(page.getByRole('tab', { name: 'Interviews' }))); i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Interviews' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Interviews' })).toHaveAttribute('aria-selected', 'true');
  expect(await tabs.count()).toBeGreaterThan(3);

  // The interview plan.
  await press(page, page.getByRole('button', { name: 'Plan an interview' }));
  const plan = page.getByTestId('interview-plan-form');
  await typeInto(page, plan.getByRole('textbox', { name: 'Date', exact: true }), '2027-01-15');
  await page.keyboard.press('Escape');
  await typeInto(page, plan.getByRole('textbox', { name: 'Time (24-hour clock)' }), '10:00');
  await typeInto(page, plan.getByRole('textbox', { name: 'Room' }), 'Interview room 3');
  await choose(page, plan.getByRole('combobox', { name: 'Type of place' }), 'Private interview room at the agency');
  await press(page, plan.getByRole('checkbox', { name: 'Nobody outside the interview can see or hear it' }), 'Space');
  await press(page, plan.getByRole('checkbox', { name: OFFICER.displayName }), 'Space');
  await choose(page, plan.getByRole('combobox', { name: `Sex of ${OFFICER.displayName}` }), 'Female');
  await choose(page, plan.getByRole('combobox', { name: "The victim's condition today" }), 'Stable: questioning is possible');
  await press(page, plan.getByRole('checkbox', { name: /^Rights explained/ }), 'Space');
  await expect(plan.getByTestId('readiness-summary')).toContainText('Cannot start');
  await press(page, plan.getByRole('button', { name: 'Save plan' }));
  const card = page.getByRole('article', { name: /^Interview planned for/ });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Interview room 3');
  await page.screenshot({ path: screenshotPath('en-keyboard-interview-planned'), fullPage: true });

  // Sign out from the keyboard; what the recommendation rests on is recorded through core meanwhile.
  await press(page, page.getByRole('button', { name: 'Sign out' }));
  await expect(page.getByRole('textbox', { name: 'User name' })).toBeVisible();
  await ok(core, 'session:signIn', { username: OFFICER.username, passphrase: OFFICER.passphrase });
  const opened = await ok<{ rows: { id: string }[] }>(core, 'cases:list', { filter: { query: reference }, sort: 'updated', offset: 0, limit: 5 });
  const detail = await ok<CaseDetail>(core, 'cases:get', { caseId: opened.rows[0].id });
  await readyForDecision(core, detail, { authorityReference: 'DPO-FICT-7', ownWords: 'I want to stay and work safely.' });
  await ok(core, 'session:signOut');

  // Back in: Ctrl+K goes to case search; the reference, then Tab to its row and Enter.
  await signIn(page);
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox');
  await expect(search).toBeFocused();
  await page.keyboard.type(reference);
  // Enter searches at once: the list is then drawn anew for the search, not while Tab is on its way to it.
  await page.keyboard.press('Enter');
  const row = page.getByRole('row', { name: new RegExp(reference) });
  await expect(row).toHaveCount(1);
  await press(page, row);
  await expect(page.getByText('Keyla Fictiva TANAKAWA').first()).toBeVisible();
  await tabTo(page, page.getByRole('tab', { selected: true }));
  for (let i = 0; i < 12 && !(await isFocused(page.getByRole('tab', { name: 'Decision', exact: true }))); i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Decision', exact: true })).toHaveAttribute('aria-selected', 'true');

  // The worksheet: choose the pathway, fill the reasons, submit, confirm in the dialog.
  await press(page, page.getByTestId('guidance-choose-special-residence-permission'));
  await choose(page, page.getByTestId('decision-proposed-status'), 'Designated Activities');
  await typeInto(page, page.getByTestId('decision-proposed-period'), '1 year');
  for (const kind of ['danger-on-return', 'condition-and-protection', 'cooperation']) {
    await typeInto(page, page.getByTestId(`decision-reason-${kind}`), 'As recorded in the assessment and its evidence (fictional).');
  }
  for (const factor of ART_50_5_FACTORS) await typeInto(page, page.getByTestId(`decision-factor-${factor}`), `Weighed ${factor} on the record (fictional).`);
  await typeInto(page, page.getByTestId('decision-summary'), 'Special residence permission as a trafficking victim (fictional case).');
  await expect(page.getByTestId('decision-blockers')).toContainText('Nothing blocks submission.');
  const submit = page.getByTestId('decision-submit');
  await press(page, submit);
  const dialog = page.getByRole('dialog', { name: /Submit the recommendation/ });
  await expect(dialog).toBeVisible();
  // Escape closes the dialog and gives the focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(submit).toBeFocused();
  // The same when Escape comes the moment the dialog appears, before its content has taken the
  // focus (it does so a task later). A busy machine delivers real keys that early now and then; here
  // the page sends the key from the very change that adds the dialog, so the test does not depend
  // on timing.
  await page.evaluate(() => {
    new MutationObserver((changes, observer) => {
      if (!document.querySelector('[role="dialog"]')) return;
      observer.disconnect();
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      document.body.dataset.escapedAtOnce = 'yes';
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.keyboard.press('Enter');
  // The dialog did open (and was closed at once), or this step would prove nothing.
  await expect(page.locator('body')).toHaveAttribute('data-escaped-at-once', 'yes');
  await expect(dialog).toHaveCount(0);
  await expect(submit).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await press(page, dialog.getByRole('button', { name: 'Submit for approval' }));
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Recommendation awaiting approval' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('en-keyboard-submitted') });
});
