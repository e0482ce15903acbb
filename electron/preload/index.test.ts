import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn(), send: vi.fn(), sendSync: vi.fn() },
}));
vi.mock('electron', () => electron);

import type { MamoriApi } from '../common/contract';
import './index';

const { contextBridge, ipcRenderer } = electron;
const exposed = contextBridge.exposeInMainWorld.mock.calls;
const api = exposed[0][1] as MamoriApi;
/** What a compromised page could pass: the bridge's types mean nothing at run time. */
const untyped = api as unknown as {
  invoke(channel: unknown, input: unknown): Promise<unknown>;
  on(event: unknown, listener: unknown): () => void;
};

beforeEach(() => {
  ipcRenderer.invoke.mockReset();
  ipcRenderer.on.mockReset();
  ipcRenderer.removeListener.mockReset();
});

describe('the preload bridge', () => {
  it('exposes one object, window.mamori, with invoke and on only', () => {
    expect(exposed).toHaveLength(1);
    expect(exposed[0][0]).toBe('mamori');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('never exposes ipcRenderer or any of its methods', () => {
    const values = Object.values(api) as unknown[];
    expect(values).not.toContain(ipcRenderer);
    for (const method of Object.values(ipcRenderer)) expect(values).not.toContain(method);
  });

  it.each(['vault:destroy', 'VAULT:STATUS', 'vault:status ', '__proto__', 'constructor', '', 42, null, undefined, {}])(
    'refuses the unknown channel %j without touching ipcRenderer',
    async (channel) => {
      await expect(untyped.invoke(channel, {})).resolves.toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: expect.any(String) },
      });
      expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('forwards a contract channel with its input and returns what main answers', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { exists: true, unlocked: false } });
    await expect(api.invoke('vault:status', {})).resolves.toEqual({ ok: true, value: { exists: true, unlocked: false } });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('vault:status', {});
  });

  it('hands the listener the payload only, never the IpcRendererEvent', () => {
    const listener = vi.fn();
    api.on('session:locked', listener);
    expect(ipcRenderer.on).toHaveBeenCalledOnce();
    const [channel, forward] = ipcRenderer.on.mock.calls[0] as [string, (...args: unknown[]) => void];
    expect(channel).toBe('session:locked');

    const ipcEvent = { sender: ipcRenderer, senderId: 0, ports: [] };
    forward(ipcEvent, { reason: 'panic' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ reason: 'panic' });
  });

  it('unsubscribes the same listener it subscribed', () => {
    const unsubscribe = api.on('session:locked', vi.fn());
    const forward = ipcRenderer.on.mock.calls[0][1];
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith('session:locked', forward);
  });

  it.each(['vault:status', 'ipc-message', '', 7])('refuses to listen to the non-event %j', (event) => {
    expect(() => untyped.on(event, vi.fn())).toThrow(TypeError);
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('refuses a listener that is not a function', () => {
    expect(() => untyped.on('session:locked', 'alert(1)')).toThrow(TypeError);
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });
});
