import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BanhchiApi, BanhchiBridge, FilesBridge, ProgressEvent } from '../shared/contract/api.js';
import { pageOpNames } from '../shared/contract/index.js';
import { channelFor, FILES_OPEN_CHANNEL, FILES_SAVE_CHANNEL, PROGRESS_CHANNEL } from './channels.js';

/**
 * The sandboxed preload (bundled to one CommonJS file): exposes named functions generated from
 * the page's contract, the file dialogs (run by the main process) and a progress subscription.
 * ipcRenderer itself never reaches the page, so the page can only call its operations, each on its own channel.
 */
function buildApi(): BanhchiApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const op of pageOpNames) {
    const channel = channelFor(op);
    api[op] = (input: unknown) => ipcRenderer.invoke(channel, input);
  }
  return Object.freeze(api) as unknown as BanhchiApi;
}

/** Open and save through native dialogs in the main process: names and bytes cross, never a path. */
const files: FilesBridge = {
  open: (options) => ipcRenderer.invoke(FILES_OPEN_CHANNEL, options),
  save: (options) => ipcRenderer.invoke(FILES_SAVE_CHANNEL, options),
};
Object.freeze(files);

const bridge: BanhchiBridge = {
  api: buildApi(),
  files,
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
