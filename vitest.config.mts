import { defineConfig } from 'vitest/config';

// Timeouts are sized for a loaded 2-core CI machine, never for speed: a test that waits, waits for an
// event (a promise, a findBy), so a generous limit costs nothing when the test passes and only turns a
// slow machine from a failure into a pass. Speed is measured in `npm run bench`, not here.
// `npm test` runs the integration project apart from unit and component (tests/run-stages.mjs), so
// scrypt-heavy vault tests never compete with jsdom renders for the same two cores.
const LOADED_MACHINE_MS = 60_000;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          // tests/packaging: the release configuration, read as files (no Electron, no vault).
          include: ['electron/**/*.test.ts', 'tests/packaging/**/*.test.ts'],
          testTimeout: LOADED_MACHINE_MS,
          hookTimeout: LOADED_MACHINE_MS,
        },
      },
      {
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['renderer/test/setup.ts'],
          testTimeout: LOADED_MACHINE_MS,
          hookTimeout: LOADED_MACHINE_MS,
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          // Keyslots made by the tests use a lower scrypt cost (tests/fixtures/fast-kdf.ts).
          setupFiles: ['tests/fixtures/fast-kdf.ts'],
          // Vault tests still run scrypt (child processes of the CLI tests at the full cost).
          testTimeout: 3 * LOADED_MACHINE_MS,
          hookTimeout: 3 * LOADED_MACHINE_MS,
        },
      },
    ],
  },
});
