/**
 * IPC registration. Trusts only the main frame of the main window while it shows app://mamori;
 * everything else is refused before core sees it. Input is not checked here: core parses it.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { CHANNELS, isEventName } from '../common/channels';
import type { Result } from '../common/contract';
import { errorMessage, type Locale } from '../common/errors';
import type { MamoriCoreApi } from '../core/core.types';
import { isAppUrl } from './app-origin';

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  core: Pick<MamoriCoreApi, 'dispatch' | 'onEvent'>;
  /** The main window, or null before it exists / after it closed. */
  getWindow: () => BrowserWindow | null;
  locale?: Locale;
}

/**
 * True only for the main frame of our window, showing our origin. Never trust a subframe,
 * another window, or a frame that navigated elsewhere (the frame may already be gone: null).
 */
export function isTrustedSender(frame: WebFrameMain | null | undefined, win: BrowserWindow | null): boolean {
  if (!frame || !win || win.isDestroyed()) return false;
  return frame === win.webContents.mainFrame && isAppUrl(frame.url);
}

/** Registers every contract channel and forwards core's events; returns a function that undoes both. */
export function registerIpc({ ipcMain, core, getWindow, locale = 'en' }: IpcDeps): () => void {
  const refuse = (code: 'FORBIDDEN' | 'INTERNAL'): Result<never> => ({
    ok: false,
    error: { code, message: errorMessage(code, locale) },
  });

  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, getWindow())) return refuse('FORBIDDEN');
      try {
        return await core.dispatch(channel, input);
      } catch {
        // dispatch never throws by contract; if it does, never let the error text cross to the page.
        return refuse('INTERNAL');
      }
    });
  }

  const unsubscribe = core.onEvent((name, payload) => {
    const win = getWindow();
    if (!win || win.isDestroyed() || !isEventName(name)) return;
    win.webContents.send(name, payload);
  });

  return () => {
    unsubscribe();
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
