import { parentPort, workerData } from 'node:worker_threads';
import { AppError, type AppErrorShape } from '../../shared/errors.js';
import { openDatabase } from '../db/open.js';
import { reopenAround } from '../db/reopen.js';
import { useResourcesDir } from '../services/bundled-gazetteer.js';
import { dispatch } from './boundary.js';
import { isMarkedCancelled, markCancelled } from './cancel-flags.js';
import { handlers } from './handlers.js';
import type { HostMessage, WorkerMessage, WorkerStartData } from './worker-protocol.js';
import { preferSmallHeap } from './heap.js';

/** The database thread: one writer connection, every handler runs here, the window never waits. */
preferSmallHeap();
const { dbFile, cancelBuffer, resourcesDir, dbKey } = workerData as WorkerStartData;
const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

const post = (message: WorkerMessage) => port.postMessage(message);
useResourcesDir(resourcesDir);

try {
  const options = {
    db: openDatabase(dbFile, {
      nativeBinding: process.env.BANHCHI_SQLITE_BINDING, key: dbKey ? Buffer.from(dbKey) : undefined,
      // Delivered to the host while this thread is still busy upgrading.
      onUpgrade: (step) => post({ type: 'upgrade', step }),
    }),
    handlers,
    jobs: {
      isCancelled: (jobId: string) => isMarkedCancelled(cancelBuffer, jobId),
      cancel: (jobId: string) => {
        markCancelled(cancelBuffer, jobId);
        return true;
      },
    },
    onProgress: (jobId: string, done: number, total: number, stage?: string) =>
      post({ type: 'progress', event: stage === undefined ? { jobId, done, total } : { jobId, done, total, stage } }),
    // Restoring a backup: the register is closed, replaced and opened again in this thread.
    replaceDatabase: (work: (file: string, key: Buffer) => Buffer | void) => {
      options.db = reopenAround(options.db, work, process.env.BANHCHI_SQLITE_BINDING);
    },
  };
  port.on('message', (message: HostMessage) => {
    if (message.type === 'close') {
      // Fold the write-ahead log into the database file, so the file alone is the whole register
      // (a copy taken after quitting, a backup, a USB stick) and no -wal file is left behind.
      try {
        options.db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        options.db.close();
        post({ type: 'closed' });
      }
      return;
    }
    void dispatch(options, message.op, message.input, message.actor).then((result) => post({ type: 'result', id: message.id, result }));
  });
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'failed', error: startupFailure(error) });
}

/**
 * better-sqlite3 loads its native module when the first database opens, so a broken install
 * (the .node missing, or built for another runtime) surfaces as "cannot open the database".
 * It is not the register's fault: say the worker could not start, and the user reinstalls.
 */
function startupFailure(error: unknown): AppErrorShape {
  if (!(error instanceof AppError)) return { code: 'db.cannotOpen', params: { file: dbFile, reason: String(error) } };
  const reason = String(error.params?.reason ?? '');
  if (error.code === 'db.cannotOpen' && /better_sqlite3\.node|bindings file|NODE_MODULE_VERSION/.test(reason)) {
    return { code: 'worker.couldNotStart', params: { reason } };
  }
  return error.toShape();
}
