/**
 * What a folder-level insider leaves behind, as an administrator and an auditor meet it: a deleted
 * rollback record stops sign-in until an administrator accepts it with a reason, an anchor
 * written down earlier shows that the trail was cut back, and an entry edited since the last
 * verification is named by the routine check at the next administrator's sign-in.
 */
import { expect, test } from '@playwright/test';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withRawVault } from '../fixtures/raw';
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
  // Enough work after it that the entries the next sign-ins add (its routine check among them) do not reach the anchor.
  for (const minutes of [9, 10, 11, 12, 13, 14]) await ok(core, 'settings:update', { autoLockMinutes: minutes });
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

test('an entry edited behind the app since the last verification is named on every screen at the next administrator sign-in', async () => {
  dir = tempDir('mamori-e2e-insider-');
  const { dataDir, core } = await newVault({ dataDir: join(dir, 'vault') });
  await signInAdmin(core);
  await ok(core, 'audit:verify', {});
  await ok(core, 'settings:update', { autoLockMinutes: 9 });
  await ok(core, 'session:signOut');
  await core.close();
  // With the data key (a copied folder and a passphrase), the settings change is made to read otherwise: its MAC no longer matches.
  const seq = await withRawVault(dataDir, async (tx) => {
    await tx.exec('DROP TRIGGER audit_log_no_update');
    const row = (await tx.get<{ seq: number }>("SELECT seq FROM audit_log WHERE action = 'settings.updated' ORDER BY seq DESC LIMIT 1"))!;
    await tx.run('UPDATE audit_log SET details = ? WHERE seq = ?', ['{"autoLockMinutes":60}', row.seq]);
    return row.seq;
  });

  app = await launchApp({ dataDir, locale: 'en' });
  const { page } = app;
  await signIn(page, ADMIN, 'en');
  const alert = page.getByRole('alert').filter({ hasText: 'The audit trail failed its check at sign-in' });
  await expect(alert).toContainText(`Entry #${seq} does not verify: its MAC does not match: the entry, or the one before it, was altered.`);
  await expect(page.getByRole('heading', { name: 'Users', level: 2 })).toBeVisible();
  await page.screenshot({ path: screenshotPath('en-audit-routine-broken') });
  await alert.getByRole('button', { name: 'Open the audit trail' }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail', level: 2 })).toBeVisible();
  await expect(alert).toBeVisible();
  expect(app.blockedRequests).toEqual([]);
});

