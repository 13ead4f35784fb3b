// A stand-in database worker that runs but cannot open its database (see crashing-worker.mjs).
import { parentPort, workerData } from 'node:worker_threads';

parentPort.postMessage({ type: 'failed', error: { code: 'db.cannotOpen', params: { file: workerData.dbFile, reason: 'disk full' } } });
