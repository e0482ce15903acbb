// Lint, and the layer rules of DESIGN.md §1 as errors: a wrong import between layers fails the build.
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const SOURCE = '{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const TESTS = [`**/*.test.${SOURCE}`];
/** Deep enough for every folder we have; a deeper file would simply not be layer-checked, so keep it generous. */
const MAX_DEPTH = 8;

const ELECTRON = {
  regex: '^electron(/.*)?$',
  caseSensitive: true,
  message: 'Layer rule (DESIGN §1): only electron/main and electron/preload may import electron.',
};

const NODE_BUILTINS = {
  regex: `^(node:.*|(${builtinModules.join('|')})(/.*)?)$`,
  caseSensitive: true,
  message: 'Layer rule (DESIGN §1): this layer runs outside Node and may not import Node built-ins.',
};

/**
 * no-restricted-imports has no resolver, so "may import only X" is written per folder depth:
 * from <layer>/<d subfolders>/file, exactly d+1 `../` reach the layer's parent folder, and the next
 * segment must be an allowed sibling. Anything else that climbs out of the layer is refused.
 */
function climbsOut(depth, allowed, message) {
  const up = `^(\\./)?(\\.\\./){${depth}}\\.\\.`;
  const notAllowed = allowed.length > 0 ? `(?!(${allowed.join('|')}))` : '';
  return { regex: `${up}(/${notAllowed}|$)`, caseSensitive: true, message };
}

/**
 * One config block per depth of `dir`, all setting @typescript-eslint/no-restricted-imports
 * (which understands `import type`). `patterns(depth, isTest)` returns that block's patterns.
 */
function layer(dir, patterns) {
  const blocks = [];
  for (let depth = 0; depth <= MAX_DEPTH; depth += 1) {
    const glob = `${dir}/${'*/'.repeat(depth)}*.${SOURCE}`;
    for (const isTest of [false, true]) {
      blocks.push({
        files: isTest ? [`${dir}/${'*/'.repeat(depth)}*.test.${SOURCE}`] : [glob],
        ...(isTest ? {} : { ignores: TESTS }),
        rules: {
          'no-restricted-imports': 'off',
          '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns(depth, isTest) }],
        },
      });
    }
  }
  return blocks;
}

const only = (from, to) => `Layer rule (DESIGN §1): ${from} may import only ${to}.`;

const STORAGE_MESSAGE =
  'Nothing may persist in the renderer (STYLE.md, Stores): keep state in zustand stores; core owns the vault.';
const STORAGE = ['localStorage', 'sessionStorage', 'indexedDB'];

export default defineConfig(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },

  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  { files: [`electron/**/*.${SOURCE}`, `tests/**/*.${SOURCE}`, `*.${SOURCE}`], languageOptions: { globals: globals.node } },
  { files: [`renderer/**/*.${SOURCE}`, `electron/preload/**/*.${SOURCE}`], languageOptions: { globals: globals.browser } },

  {
    files: [`renderer/**/*.{ts,tsx,js,jsx}`],
    ...reactHooks.configs.flat.recommended,
  },

  ...layer('electron/common', (depth) => [
    climbsOut(depth, [], only('electron/common', 'itself (and npm packages)')),
    ELECTRON,
    NODE_BUILTINS,
  ]),

  ...layer('electron/core', (depth) => [
    climbsOut(depth, ['common(/|$)'], only('electron/core', 'electron/common and itself')),
    ELECTRON,
  ]),

  ...layer('electron/main', (depth) => [
    climbsOut(depth, ['core(/|$)', 'common(/|$)'], only('electron/main', 'electron/core, electron/common and electron')),
  ]),

  ...layer('electron/cli', (depth) => [
    climbsOut(depth, ['core(/|$)', 'common(/|$)'], only('electron/cli', 'electron/core and electron/common')),
    ELECTRON,
  ]),

  // A sandboxed preload can require nothing but electron: at run time it may import only electron and the
  // dependency-free channel list; the rest of electron/common only as types (erased from the bundle).
  ...layer('electron/preload', (depth, isTest) => [
    climbsOut(
      depth,
      ['common/channels(\\.ts)?$'],
      only('electron/preload', 'electron, electron/common/channels and, as types, electron/common'),
    ),
    {
      regex: `^(\\./)?(\\.\\./){${depth + 1}}common/(?!channels(\\.ts)?$)`,
      caseSensitive: true,
      allowTypeImports: true,
      message: 'The sandboxed preload may import electron/common only as types (`import type`), except channels.ts.',
    },
    {
      regex: isTest ? '^(?!\\.|electron$|electron/|vitest$)' : '^(?!\\.|electron$|electron/)',
      caseSensitive: true,
      message: 'A sandboxed preload can require only electron: bundle nothing else into it.',
    },
  ]),

  ...layer('renderer', (depth) => [
    climbsOut(depth, ['electron/common(/|$)'], only('renderer', 'electron/common (and npm packages)')),
    ELECTRON,
    NODE_BUILTINS,
  ]),
  {
    files: [`renderer/**/*.${SOURCE}`],
    rules: {
      'no-restricted-globals': ['error', ...STORAGE.map((name) => ({ name, message: STORAGE_MESSAGE }))],
      'no-restricted-properties': ['error', ...STORAGE.map((property) => ({ property, message: STORAGE_MESSAGE }))],
    },
  },
);
