/**
 * What a folder-level insider leaves behind, as an administrator and an auditor meet it: a deleted
 * rollback record stops sign-in until an administrator accepts it with a reason, and an anchor
 * written down earlier shows that the trail was cut back.
 */
import { expect, test } from '@playwright/test';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, newVault, ok, removeDir, signInAdmin, tempDir } from '../fixtures/vault';
import { launchApp, screenshotPath, type LaunchedApp } from './harness';
import { signIn } from './ui';

let app: LaunchedApp | undefined;
let dir: string | undefined;
test.afterEach(async () => {
  await app?.close();
  if (dir) removeDir(dir);
  app = undefined;
  dir = undefined;
});

test('a deleted head.json is refused until an administrator accepts it with a reason; an anchor finds the trail cut back', async () => {
  dir = tempDir('mamori-e2e-insider-');
  const { dataDir, core } = await newVault({ dataDir: join(dir, 'vault') });
  // The state an insider will later put back, and then more work after it.
  await signInAdmin(core);
  await ok(core, 'session:signOut');
  const older = ['mamori.db', 'head.json'].map((f) => [f, readFileSync(join(dataDir, f))] as const);
  await signInAdmin(core);
  await ok(core, 'settings:update', { autoLockMinutes: 9 });
  const { headSeq, headMacPrefix } = await ok<{ headSeq: number; headMacPrefix: string }>(core, 'audit:verify', {});
  const anchor = `${headSeq}:${headMacPrefix.slice(0, 8)}`;
  await ok(core, 'session:signOut');
  await core.close();

  // The rollback record deleted: sign-in says so and asks an administrator for a reason.
  rmSync(join(dataDir, 'head.json'));
  app = await launchApp({ dataDir, locale: 'en' });
  const { page } = app;
  await signIn(page, ADMIN, 'en');
  await expect(page.getByRole('alert')).toContainText("The vault's rollback record (head.json) is missing.");
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('textbox', { name: /Reason for accepting the missing record/ }).fill('Disk replaced on 2026-11-28, ticket 42');
  await page.screenshot({ path: screenshotPath('en-head-missing') });
  await page.getByRole('button', { name: 'Accept and sign in' }).click();
  await expect(page.getByRole('banner').getByText(ADMIN.displayName)).toBeVisible();
  // Closing the app locks and closes the vault, and waits for it (the Sign out button would not:
  // the screen locks at once and core closes the file after).
  await app.close();

  // The whole folder put back as it was before the anchor (a closed vault: no -wal or -shm beside it):
  // the record agrees with the database, the anchor does not.
  for (const [f, bytes] of older) writeFileSync(join(dataDir, f), bytes);
  for (const f of ['mamori.db-wal', 'mamori.db-shm']) rmSync(join(dataDir, f), { force: true });
  app = await launchApp({ dataDir, locale: 'en' });
  await signIn(app.page, ADMIN, 'en');
  await app.page.getByRole('button', { name: 'Audit trail' }).click();
  await app.page.getByRole('textbox', { name: /Anchors to check/ }).fill(anchor);
  await app.page.getByRole('button', { name: 'Verify chain' }).click();
  const alert = app.page.getByRole('alert');
  await expect(alert).toContainText('The trail does not contain what was anchored');
  await expect(alert).toContainText(`Anchor ${anchor}: the trail has no entry #${headSeq} any more. The database was rolled back to an older copy.`);
  await app.page.screenshot({ path: screenshotPath('en-anchor-missing') });
  expect(app.blockedRequests).toEqual([]);
});
