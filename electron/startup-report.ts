import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors.js';
import type { i18n as I18n } from 'i18next';
import { errorMessage } from '../shared/i18n/index.js';

/**
 * What the app says and keeps when it cannot start or its database worker stops: a message in the
 * user's language naming what failed and what to do, and the stack in `<userData>/logs/` for
 * whoever supports the office. No electron import: tested under plain Node.
 */
export const LOG_FILE = 'banhchi.log';

/** Appends one dated entry with the stack (and its causes) to `<userData>/logs/banhchi.log`; returns the file, or null when it cannot be written. */
export function writeLog(userData: string, what: string, error: unknown): string | null {
  const dir = path.join(userData, 'logs');
  const file = path.join(dir, LOG_FILE);
  const lines = [`[${new Date().toISOString()}] ${what}`];
  for (let cause: unknown = error, depth = 0; cause !== undefined && depth < 5; cause = (cause as { cause?: unknown }).cause, depth += 1) {
    lines.push(cause instanceof Error ? (cause.stack ?? cause.message) : String(cause));
    if (cause instanceof AppError && cause.params) lines.push(`params: ${JSON.stringify(cause.params)}`);
    if (!(cause instanceof Error)) break;
  }
  try {
    mkdirSync(dir, { recursive: true });
    appendFileSync(file, `${lines.join('\n')}\n\n`);
    return file;
  } catch {
    return null;
  }
}

/** The startup error as an AppError: anything that is not the database's own refusal means the worker could not run. */
export function startupError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const wrapped = new AppError('worker.couldNotStart', { reason: error instanceof Error ? error.message : String(error) });
  wrapped.cause = error;
  return wrapped;
}

/** Title and text of the startup error box: what failed, what to do, where the details are. */
export function startupMessage(t: I18n['t'], error: AppError, context: { dataDir: string; logFile: string | null }): { title: string; text: string } {
  const workerFailed = error.code === 'worker.couldNotStart';
  const title = t(workerFailed ? 'startup.workerFailedTitle' : 'startup.databaseFailedTitle');
  const advice =
    error.code === 'db.newerVersion' || error.code.startsWith('atrest.')
      ? null // its message already says what to do (install the newer version; the key store, the recovery key)
      : t(workerFailed ? 'startup.workerAdvice' : 'startup.databaseAdvice', { folder: context.dataDir });
  const log = context.logFile ? t('startup.logWritten', { file: context.logFile }) : t('startup.logNotWritten');
  return { title, text: [errorMessage(t, error.toShape()), advice, log].filter(Boolean).join('\n\n') };
}
