import { defineConfig } from '@playwright/test';

// `npm run smoke` only (tests/smoke/run.ts): the built app in a real Electron. Not part of `npm test`,
// whose Playwright configuration reads tests/e2e alone.
export default defineConfig({
  testDir: '.',
  testMatch: '*.smoke.ts',
  timeout: 300_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: 'list',
  outputDir: '../../test-results/smoke',
});
