import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Actor } from '../../shared/actor.js';
import type { BackendNotice } from '../../shared/contract/api.js';
import { contract } from '../../shared/contract/index.js';
import { AppError, type Result } from '../../shared/errors.js';
import type { Backend } from './backend.js';
import { ProgressHub } from './progress-hub.js';
import { createCancelBuffer, markCancelled } from './cancel-flags.js';
import type { HostMessage, WorkerMessage, WorkerStartData } from './worker-protocol.js';
import type { UpgradeStep } from '../db/open.js';

export interface WorkerBackendOptions {
  dbFile: string;
  /** The database key (app: unwrapped by safeStorage in main); without it the worker reads the environment. */
  dbKey?: Buffer | undefined;
  /** The compiled worker (dist/electron/worker.mjs) or, under tsx, electron/backend/worker.ts. */
  workerPath: string;
  /** Where what ships beside the app lives (the bundled gazetteer): process.resourcesPath in a package. */
  resourcesDir?: string | undefined;
  /** Node options for the worker thread (e.g. `--stack-size`); a .ts workerPath gets tsx on its own. */
  execArgv?: string[];
  /** Restarts allowed within `restartWindowMs` before the host gives up (a worker that dies at once, again and again). */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** Told, while the worker opens the register, of each migration of its upgrade (before `ready`). */
  onUpgrade?: ((step: UpgradeStep) => void) | undefined;
  /** Told when the worker stopped unexpectedly: the stack, for the log file. */
  onCrash?: (error: Error) => void;
}

/**
 * A worker thread does not inherit tsx's loader (and `--import tsx` in execArgv is applied too
 * late for the entry file on Node 20), so a .ts entry is loaded through a small bootstrap that
 * registers tsx inside the thread first. The app always uses the bundled worker.mjs.
 */
function createWorker(options: WorkerBackendOptions, workerData: WorkerStartData): Worker {
  const execArgv = options.execArgv ? { execArgv: options.execArgv } : {};
  if (!options.workerPath.endsWith('.ts')) return new Worker(options.workerPath, { workerData, ...execArgv });
  // An eval'd worker resolves bare specifiers from the working directory: the repository.
  const entry = pathToFileURL(options.workerPath).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, ...execArgv });
}

interface Running {
  worker: Worker;
  /** Settles once the worker has opened the database (or failed to). */
  ready: Promise<void>;
}

/**
 * Starts the database worker; resolves once the database is open. Rejects with
 * `worker.couldNotStart` when the worker itself cannot run (a missing or broken bundle, a native
 * module that does not load) and with the database's own error (`db.cannotOpen`,
 * `db.newerVersion`) when it runs but cannot open the file — the user is told which.
 *
 * Once running, a worker that crashes or exits fails every call in flight with
 * `worker.crashed`, is started again, and listeners of `onProgress` get a notice
 * (`restarted`, or `stopped` when it keeps dying) for the window's banner.
 */
export function startWorkerBackend(options: WorkerBackendOptions): Promise<Backend> {
  const cancelBuffer = createCancelBuffer();
  const hub = new ProgressHub();
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const maxRestarts = options.maxRestarts ?? 3;
  const restartWindowMs = options.restartWindowMs ?? 60_000;
  const restarts: number[] = [];
  let nextId = 1;
  let closing = false;
  let stopped = false;
  let current: Running;
  let closedAck: (() => void) | undefined;

  const notify = (notice: BackendNotice) => hub.emit({ jobId: '', done: 0, total: 0, notice });
  const failPending = (code: string) => {
    for (const settle of pending.values()) settle({ ok: false, error: { code, params: {} } });
    pending.clear();
  };

  function launch(): Running {
    const worker = createWorker(options, {
      dbFile: options.dbFile,
      cancelBuffer,
      resourcesDir: options.resourcesDir ?? null,
      dbKey: options.dbKey ? new Uint8Array(options.dbKey) : null,
    });
    let opened = false;
    let settleReady: { resolve: () => void; reject: (error: Error) => void };
    const ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
    // An unhandled rejection here would take the process down; callers await `ready` themselves.
    ready.catch(() => undefined);

    const died = (error: Error) => {
      if (!opened) {
        if (error instanceof AppError) return settleReady.reject(error);
        const couldNotStart = new AppError('worker.couldNotStart', { reason: error.message });
        couldNotStart.cause = error; // the stack goes to the log file
        settleReady.reject(couldNotStart);
        return;
      }
      if (closing || current?.worker !== worker) return;
      opened = false;
      options.onCrash?.(error);
      failPending('worker.crashed');
      restartAfterCrash();
    };

    worker.on('error', (error: Error) => died(error));
    worker.on('exit', (code) => died(new Error(`the database worker exited with code ${code}`)));
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'ready':
          opened = true;
          settleReady.resolve();
          break;
        case 'failed':
          settleReady.reject(new AppError(message.error.code, message.error.params));
          void worker.terminate();
          break;
        case 'result':
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          break;
        case 'progress':
          hub.emit(message.event);
          break;
        case 'upgrade':
          options.onUpgrade?.(message.step);
          break;
        case 'closed':
          closedAck?.();
          break;
      }
    });
    return { worker, ready };
  }

  function restartAfterCrash(): void {
    const now = Date.now();
    while (restarts.length > 0 && now - restarts[0]! > restartWindowMs) restarts.shift();
    if (restarts.length >= maxRestarts) {
      stopped = true;
      notify('stopped');
      return;
    }
    restarts.push(now);
    current = launch();
    current.ready.then(
      () => notify('restarted'),
      (error: unknown) => {
        stopped = true;
        options.onCrash?.(error instanceof Error ? error : new Error(String(error)));
        notify('stopped');
      },
    );
  }

  const backend: Backend = {
    async call(op: string, input: unknown, actor: Actor): Promise<Result<unknown>> {
      // Cancelling is answered here: the worker may be busy with the very job to cancel.
      if (op === 'jobs.cancel') {
        const parsed = contract['jobs.cancel'].request.safeParse(input);
        if (!parsed.success) return { ok: false, error: { code: 'boundary.invalidRequest', params: { op } } };
        markCancelled(cancelBuffer, parsed.data.jobId);
        return { ok: true, value: { cancelled: true } };
      }
      if (stopped || closing) return { ok: false, error: { code: 'worker.stopped', params: {} } };
      const running = current;
      try {
        await running.ready; // a worker being restarted takes the call once it is up
      } catch {
        return { ok: false, error: { code: 'worker.stopped', params: {} } };
      }
      const id = nextId++;
      return new Promise((settle) => {
        pending.set(id, settle);
        running.worker.postMessage({ type: 'call', id, op, input, actor } satisfies HostMessage);
      });
    },
    onProgress: (listener) => hub.subscribe(listener),
    /** Checkpoints the WAL into the database file and closes it; ends the worker. */
    async close(): Promise<void> {
      if (closing) return;
      closing = true;
      const { worker } = current;
      if (!stopped) {
        const acknowledged = new Promise<void>((resolve) => (closedAck = resolve));
        worker.postMessage({ type: 'close' } satisfies HostMessage);
        // A worker stuck in a long job still gets the app closed; SQLite's WAL keeps the data safe.
        await Promise.race([acknowledged, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      }
      failPending('worker.stopped');
      await worker.terminate();
    },
  };

  current = launch();
  return current.ready.then(() => backend);
}
