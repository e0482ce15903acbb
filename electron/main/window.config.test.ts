import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

// Electron cannot be downloaded here: window.config.ts only needs BrowserWindow, faked below.
const { FakeBrowserWindow, fakeWebContents } = await vi.hoisted(async () => {
  // vi.hoisted runs before the static imports above exist.
  const { EventEmitter: Emitter } = await import('node:events');
  const fakeWebContents = () => Object.assign(new Emitter(), { setWindowOpenHandler: vi.fn() });
  class FakeBrowserWindow extends Emitter {
    static instances: FakeBrowserWindow[] = [];
    readonly webContents = fakeWebContents();
    readonly setContentProtection = vi.fn();
    readonly show = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeBrowserWindow.instances.push(this);
    }
  }
  return { FakeBrowserWindow, fakeWebContents };
});

vi.mock('electron', () => ({ BrowserWindow: FakeBrowserWindow }));

import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import {
  CONTENT_SECURITY_POLICY,
  SESSION_PARTITION,
  WINDOW_TITLE,
  allowDevTools,
  applicationMenu,
  createMainWindow,
  createPrintWindow,
  hardenSession,
  hardenWebContents,
  isPanicLockKey,
} from './window.config';

type Handler = (...args: unknown[]) => unknown;

function fakeSession() {
  const emitter = new EventEmitter();
  return Object.assign(emitter, {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setDisplayMediaRequestHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
  });
}
type FakeSession = ReturnType<typeof fakeSession>;

/** The handler a setter received (the session must have installed exactly one). */
function installed(setter: { mock: { calls: unknown[][] } }): Handler {
  expect(setter.mock.calls).toHaveLength(1);
  return setter.mock.calls[0][0] as Handler;
}

function hardened(devTools = false): FakeSession {
  const ses = fakeSession();
  hardenSession(ses as unknown as Session, { devTools });
  return ses;
}

function preventable<T extends object>(fields: T = {} as T) {
  return { ...fields, preventDefault: vi.fn() };
}

/** A keyboard event as before-input-event reports it. */
function key(fields: Partial<Parameters<typeof isPanicLockKey>[0] & { shift: boolean }>) {
  return { type: 'keyDown', key: 'l', code: 'KeyL', control: false, meta: false, alt: false, shift: false, ...fields };
}

const PRELOAD = '/app/out/preload/index.cjs';

/** Creates the main window against the fake BrowserWindow and returns what it was built with. */
function created(devTools = false) {
  FakeBrowserWindow.instances.length = 0;
  const onPanicLock = vi.fn();
  createMainWindow({ preloadPath: PRELOAD, devTools, onPanicLock });
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  const win = FakeBrowserWindow.instances[0];
  const options = win.options as BrowserWindowConstructorOptions;
  return { win, options, prefs: options.webPreferences!, onPanicLock };
}

describe('the main window options', () => {
  const { options, prefs } = created();

  it.each([
    ['sandbox', true],
    ['contextIsolation', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
    ['safeDialogs', true],
    ['devTools', false],
  ] as const)('sets webPreferences.%s to %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('uses the built preload', () => {
    expect(prefs.preload).toBe(PRELOAD);
  });

  it('uses an in-memory partition (no persist: prefix) and no explicit session', () => {
    expect(prefs.partition).toBe(SESSION_PARTITION);
    expect(SESSION_PARTITION).not.toMatch(/^persist:/);
    expect(SESSION_PARTITION.length).toBeGreaterThan(0);
    expect(prefs.session).toBeUndefined();
  });

  it('stays hidden until ready-to-show, with a fixed title and a background colour', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('Mamori');
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('enables no blink features, disables middle-click, and passes no extra arguments to the renderer', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs.additionalArguments).toBeUndefined();
  });

  it('passes the DevTools decision through', () => {
    expect(created(true).prefs.devTools).toBe(true);
  });
});

describe('allowDevTools', () => {
  it('is off in a packaged build, even when asked for', () => {
    expect(allowDevTools({ isPackaged: true, argv: ['--dev'], env: { MAMORI_DEV: '1' } })).toBe(false);
  });

  it('is off in an unpackaged build unless asked for', () => {
    expect(allowDevTools({ isPackaged: false, argv: [], env: {} })).toBe(false);
    expect(allowDevTools({ isPackaged: false, argv: [], env: { MAMORI_DEV: '0' } })).toBe(false);
  });

  it('is on in an unpackaged build with --dev or MAMORI_DEV=1', () => {
    expect(allowDevTools({ isPackaged: false, argv: ['--dev'], env: {} })).toBe(true);
    expect(allowDevTools({ isPackaged: false, argv: [], env: { MAMORI_DEV: '1' } })).toBe(true);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is exactly the policy of DESIGN §8', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });
});

describe('hardenSession', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'denies the %s permission request',
    (permission) => {
      const callback = vi.fn();
      installed(hardened().setPermissionRequestHandler)({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('answers every permission check and device request with false but clipboard writing by the app itself', () => {
    const ses = hardened();
    const check = installed(ses.setPermissionCheckHandler);
    expect(check({}, 'clipboard-sanitized-write', 'app://mamori', {})).toBe(true);
    expect(check({}, 'clipboard-sanitized-write', 'https://evil.test', {})).toBe(false);
    expect(check({}, 'clipboard-read', 'app://mamori', {})).toBe(false);
    expect(check({}, 'media', 'app://mamori', {})).toBe(false);
    expect(installed(ses.setDevicePermissionHandler)({ deviceType: 'usb', origin: 'app://mamori' })).toBe(false);
  });

  it('grants a clipboard write request only to the app page', () => {
    const request = installed(hardened().setPermissionRequestHandler);
    const granted = vi.fn();
    request({}, 'clipboard-sanitized-write', granted, { requestingUrl: 'app://mamori/index.html' });
    expect(granted).toHaveBeenCalledExactlyOnceWith(true);
    const refused = vi.fn();
    request({}, 'clipboard-sanitized-write', refused, { requestingUrl: 'https://evil.test/' });
    expect(refused).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('denies screen capture', () => {
    const callback = vi.fn();
    installed(hardened().setDisplayMediaRequestHandler)({}, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(null);
  });

  it('turns the spellchecker off', () => {
    expect(hardened().setSpellCheckerEnabled).toHaveBeenCalledExactlyOnceWith(false);
  });

  function cancelled(url: string, devTools = false): boolean {
    const callback = vi.fn();
    installed(hardened(devTools).webRequest.onBeforeRequest)({ url }, callback);
    expect(callback).toHaveBeenCalledOnce();
    return (callback.mock.calls[0][0] as { cancel: boolean }).cancel;
  }

  it.each([
    'https://example.com/',
    'http://localhost:5173/',
    'ws://127.0.0.1:9222/',
    'file:///etc/passwd',
    'ftp://example.com/',
    'app://evil/index.html',
    'app://mamori.evil/index.html',
    'app://mamori:8080/index.html',
    'app://user@mamori/index.html',
    'devtools://devtools/bundled/inspector.html',
    'chrome-extension://abc/x.js',
    'not a url',
  ])('cancels a request to %s', (url) => {
    expect(cancelled(url)).toBe(true);
  });

  it.each(['app://mamori/index.html', 'app://mamori/assets/index-abc.js', 'data:image/png;base64,AAAA'])(
    'lets %s through',
    (url) => {
      expect(cancelled(url)).toBe(false);
    },
  );

  it('lets devtools: through only when DevTools are allowed', () => {
    expect(cancelled('devtools://devtools/bundled/inspector.html', true)).toBe(false);
    expect(cancelled('https://example.com/', true)).toBe(true);
  });

  it('puts our CSP on every response, replacing any other', () => {
    const callback = vi.fn();
    installed(hardened().webRequest.onHeadersReceived)(
      { url: 'app://mamori/index.html', responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } },
      callback,
    );
    const headers = (callback.mock.calls[0][0] as { responseHeaders: Record<string, string[]> }).responseHeaders;
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  const download = (url: string) => ({ getURL: () => url, getFilename: () => 'mamori-audit.csv', setSaveDialogOptions: vi.fn() });

  it('cancels every download that is not an export the app made itself', () => {
    const ses = hardened();
    for (const url of ['https://example.org/x.exe', 'blob:https://evil.test/1', 'app://mamori/index.html', 'file:///etc/passwd']) {
      const event = preventable();
      ses.emit('will-download', event, download(url), {});
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('lets an app-made export through a save dialog the user answers', () => {
    const ses = hardened();
    const event = preventable();
    const item = download('blob:app://mamori/6c1f0d0e-0000-4000-8000-000000000000');
    ses.emit('will-download', event, item, {});
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(item.setSaveDialogOptions).toHaveBeenCalledWith({ title: 'Mamori', defaultPath: 'mamori-audit.csv' });
  });

  it('installs its handlers once per session', () => {
    const ses = hardened();
    hardenSession(ses as unknown as Session, { devTools: true });
    expect(ses.webRequest.onBeforeRequest).toHaveBeenCalledOnce();
    expect(ses.listenerCount('will-download')).toBe(1);
  });
});

describe('hardenWebContents', () => {
  function hardenedContents() {
    const contents = fakeWebContents();
    const onPanicLock = vi.fn();
    hardenWebContents(contents as unknown as WebContents, { onPanicLock });
    return { contents, onPanicLock };
  }

  describe.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s', (eventName) => {
    it.each(['https://example.com/', 'file:///etc/passwd', 'app://evil/', 'data:text/html,hi', 'javascript:alert(1)'])(
      'prevents leaving for %s',
      (url) => {
        const { contents } = hardenedContents();
        const event = preventable({ url });
        contents.emit(eventName, event, url);
        expect(event.preventDefault).toHaveBeenCalled();
      },
    );

    it('allows staying on app://mamori', () => {
      const { contents } = hardenedContents();
      const event = preventable({ url: 'app://mamori/index.html' });
      contents.emit(eventName, event, event.url);
      expect(event.preventDefault).not.toHaveBeenCalled();
    });
  });

  it('denies window.open, whatever the URL', () => {
    const { contents } = hardenedContents();
    const handler = installed(contents.setWindowOpenHandler);
    expect(handler({ url: 'app://mamori/index.html' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a webview', () => {
    const { contents } = hardenedContents();
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it.each([
    ['Ctrl+L', key({ control: true })],
    ['Cmd+L', key({ meta: true })],
    ['Ctrl+Shift+L', key({ control: true, shift: true, key: 'L' })],
    ['Ctrl+L on a Russian layout', key({ control: true, key: 'д' })],
  ])('locks on %s and swallows the key', (_name, input) => {
    const { contents, onPanicLock } = hardenedContents();
    const event = preventable();
    contents.emit('before-input-event', event, input);
    expect(onPanicLock).toHaveBeenCalledOnce();
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it.each([
    ['L alone', key({})],
    ['Ctrl+K', key({ control: true, key: 'k', code: 'KeyK' })],
    ['Ctrl+L released', key({ control: true, type: 'keyUp' })],
    ['AltGr+L typing ł', key({ control: true, alt: true, key: 'ł' })],
  ])('does not lock on %s', (_name, input) => {
    const { contents, onPanicLock } = hardenedContents();
    const event = preventable();
    contents.emit('before-input-event', event, input);
    expect(onPanicLock).not.toHaveBeenCalled();
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('installs its handlers once per web contents', () => {
    const { contents, onPanicLock } = hardenedContents();
    hardenWebContents(contents as unknown as WebContents, { onPanicLock });
    contents.emit('before-input-event', preventable(), key({ control: true }));
    expect(onPanicLock).toHaveBeenCalledOnce();
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
  });
});

describe('createMainWindow', () => {
  it('turns content protection on', () => {
    expect(created().win.setContentProtection).toHaveBeenCalledExactlyOnceWith(true);
  });

  it('hardens its web contents', () => {
    const { win, onPanicLock } = created();
    expect(installed(win.webContents.setWindowOpenHandler)({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    win.webContents.emit('before-input-event', preventable(), key({ meta: true }));
    expect(onPanicLock).toHaveBeenCalledOnce();
  });

  it('keeps the title "Mamori" whatever the page sets', () => {
    const { win } = created();
    const event = preventable();
    win.emit('page-title-updated', event, 'NGUYEN Thi — TV-2026-0042');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(WINDOW_TITLE).toBe('Mamori');
  });

  it('shows itself only once ready to show', () => {
    const { win } = created();
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });
});

describe('createPrintWindow (printed summaries)', () => {
  const print = () => {
    const win = createPrintWindow() as unknown as InstanceType<typeof FakeBrowserWindow>;
    return { win, prefs: (win.options as BrowserWindowConstructorOptions).webPreferences ?? {} };
  };

  it('stays hidden and has no preload: the print view has no bridge to core', () => {
    const { win, prefs } = print();
    expect(win.options.show).toBe(false);
    expect(prefs.preload).toBeUndefined();
  });

  it('is as hardened as the main window, in the same in-memory session', () => {
    const { win, prefs } = print();
    expect(prefs).toMatchObject({
      partition: SESSION_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(win.setContentProtection).toHaveBeenCalledExactlyOnceWith(true);
  });
});

describe('applicationMenu', () => {
  const roles = (template: ReturnType<typeof applicationMenu>): string[] =>
    JSON.stringify(template ?? [])
      .match(/"role":"[^"]+"/g)
      ?.map((match) => match.slice(8, -1).toLowerCase()) ?? [];

  it.each(['win32', 'linux'] as const)('has no menu at all on %s in production', (platform) => {
    expect(applicationMenu(platform, false)).toBeNull();
  });

  it('on macOS in production keeps editing and quit but nothing that opens DevTools or reloads', () => {
    const found = roles(applicationMenu('darwin', false));
    expect(found).toEqual(expect.arrayContaining(['copy', 'paste', 'quit']));
    expect(found.filter((role) => /devtools|reload/.test(role))).toEqual([]);
  });

  it('offers DevTools only when they are allowed', () => {
    expect(roles(applicationMenu('linux', true))).toContain('toggledevtools');
  });
});
