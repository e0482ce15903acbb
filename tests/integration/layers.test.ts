/**
 * The layer rules of DESIGN.md §1 are lint errors (eslint.config.mjs). These cases prove each
 * rule fires on a wrong import and stays quiet on a right one, through ESLint's own API.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.mjs') });
});

/** The errors ESLint reports for `code` as if it were the file at `filePath` (which need not exist). */
async function errors(filePath: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result.messages.filter((m) => m.severity === 2).map(({ ruleId, message }) => ({ ruleId, message }));
}

const IMPORTS = '@typescript-eslint/no-restricted-imports';

describe('layer rules: wrong imports fail', () => {
  it.each([
    ['renderer importing core', 'renderer/features/cases/CaseList.tsx', "import { createCore } from '../../../electron/core/index';\nexport { createCore };"],
    ['renderer importing main', 'renderer/App.tsx', "import { registerIpc } from '../electron/main/ipc';\nexport { registerIpc };"],
    ['renderer importing the preload', 'renderer/api/x.ts', "import '../../electron/preload/index';"],
    ['renderer importing a test fixture', 'renderer/ui/x.ts', "import { v } from '../../tests/fixtures/vault';\nexport { v };"],
    ['renderer importing electron', 'renderer/main.tsx', "import { ipcRenderer } from 'electron';\nexport { ipcRenderer };"],
    ['renderer importing node:fs', 'renderer/i18n/x.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };"],
    ['core importing electron', 'electron/core/vault/x.ts', "import { app } from 'electron';\nexport { app };"],
    ['core importing electron/main', 'electron/core/x.ts', "import { registerIpc } from '../main/ipc';\nexport { registerIpc };"],
    ['core (deep) importing the renderer', 'electron/core/a/b/c/x.ts', "import { call } from '../../../../../renderer/api/mamori';\nexport { call };"],
    ['core importing the cli', 'electron/core/users/x.ts', "export * from '../../cli/main';"],
    ['common importing node:fs', 'electron/common/x.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };"],
    ['common importing fs/promises', 'electron/common/x.ts', "import { readFile } from 'fs/promises';\nexport { readFile };"],
    ['common importing crypto', 'electron/common/rules/x.ts', "import { randomBytes } from 'crypto';\nexport { randomBytes };"],
    ['common importing electron', 'electron/common/x.ts', "import { app } from 'electron';\nexport { app };"],
    ['common importing core', 'electron/common/x.ts', "import { createCore } from '../core/index';\nexport { createCore };"],
    ['common importing core, even as a type', 'electron/common/x.ts', "import type { MamoriCoreApi } from '../core/core.types';\nexport type { MamoriCoreApi };"],
    ['the preload importing zod at run time', 'electron/preload/index.ts', "import { z } from 'zod';\nexport { z };"],
    ['the preload importing the contract at run time', 'electron/preload/index.ts', "import { contract } from '../common/contract';\nexport { contract };"],
    ['the preload importing core', 'electron/preload/index.ts', "import type { MamoriCoreApi } from '../core/core.types';\nexport type { MamoriCoreApi };"],
    ['the preload importing a Node built-in', 'electron/preload/index.ts', "import { join } from 'node:path';\nexport { join };"],
    ['main importing the preload', 'electron/main/x.ts', "import '../preload/index';"],
    ['main importing the renderer', 'electron/main/x.ts', "import { call } from '../../renderer/api/mamori';\nexport { call };"],
    ['the cli importing electron/main', 'electron/cli/commands/x.ts', "import { registerIpc } from '../../main/ipc';\nexport { registerIpc };"],
    ['the cli importing electron', 'electron/cli/main.ts', "import { app } from 'electron';\nexport { app };"],
  ])('%s', async (_name, filePath, code) => {
    const found = await errors(filePath, code);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => e.ruleId === IMPORTS)).toBe(true);
  });
});

describe('renderer storage: persisting state fails', () => {
  it.each([
    ['localStorage', "export const x = localStorage.getItem('cases');"],
    ['window.localStorage', "export const x = window.localStorage.getItem('cases');"],
    ['sessionStorage', "sessionStorage.setItem('q', 'x');"],
    ['indexedDB', "export const db = indexedDB.open('mamori');"],
    ['globalThis.indexedDB', "export const db = globalThis.indexedDB.open('mamori');"],
  ])('%s', async (_name, code) => {
    const found = await errors('renderer/stores/x.ts', code);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => e.ruleId === 'no-restricted-globals' || e.ruleId === 'no-restricted-properties')).toBe(
      true,
    );
  });
});

describe('layer rules: right imports pass', () => {
  it.each([
    [
      'renderer importing common and npm packages',
      'renderer/features/cases/CaseList.tsx',
      "import { useState } from 'react';\nimport { contract } from '../../../electron/common/contract';\nimport { call } from '../../api/mamori';\nexport { useState, contract, call };",
    ],
    [
      'core importing common, itself, Node and npm packages',
      'electron/core/vault/x.ts',
      "import { readFile } from 'node:fs/promises';\nimport { z } from 'zod';\nimport { contract } from '../../common/contract';\nimport { MamoriCore } from '../core';\nimport { m } from './main';\nexport { readFile, z, contract, MamoriCore, m };",
    ],
    [
      'common importing itself and zod',
      'electron/common/rules/x.ts',
      "import { z } from 'zod';\nimport { CHANNELS } from '../channels';\nexport { z, CHANNELS };",
    ],
    [
      'the preload importing electron, channels, and contract types',
      'electron/preload/index.ts',
      "import { contextBridge } from 'electron';\nimport { isChannel } from '../common/channels';\nimport type { MamoriApi } from '../common/contract';\nexport { contextBridge, isChannel };\nexport type { MamoriApi };",
    ],
    [
      'main importing electron, core, common and Node',
      'electron/main/x.ts',
      "import { join } from 'node:path';\nimport { app } from 'electron';\nimport { createCore } from '../core/index';\nimport { CHANNELS } from '../common/channels';\nexport { join, app, createCore, CHANNELS };",
    ],
    [
      'the cli importing core, common and its own main',
      'electron/cli/commands/x.ts',
      "import { createCore } from '../../core/index';\nimport { errorMessage } from '../../common/errors';\nimport { run } from '../main';\nexport { createCore, errorMessage, run };",
    ],
    [
      'a test importing anything',
      'tests/integration/x.test.ts',
      "import { app } from 'electron';\nimport { createCore } from '../../electron/core/index';\nimport { call } from '../../renderer/api/mamori';\nexport { app, createCore, call };",
    ],
  ])('%s', async (_name, filePath, code) => {
    expect(await errors(filePath, code)).toEqual([]);
  });
});
