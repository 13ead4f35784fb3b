import type { Actor } from '../../shared/actor.js';
import type { ProgressEvent } from '../../shared/contract/api.js';
import type { AppErrorShape, Result } from '../../shared/errors.js';

export type HostMessage =
  | { type: 'call'; id: number; op: string; input: unknown; actor: Actor }
  | { type: 'close' };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'failed'; error: AppErrorShape }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'progress'; event: ProgressEvent }
  | { type: 'closed' };
