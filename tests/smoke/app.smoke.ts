/**
 * The real-Electron smoke test (`npm run smoke`, issue 16): the built app (out/) in a real Electron,
 * on a temporary data directory and a temporary Electron profile. Everything else in the suite
 * runs the renderer in Chromium with core bound in Node; this is the one place main, the preload,
 * app://, the session's request filter, the panic-lock key, printToPDF and the save dialog meet.
 * Run by tests/smoke/run.ts, which finds the Electron binary (MAMORI_SMOKE_ELECTRON) first.
 *
 * The save dialog is answered by replacing dialog.showSaveDialog inside the main process through
 * Playwright's inspector connection; the app has no test hook of its own, so there is nothing a
 * packaged build could switch on (and a packaged build refuses the inspector: its fuses are off).
 * All data is fictional.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { ADMIN, DEMO_PASSPHRASE, DEMO_SUPERVISOR, createVault, exportFirstCaseSummary, openCaseList, panicLock, signIn } from './steps';

const ROOT = resolve(__dirname, '../..');
const ELECTRON = process.env.MAMORI_SMOKE_ELECTRON ?? '';
const APP_ENTRY = 'app://mamori/index.html';
/** The directives that keep the renderer offline and script-tight (the whole policy: electron/main/window.config.ts). */
const CSP_ESSENTIALS = ["default-src 'none'", "script-src 'self'", "connect-src 'none'", "base-uri 'none'", "form-action 'none'"];

test.describe.configure({ mode: 'serial' });

let work = '';
let server: Server;
let serverHits = 0;
let app: ElectronApplication | undefined;

test.beforeAll(async () => {
  expect(ELECTRON, 'run through `npm run smoke`, which finds the Electron binary').not.toBe('');
  work = mkdtempSync(join(tmpdir(), 'mamori-smoke-'));
  // Somewhere other than the app's origin that a request could reach: it must never be asked.
  server = createServer((_req, res) => {
    serverHits += 1;
    res.end('reached');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
});

test.afterAll(async () => {
  await app?.close().catch(() => undefined);
  await new Promise((done) => server?.close(done));
  // Only the folder this test made under the system's temporary directory.
  if (work && dirname(work) === resolve(tmpdir()) && basename(work).startsWith('mamori-smoke-')) rmSync(work, { recursive: true, force: true });
});

const dataDir = () => join(work, 'vault');
const userData = () => join(work, 'electron-profile');
const serverUrl = (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;

/** Starts the built app from the project folder (package.json main → out/main/index.js). */
async function launch(): Promise<Page> {
  app = await electron.launch({
    executablePath: ELECTRON,
    args: [ROOT, `--user-data-dir=${userData()}`, '--lang=en-US'],
    cwd: ROOT,
    env: { ...process.env, MAMORI_DATA_DIR: dataDir(), MAMORI_DEV: '' },
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return page;
}

async function quit(): Promise<void> {
  await app?.close();
  app = undefined;
}

test('first run: the app loads from app:// under its CSP, exposes only invoke and on, blocks other origins, and creates the vault', async () => {
  test.setTimeout(180_000);
  const page = await launch();
  const electronApp = app!;

  // Electron keeps its profile in the temporary folder, and this is the unpackaged build.
  const main = await electronApp.evaluate(({ app: a }) => ({ userData: a.getPath('userData'), packaged: a.isPackaged, version: process.versions.electron }));
  expect(main.userData).toBe(userData());
  expect(main.packaged).toBe(false);
  console.log(`smoke: Electron ${main.version} on ${process.platform}-${process.arch}`);

  // app:// and nothing else.
  expect(page.url()).toBe(APP_ENTRY);
  await expect(page).toHaveTitle('Mamori');
  expect(await page.evaluate(() => [window.location.protocol, window.isSecureContext])).toEqual(['app:', true]);

  // The CSP app:// sends is the one the page enforces: an inline script is refused under it.
  const header = await electronApp.evaluate(async ({ session }, url) => {
    const response = await session.fromPartition('mamori').fetch(url);
    return response.headers.get('content-security-policy');
  }, APP_ENTRY);
  for (const directive of CSP_ESSENTIALS) expect(header).toContain(directive);
  const violation = await page.evaluate(
    () =>
      new Promise<{ directive: string; policy: string; ran: boolean }>((done) => {
        document.addEventListener('securitypolicyviolation', (e) => done({ directive: e.effectiveDirective, policy: e.originalPolicy, ran: 'smokeInline' in window }), { once: true });
        const script = document.createElement('script');
        script.textContent = 'window.smokeInline = true';
        document.head.append(script);
      }),
  );
  expect(violation).toEqual({ directive: expect.stringMatching(/^script-src(-elem)?$/), policy: header, ran: false });

  // The bridge: invoke and on, frozen; no Node, no ipcRenderer.
  const bridge = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const mamori = w.mamori as Record<string, unknown>;
    return {
      keys: Object.getOwnPropertyNames(mamori).sort(),
      types: [typeof mamori.invoke, typeof mamori.on],
      frozen: Object.isFrozen(mamori),
      node: [typeof w.require, typeof w.process, typeof w.ipcRenderer, typeof w.Buffer],
    };
  });
  expect(bridge).toEqual({ keys: ['invoke', 'on'], types: ['function', 'function'], frozen: true, node: ['undefined', 'undefined', 'undefined', 'undefined'] });
  expect(await page.evaluate(() => (window as unknown as { mamori: { invoke(c: string, i: unknown): Promise<unknown> } }).mamori.invoke('no:such-channel', {}))).toEqual({
    ok: false,
    error: { code: 'UNKNOWN_CHANNEL', message: expect.any(String) },
  });

  // Another origin: the page's own fetch is refused (CSP), and even main loading it in the app's
  // sessions is cancelled by the request filter before anything leaves the machine.
  const fromPage = await page.evaluate((url) => fetch(url).then(() => 'reached', (e: Error) => e.name), serverUrl('/from-page'));
  expect(fromPage).toBe('TypeError');
  for (const partition of ['mamori', '']) {
    const outcome = await electronApp.evaluate(async ({ BrowserWindow }, { url, partition: p }) => {
      const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, ...(p ? { partition: p } : {}) } });
      try {
        await win.loadURL(url);
        return 'loaded';
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      } finally {
        win.destroy();
      }
    }, { url: serverUrl(`/from-main-${partition || 'default'}`), partition });
    expect(outcome, `session ${partition || 'default'}`).toContain('ERR_BLOCKED_BY_CLIENT');
  }
  expect(serverHits).toBe(0);

  // First run: the vault is created in the data directory given, owner-only.
  await createVault(page);
  expect(statSync(dataDir()).mode & 0o777).toBe(0o700);
  expect(statSync(join(dataDir(), 'mamori.db')).mode & 0o777).toBe(0o600);
  await signIn(page, ADMIN);
  await quit();
  // Quitting locked and closed the vault: the one-writer lock is gone.
  expect(existsSync(join(dataDir(), 'mamori.lock'))).toBe(false);
});

test('a supervisor signs in, opens the case list, saves a summary where the save dialog says, and Ctrl+L locks', async () => {
  test.setTimeout(240_000);
  // Demo staff and fictional cases, through the administrator's command line on the closed vault.
  const seed = spawnSync('npx', ['tsx', 'electron/cli/main.ts', 'demo', 'seed', '--data-dir', dataDir(), '--user', ADMIN.username, '--cases', '3'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, MAMORI_PASSPHRASE: ADMIN.passphrase, MAMORI_DEMO_PASSPHRASE: DEMO_PASSPHRASE },
  });
  expect(seed.status, seed.stderr).toBe(0);

  const page = await launch();
  const electronApp = app!;
  await signIn(page, { username: DEMO_SUPERVISOR, passphrase: DEMO_PASSPHRASE });
  const rows = await openCaseList(page);

  // The OS save dialog answers with a path in the temporary folder; what main asked it is kept.
  const pdfPath = join(work, 'summary.pdf');
  await electronApp.evaluate(({ dialog }, path) => {
    const calls: unknown[] = [];
    (globalThis as unknown as { smokeSaveDialogCalls: unknown[] }).smokeSaveDialogCalls = calls;
    dialog.showSaveDialog = async (...args: unknown[]) => {
      calls.push(args[args.length - 1]);
      return { canceled: false, filePath: path };
    };
  }, pdfPath);

  const number = await exportFirstCaseSummary(page, rows);
  expect(number).toMatch(/^EXP-\d{4}-000001$/);
  const calls = (await electronApp.evaluate(() => (globalThis as unknown as { smokeSaveDialogCalls: unknown[] }).smokeSaveDialogCalls)) as {
    defaultPath: string;
    filters: { extensions: string[] }[];
  }[];
  expect(calls).toHaveLength(1);
  expect(calls[0].filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
  expect(calls[0].defaultPath).toMatch(/\.pdf$/);
  // printToPDF rendered it; core wrote it, owner-only, exactly where the dialog said.
  expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(statSync(pdfPath).mode & 0o777).toBe(0o600);

  await panicLock(page);
  await quit();
  expect(serverHits).toBe(0);
});
