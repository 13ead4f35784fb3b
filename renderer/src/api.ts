import type { BanhchiApi, BanhchiBridge, ProgressEvent } from '../../shared/contract/api.js';
import { pageOpNames, type OpResponse, type PageOpName, type PageRequest } from '../../shared/contract/index.js';
import { AppError, type Result } from '../../shared/errors.js';
import { webFiles } from './files.js';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when served by `npm run web`. */
    banhchi?: BanhchiBridge;
  }
}

/** The same named functions as the preload, over the `npm run web` HTTP transport. */
function createHttpBridge(): BanhchiBridge {
  const api = {} as Record<string, (input: unknown) => Promise<Result<unknown>>>;
  for (const op of pageOpNames) {
    api[op] = async (input: unknown) => {
      try {
        const response = await fetch(`/api/call/${op}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'x-banhchi': '1' },
          body: JSON.stringify({ input }),
          credentials: 'same-origin',
        });
        if (!response.ok) return { ok: false, error: { code: 'transport.http', params: { status: response.status } } };
        return (await response.json()) as Result<unknown>;
      } catch (error) {
        return { ok: false, error: { code: 'transport.unreachable', params: { message: String(error) } } };
      }
    };
  }
  const listeners = new Set<(event: ProgressEvent) => void>();
  let source: EventSource | undefined;
  return {
    api: api as unknown as BanhchiApi,
    files: webFiles,
    onProgress(listener) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource('/api/events');
        source.onmessage = (message) => {
          const event = JSON.parse(String(message.data)) as ProgressEvent;
          for (const l of listeners) l(event);
        };
      }
      return () => listeners.delete(listener);
    },
  };
}

export const bridge: BanhchiBridge = window.banhchi ?? createHttpBridge();
export const api: BanhchiApi = bridge.api;
export const files = bridge.files;
/** True in the desktop app: files go through native dialogs; false under `npm run web`: uploads and downloads. */
export const nativeDialogs = window.banhchi !== undefined;

/** Calls an operation and throws its AppError on failure, for code that prefers exceptions. */
export async function call<N extends PageOpName>(op: N, input: PageRequest<N>): Promise<OpResponse<N>> {
  const result = await (api[op] as (input: PageRequest<N>) => Promise<Result<OpResponse<N>>>)(input);
  if (!result.ok) throw new AppError(result.error.code, result.error.params, result.error.details);
  return result.value;
}
