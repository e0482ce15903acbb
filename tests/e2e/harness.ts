/**
 * The browser harness (DESIGN.md §9): the *built* renderer runs in Debian's Chromium on a fake
 * origin that no server listens on, and `window.mamori` is bound to the real core dispatcher in
 * this process over a real vault. Only Electron's IPC transport is replaced. Every request that
 * is not for the fake origin is aborted and counted, so a test can prove the page asked for
 * nothing from outside.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHANNELS, EVENTS } from '../../electron/common/channels';
import { createCore, type BackupDialogs, type ExportPlatform, type MamoriCoreApi, type PrintJob } from '../../electron/core/index';
import type { CoreOptions } from '../../electron/core/core.types';

export const ORIGIN = 'http://mamori.test';
const RENDERER_DIR = resolve(__dirname, '../../out/renderer');
/** The same policy main sends with every app:// response. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface LaunchOptions {
  dataDir: string;
  locale?: 'en' | 'ja';
  /** Injected clock for core (idle tests). */
  now?: CoreOptions['now'];
  viewport?: { width: number; height: number };
  /** Installs Playwright's controllable clock in the page before it loads (for timers such as auto-hide). */
  fakeClock?: boolean;
}

/**
 * The harness's stand-in for Electron's OS dialogs when summaries are printed or saved: a test
 * sets what the "user" answers. The PDF is rendered for real, by Chromium, from the same print view.
 */
export interface Dialogs {
  /** The path the save dialog returns (null: the user cancels). */
  savePath: string | null;
  /** Whether the print dialog is confirmed. */
  printConfirmed: boolean;
  /** Every PDF rendered, newest last (what Electron's printToPDF would have produced). */
  rendered: Buffer[];
  /** The path the backup save dialog returns (null: the user cancels). */
  backupTarget: string | null;
  /** The file the restore open dialog returns (null: the user cancels). */
  backupSource: string | null;
  /** The file name core suggested in each backup save dialog, newest last. */
  suggestedBackupNames: string[];
  /** The path the statistics CSV save dialog returns (null: the user cancels). */
  csvTarget: string | null;
  /** The file name core suggested in each CSV save dialog, newest last. */
  suggestedCsvNames: string[];
}

export interface LaunchedApp {
  page: Page;
  /** The real core behind this page's `window.mamori`. */
  core: MamoriCoreApi;
  /** Every URL the page tried to reach outside the fake origin (each was aborted). */
  blockedRequests: string[];
  /** What the OS dialogs of printing, saving and backups answer, and what was rendered. */
  dialogs: Dialogs;
  close(): Promise<void>;
}

let browser: Promise<Browser> | undefined;

function sharedBrowser(): Promise<Browser> {
  browser ??= chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return browser;
}

/** Closes the shared browser (for scripts, such as the benchmarks, that must exit when done). */
export async function closeBrowser(): Promise<void> {
  const b = browser;
  browser = undefined;
  await (await b)?.close();
}

/** Serves a file of the built renderer, refusing anything outside its folder. */
function rendererFile(url: URL): { body: Buffer; type: string } | null {
  const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  const path = normalize(join(RENDERER_DIR, rel));
  if (!path.startsWith(RENDERER_DIR + sep) || !existsSync(path)) return null;
  return { body: readFileSync(path), type: MIME[extname(path)] ?? 'application/octet-stream' };
}

/** Serves the built renderer to a context and aborts (and counts) everything else. */
async function serveRenderer(context: BrowserContext, blockedRequests: string[]): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      blockedRequests.push(url.href);
      return route.abort('blockedbyclient');
    }
    const file = rendererFile(url);
    if (!file) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, body: file.body, headers: { 'content-type': file.type, 'content-security-policy': CSP } });
  });
  // WebSockets do not pass through route(): refuse them outright.
  await context.routeWebSocket(/.*/, (ws) => {
    blockedRequests.push(ws.url());
    return ws.close();
  });
}

/**
 * Like Electron's hidden print window (electron/main/exports.platform.ts): a page of its own, with
 * no bridge to core, loads the print view, is handed the job as JSON, and Chromium renders the PDF
 * (page.pdf is the engine printToPDF uses).
 */
export async function renderSummaryPdf(job: PrintJob, blockedRequests: string[] = []): Promise<Buffer> {
  const context = await (await sharedBrowser()).newContext({ locale: job.locale === 'ja' ? 'ja-JP' : 'en-US', serviceWorkers: 'block' });
  try {
    await serveRenderer(context, blockedRequests);
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/index.html#print`);
    await page.evaluate((json) => (window as unknown as { mamoriPrint(json: string): Promise<void> }).mamoriPrint(json), JSON.stringify(job));
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await context.close();
  }
}

function harnessExportPlatform(dialogs: Dialogs, blockedRequests: string[]): ExportPlatform {
  return {
    async renderPdf(job) {
      const pdf = await renderSummaryPdf(job, blockedRequests);
      dialogs.rendered.push(pdf);
      return pdf;
    },
    chooseSavePath: async () => dialogs.savePath,
    print: async () => dialogs.printConfirmed,
  };
}

/** Like electron/main/backup.dialogs.ts: only paths cross, and they are whatever the test set. */
function harnessBackupDialogs(dialogs: Dialogs): BackupDialogs {
  return {
    async chooseBackupTarget(suggestedName) {
      dialogs.suggestedBackupNames.push(suggestedName);
      return dialogs.backupTarget;
    },
    chooseBackupSource: async () => dialogs.backupSource,
  };
}

/** What the Electron preload exposes, rebuilt from the same channel list. Runs in the page. */
function installBridge(lists: { channels: readonly string[]; events: readonly string[] }) {
  const w = window as unknown as Record<string, unknown> & {
    __mamoriInvoke(channel: string, input: unknown): Promise<unknown>;
  };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  w.__mamoriEmit = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  const api = {
    invoke(channel: string, input: unknown) {
      if (!lists.channels.includes(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'This action is not available.' } });
      }
      return w.__mamoriInvoke(channel, input);
    },
    on(event: string, listener: (payload: unknown) => void) {
      if (!lists.events.includes(event)) throw new Error(`unknown event ${event}`);
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  Object.defineProperty(window, 'mamori', { value: Object.freeze(api), writable: false, configurable: false });
}

export async function launchApp(opts: LaunchOptions): Promise<LaunchedApp> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('out/renderer is missing: run `npx electron-vite build` first');
  const locale = opts.locale ?? 'en';
  const blockedRequests: string[] = [];
  const dialogs: Dialogs = { savePath: null, printConfirmed: false, rendered: [], backupTarget: null, backupSource: null, suggestedBackupNames: [], csvTarget: null, suggestedCsvNames: [] };
  const core = createCore({
    dataDir: opts.dataDir,
    locale,
    now: opts.now,
    exportPlatform: harnessExportPlatform(dialogs, blockedRequests),
    backupDialogs: harnessBackupDialogs(dialogs),
    statisticsDialogs: {
      chooseCsvTarget: async (suggestedName) => {
        dialogs.suggestedCsvNames.push(suggestedName);
        return dialogs.csvTarget;
      },
    },
  });
  const context: BrowserContext = await (
    await sharedBrowser()
  ).newContext({
    locale: locale === 'ja' ? 'ja-JP' : 'en-US',
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  await serveRenderer(context, blockedRequests);
  await context.exposeBinding('__mamoriInvoke', (_source, channel: unknown, input: unknown) => core.dispatch(channel, input));
  await context.addInitScript(installBridge, { channels: CHANNELS, events: EVENTS });

  const page = await context.newPage();
  if (opts.fakeClock) await page.clock.install();
  const unsubscribe = core.onEvent((event, payload) => {
    void page.evaluate(([e, p]) => (window as unknown as { __mamoriEmit(e: string, p: unknown): void }).__mamoriEmit(e, p), [event, payload] as const).catch(() => undefined);
  });
  await page.goto(`${ORIGIN}/index.html`);
  return {
    page,
    core,
    blockedRequests,
    dialogs,
    async close() {
      unsubscribe();
      await core.close();
      await context.close();
    },
  };
}

/** Where screenshots go (ignored by git); look at them after UI work. */
export function screenshotPath(name: string): string {
  return resolve(__dirname, '../../test-results/screenshots', `${name}.png`);
}
