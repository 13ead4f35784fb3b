import type { Database } from 'better-sqlite3';
import { actorSchema, type Actor } from '../../shared/actor.js';
import { contract, isOpName, type OpName } from '../../shared/contract/index.js';
import { AppError, type AppErrorShape, type Result } from '../../shared/errors.js';
import { canPerform } from '../../shared/permissions.js';
import { createContext, type HandlerTable, type JobControl } from './context.js';

export interface DispatchOptions {
  db: Database;
  handlers: HandlerTable;
  jobs: JobControl;
  onProgress?: (jobId: string, done: number, total: number, stage?: string) => void;
}

/**
 * The boundary every call crosses, whatever the transport (IPC, HTTP, CLI): parse from unknown,
 * check the actor, run, check the answer, and turn any failure into a translatable error code.
 * No exception and no stack trace leaves this function.
 */
export async function dispatch(options: DispatchOptions, op: unknown, input: unknown, actorInput: unknown): Promise<Result<unknown>> {
  if (!isOpName(op)) return failure({ code: 'boundary.unknownOperation', params: { op: String(op) } });
  const actorParse = actorSchema.safeParse(actorInput);
  if (!actorParse.success) return failure({ code: 'boundary.badActor' });
  const actor: Actor = actorParse.data;
  if (!canPerform(actor, op)) return failure({ code: 'boundary.forbidden', params: { op } });

  const spec = contract[op];
  const parsed = spec.request.safeParse(input ?? {});
  if (!parsed.success) {
    return failure({
      code: 'boundary.invalidRequest',
      params: { op },
      details: parsed.error.issues.map((issue) => ({
        code: 'validation.field',
        params: { field: issue.path.join('.') || '-', message: issue.message },
      })),
    });
  }
  const request = parsed.data as { jobId?: string };
  const ctx = createContext({ db: options.db, actor, jobs: options.jobs, jobId: request.jobId, onProgress: options.onProgress });
  try {
    const handler = options.handlers[op] as (ctx: unknown, request: unknown) => unknown;
    const value = await handler(ctx, request);
    const checked = spec.response.safeParse(value);
    if (!checked.success) {
      console.error(`[boundary] ${op} returned a value outside its contract`, checked.error.issues.slice(0, 3));
      return failure({ code: 'boundary.invalidResponse', params: { op } });
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    return failure(toErrorShape(error, op));
  }
}

export function toErrorShape(error: unknown, op: OpName | string): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  const message = error instanceof Error ? error.message : String(error);
  if (/SQLITE_BUSY|database is locked/.test(message)) return { code: 'db.busy' };
  console.error(`[boundary] ${op} failed`, error);
  return { code: 'internal', params: { op, message } };
}

function failure(error: AppErrorShape): Result<never> {
  return { ok: false, error };
}
