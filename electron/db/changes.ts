import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../shared/errors.js';
import { now } from '../backend/clock.js';
import { derivedColumns, derivedData, updateSearch, withoutDerived } from './derived.js';
import { stmt } from './statements.js';
import { assertValid } from './validate.js';

/**
 * The one write path. Every insert, update and delete of a record goes through here and
 * appends to `change_log` in the same transaction, so sync and audit can rely on the log
 * being complete. Query modules read freely but never write around these functions.
 * Derived data (`derived.ts`: name and passport keys, the 24-hour flag, the search index) is
 * recomputed here for every write, local or remote, so both meet the same rules.
 */

export type SqlValue = string | number | bigint | null | Buffer;
export type Row = Record<string, SqlValue>;

/** A table of records: `id TEXT PRIMARY KEY`, `origin_office`, `revision` plus `columns`. */
export interface EntitySpec {
  entity: string;
  table: string;
  columns: readonly string[];
}

export interface WriteContext {
  db: Database;
  actor: Actor;
  /** The office id recorded as origin of new records; `builtin` for shipped reference data. */
  originOffice: string;
  now?: () => string;
}

function checkColumns(spec: EntitySpec, values: Row): void {
  for (const key of Object.keys(values)) {
    if (!spec.columns.includes(key)) throw new Error(`${spec.entity}: unknown column ${key}`);
  }
}

function inTransaction<T>(db: Database, run: () => T): T {
  return db.inTransaction ? run() : db.transaction(run)();
}

function logChange(
  ctx: WriteContext,
  spec: EntitySpec,
  id: string,
  op: 'insert' | 'update' | 'delete',
  origin: string,
  revision: number,
  before: Row | null,
  after: Row | null,
): number {
  const info = stmt(
    ctx.db,
    `INSERT INTO change_log (entity, record_id, op, actor, at, origin_office, revision, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    spec.entity,
    id,
    op,
    ctx.actor.id,
    (ctx.now ?? nowIso)(),
    origin,
    revision,
    before === null ? null : JSON.stringify(before, jsonSafe),
    after === null ? null : JSON.stringify(after, jsonSafe),
  );
  return Number(info.lastInsertRowid);
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return { base64: value.toString('base64') };
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer') {
    return { base64: Buffer.from((value as { data: number[] }).data).toString('base64') };
  }
  return value;
}

/** An instant (UTC, `Z`) for audit columns; office-local dates come from shared/local-time.ts. */
export function nowIso(): string {
  return new Date(now()).toISOString();
}

/** `values` with its derived columns computed (any given value for them is replaced). */
function withDerived(entity: string, values: Row): Row {
  const derived = derivedColumns(entity, values, null);
  return derived ? { ...withoutDerived(entity, values), ...derived } : values;
}

/**
 * Adds to `before`/`after` the derived columns that change when `after` is applied to `current`.
 * `after` must not hold derived columns itself.
 */
function addDerivedChanges(entity: string, current: Row, before: Row, after: Row): void {
  const derived = derivedColumns(entity, { ...current, ...after }, Object.keys(after));
  if (!derived) return;
  for (const [column, value] of Object.entries(derived)) {
    if (!sameValue(current[column] ?? null, value)) {
      before[column] = current[column] ?? null;
      after[column] = value;
    }
  }
}

export function insertRecord(ctx: WriteContext, spec: EntitySpec, id: string, given: Row): void {
  checkColumns(spec, given);
  assertValid(ctx.db, spec.entity, id, 'insert', given);
  const values = withDerived(spec.entity, given);
  const columns = Object.keys(values);
  const sql = `INSERT INTO ${spec.table} (id, origin_office, revision${columns.map((c) => `, ${c}`).join('')})
    VALUES (?, ?, 1${columns.map(() => ', ?').join('')})`;
  inTransaction(ctx.db, () => {
    stmt(ctx.db, sql).run(id, ctx.originOffice, ...columns.map((c) => values[c]));
    logChange(ctx, spec, id, 'insert', ctx.originOffice, 1, null, values);
    updateSearch(ctx.db, spec.entity, id, values, null);
  });
}

export function readRecord(db: Database, spec: EntitySpec, id: string): (Row & { origin_office: string; revision: number }) | undefined {
  return stmt(db, `SELECT * FROM ${spec.table} WHERE id = ?`).get(id) as
    | (Row & { origin_office: string; revision: number })
    | undefined;
}

/** Writes only the fields that differ; returns false (and logs nothing) when nothing changed. */
export function updateRecord(ctx: WriteContext, spec: EntitySpec, id: string, patch: Row): boolean {
  checkColumns(spec, patch);
  return inTransaction(ctx.db, () => {
    const current = readRecord(ctx.db, spec, id);
    if (!current) throw new AppError('record.notFound', { entity: spec.entity, id });
    const before: Row = {};
    const after: Row = {};
    for (const [column, value] of Object.entries(withoutDerived(spec.entity, patch))) {
      if (!sameValue(current[column] ?? null, value)) {
        before[column] = current[column] ?? null;
        after[column] = value;
      }
    }
    addDerivedChanges(spec.entity, current, before, after);
    const changed = Object.keys(after);
    if (changed.length === 0) return false;
    assertValid(ctx.db, spec.entity, id, 'update', after, current);
    const revision = current.revision + 1;
    stmt(
      ctx.db,
      `UPDATE ${spec.table} SET revision = ?${changed.map((c) => `, ${c} = ?`).join('')} WHERE id = ?`,
    ).run(revision, ...changed.map((c) => after[c]), id);
    logChange(ctx, spec, id, 'update', current.origin_office, revision, before, after);
    updateSearch(ctx.db, spec.entity, id, { ...current, ...after }, changed);
    return true;
  });
}

export function deleteRecord(ctx: WriteContext, spec: EntitySpec, id: string): void {
  inTransaction(ctx.db, () => {
    const current = readRecord(ctx.db, spec, id);
    if (!current) throw new AppError('record.notFound', { entity: spec.entity, id });
    stmt(ctx.db, `DELETE FROM ${spec.table} WHERE id = ?`).run(id);
    const { origin_office: origin, revision, id: _id, ...fields } = current;
    logChange(ctx, spec, id, 'delete', origin, revision + 1, fields, null);
    updateSearch(ctx.db, spec.entity, id, null, null);
  });
}

function sameValue(a: SqlValue | undefined, b: SqlValue | undefined): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  return a === b || (typeof a === 'number' && typeof b === 'bigint' && BigInt(a) === b);
}

/** A change made at another office, as carried by a sync bundle. */
export interface RemoteChange {
  op: 'insert' | 'update' | 'delete';
  id: string;
  origin: string;
  revision: number;
  actor: string;
  at: string;
  /** Inserted values, or the changed fields of an update; null for a delete. */
  data: Row | null;
}

/**
 * Applies a change made elsewhere, keeping its origin office, revision, actor and time, and
 * logs it like a local change. Idempotent: a revision already held is skipped. Only the origin
 * office changes its records, so an update must be the next revision of a record of that origin.
 * Derived columns in `data` are ignored: they are recomputed here, as for a local write.
 */
export function applyRemote(ctx: WriteContext, spec: EntitySpec, change: RemoteChange): 'applied' | 'skipped' {
  if (change.data) checkColumns(spec, change.data);
  const remoteCtx: WriteContext = { ...ctx, actor: { id: change.actor, kind: 'system' }, now: () => change.at };
  return inTransaction(ctx.db, () => {
    const current = readRecord(ctx.db, spec, change.id);
    if (current && current.origin_office !== change.origin) {
      throw new AppError('syncdb.notOwner', { entity: spec.entity, id: change.id, origin: change.origin, owner: current.origin_office });
    }
    if (change.op === 'insert') {
      if (current) return 'skipped';
      assertValid(ctx.db, spec.entity, change.id, 'insert', change.data ?? {});
      const values = withDerived(spec.entity, change.data ?? {});
      const columns = Object.keys(values);
      stmt(
        ctx.db,
        `INSERT INTO ${spec.table} (id, origin_office, revision${columns.map((c) => `, ${c}`).join('')})
         VALUES (?, ?, ?${columns.map(() => ', ?').join('')})`,
      ).run(change.id, change.origin, change.revision, ...columns.map((c) => values[c]));
      logChange(remoteCtx, spec, change.id, 'insert', change.origin, change.revision, null, values);
      updateSearch(ctx.db, spec.entity, change.id, values, null);
      return 'applied';
    }
    if (!current || current.revision >= change.revision) return 'skipped';
    if (change.revision !== current.revision + 1) {
      throw new AppError('syncdb.revisionGap', { entity: spec.entity, id: change.id, have: current.revision, got: change.revision });
    }
    if (change.op === 'delete') {
      stmt(ctx.db, `DELETE FROM ${spec.table} WHERE id = ?`).run(change.id);
      const { origin_office: _o, revision: _r, id: _id, ...fields } = current;
      logChange(remoteCtx, spec, change.id, 'delete', change.origin, change.revision, fields, null);
      updateSearch(ctx.db, spec.entity, change.id, null, null);
      return 'applied';
    }
    const after = { ...withoutDerived(spec.entity, change.data ?? {}) };
    assertValid(ctx.db, spec.entity, change.id, 'update', after, current);
    const before: Row = {};
    for (const column of Object.keys(after)) before[column] = current[column] ?? null;
    addDerivedChanges(spec.entity, current, before, after);
    const changed = Object.keys(after);
    stmt(
      ctx.db,
      `UPDATE ${spec.table} SET revision = ?${changed.map((c) => `, ${c} = ?`).join('')} WHERE id = ?`,
    ).run(change.revision, ...changed.map((c) => after[c]), change.id);
    logChange(remoteCtx, spec, change.id, 'update', change.origin, change.revision, before, after);
    updateSearch(ctx.db, spec.entity, change.id, { ...current, ...after }, changed);
    return 'applied';
  });
}

/**
 * `insertRecord` for many records of one entity with the same columns (bulk import): the statements,
 * column check and SQL are made once. Writes the same record and change-log rows as `insertRecord`;
 * call inside a transaction. `values` must have exactly `columns`, in that order; derived columns are
 * computed whether given or not.
 */
export function recordInserter(ctx: WriteContext, spec: EntitySpec, given: readonly string[]): (id: string, values: Row) => void {
  checkColumns(spec, Object.fromEntries(given.map((c) => [c, null])));
  const columns = [...new Set([...given, ...(derivedData(spec.entity)?.columns?.names ?? [])])];
  const insert = stmt(
    ctx.db,
    `INSERT INTO ${spec.table} (id, origin_office, revision${columns.map((c) => `, ${c}`).join('')})
    VALUES (?, ?, 1${columns.map(() => ', ?').join('')})`,
  );
  const log = stmt(
    ctx.db,
    `INSERT INTO change_log (entity, record_id, op, actor, at, origin_office, revision, before_json, after_json)
     VALUES (?, ?, 'insert', ?, ?, ?, 1, NULL, ?)`,
  );
  const params: SqlValue[] = new Array<SqlValue>(columns.length + 2);
  return (id, given) => {
    if (!ctx.db.inTransaction) throw new Error('recordInserter: call inside a transaction');
    const values = withDerived(spec.entity, given);
    params[0] = id;
    params[1] = ctx.originOffice;
    let plain = true;
    for (let i = 0; i < columns.length; i++) {
      const value = values[columns[i] as string];
      if (value === undefined) throw new Error(`${spec.entity}: no value for ${columns[i]}`);
      if (typeof value === 'bigint' || Buffer.isBuffer(value)) plain = false;
      params[i + 2] = value;
    }
    assertValid(ctx.db, spec.entity, id, 'insert', values);
    insert.run(params);
    log.run(spec.entity, id, ctx.actor.id, (ctx.now ?? nowIso)(), ctx.originOffice, plain ? JSON.stringify(values) : JSON.stringify(values, jsonSafe));
    updateSearch(ctx.db, spec.entity, id, values, null, true);
  };
}
