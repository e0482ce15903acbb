/**
 * Every security setting of the window, its session and its web contents, in one place.
 * Trusts nothing the page asks for: navigation, new windows, webviews, permissions, downloads
 * and network requests are refused unless they stay inside app://mamori.
 */
import { isCopyKey } from './clipboard.guard';
import {
  BrowserWindow,
  type Input,
  type MenuItemConstructorOptions,
  type Session,
  type WebContents,
} from 'electron';
import { isAppUrl } from './app-origin';

/** Sent with every response from app:// and added to every response the session sees. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The renderer's session. Never prefix it with `persist:`: an in-memory partition keeps cache,
 * cookies and web storage in RAM, so nothing a case officer viewed is left on disk.
 */
export const SESSION_PARTITION = 'mamori';

/** Window titles never carry names (DESIGN §3): the title is fixed. */
export const WINDOW_TITLE = 'Mamori';

export interface LaunchFlags {
  isPackaged: boolean;
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * DevTools would let anyone at the keyboard read decrypted case files out of the renderer:
 * never in a packaged build, and in an unpackaged one only when asked for explicitly.
 */
export function allowDevTools({ isPackaged, argv, env }: LaunchFlags): boolean {
  return !isPackaged && (env.MAMORI_DEV === '1' || argv.includes('--dev'));
}

/** A file the page itself assembled in memory for the user to save (e.g. the audit CSV). */
export function isAppExport(url: string): boolean {
  return url.startsWith('blob:app://mamori/');
}

/** Only our own origin; `data:` only because the CSP allows it for images (it never leaves the machine). */
export function isAllowedRequest(url: string, devTools: boolean): boolean {
  if (isAppUrl(url) || url.startsWith('data:') || isAppExport(url)) return true;
  return devTools && url.startsWith('devtools:');
}

/** The one permission the app's own page gets: writing sanitised text to the clipboard. */
export function isAllowedPermission(permission: string, requestingUrl: string | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

/** Replaces any CSP header (whatever its case) with ours. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

const hardenedSessions = new WeakSet<Session>();

/** Idempotent: main hardens every session Electron creates, and the renderer's one explicitly. */
export function hardenSession(ses: Session, { devTools }: { devTools: boolean }): void {
  if (hardenedSessions.has(ses)) return;
  hardenedSessions.add(ses);

  // Never grant a permission (no camera, microphone, notifications, clipboard reads, devices,
  // screen capture) but one: our own page may write plain text to the clipboard, for the Copy
  // buttons of sealed fields, which clear it again after 30 seconds.
  ses.setPermissionRequestHandler((_webContents, permission, callback, details) =>
    callback(isAllowedPermission(permission, details?.requestingUrl)),
  );
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => isAllowedPermission(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));

  // The spellchecker would download dictionaries and send typed words to a service.
  ses.setSpellCheckerEnabled(false);

  // Never let a request leave app://: no network, no file://, no other scheme.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, devTools) }));
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }),
  );

  // Never write anything to disk on the page's behalf, except an export the user asked for,
  // and then only where the user chooses in the save dialog.
  ses.on('will-download', (event, item) => {
    if (!isAppExport(item.getURL())) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions({ title: 'Mamori', defaultPath: item.getFilename() });
  });
}

/** Ctrl+L / Cmd+L on any keyboard layout (by key or by physical key), but not AltGr+L (e.g. Polish ł). */
export function isPanicLockKey(input: Pick<Input, 'type' | 'key' | 'code' | 'control' | 'meta' | 'alt'>): boolean {
  if (input.type !== 'keyDown' || !(input.control || input.meta)) return false;
  return input.key.toLowerCase() === 'l' || (input.code === 'KeyL' && !input.alt);
}

export interface WebContentsHooks {
  /** Panic lock: called when the user presses Ctrl+L / Cmd+L. */
  onPanicLock: () => void;
  /** The user pressed a key that copies a selection (the clipboard guard then clears it later). */
  onCopy?: () => void;
}

const hardenedContents = new WeakSet<WebContents>();

/**
 * Idempotent: applied to the main window and, through `web-contents-created`, to any other contents.
 * No `context-menu` handler is installed on purpose: Electron shows no context menu without one.
 */
export function hardenWebContents(contents: WebContents, { onPanicLock, onCopy }: WebContentsHooks): void {
  if (hardenedContents.has(contents)) return;
  hardenedContents.add(contents);

  // Never navigate any frame away from app://mamori.
  const stayInApp = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-frame-navigate', stayInApp);

  // Never open another window or embed a webview.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());

  // Handled here rather than in the page, so the panic lock works whatever the renderer is doing.
  contents.on('before-input-event', (event, input) => {
    if (onCopy && isCopyKey(input)) onCopy();
    if (!isPanicLockKey(input)) return;
    event.preventDefault();
    onPanicLock();
  });
}

export interface MainWindowConfig extends WebContentsHooks {
  preloadPath: string;
  devTools: boolean;
}

export function createMainWindow({ preloadPath, devTools, onPanicLock, onCopy }: MainWindowConfig): BrowserWindow {
  // Written out as one literal, not built by a helper, so the Electronegativity scan can read every setting.
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    // Shown on ready-to-show, so no blank or half-painted window flashes up.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      partition: SESSION_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click would otherwise try to open links in a new window (denied anyway below).
      disableBlinkFeatures: 'Auxclick',
      devTools,
    },
  });
  // Keep case files out of screenshots, screen sharing and screen recordings.
  win.setContentProtection(true);
  hardenWebContents(win.webContents, { onPanicLock, onCopy });
  // Never let the page change the title: it is visible in the task switcher.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  return win;
}

/**
 * The hidden window printed summaries are rendered in (exports.platform.ts): as hardened as the
 * main window, and without a preload, so the print view has no bridge to core at all.
 */
export function createPrintWindow(): BrowserWindow {
  // Written out as one literal, like the main window's, so the Electronegativity scan reads every setting.
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    show: false,
    // Hidden, yet it must lay out and paint before printToPDF.
    paintWhenInitiallyHidden: true,
    width: 794,
    height: 1123,
    webPreferences: {
      partition: SESSION_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
      // Hidden, yet it must run animation frames (fonts, layout) before printToPDF.
      backgroundThrottling: false,
    },
  });
  win.setContentProtection(true);
  return win;
}

/**
 * No menu item can open DevTools or reload unless DevTools are allowed. macOS keeps a minimal
 * menu because copy, paste and quit shortcuts live there; elsewhere there is no menu at all.
 */
export function applicationMenu(platform: NodeJS.Platform, devTools: boolean): MenuItemConstructorOptions[] | null {
  const template: MenuItemConstructorOptions[] = [];
  if (platform === 'darwin') {
    template.push(
      {
        label: WINDOW_TITLE,
        submenu: [{ role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
      },
      {
        label: 'Edit',
        submenu: [
          { role: 'undo' },
          { role: 'redo' },
          { type: 'separator' },
          { role: 'cut' },
          { role: 'copy' },
          { role: 'paste' },
          { role: 'selectAll' },
        ],
      },
    );
  }
  if (devTools) {
    template.push({ label: 'Development', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] });
  }
  return template.length > 0 ? template : null;
}
