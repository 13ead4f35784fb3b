import type { Database } from 'better-sqlite3-multiple-ciphers';
import { actorSchema, type Actor } from '../../shared/actor.js';
import { contract, isOpName, type OpName } from '../../shared/contract/index.js';
import { AppError, type AppErrorShape, type ErrorDetail, type Result } from '../../shared/errors.js';
import { canPerform } from '../../shared/permissions.js';
import { textProblems } from '../../shared/text-input.js';
import { issueDetails } from '../../shared/validation.js';
import { appendAudit } from '../db/audit.js';
import { auditedReads } from './audited-reads.js';
import { createContext, type HandlerTable, type JobControl } from './context.js';

export interface DispatchOptions {
  db: Database;
  handlers: HandlerTable;
  jobs: JobControl;
  onProgress?: (jobId: string, done: number, total: number, stage?: string) => void;
  /** Swaps `db` for a reopened connection after `work` ran on the closed file (see HandlerContext). */
  replaceDatabase?: (work: (file: string, key: Buffer) => Buffer | void) => void;
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
  // Which record a field belongs to (`premises` in `premises.create`), for its label; never shown itself.
  const entity = op.split('.')[0] ?? '';
  const parsed = spec.request.safeParse(input ?? {});
  if (!parsed.success) {
    // Every problem at once: the schema's, and text that cannot be stored in fields the schema accepted.
    const details = issueDetails(parsed.error.issues, input ?? {}, entity);
    const named = new Set(details.map((d) => d.params?.field));
    const text = textProblems(input ?? {}).filter((d) => !named.has(d.params?.field)).map((d) => ({ ...d, params: { ...d.params, entity } }));
    return invalid([...details, ...text]);
  }
  // Characters the register cannot keep, and Limon text in Khmer fields, are refused, never stripped.
  const refusedText = textProblems(parsed.data).map((d) => ({ ...d, params: { ...d.params, entity } }));
  if (refusedText.length > 0) return invalid(refusedText);
  const request = parsed.data as { jobId?: string };
  const reads: { entity: string; recordId: string }[] = [];
  const ctx = createContext({ db: options.db, actor, jobs: options.jobs, jobId: request.jobId, onProgress: options.onProgress, replaceDatabase: options.replaceDatabase, reads });
  try {
    const handler = options.handlers[op] as (ctx: unknown, request: unknown) => unknown;
    const value = await handler(ctx, request);
    const checked = spec.response.safeParse(value);
    if (!checked.success) {
      console.error(`[boundary] ${op} returned a value outside its contract`, checked.error.issues.slice(0, 3));
      return failure({ code: 'boundary.invalidResponse', params: { op } });
    }
    // A record shown to someone is answered only once the read is in the audit chain.
    // A call that replaced the register (restore, key rotation) writes to the connection opened after it.
    const writer = options.db === ctx.db ? ctx.writer() : createContext({ db: options.db, actor, jobs: options.jobs }).writer();
    appendAudit(writer, auditedReads(options.db, op, request, checked.data, reads));
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

/** Field errors: each names its field (path) and reason, translated by the UI with the field's label. */
function invalid(details: ErrorDetail[]): Result<never> {
  return failure({ code: 'validation.invalid', params: { count: details.length }, details });
}

function failure(error: AppErrorShape): Result<never> {
  return { ok: false, error };
}
