import type { Actor } from '../../shared/actor.js';
import type { ProgressEvent } from '../../shared/contract/api.js';
import type { AppErrorShape, Result } from '../../shared/errors.js';
import type { UpgradeStep } from '../db/open.js';

/** What the host hands the worker at start (its `workerData`). */
export interface WorkerStartData {
  dbFile: string;
  cancelBuffer: SharedArrayBuffer;
  /** Where what ships beside the app lives (resources/data/…); null when nothing ships (tests, CLI). */
  resourcesDir: string | null;
  /** The database key when the host holds it (the app: from safeStorage); null: from the environment. */
  dbKey: Uint8Array | null;
}

export type HostMessage =
  | { type: 'call'; id: number; op: string; input: unknown; actor: Actor }
  | { type: 'close' };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'failed'; error: AppErrorShape }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'progress'; event: ProgressEvent }
  /** Opening the register: a pending migration starts (or, done = total, all are done). */
  | { type: 'upgrade'; step: UpgradeStep }
  | { type: 'closed' };
