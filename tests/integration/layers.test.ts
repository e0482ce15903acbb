/**
 * The import rules are lint errors (eslint.config.mjs, rule `local/imports`): the layers of
 * DESIGN.md §1, the direction inside electron/core and the direction among the
 * renderer's features. These cases prove each rule fires on a wrong import and stays quiet on a
 * right one, through ESLint's own API, on synthetic paths (the files need not exist).
 */
import { dirname, join, posix } from 'node:path';
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

const IMPORTS = 'local/imports';
const LAYER = 'Layer rule (DESIGN §1)';
const CORE = 'Core direction (README Architecture)';
const RENDERER = 'Renderer direction (README Architecture)';

/** A file 12 folders below `dir` (deeper than any rule written per depth would reach). */
const deep = (dir: string, name = 'x.ts') => `${dir}/${'abcdefghijkl'.split('').join('/')}/${name}`;
/** The relative specifier from `file` to the project path `target`. */
const rel = (file: string, target: string) => {
  const r = posix.relative(posix.dirname(file), target);
  return r.startsWith('.') ? r : `./${r}`;
};
const importFrom = (file: string, target: string) => `import { v } from '${rel(file, target)}';\nexport { v };`;

const DEEP_COMMON = deep('electron/common');
const DEEP_CORE = deep('electron/core/cases');
const DEEP_MAIN = deep('electron/main');
const DEEP_CLI = deep('electron/cli');
const DEEP_PRELOAD = deep('electron/preload');
const DEEP_RENDERER = deep('renderer/ui', 'x.tsx');
const DEEP_FEATURE = deep('renderer/features/cases', 'x.tsx');

describe('layer rules: wrong imports fail', () => {
  it.each([
    ['renderer importing core', 'renderer/features/cases/CaseList.tsx', "import { createCore } from '../../../electron/core/index';\nexport { createCore };"],
    ['renderer importing main', 'renderer/App.tsx', "import { registerIpc } from '../electron/main/ipc';\nexport { registerIpc };"],
    ['renderer importing the preload', 'renderer/api/x.ts', "import '../../electron/preload/index';"],
    ['renderer importing a test fixture', 'renderer/ui/x.ts', "import { v } from '../../tests/fixtures/vault';\nexport { v };"],
    ['renderer importing electron', 'renderer/main.tsx', "import { ipcRenderer } from 'electron';\nexport { ipcRenderer };"],
    ['renderer importing node:fs', 'renderer/i18n/x.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };"],
    ['renderer importing core lazily', 'renderer/api/x.ts', "export const load = () => import('../../electron/core/index');"],
    ['renderer importing core lazily (template literal)', 'renderer/api/x.ts', 'export const load = () => import(`../../electron/core/index`);'],
    ['core importing electron', 'electron/core/vault/x.ts', "import { app } from 'electron';\nexport { app };"],
    ['core importing electron/main', 'electron/core/x.ts', "import { registerIpc } from '../main/ipc';\nexport { registerIpc };"],
    ['core (deep) importing the renderer', 'electron/core/cases/b/c/x.ts', "import { call } from '../../../../../renderer/api/mamori';\nexport { call };"],
    ['core importing the cli', 'electron/core/users/x.ts', "export * from '../../cli/main';"],
    ['core re-exporting from main', 'electron/core/users/x.ts', "export { registerIpc } from '../../main/ipc';"],
    ['common importing node:fs', 'electron/common/x.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };"],
    ['common importing fs/promises', 'electron/common/x.ts', "import { readFile } from 'fs/promises';\nexport { readFile };"],
    ['common importing crypto', 'electron/common/rules/x.ts', "import { randomBytes } from 'crypto';\nexport { randomBytes };"],
    ['common importing electron', 'electron/common/x.ts', "import { app } from 'electron';\nexport { app };"],
    ['common importing core', 'electron/common/x.ts', "import { createCore } from '../core/index';\nexport { createCore };"],
    ['common importing core, even as a type', 'electron/common/x.ts', "import type { MamoriCoreApi } from '../core/core.types';\nexport type { MamoriCoreApi };"],
    ['common importing core in a type position', 'electron/common/x.ts', "export type Api = import('../core/core.types').MamoriCoreApi;"],
    ['common importing the preload for its side effects', 'electron/common/x.ts', "import '../preload/index';"],
    ['the preload importing zod at run time', 'electron/preload/index.ts', "import { z } from 'zod';\nexport { z };"],
    ['the preload importing the contract at run time', 'electron/preload/index.ts', "import { contract } from '../common/contract';\nexport { contract };"],
    ['the preload importing a value beside a type', 'electron/preload/index.ts', "import { type MamoriApi, contract } from '../common/contract';\nexport { contract };\nexport type { MamoriApi };"],
    ['the preload re-exporting the contract at run time', 'electron/preload/index.ts', "export * from '../common/contract';"],
    ['the preload importing core', 'electron/preload/index.ts', "import type { MamoriCoreApi } from '../core/core.types';\nexport type { MamoriCoreApi };"],
    ['the preload importing a Node built-in', 'electron/preload/index.ts', "import { join } from 'node:path';\nexport { join };"],
    ['the preload (not a test) importing vitest', 'electron/preload/x.ts', "import { vi } from 'vitest';\nexport { vi };"],
    ['main importing the preload', 'electron/main/x.ts', "import '../preload/index';"],
    ['main importing the renderer', 'electron/main/x.ts', "import { call } from '../../renderer/api/mamori';\nexport { call };"],
    ['main importing outside the repository', 'electron/main/x.ts', "import '../../../elsewhere/x';"],
    ['the cli importing electron/main', 'electron/cli/commands/x.ts', "import { registerIpc } from '../../main/ipc';\nexport { registerIpc };"],
    ['the cli importing electron', 'electron/cli/main.ts', "import { app } from 'electron';\nexport { app };"],
    ['a folder of electron/ that is no layer', 'electron/plugins/x.ts', "export const x = 1;"],
    ['common, 12 folders deep, importing core', DEEP_COMMON, importFrom(DEEP_COMMON, 'electron/core/index')],
    ['core, 12 folders deep, importing main', DEEP_CORE, importFrom(DEEP_CORE, 'electron/main/ipc')],
    ['main, 12 folders deep, importing the preload', DEEP_MAIN, importFrom(DEEP_MAIN, 'electron/preload/index')],
    ['the cli, 12 folders deep, importing main', DEEP_CLI, importFrom(DEEP_CLI, 'electron/main/ipc')],
    ['the preload, 12 folders deep, importing the contract at run time', DEEP_PRELOAD, importFrom(DEEP_PRELOAD, 'electron/common/contract')],
    ['the renderer, 12 folders deep, importing core', DEEP_RENDERER, importFrom(DEEP_RENDERER, 'electron/core/index')],
  ])('%s', async (_name, filePath, code) => {
    const found = await errors(filePath, code);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => e.ruleId === IMPORTS)).toBe(true);
    expect(found.some((e) => e.message.startsWith(LAYER))).toBe(true);
  });
});

describe('core direction: a folder imports only lower tiers, never a sibling', () => {
  it.each([
    ['a case feature importing another', 'electron/core/cases/cases.service.ts', "import { v } from '../interviews/interviews.repository';\nexport { v };", /cases may not import interviews; case features meet only through caseAccess/],
    ['a case feature importing another, as a type', 'electron/core/decisions/x.ts', "import type { V } from '../protection/protection.service';\nexport type { V };", /decisions may not import protection/],
    ['a case feature re-exporting another', 'electron/core/interpreters/x.ts', "export * from '../cases/cases.repository';", /interpreters may not import cases/],
    ['a case feature test importing another', 'electron/core/cases/cases.service.test.ts', "import { v } from '../decisions/decisions.service';\nexport { v };", /cases may not import decisions/],
    ['a case feature 12 folders deep importing another', DEEP_CORE, importFrom(DEEP_CORE, 'electron/core/protection/protection.service'), /cases may not import protection/],
    ['db importing users', 'electron/core/db/connection.ts', "import { v } from '../users/users.repository';\nexport { v };", /db \(tier 0\) may not import users \(tier 3\)/],
    ['a migration importing audit', 'electron/core/db/migrations/0070-x.ts', "import { v } from '../../audit/audit.repository';\nexport { v };", /db \(tier 0\) may not import audit \(tier 1\)/],
    ['vault importing session', 'electron/core/vault/x.ts', "import { v } from '../session/session.service';\nexport { v };", /vault \(tier 2\) may not import session \(tier 4\)/],
    ['users importing settings (same tier)', 'electron/core/users/users.service.ts', "import { v } from '../settings/settings.service';\nexport { v };", /users may not import settings; folders of the same tier \(3\)/],
    ['caseAccess importing a case feature', 'electron/core/caseAccess/caseAccess.ts', "import { v } from '../cases/cases.repository';\nexport { v };", /caseAccess \(tier 5\) may not import cases \(tier 6\)/],
    ['a case feature importing an assembly', 'electron/core/cases/cases.service.ts', "import { v } from '../caseFile/caseFile';\nexport { v };", /cases \(tier 6\) may not import caseFile \(tier 7\)/],
    ['an assembly importing the other', 'electron/core/work/work.service.ts', "import { v } from '../caseFile/caseFile';\nexport { v };", /work may not import caseFile/],
    ['an assembly importing maintenance', 'electron/core/caseFile/caseFile.ts', "import { v } from '../maintenance/maintenance.service';\nexport { v };", /caseFile \(tier 7\) may not import maintenance \(tier 9\)/],
    ['a feature importing the dispatcher', 'electron/core/cases/cases.service.ts', "import { MamoriCore } from '../core';\nexport { MamoriCore };", /may not import the root file core of electron\/core/],
    ['a feature importing the handler table', 'electron/core/cases/cases.service.ts', "import { v } from '../handlers';\nexport { v };", /root file handlers/],
    ['a feature importing the policy', 'electron/core/users/users.service.ts', "import { can } from '../policy';\nexport { can };", /root file policy/],
    ['a feature importing core\'s index', 'electron/core/audit/x.ts', "import { v } from '..';\nexport { v };", /root file index/],
    ['a handler slice importing another', 'electron/core/cases/cases.handlers.ts', "import { v } from '../decisions/decisions.handlers';\nexport { v };", /a handler slice may not import another handler slice/],
    ['a handler slice importing the dispatcher', 'electron/core/cases/cases.handlers.ts', "import { v } from '../core';\nexport { v };", /root file core/],
    ['a handler slice importing the handler table', 'electron/core/cases/cases.handlers.ts', "import { v } from '../handlers';\nexport { v };", /root file handlers/],
    ['a service importing its own handler slice', 'electron/core/cases/cases.service.ts', "import { v } from './cases.handlers';\nexport { v };", /cases\.handlers\.ts is the top of cases/],
    ['an assembly importing a handler slice', 'electron/core/caseFile/caseFile.ts', "import { v } from '../cases/cases.handlers';\nexport { v };", /top of cases/],
    ['a handler test importing another handler slice', 'electron/core/cases/cases.handlers.test.ts', "import { v } from '../users/users.handlers';\nexport { v };", /another handler slice/],
    ['a file in a folder missing from the tier table', 'electron/core/newthing/x.ts', "import { v } from '../db/connection';\nexport { v };", /electron\/core\/newthing is not in the core tier table.*add it to the tier table/],
    ['a file importing a folder missing from the tier table', 'electron/core/cases/x.ts', "import { v } from '../newthing/x';\nexport { v };", /newthing is not in the core tier table/],
  ])('%s', async (_name, filePath, code, message) => {
    const found = await errors(filePath, code);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => e.ruleId === IMPORTS && e.message.startsWith(CORE))).toBe(true);
    expect(found.map((e) => e.message).join('\n')).toMatch(message);
  });
});

describe('renderer direction: a feature imports only lower features; shared code imports none', () => {
  it.each([
    ['cases importing decisions', 'renderer/features/cases/page/CasePage.tsx', "import { DecisionSection } from '../../decisions/DecisionSection';\nexport { DecisionSection };", /features\/cases \(tier 2\) may not import features\/decisions \(tier 3\)/],
    ['decisions importing interviews (same tier)', 'renderer/features/decisions/x.tsx', "import { v } from '../interviews/x';\nexport { v };", /features\/decisions may not import features\/interviews/],
    ['work importing decisions (same tier)', 'renderer/features/work/work.actions.ts', "import { v } from '../decisions/decisions.store';\nexport { v };", /features\/work may not import features\/decisions/],
    ['a feature importing the shell', 'renderer/features/decisions/decisions.actions.ts', "import { v } from '../shell/shell.store';\nexport { v };", /features\/decisions \(tier 3\) may not import features\/shell \(tier 5\)/],
    ['a feature test importing the shell', 'renderer/features/work/MyWorkScreen.test.tsx', "import { v } from '../shell/shell.store';\nexport { v };", /features\/work \(tier 3\) may not import features\/shell/],
    ['session importing vault (same tier)', 'renderer/features/session/x.tsx', "import { v } from '../vault/x';\nexport { v };", /features\/session may not import features\/vault/],
    ['a feature 12 folders deep importing a higher one', DEEP_FEATURE, importFrom(DEEP_FEATURE, 'renderer/features/caseFile/CaseFile'), /features\/cases \(tier 2\) may not import features\/caseFile/],
    ['ui importing a feature', 'renderer/ui/AuthLayout.tsx', "import { v } from '../features/settings/x';\nexport { v };", /renderer\/ui sits below the features/],
    ['api importing a feature', 'renderer/api/x.ts', "import { v } from '../features/session/session.store';\nexport { v };", /renderer\/api sits below the features/],
    ['i18n importing a feature', 'renderer/i18n/format.ts', "import en from '../features/work/i18n.en.json';\nexport { en };", /renderer\/i18n sits below the features/],
    ['a store importing a feature', 'renderer/stores/registry.ts', "import '../features/cases/list/caseList.store';", /renderer\/stores sits below the features/],
    ['shared code 12 folders deep importing a feature', DEEP_RENDERER, importFrom(DEEP_RENDERER, 'renderer/features/cases/x'), /sits below the features/],
    ['a feature missing from the table', 'renderer/features/newthing/X.tsx', "import { v } from '../../ui/x';\nexport { v };", /renderer\/features\/newthing is not in the renderer feature table/],
    ['a feature importing one missing from the table', 'renderer/features/shell/X.tsx', "import { v } from '../newthing/x';\nexport { v };", /newthing is not in the renderer feature table/],
  ])('%s', async (_name, filePath, code, message) => {
    const found = await errors(filePath, code);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => e.ruleId === IMPORTS && e.message.startsWith(RENDERER))).toBe(true);
    expect(found.map((e) => e.message).join('\n')).toMatch(message);
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

describe('right imports pass', () => {
  it.each([
    [
      'renderer importing common and npm packages',
      'renderer/features/cases/CaseList.tsx',
      "import { useState } from 'react';\nimport { contract } from '../../../electron/common/contract';\nimport { call } from '../../api/mamori';\nexport { useState, contract, call };",
    ],
    [
      'core importing common, itself, Node and npm packages',
      'electron/core/vault/x.ts',
      "import { readFile } from 'node:fs/promises';\nimport { z } from 'zod';\nimport { contract } from '../../common/contract';\nimport { CoreError } from '../errors';\nimport { m } from './main';\nexport { readFile, z, contract, CoreError, m };",
    ],
    [
      'common importing itself and zod',
      'electron/common/rules/x.ts',
      "import { z } from 'zod';\nimport { CHANNELS } from '../channels';\nexport { z, CHANNELS };",
    ],
    [
      'the preload importing electron, channels, and contract types',
      'electron/preload/index.ts',
      "import { contextBridge } from 'electron';\nimport { isChannel } from '../common/channels';\nimport type { MamoriApi } from '../common/contract';\nimport { type ChannelInput } from '../common/contract';\nexport { contextBridge, isChannel };\nexport type { MamoriApi, ChannelInput };\nexport type { Channel } from '../common/contract';\nexport type * from '../common/schemas';",
    ],
    [
      'the preload test importing vitest and the preload',
      'electron/preload/index.test.ts',
      "import { vi } from 'vitest';\nimport { expose } from './index';\nexport { vi, expose };",
    ],
    [
      'main importing electron, core, common and Node',
      'electron/main/x.ts',
      "import { join } from 'node:path';\nimport { app } from 'electron';\nimport { createCore } from '../core/index';\nimport { CHANNELS } from '../common/channels';\nexport { join, app, createCore, CHANNELS };",
    ],
    [
      'main importing core through its folder',
      'electron/main/x.ts',
      "import { createCore } from '../core';\nexport { createCore };",
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
    ['common 12 folders deep importing itself', DEEP_COMMON, importFrom(DEEP_COMMON, 'electron/common/contract')],
    ['core 12 folders deep importing common, db and its own folder', DEEP_CORE, `${importFrom(DEEP_CORE, 'electron/common/contract')}\nimport { db } from '${rel(DEEP_CORE, 'electron/core/db/connection')}';\nimport { s } from '${rel(DEEP_CORE, 'electron/core/cases/cases.service')}';\nexport { db, s };`],
    ['main 12 folders deep importing core', DEEP_MAIN, importFrom(DEEP_MAIN, 'electron/core/index')],
    ['the cli 12 folders deep importing core', DEEP_CLI, importFrom(DEEP_CLI, 'electron/core/index')],
    ['the preload 12 folders deep importing channels', DEEP_PRELOAD, importFrom(DEEP_PRELOAD, 'electron/common/channels')],
    ['the renderer 12 folders deep importing common', DEEP_RENDERER, importFrom(DEEP_RENDERER, 'electron/common/contract')],
  ])('%s', async (_name, filePath, code) => {
    expect(await errors(filePath, code)).toEqual([]);
  });
});

describe('core direction: right imports pass', () => {
  it.each([
    ['a case feature importing caseAccess', 'electron/core/cases/cases.service.ts', "import { v } from '../caseAccess/caseAccess';\nexport { v };"],
    ['a case feature importing every lower tier', 'electron/core/decisions/decisions.service.ts', "import { a } from '../db/connection';\nimport { b } from '../audit/audit.service';\nimport { c } from '../vault/keyslots';\nimport { d } from '../users/users.repository';\nimport { e } from '../settings/settings.service';\nimport { f } from '../session/session.service';\nimport { g } from '../caseAccess/caseAccess';\nexport { a, b, c, d, e, f, g };"],
    ['a feature importing the shared root files', 'electron/core/users/users.service.ts', "import { CoreError } from '../errors';\nimport type { Handler } from '../handler';\nimport type { CoreOptions } from '../core.types';\nexport { CoreError };\nexport type { Handler, CoreOptions };"],
    ['a migration importing its index and the connection', 'electron/core/db/migrations/0070-x.ts', "import type { Migration } from './index';\nimport type { Tx } from '../connection';\nimport { CoreError } from '../../errors';\nexport type { Migration, Tx };\nexport { CoreError };"],
    ['an assembly importing the case features', 'electron/core/caseFile/caseFile.ts', "import { a } from '../cases/cases.service';\nimport { b } from '../interviews/interviews.service';\nimport { c } from '../decisions/decisions.service';\nexport { a, b, c };"],
    ['maintenance importing an assembly', 'electron/core/maintenance/maintenance.service.ts', "import { v } from '../work/work.service';\nexport { v };"],
    ['printed summaries reading the whole case file', 'electron/core/exports/exports.service.ts', "import { v } from '../caseFile/caseFile';\nimport { w } from '../interviews/interviews.repository';\nexport { v, w };"],
    ['a handler slice importing an assembly', 'electron/core/cases/cases.handlers.ts', "import { v } from '../caseFile/caseFile';\nexport { v };"],
    ['a handler slice importing a sibling feature and a higher tier', 'electron/core/vault/vault.handlers.ts', "import { a } from '../users/users.service';\nimport { b } from '../demo/demo.service';\nimport type { Handler } from '../handler';\nimport { CoreError } from '../errors';\nexport { a, b, CoreError };\nexport type { Handler };"],
    ['a handler test importing its slice and a sibling feature', 'electron/core/cases/cases.handlers.test.ts', "import { h } from './cases.handlers';\nimport { v } from '../decisions/decisions.service';\nexport { h, v };"],
    ['the dispatcher importing anything in core', 'electron/core/core.ts', "import { a } from './handlers';\nimport { b } from './cases/cases.handlers';\nimport { c } from './policy';\nimport { d } from './db/connection';\nexport { a, b, c, d };"],
    ['the handler table importing every slice', 'electron/core/handlers.ts', "export { h as cases } from './cases/cases.handlers';\nexport { h as vault } from './vault/vault.handlers';"],
    ['a root test importing the root', 'electron/core/policy.test.ts', "import { can } from './policy';\nimport { v } from './cases/cases.service';\nexport { can, v };"],
  ])('%s', async (_name, filePath, code) => {
    expect(await errors(filePath, code)).toEqual([]);
  });
});

describe('renderer direction: right imports pass', () => {
  it.each([
    ['a part of the case file importing cases and a low feature', 'renderer/features/decisions/DecisionSection.tsx', "import { a } from '../cases/list/caseList.store';\nimport { b } from '../session/session.store';\nexport { a, b };"],
    ['the case page assembling its parts', 'renderer/features/caseFile/CaseFilePage.tsx', "import { a } from '../decisions/DecisionSection';\nimport { b } from '../interviews/InterviewsSection';\nimport { c } from '../cases/page/PersonSection';\nexport { a, b, c };"],
    ['the shell importing every feature', 'renderer/features/shell/HomeShell.tsx', "import { a } from '../caseFile/CaseFilePage';\nimport { b } from '../work/MyWorkScreen';\nimport { c } from '../navigation/x';\nexport { a, b, c };"],
    ['a feature importing shared code', 'renderer/features/work/MyWorkScreen.tsx', "import { call } from '../../api/mamori';\nimport { ErrorMessage } from '../../ui/ErrorMessage';\nimport { fmt } from '../../i18n/format';\nimport { reg } from '../../stores/registry';\nimport { r } from '../../test/renderApp';\nexport { call, ErrorMessage, fmt, reg, r };"],
    ['App importing the shell', 'renderer/App.tsx', "import { HomeShell } from './features/shell/HomeShell';\nexport { HomeShell };"],
    ['AppRoot importing a feature', 'renderer/AppRoot.tsx', "import { v } from './features/session/session.store';\nexport { v };"],
    ['main.tsx importing a feature', 'renderer/main.tsx', "import './features/session/session.store';"],
    ['the i18n bundle merging a feature\'s translations', 'renderer/i18n/i18n.ts', "import en from '../features/work/i18n.en.json';\nexport { en };"],
    ['a test helper importing features', 'renderer/test/renderCase.tsx', "import { a } from '../features/caseFile/CaseFilePage';\nimport { b } from '../features/cases/list/caseList.store';\nexport { a, b };"],
  ])('%s', async (_name, filePath, code) => {
    expect(await errors(filePath, code)).toEqual([]);
  });
});
