import { hash, verify } from '@node-rs/argon2';
import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_IDLE_MINUTES, IDLE_SETTING, type User } from '../../shared/contract/accounts.js';
import { AppError } from '../../shared/errors.js';
import type { HandlerContext, HandlerTable } from '../backend/context.js';
import { now } from '../backend/clock.js';
import {
  activeAdminCount, clearFailures, hasOfficeUsers, officeUsers, readSecret, recordFailure, userByUsername, userById, userEntity, writeSecret,
} from '../db/accounts.js';
import { insertRecord, nowIso, readRecord, updateRecord } from '../db/changes.js';
import { removePassphraseWrap, wrapKeyWithPassphrase } from '../db/key-wraps.js';
import { settingEntity } from '../db/settings.js';

type AccountsOp =
  | 'session.current' | 'session.login' | 'session.logout' | 'session.lock' | 'session.unlock'
  | 'accounts.status' | 'accounts.authenticate' | 'accounts.createFirstAdmin' | 'accounts.list' | 'accounts.create'
  | 'accounts.update' | 'accounts.resetPassword' | 'accounts.setActive' | 'accounts.setIdleMinutes';

/** Failed sign-ins in a row before the account is locked, and for how long. */
export const MAX_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

/** OWASP's Argon2id baseline (19 MiB, 2 passes, 1 lane): about 0.1 s here. */
const ARGON2 = { algorithm: 2 /* Algorithm.Argon2id, a const enum */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/** Verified against when the name is unknown, so an unknown name takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

function officeId(ctx: HandlerContext): string {
  const office = ctx.office();
  if (!office) throw new AppError('accounts.noOffice');
  return office.id;
}

function ownUser(ctx: HandlerContext, id: string): User {
  const user = userById(ctx.db, id);
  if (!user || user.originOffice !== ctx.office()?.id) throw new AppError('accounts.unknownUser');
  const { originOffice: _origin, ...rest } = user;
  return rest;
}

export function idleMinutes(ctx: Pick<HandlerContext, 'db'>): number {
  const row = readRecord(ctx.db, settingEntity, IDLE_SETTING);
  const minutes = Number(row?.value);
  return Number.isInteger(minutes) && minutes >= 1 ? minutes : DEFAULT_IDLE_MINUTES;
}

async function createUser(ctx: HandlerContext, input: { username: string; nameEn: string; nameKm: string; role: User['role']; password: string }): Promise<User> {
  const office = officeId(ctx);
  if (userByUsername(ctx.db, office, input.username)) throw new AppError('accounts.usernameTaken', { username: input.username });
  const passwordHash = await hashPassword(input.password);
  const id = uuidv7();
  const at = nowIso();
  ctx.db.transaction(() => {
    // Checked again inside the transaction: the hash was computed outside it.
    if (userByUsername(ctx.db, office, input.username)) throw new AppError('accounts.usernameTaken', { username: input.username });
    insertRecord(ctx.writer(), userEntity, id, {
      username: input.username, name_en: input.nameEn, name_km: input.nameKm, role: input.role, active: 1, created_at: at,
    });
    writeSecret(ctx.db, id, passwordHash, at);
  })();
  const user = ownUser(ctx, id);
  if (user.role === 'administrator') wrapKeyWithPassphrase(ctx.db, user.username, input.password);
  return user;
}

/** Checks a name and password; five failures in a row lock the account for fifteen minutes. */
async function authenticate(ctx: HandlerContext, username: string, password: string): Promise<User> {
  const office = officeId(ctx);
  const user = userByUsername(ctx.db, office, username);
  const secret = user ? readSecret(ctx.db, user.id) : null;
  if (!user || !secret) {
    dummyHash ??= hashPassword('not a password of anyone');
    await verify(await dummyHash, password);
    throw new AppError('accounts.badLogin');
  }
  const at = now();
  if (secret.lockedUntil && Date.parse(secret.lockedUntil) > at) {
    throw new AppError('accounts.lockedOut', { minutes: Math.ceil((Date.parse(secret.lockedUntil) - at) / 60_000) });
  }
  const good = await verify(secret.passwordHash, password);
  if (!good) {
    const failures = (readSecret(ctx.db, user.id)?.failedCount ?? 0) + 1;
    const locked = failures >= MAX_FAILURES;
    recordFailure(ctx.db, user.id, locked ? 0 : failures, locked ? new Date(at + LOCKOUT_MINUTES * 60_000).toISOString() : null);
    if (locked) throw new AppError('accounts.lockedOut', { minutes: LOCKOUT_MINUTES });
    throw new AppError('accounts.badLogin');
  }
  if (!user.active) throw new AppError('accounts.inactive');
  clearFailures(ctx.db, user.id);
  return user;
}

/** A deactivated administrator's passphrase no longer opens the register (the last way to open it is kept). */
function dropKeyWrap(ctx: HandlerContext, label: string): void {
  try {
    removePassphraseWrap(ctx.db, label);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'atrest.lastWrap')) throw error;
  }
}

function transportOnly(): never {
  // The session operations are answered by the main process or the web server, which know the window.
  throw new AppError('accounts.noSession');
}

export const accountsHandlers: Pick<HandlerTable, AccountsOp> = {
  'session.current': transportOnly,
  'session.login': transportOnly,
  'session.logout': transportOnly,
  'session.lock': transportOnly,
  'session.unlock': transportOnly,

  'accounts.status': (ctx) => {
    const office = ctx.office();
    return { hasUsers: office ? hasOfficeUsers(ctx.db, office.id) : false, idleMinutes: idleMinutes(ctx) };
  },

  'accounts.authenticate': (ctx, request) => authenticate(ctx, request.username, request.password),

  'accounts.createFirstAdmin': async (ctx, request) => {
    if (hasOfficeUsers(ctx.db, officeId(ctx))) throw new AppError('accounts.adminExists');
    return createUser(ctx, { ...request, role: 'administrator' });
  },

  'accounts.list': (ctx) => officeUsers(ctx.db, officeId(ctx)),

  'accounts.create': (ctx, request) => createUser(ctx, request),

  'accounts.update': (ctx, request) => {
    const user = ownUser(ctx, request.id);
    if (user.role === 'administrator' && request.role !== 'administrator' && user.active && activeAdminCount(ctx.db, officeId(ctx)) <= 1) {
      throw new AppError('accounts.lastAdmin');
    }
    updateRecord(ctx.writer(), userEntity, user.id, { name_en: request.nameEn, name_km: request.nameKm, role: request.role });
    return ownUser(ctx, user.id);
  },

  'accounts.resetPassword': async (ctx, request) => {
    const user = ownUser(ctx, request.id);
    writeSecret(ctx.db, user.id, await hashPassword(request.password), nowIso());
    // An administrator's passphrase also opens the register's key (docs/encryption.md): the new one replaces the old.
    if (user.role === 'administrator' && user.active) wrapKeyWithPassphrase(ctx.db, user.username, request.password);
    return user;
  },

  'accounts.setActive': (ctx, request) => {
    const user = ownUser(ctx, request.id);
    if (!request.active && user.id === ctx.actor.id) throw new AppError('accounts.deactivateSelf');
    if (!request.active && user.role === 'administrator' && user.active && activeAdminCount(ctx.db, officeId(ctx)) <= 1) {
      throw new AppError('accounts.lastAdmin');
    }
    updateRecord(ctx.writer(), userEntity, user.id, { active: request.active ? 1 : 0 });
    if (!request.active && user.role === 'administrator') dropKeyWrap(ctx, user.username);
    return ownUser(ctx, user.id);
  },

  'accounts.setIdleMinutes': (ctx, request) => {
    const writer = ctx.writer();
    const value = String(request.minutes);
    if (readRecord(ctx.db, settingEntity, IDLE_SETTING)) updateRecord(writer, settingEntity, IDLE_SETTING, { value });
    else insertRecord(writer, settingEntity, IDLE_SETTING, { value });
    return { minutes: request.minutes };
  },
};
