import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Actor } from '../../shared/actor.js';
import type { Office } from '../../shared/contract/foundation.js';
import type { OpName, OpParsedRequest, OpResponse } from '../../shared/contract/index.js';
import type { WriteContext } from '../db/changes.js';
import { getOffice } from '../db/office.js';

export interface JobControl {
  isCancelled(jobId: string): boolean;
  cancel(jobId: string): boolean;
}

/** What a handler gets besides its parsed request. */
export interface HandlerContext {
  db: Database;
  actor: Actor;
  jobs: JobControl;
  /** The office this installation is, or null before set-up. */
  office(): Office | null;
  /** Context for the change-log write path, with this actor and this office as origin. */
  writer(): WriteContext;
  /** For job operations: report progress; a no-op for the rest. */
  progress(done: number, total: number, stage?: string): void;
  /** For job operations: true once `jobs.cancel` was called for this job. */
  cancelled(): boolean;
  /**
   * Closes the register (WAL folded in), runs `work` on the closed file, then opens the file
   * again for every later call (restoring a backup), with the key `work` returns if it changed it
   * (key rotation), else the same key. `ctx.db` is closed
   * afterwards: the handler must not use it again. Absent where no one owns the connection.
   */
  replaceDatabase?: ((work: (file: string, key: Buffer) => Buffer | void) => void) | undefined;
  /**
   * Notes that this call shows a record to its actor (a sensitive complaint, a possible victim);
   * the boundary appends it to the audit chain once the call succeeds (db/audit.ts).
   */
  auditRead(entity: string, recordId: string): void;
}

export type Handler<N extends OpName> = (
  ctx: HandlerContext,
  request: OpParsedRequest<N>,
) => OpResponse<N> | Promise<OpResponse<N>>;

export type HandlerTable = { [N in OpName]: Handler<N> };

export interface ContextOptions {
  db: Database;
  actor: Actor;
  jobs: JobControl;
  jobId?: string | undefined;
  onProgress?: ((jobId: string, done: number, total: number, stage?: string) => void) | undefined;
  replaceDatabase?: HandlerContext['replaceDatabase'];
  /** Where `auditRead` collects the records the call showed. */
  reads?: { entity: string; recordId: string }[];
}

export function createContext(options: ContextOptions): HandlerContext {
  const { db, actor, jobs, jobId, onProgress, replaceDatabase, reads } = options;
  let cachedOffice: Office | null | undefined;
  const office = (): Office | null => (cachedOffice === undefined ? (cachedOffice = getOffice(db)) : cachedOffice);
  return {
    db,
    actor,
    jobs,
    office,
    writer: () => ({ db, actor, originOffice: office()?.id ?? 'unconfigured' }),
    progress: (done, total, stage) => {
      if (jobId && onProgress) onProgress(jobId, done, total, stage);
    },
    cancelled: () => (jobId ? jobs.isCancelled(jobId) : false),
    replaceDatabase,
    auditRead: (entity, recordId) => {
      reads?.push({ entity, recordId });
    },
  };
}

/** Cancellation flags for handlers running in the same thread as their caller (CLI, tests). */
export function localJobControl(): JobControl {
  const cancelled = new Set<string>();
  return {
    isCancelled: (jobId) => cancelled.has(jobId),
    cancel: (jobId) => {
      cancelled.add(jobId);
      return true;
    },
  };
}
