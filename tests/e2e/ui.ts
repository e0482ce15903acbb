/** Steps through the English UI that several E2E suites share. */
import { expect, type Page } from '@playwright/test';

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
