import { defineConfig } from '@playwright/test';

// The browser is Debian's Chromium, launched by tests/e2e/harness.ts; Playwright downloads nothing.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 2,
  fullyParallel: true,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
  outputDir: 'test-results/playwright',
});
