import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import type { ProgressEvent } from '../shared/contract/api.js';
import { pageOpNames, type OpName } from '../shared/contract/index.js';
import type { Result } from '../shared/errors.js';
import { isAppUrl } from './app-protocol.js';
import type { Backend } from './backend/backend.js';
import { channelFor, FILES_OPEN_CHANNEL, FILES_SAVE_CHANNEL, PROGRESS_CHANNEL } from './channels.js';
import { openFiles, saveFiles } from './dialogs.js';
import { refusePageCall } from './page-calls.js';
import { Sessions } from './sessions.js';


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

/**
 * Registers one handler per operation of the page's contract (none for the CLI's path-taking
 * operations) and the two file dialogs; returns a function that removes them all. A request with
 * a field the page may not send (a file path) is refused before it reaches the backend.
 */
export function registerIpc(options: IpcOptions): () => void {
  const { backend, window } = options;
  // One window, one session: who signed in there is the actor of its calls.
  const sessions = new Sessions(backend);
  const WINDOW = 'window';
  const refuse = (op: string, event: IpcMainInvokeEvent): Result<never> | null => {
    if (isTrustedSender(event)) return null;
    console.warn(`[ipc] refused ${op} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
    return { ok: false, error: { code: 'boundary.forbidden', params: { op } } };
  };
  for (const op of pageOpNames) {
    ipcMain.handle(channelFor(op), async (event, input: unknown): Promise<Result<unknown>> => {
      const untrusted = refuse(op, event);
      if (untrusted) return untrusted;
      const refused = refusePageCall(op, input);
      if (refused) return { ok: false, error: refused };
      const local = mainProcessHandlers[op];
      if (local) return local(input, window(), backend);
      // The actor is decided here, from the window's session, never by the renderer.
      return sessions.call(WINDOW, op, input);
    });
  }
  ipcMain.handle(FILES_OPEN_CHANNEL, async (event, input: unknown) => refuse('files.open', event) ?? openFiles(window(), input));
  ipcMain.handle(FILES_SAVE_CHANNEL, async (event, input: unknown) => refuse('files.save', event) ?? saveFiles(window(), backend, input));
  const unsubscribe = backend.onProgress((event: ProgressEvent) => {
    const target = window();
    if (target && !target.isDestroyed()) target.webContents.send(PROGRESS_CHANNEL, event);
  });
  return () => {
    unsubscribe();
    for (const op of pageOpNames) ipcMain.removeHandler(channelFor(op));
    ipcMain.removeHandler(FILES_OPEN_CHANNEL);
    ipcMain.removeHandler(FILES_SAVE_CHANNEL);
  };
}
