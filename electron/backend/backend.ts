import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Actor } from '../../shared/actor.js';
import type { ProgressEvent } from '../../shared/contract/api.js';
import type { Result } from '../../shared/errors.js';
import { dispatch } from './boundary.js';
import { localJobControl } from './context.js';
import { handlers } from './handlers.js';
import { ProgressHub } from './progress-hub.js';
import { reopenAround } from '../db/reopen.js';

export { ProgressHub };

/** What every transport talks to: the handler table behind the boundary, here or in a worker. */
export interface Backend {
  call(op: string, input: unknown, actor: Actor): Promise<Result<unknown>>;
  onProgress(listener: (event: ProgressEvent) => void): () => void;
  close(): Promise<void>;
}


/** Runs handlers on the caller's thread: the CLI and tests. The app uses the worker host instead. */
export function createLocalBackend(db: Database): Backend {
  const hub = new ProgressHub();
  const jobs = localJobControl();
  const options = {
    db,
    handlers,
    jobs,
    onProgress: (jobId: string, done: number, total: number, stage?: string) =>
      hub.emit(stage === undefined ? { jobId, done, total } : { jobId, done, total, stage }),
    replaceDatabase: (work: (file: string, key: Buffer) => Buffer | void) => {
      options.db = reopenAround(options.db, work);
    },
  };
  return {
    call: (op, input, actor) => dispatch(options, op, input, actor),
    onProgress: (listener) => hub.subscribe(listener),
    close: async () => {
      options.db.close();
    },
  };
}
