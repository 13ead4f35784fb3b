import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors.js';
import { REFERENCE_ENTITIES, syncedEntity, toRow } from './entities.js';
import type { Change } from './format/index.js';
import type { StagedChange } from './types.js';

/** A change as the bundle reader yields it (shape checked, data not yet). */
export type ReadChange = Change;

export interface StageContext {
  fileName: string;
  /** This office: nobody else may change its records. */
  self: string;
  kind: 'changes' | 'reference';
  from: string;
}

const BATCH = 2000;

/**
 * Checks every change and keeps it in a TEMP table (outside the database file) until the whole
 * bundle has been read; nothing touches the register before that. Returns the number staged.
 */
export async function stageChanges(db: Database, changes: AsyncIterable<ReadChange> | Iterable<ReadChange>, ctx: StageContext,
  onProgress?: (n: number) => void): Promise<number> {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS sync_stage (line INTEGER PRIMARY KEY, json TEXT NOT NULL);
    DELETE FROM temp.sync_stage;`);
  const insert = db.prepare('INSERT INTO temp.sync_stage (line, json) VALUES (?, ?)');
  const flush = db.transaction((batch: StagedChange[]) => {
    for (const change of batch) insert.run(change.line, JSON.stringify(change, bufferSafe));
  });
  let batch: StagedChange[] = [];
  let line = 0;
  for await (const change of changes) {
    line += 1;
    batch.push(checkChange(db, change, line, ctx));
    if (batch.length >= BATCH) {
      flush(batch);
      batch = [];
      onProgress?.(line);
    }
  }
  flush(batch);
  return line;
}

/** Staged changes in order, a batch at a time (no statement stays open while the caller writes). */
export function* stagedChanges(db: Database): Generator<StagedChange> {
  const select = db.prepare('SELECT json FROM temp.sync_stage WHERE line > ? ORDER BY line LIMIT ?').pluck();
  let after = 0;
  for (;;) {
    const rows = select.all(after, BATCH) as string[];
    if (rows.length === 0) return;
    for (const json of rows) {
      const change = (json.includes('"$bigint"') || json.includes('"$base64"') ? JSON.parse(json, bufferRevive) : JSON.parse(json)) as StagedChange;
      after = change.line;
      yield change;
    }
  }
}

export function clearStage(db: Database): void {
  db.exec('DROP TABLE IF EXISTS temp.sync_stage');
}

function bufferSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer') {
    return { $base64: Buffer.from((value as { data: number[] }).data).toString('base64') };
  }
  return value;
}

function bufferRevive(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object') {
    const v = value as { $bigint?: string; $base64?: string };
    if (typeof v.$bigint === 'string') return BigInt(v.$bigint);
    if (typeof v.$base64 === 'string') return Buffer.from(v.$base64, 'base64');
  }
  return value;
}

function checkChange(db: Database, change: ReadChange, line: number, ctx: StageContext): StagedChange {
  const where = { file: ctx.fileName, line: String(line) };
  const fail = (code: string, params: Record<string, string | number>) => new AppError(`syncdb.${code}`, { ...where, ...params });
  const entity = syncedEntity(db, String(change.entity));
  if (!entity) throw fail('unknownEntity', { entity: String(change.entity) });
  if (REFERENCE_ENTITIES.has(change.entity) !== (ctx.kind === 'reference')) throw fail('wrongKind', { entity: change.entity });
  if (change.origin === ctx.self) throw fail('ownRecord', { entity: change.entity, id: change.id });
  if (ctx.kind === 'reference' && change.origin !== ctx.from) throw fail('wrongOrigin', { entity: change.entity, id: change.id, origin: change.origin });
  if (typeof change.id !== 'string' || change.id.length === 0 || change.id.length > 100) throw fail('badField', { entity: change.entity, field: 'id' });
  if (typeof change.origin !== 'string' || change.origin.length === 0) throw fail('badField', { entity: change.entity, field: 'origin' });
  if (!Number.isSafeInteger(change.rev) || change.rev < 1) throw fail('badField', { entity: change.entity, field: 'rev' });
  if (!['insert', 'update', 'delete'].includes(change.op) || (change.op === 'insert') !== (change.rev === 1)) {
    throw fail('badField', { entity: change.entity, field: 'op' });
  }
  if ((change.op === 'delete') !== (change.data === null)) throw fail('badField', { entity: change.entity, field: 'data' });
  if (typeof change.actor !== 'string' || typeof change.at !== 'string') throw fail('badField', { entity: change.entity, field: 'actor' });
  return {
    line,
    entity: change.entity,
    op: change.op,
    id: change.id,
    origin: change.origin,
    rev: change.rev,
    actor: change.actor,
    at: change.at,
    row: change.data === null ? null : toRow(entity, change.data, where),
  };
}
