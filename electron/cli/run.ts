import os from 'node:os';
import { cliActor } from '../../shared/actor.js';
import type { OpName, OpRequest, OpResponse } from '../../shared/contract/index.js';
import { AppError } from '../../shared/errors.js';
import { createI18n, errorMessage, isLanguage } from '../../shared/i18n/index.js';
import { createLocalBackend, type Backend } from '../backend/backend.js';
import { openDatabase } from '../db/open.js';
import { cliDatabaseKey } from './db-key.js';

/** Options every command has. */
export interface GlobalOptions {
  db: string;
  json?: boolean;
  lang?: string;
}

export class CliFailure extends Error {}

/** Opens the database named by --db, runs `work` against the same handler table the app uses, closes. */
export async function withBackend<T>(options: GlobalOptions, work: (call: CliCaller) => Promise<T>): Promise<T> {
  const backend = createLocalBackend(openDatabase(options.db, { key: cliDatabaseKey(options.db) }));
  try {
    return await work(makeCaller(backend));
  } finally {
    await backend.close();
  }
}

export type CliCaller = <N extends OpName>(op: N, input: OpRequest<N>) => Promise<OpResponse<N>>;

function makeCaller(backend: Backend): CliCaller {
  const actor = cliActor(os.userInfo().username);
  return async (op, input) => {
    const result = await backend.call(op, input, actor);
    if (!result.ok) throw new AppError(result.error.code, result.error.params, result.error.details);
    return result.value as OpResponse<typeof op>;
  };
}

export function translator(options: { lang?: string | undefined }) {
  return createI18n(isLanguage(options.lang) ? options.lang : 'en').t;
}

/** One line for the error, then one line per detail (bad lines of a file), on stderr. */
export function describeFailure(error: unknown, options: { lang?: string | undefined }): string {
  const t = translator(options);
  if (error instanceof AppError) {
    const lines = [errorMessage(t, error)];
    for (const detail of error.details ?? []) lines.push(`  ${errorMessage(t, detail)}`);
    return lines.join('\n');
  }
  if (error instanceof CliFailure) return error.message;
  return error instanceof Error ? error.message : String(error);
}

export function print(options: { json?: boolean | undefined }, value: unknown, human: () => string): void {
  process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}
