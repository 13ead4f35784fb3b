import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BanhchiApi, BanhchiBridge, ProgressEvent } from '../shared/contract/api.js';
import { opNames } from '../shared/contract/index.js';
import { channelFor, PROGRESS_CHANNEL } from './channels.js';

/**
 * The sandboxed preload (bundled to one CommonJS file): exposes named functions generated from
 * the contract and a progress subscription. ipcRenderer itself never reaches the page, so the
 * page can only call contract operations, each on its own channel.
 */
function buildApi(): BanhchiApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const op of opNames) {
    const channel = channelFor(op);
    api[op] = (input: unknown) => ipcRenderer.invoke(channel, input);
  }
  return Object.freeze(api) as unknown as BanhchiApi;
}

const bridge: BanhchiBridge = {
  api: buildApi(),
  onProgress(listener) {
    // Pass only the event data on: the IpcRendererEvent carries `sender` (ipcRenderer).
    const wrapped = (_event: IpcRendererEvent, progress: ProgressEvent) => listener(progress);
    ipcRenderer.on(PROGRESS_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(PROGRESS_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('banhchi', bridge);
