import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { LOCAL_OPERATOR } from '../shared/actor.js';
import type { ProgressEvent } from '../shared/contract/api.js';
import { opNames, type OpName } from '../shared/contract/index.js';
import type { Result } from '../shared/errors.js';
import { isAppUrl } from './app-protocol.js';
import type { Backend } from './backend/backend.js';
import { channelFor, PROGRESS_CHANNEL } from './channels.js';


/**
 * Operations answered in the main process instead of the DB worker: the ones that need a native
 * dialog (choose a file to save or open). A feature adds its op to the contract and its handler
 * here; everything else goes to the worker. Each gets the window that asked, for modal dialogs.
 */
export type MainProcessHandler = (input: unknown, window: BrowserWindow | null, backend: Backend) => Promise<Result<unknown>>;
export const mainProcessHandlers: Partial<Record<OpName, MainProcessHandler>> = {};

/**
 * Only our own UI may call the backend: the top frame of a page served from app://banhchi/.
 * A frame that navigated away, a subframe or a destroyed frame is refused.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame: WebFrameMain | null = event.senderFrame;
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}

export interface IpcOptions {
  backend: Backend;
  /** The app window, for progress events and dialogs. */
  window: () => BrowserWindow | null;
}

/** Registers one handler per contract operation; returns a function that removes them all. */
export function registerIpc(options: IpcOptions): () => void {
  const { backend, window } = options;
  for (const op of opNames) {
    ipcMain.handle(channelFor(op), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        console.warn(`[ipc] refused ${op} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return { ok: false, error: { code: 'boundary.forbidden', params: { op } } };
      }
      const local = mainProcessHandlers[op];
      if (local) return local(input, window(), backend);
      // The actor is decided here, never by the renderer.
      return backend.call(op, input, LOCAL_OPERATOR);
    });
  }
  const unsubscribe = backend.onProgress((event: ProgressEvent) => {
    const target = window();
    if (target && !target.isDestroyed()) target.webContents.send(PROGRESS_CHANNEL, event);
  });
  return () => {
    unsubscribe();
    for (const op of opNames) ipcMain.removeHandler(channelFor(op));
  };
}
