import { test, expect } from '@playwright/test';
import { join } from 'node:path';
import { launchApp, type LaunchedApp } from './harness';
import { removeDir, tempDir } from '../fixtures/vault';

let app: LaunchedApp;
let dir: string;
test.beforeEach(async () => {
  dir = tempDir('mamori-e2e-');
  app = await launchApp({ dataDir: join(dir, 'vault') });
});
test.afterEach(async () => {
  await app.close();
  removeDir(dir);
});

test('the page reaches nothing outside its origin and has no Node, only the contract bridge', async () => {
  const { page } = app;
  await page.waitForFunction(() => document.body.innerText.trim().length > 0);
  const probe = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const unknown = await (w.mamori as { invoke(c: string, i: unknown): Promise<{ ok: boolean; error?: { code: string } }> }).invoke('fs:readFile', {});
    let fetchBlocked = false;
    try {
      await fetch('https://example.org/x');
    } catch {
      fetchBlocked = true;
    }
    return {
      require: typeof w.require,
      process: typeof w.process,
      bridgeKeys: Object.keys(w.mamori as object).sort(),
      unknownChannel: unknown.error?.code,
      fetchBlocked,
      storage: [localStorage.length, sessionStorage.length],
    };
  });
  expect(probe).toEqual({ require: 'undefined', process: 'undefined', bridgeKeys: ['invoke', 'on'], unknownChannel: 'UNKNOWN_CHANNEL', fetchBlocked: true, storage: [0, 0] });
  // The CSP (connect-src 'none') stops the fetch before it is even requested.
  expect(app.blockedRequests).toEqual([]);
});

test('the app loads with zero requests outside the fake origin', async () => {
  await app.page.waitForLoadState('networkidle');
  await app.page.waitForFunction(() => document.body.innerText.trim().length > 0);
  expect(app.blockedRequests).toEqual([]);
});
