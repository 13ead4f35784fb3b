import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Actor } from '../../shared/actor.js';
import { contract } from '../../shared/contract/index.js';
import { AppError, type Result } from '../../shared/errors.js';
import type { Backend } from './backend.js';
import { ProgressHub } from './progress-hub.js';
import { createCancelBuffer, markCancelled } from './cancel-flags.js';
import type { HostMessage, WorkerMessage } from './worker-protocol.js';

export interface WorkerBackendOptions {
  dbFile: string;
  /** The compiled worker (dist/electron/worker.mjs) or, under tsx, electron/backend/worker.ts. */
  workerPath: string;
  /** Node options for the worker thread (e.g. `--stack-size`); a .ts workerPath gets tsx on its own. */
  execArgv?: string[];
}

/**
 * A worker thread does not inherit tsx's loader (and `--import tsx` in execArgv is applied too
 * late for the entry file on Node 20), so a .ts entry is loaded through a small bootstrap that
 * registers tsx inside the thread first. The app always uses the bundled worker.mjs.
 */
function createWorker(options: WorkerBackendOptions, workerData: unknown): Worker {
  const execArgv = options.execArgv ? { execArgv: options.execArgv } : {};
  if (!options.workerPath.endsWith('.ts')) return new Worker(options.workerPath, { workerData, ...execArgv });
  // An eval'd worker resolves bare specifiers from the working directory: the repository.
  const entry = pathToFileURL(options.workerPath).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, ...execArgv });
}

/** Starts the database worker; resolves once the database is open, rejects with its AppError otherwise. */
export function startWorkerBackend(options: WorkerBackendOptions): Promise<Backend> {
  const cancelBuffer = createCancelBuffer();
  const worker = createWorker(options, { dbFile: options.dbFile, cancelBuffer });
  const hub = new ProgressHub();
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let closed: (() => void) | undefined;

  return new Promise<Backend>((resolve, reject) => {
    worker.on('error', (error: Error) => {
      reject(error);
      for (const settle of pending.values()) settle({ ok: false, error: { code: 'internal', params: { op: '-', message: error.message } } });
      pending.clear();
    });
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'ready':
          resolve(backend);
          break;
        case 'failed':
          reject(new AppError(message.error.code, message.error.params));
          void worker.terminate();
          break;
        case 'result':
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          break;
        case 'progress':
          hub.emit(message.event);
          break;
        case 'closed':
          closed?.();
          break;
      }
    });

    const backend: Backend = {
      call(op: string, input: unknown, actor: Actor) {
        // Cancelling is answered here: the worker may be busy with the very job to cancel.
        if (op === 'jobs.cancel') {
          const parsed = contract['jobs.cancel'].request.safeParse(input);
          if (!parsed.success) return Promise.resolve({ ok: false, error: { code: 'boundary.invalidRequest', params: { op } } });
          markCancelled(cancelBuffer, parsed.data.jobId);
          return Promise.resolve({ ok: true, value: { cancelled: true } });
        }
        const id = nextId++;
        return new Promise((settle) => {
          pending.set(id, settle);
          const message: HostMessage = { type: 'call', id, op, input, actor };
          worker.postMessage(message);
        });
      },
      onProgress: (listener) => hub.subscribe(listener),
      close: () =>
        new Promise<void>((done) => {
          closed = () => void worker.terminate().then(() => done());
          worker.postMessage({ type: 'close' } satisfies HostMessage);
        }),
    };
  });
}
