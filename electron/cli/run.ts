import os from 'node:os';
import { cliActor, SYSTEM_ACTOR, type Actor } from '../../shared/actor.js';
import type { User } from '../../shared/contract/accounts.js';
import type { OpName, OpRequest, OpResponse } from '../../shared/contract/index.js';
import { AppError } from '../../shared/errors.js';
import { createI18n, errorMessage, isLanguage } from '../../shared/i18n/index.js';
import { createLocalBackend, type Backend } from '../backend/backend.js';
import { openDatabase } from '../db/open.js';
import { upgradeReporter } from '../db/upgrade-progress.js';
import { cliDatabaseKey } from './db-key.js';
import { userActor } from '../sessions.js';
import { ask, canAsk } from './prompt.js';

/** Options every command has. */
export interface GlobalOptions {
  db: string;
  json?: boolean;
  lang?: string;
}

export class CliFailure extends Error {}

/** Opens the database named by --db, runs `work` against the same handler table the app uses, closes. */
export async function withBackend<T>(options: GlobalOptions, work: (call: CliCaller) => Promise<T>): Promise<T> {
  const t = translator(options);
  const onUpgrade = upgradeReporter((line) => process.stderr.write(`${line}\n`), (key, params) => t(key, params));
  const backend = createLocalBackend(openDatabase(options.db, { key: cliDatabaseKey(options.db), onUpgrade }));
  try {
    return await work(makeCaller(backend, options));
  } finally {
    await backend.close();
  }
}

export type CliCaller = <N extends OpName>(op: N, input: OpRequest<N>) => Promise<OpResponse<N>>;

function makeCaller(backend: Backend, options: GlobalOptions): CliCaller {
  let actor: Promise<Actor> | undefined;
  return async (op, input) => {
    // Signed in once per command, at its first call (`banhchi mrz` and friends never ask).
    actor ??= signIn(backend, options);
    const result = await backend.call(op, input, await actor);
    if (!result.ok) throw new AppError(result.error.code, result.error.params, result.error.details);
    return result.value as OpResponse<typeof op>;
  };
}

/**
 * Who the command acts as. A register with accounts needs one: `BANHCHI_USER` and
 * `BANHCHI_PASSWORD` (scripts), or the name and password asked at the terminal. A register
 * without any account yet (before `banhchi init` made the administrator) is run by the operating
 * system's user, as before accounts existed.
 */
async function signIn(backend: Backend, options: GlobalOptions): Promise<Actor> {
  const status = await backend.call('accounts.status', {}, SYSTEM_ACTOR);
  if (!status.ok || !(status.value as { hasUsers: boolean }).hasUsers) return cliActor(os.userInfo().username);
  const user = await authenticate(backend, options);
  return userActor(user);
}

/** Checks `BANHCHI_USER`/`BANHCHI_PASSWORD` or asks for them; the lockout counts failures here too. */
export async function authenticate(backend: Backend, options: { lang?: string | undefined }): Promise<User> {
  const t = translator(options);
  let username = process.env.BANHCHI_USER;
  let password = process.env.BANHCHI_PASSWORD;
  if ((!username || !password) && !canAsk()) throw new CliFailure(t('accounts.cli.needUser'));
  username ||= await ask(`${t('accounts.field.username')}: `);
  password ||= await ask(`${t('accounts.field.password')}: `, true);
  const result = await backend.call('accounts.authenticate', { username, password }, SYSTEM_ACTOR);
  if (!result.ok) throw new AppError(result.error.code, result.error.params, result.error.details);
  return result.value as User;
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
