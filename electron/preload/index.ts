/**
 * The sandboxed preload. Trusts nothing the page passes in: only contract channels reach
 * ipcRenderer and only contract events reach the page. Never expose ipcRenderer.
 * Imports at run time nothing but `electron` and the dependency-free channel list.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannel, isEventName } from '../common/channels';
import type { MamoriApi } from '../common/contract';

// Duplicated from common/errors.ts on purpose: the preload bundles nothing but the channel list.
const UNKNOWN_CHANNEL_MESSAGE = 'This action is not available.';

const api: MamoriApi = {
  invoke(channel, input) {
    if (!isChannel(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: UNKNOWN_CHANNEL_MESSAGE } });
    }
    return ipcRenderer.invoke(channel, input);
  },

  on(event, listener) {
    if (!isEventName(event)) throw new TypeError('Unknown event');
    if (typeof listener !== 'function') throw new TypeError('Listener must be a function');
    // Never hand the page the IpcRendererEvent: it carries `sender`, i.e. ipcRenderer itself.
    const forward = (_event: IpcRendererEvent, payload: Parameters<typeof listener>[0]): void => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
};

contextBridge.exposeInMainWorld('mamori', Object.freeze(api));
