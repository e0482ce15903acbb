/**
 * How Electron renders and delivers printed summaries for core (DESIGN.md §7): a hidden window as
 * hardened as the main one, without a preload (it needs no bridge), loads the app's print view,
 * is handed the already-redacted summary, and renders it with printToPDF or prints it through the
 * OS dialog. The PDF stays in memory; core writes it where the user chose in the save dialog.
 */
import { join } from 'node:path';
import type { BrowserWindow as BrowserWindowType, Dialog } from 'electron';
import type { ExportPlatform, PrintJob } from '../core/index';
import { APP_PRINT_URL } from './app-origin';

export interface PlatformDeps {
  /** Creates the hidden print window (window.config.ts createPrintWindow). */
  createPrintWindow: () => BrowserWindowType;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  getParent: () => BrowserWindowType | null;
  documentsPath: () => string;
}

/** Loads the print view in a fresh hidden window and hands it the job; the caller destroys the window. */
async function printView(deps: PlatformDeps, job: PrintJob): Promise<BrowserWindowType> {
  const win = deps.createPrintWindow();
  try {
    await win.loadURL(APP_PRINT_URL);
    // The job is data (JSON), passed as a string argument: never code built from case content.
    await win.webContents.executeJavaScript(`window.mamoriPrint(${JSON.stringify(JSON.stringify(job))})`, true);
    return win;
  } catch (e) {
    win.destroy();
    throw e;
  }
}

export function createExportPlatform(deps: PlatformDeps): ExportPlatform {
  return {
    async renderPdf(job) {
      const win = await printView(deps, job);
      try {
        return Buffer.from(await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true }));
      } finally {
        win.destroy();
      }
    },
    async chooseSavePath(suggestedName) {
      const parent = deps.getParent();
      const options = { defaultPath: join(deps.documentsPath(), suggestedName), filters: [{ name: 'PDF', extensions: ['pdf'] }], properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const result = parent ? await deps.dialog.showSaveDialog(parent, options) : await deps.dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async print(job) {
      const win = await printView(deps, job);
      try {
        return await new Promise<boolean>((resolve) => win.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success)));
      } finally {
        win.destroy();
      }
    },
  };
}
