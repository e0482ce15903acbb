import { describe, expect, it, vi } from 'vitest';

// ipc.ts imports only Electron's types; fail loudly if that ever changes rather than try a download.
vi.mock('electron', () => {
  throw new Error('ipc.ts must not load electron at run time');
});

import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type EventName } from '../common/channels';
import type { EventPayload } from '../common/contract';
import type { CoreEventListener } from '../core/core.types';
import { registerIpc } from './ipc';

type Invoke = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

function frame(url: string) {
  return { url };
}

function setup() {
  const mainFrame = frame('app://mamori/index.html');
  const win = {
    isDestroyed: vi.fn(() => false),
    webContents: { mainFrame, send: vi.fn() },
  };
  const handlers = new Map<string, Invoke>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Invoke) => handlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
  let emit: CoreEventListener = () => undefined;
  const unsubscribe = vi.fn();
  const core = {
    dispatch: vi.fn(async (channel: unknown) => ({ ok: true as const, value: { channel } })),
    onEvent: vi.fn((listener: CoreEventListener) => {
      emit = listener;
      return unsubscribe;
    }),
  };
  let current: typeof win | null = win;
  const dispose = registerIpc({
    ipcMain: ipcMain as never,
    core,
    getWindow: () => current as unknown as BrowserWindow | null,
  });
  const invoke = (channel: string, senderFrame: unknown, input: unknown = {}) =>
    handlers.get(channel)!({ senderFrame } as unknown as IpcMainInvokeEvent, input);
  return {
    win,
    mainFrame,
    handlers,
    ipcMain,
    core,
    invoke,
    dispose,
    unsubscribe,
    emit: <E extends EventName>(name: E, payload: EventPayload<E>) => emit(name, payload),
    closeWindow: () => {
      current = null;
    },
  };
}

const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } };

describe('registerIpc', () => {
  it('registers every contract channel and nothing else', () => {
    const { ipcMain } = setup();
    expect(ipcMain.handle.mock.calls.map(([channel]) => channel)).toEqual([...CHANNELS]);
  });

  it('passes a request from the main frame of app://mamori to core unchanged', async () => {
    const { invoke, mainFrame, core } = setup();
    const input = { username: 'officer1', passphrase: 'correct horse battery' };
    await expect(invoke('session:signIn', mainFrame, input)).resolves.toEqual({
      ok: true,
      value: { channel: 'session:signIn' },
    });
    expect(core.dispatch).toHaveBeenCalledExactlyOnceWith('session:signIn', input);
  });

  it.each([
    ['a subframe on our origin', () => frame('app://mamori/index.html')],
    ['no frame (destroyed or navigated)', () => null],
  ])('refuses %s', async (_name, makeFrame) => {
    const { invoke, core } = setup();
    await expect(invoke('vault:status', makeFrame())).resolves.toEqual(FORBIDDEN);
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it.each(['https://example.com/', 'app://evil/index.html', 'file:///app/out/renderer/index.html', 'about:blank'])(
    'refuses the main frame once it shows %s',
    async (url) => {
      const { invoke, mainFrame, core } = setup();
      mainFrame.url = url;
      await expect(invoke('vault:status', mainFrame)).resolves.toEqual(FORBIDDEN);
      expect(core.dispatch).not.toHaveBeenCalled();
    },
  );

  it('refuses everything once the window is destroyed or gone', async () => {
    const { invoke, mainFrame, core, win, closeWindow } = setup();
    win.isDestroyed.mockReturnValue(true);
    await expect(invoke('vault:status', mainFrame)).resolves.toEqual(FORBIDDEN);
    closeWindow();
    await expect(invoke('vault:status', mainFrame)).resolves.toEqual(FORBIDDEN);
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('never lets an exception text from core reach the page', async () => {
    const { invoke, mainFrame, core } = setup();
    core.dispatch.mockRejectedValueOnce(new Error('SQLITE_CORRUPT at /home/officer/vault/mamori.db'));
    const result = (await invoke('vault:status', mainFrame)) as { ok: false; error: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.message).not.toContain('SQLITE');
  });

  it("forwards core's events to the window with their payload only", () => {
    const { emit, win } = setup();
    emit('session:locked', { reason: 'panic' });
    expect(win.webContents.send).toHaveBeenCalledExactlyOnceWith('session:locked', { reason: 'panic' });
  });

  it('drops events that are not in the contract, and events after the window closed', () => {
    const { emit, win, closeWindow } = setup();
    emit('not:an-event' as EventName, { reason: 'user' });
    closeWindow();
    emit('session:locked', { reason: 'idle' });
    expect(win.webContents.send).not.toHaveBeenCalled();
  });

  it('undoes the registration', () => {
    const { dispose, handlers, unsubscribe } = setup();
    dispose();
    expect(handlers.size).toBe(0);
    expect(unsubscribe).toHaveBeenCalledOnce();
  });
});
