/**
 * The app's lifecycle. Trusts only core with case data: the window, its session and every IPC
 * sender are hardened or checked (window.config.ts, ipc.ts) before a request reaches core.
 */
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { app, clipboard, dialog, ipcMain, Menu, powerMonitor, session, type BrowserWindow } from 'electron';
import { createCore, type MamoriCoreApi } from '../core/index';
import { APP_ENTRY_URL } from './app-origin';
import { createBackupDialogs } from './backup.dialogs';
import { createStatisticsDialogs } from './statistics.dialogs';
import { createClipboardGuard } from './clipboard.guard';
import { createExportPlatform } from './exports.platform';
import { registerIpc } from './ipc';
import { watchLogindLock } from './logind';
import { launchLanguage, resolveDataDir, toLocale } from './launch-options';
import { registerAppProtocol, registerAppScheme } from './protocol';
import {
  SESSION_PARTITION,
  allowDevTools,
  applicationMenu,
  createMainWindow,
  createPrintWindow,
  hardenSession,
  hardenWebContents,
} from './window.config';

const devTools = allowDevTools({ isPackaged: app.isPackaged, argv: process.argv, env: process.env });

// All three must happen before the app is ready.
registerAppScheme();
app.enableSandbox();
const lang = launchLanguage({ argv: process.argv, env: process.env, systemLanguages: systemLanguages() });
if (lang) app.commandLine.appendSwitch('lang', lang);

/** The operating system's preferred languages; none if this platform cannot tell before the app is ready. */
function systemLanguages(): string[] {
  try {
    return app.getPreferredSystemLanguages();
  } catch {
    return [];
  }
}

// One writer per vault (DESIGN §2): a second launch only brings the first window forward.
if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}

function start(): void {
  let win: BrowserWindow | null = null;
  let core: MamoriCoreApi | null = null;
  let quitting: 'no' | 'closing-vault' | 'vault-closed' = 'no';

  const lock = (reason: 'panic' | 'suspend' | 'screen-lock' | 'renderer-gone'): void => {
    void core?.lock(reason);
  };
  const onPanicLock = (): void => lock('panic');
  // Anything copied from the app is cleared 30 s later, and at once on lock, quit or a crash.
  const clipboardGuard = createClipboardGuard({ clipboard, platform: process.platform });
  const onCopy = (): void => clipboardGuard.copied();
  process.on('uncaughtException', () => {
    clipboardGuard.clearNow();
    // No message: an error's text may carry case data, and it must not reach a log.
    console.error('Mamori stopped after an unexpected error.');
    app.exit(1);
  });

  // Harden every session and every web contents Electron ever creates, not only ours.
  app.on('session-created', (ses) => hardenSession(ses, { devTools }));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { onPanicLock, onCopy }));
  app.on('will-quit', () => clipboardGuard.clearNow());

  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('window-all-closed', () => app.quit());

  // Never quit with the vault open: lock and close it first, then quit for real.
  app.on('before-quit', (event) => {
    if (!core || quitting === 'vault-closed') return;
    event.preventDefault();
    if (quitting === 'closing-vault') return;
    quitting = 'closing-vault';
    core
      .close()
      // The process ends either way, which releases whatever close could not.
      .catch(() => undefined)
      .finally(() => {
        quitting = 'vault-closed';
        app.quit();
      });
  });

  app
    .whenReady()
    .then(() => {
      const locale = toLocale(app.getLocale());
      const dataDir = resolveDataDir({ env: process.env, argv: process.argv, userDataPath: app.getPath('userData') });
      const exportPlatform = createExportPlatform({
        createPrintWindow,
        dialog,
        getParent: () => win,
        documentsPath: () => app.getPath('documents'),
      });
      const backupDialogs = createBackupDialogs({ dialog, getParent: () => win, documentsPath: () => app.getPath('documents') });
      const statisticsDialogs = createStatisticsDialogs({ dialog, getParent: () => win, documentsPath: () => app.getPath('documents') });
      core = createCore({ dataDir, locale, exportPlatform, backupDialogs, statisticsDialogs, clipboard: clipboardGuard });
      core.onEvent((event) => {
        if (event === 'session:locked') clipboardGuard.clearNow();
      });

      const rendererSession = session.fromPartition(SESSION_PARTITION);
      hardenSession(rendererSession, { devTools });
      hardenSession(session.defaultSession, { devTools });
      // Paths are relative to the built main (out/main/index.js).
      registerAppProtocol(rendererSession, join(__dirname, '../renderer'));

      const menu = applicationMenu(process.platform, devTools);
      Menu.setApplicationMenu(menu ? Menu.buildFromTemplate(menu) : null);

      win = createMainWindow({ preloadPath: join(__dirname, '../preload/index.cjs'), devTools, onPanicLock, onCopy });
      win.on('closed', () => {
        win = null;
      });
      // A renderer that crashed or was killed may come back without the user: lock first.
      win.webContents.on('render-process-gone', () => {
        clipboardGuard.clearNow();
        lock('renderer-gone');
      });
      registerIpc({ ipcMain, core, getWindow: () => win, locale });

      powerMonitor.on('suspend', () => lock('suspend'));
      // macOS and Windows; on Linux logind's Lock signal of this login session (logind.ts).
      powerMonitor.on('lock-screen', () => lock('screen-lock'));
      if (process.platform === 'linux') {
        const run = promisify(execFile);
        void watchLogindLock(
          {
            run: async (file, args) => (await run(file, [...args], { timeout: 5000 })).stdout,
            start: (file, args) => spawn(file, [...args], { stdio: ['ignore', 'pipe', 'ignore'] }),
            pid: process.pid,
          },
          () => lock('screen-lock'),
          (why) => console.warn(`Mamori: the screen lock is not watched on this system (${why}).`),
        ).then((stop) => app.on('will-quit', stop));
      }

      return win.loadURL(APP_ENTRY_URL);
    })
    .catch((error: unknown) => {
      console.error('Mamori could not start:', error instanceof Error ? error.message : error);
      app.exit(1);
    });
}
