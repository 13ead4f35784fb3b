import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError, type ErrorDetail } from '../../shared/errors.js';
import { cleanText, isRealStamp, shownId } from '../../shared/validation/rules.js';
import { readRecord } from '../db/changes.js';
import { openScratch } from '../db/open.js';
import { problemDetail, recordProblems } from '../db/validate.js';
import { appendOnlyRefusal, type Authority } from './authority.js';
import { DOWNWARD_ENTITIES, downwardRefusal } from './downward.js';
import { REFERENCE_ENTITIES, syncedEntity, toRow } from './entities.js';
import type { Change } from './format/index.js';
import { relayRefusal, signedByOrigin, type RelayableChange } from './relay.js';
import type { StagedChange } from './types.js';

/** A change as the bundle reader yields it (shape checked, data not yet); signed by its maker when passed down (relay.ts). */
export type ReadChange = Change | RelayableChange;

export interface StageContext {
  fileName: string;
  /** This office: nobody else may change its records. */
  self: string;
  kind: 'changes' | 'reference';
  from: string;
  /** What the sending office may send (see authority.ts). */
  authority: Authority;
}

const BATCH = 2000;
/** Invalid changes named in one refusal; the count says how many there were in all. */
const MAX_NAMED = 200;

/**
 * Checked changes wait in a scratch SQLite file (encrypted with the register's key, in a private
 * temporary folder), not in memory: TEMP tables live in memory here (temp_store = MEMORY keeps
 * plaintext off the disk), and a 100,000-change bundle would hold every change in RAM.
 */
interface ScratchStage {
  db: Database;
  dir: string;
}
const stages = new WeakMap<Database, ScratchStage>();

function openStage(register: Database): ScratchStage {
  clearStage(register);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'banhchi-sync-stage-'));
  const scratch = openScratch(register, path.join(dir, 'stage.db'));
  scratch.pragma('journal_mode = OFF');
  scratch.pragma('synchronous = OFF');
  scratch.exec('CREATE TABLE sync_stage (line INTEGER PRIMARY KEY, json TEXT NOT NULL)');
  const stage = { db: scratch, dir };
  stages.set(register, stage);
  return stage;
}

/**
 * Checks every change and keeps it in the scratch stage (outside the database file) until the whole
 * bundle has been read; nothing touches the register before that. Returns the number staged.
 */
export async function stageChanges(db: Database, changes: AsyncIterable<ReadChange> | Iterable<ReadChange>, ctx: StageContext,
  onProgress?: (n: number) => void): Promise<number> {
  const stage = openStage(db);
  const insert = stage.db.prepare('INSERT INTO sync_stage (line, json) VALUES (?, ?)');
  const flush = stage.db.transaction((batch: StagedChange[]) => {
    for (const change of batch) insert.run(change.line, JSON.stringify(change, bufferSafe));
  });
  let batch: StagedChange[] = [];
  let line = 0;
  const invalid: ErrorDetail[] = [];
  let invalidCount = 0;
  for await (const change of changes) {
    line += 1;
    const staged = checkChange(db, change, line, ctx);
    const problems = changeProblems(db, staged);
    if (problems.length > 0) {
      invalidCount += 1;
      if (invalid.length < MAX_NAMED) invalid.push(...problems.slice(0, MAX_NAMED - invalid.length));
      continue;
    }
    if (invalidCount > 0) continue;
    batch.push(staged);
    if (batch.length >= BATCH) {
      flush(batch);
      batch = [];
      onProgress?.(line);
    }
  }
  if (invalidCount > 0) {
    throw new AppError('synctrust.invalidChanges', { file: ctx.fileName, count: invalidCount, office: ctx.from }, invalid);
  }
  flush(batch);
  return line;
}

/**
 * The same record rules a local write meets (shared/validation/records.ts), plus the change's own
 * actor and time; each problem names the record line, entity, id and field.
 */
function changeProblems(db: Database, change: StagedChange): ErrorDetail[] {
  const at = { line: change.line };
  const spec = syncedEntity(db, change.entity)?.spec;
  const current = change.op === 'update' && spec ? readRecord(db, spec, change.id) : undefined;
  const problems = recordProblems(db, change.entity, change.id, change.op === 'insert' ? 'insert' : 'update', change.row ?? {}, current)
    .map((p) => problemDetail(p, at));
  const whoWhen = (field: string, reason: string) =>
    problems.push({ code: `recordCheck.${reason}`, params: { entity: change.entity, id: shownId(change.id), field, line: change.line } });
  if (change.actor.length === 0 || change.actor.length > 200 || !cleanText(change.actor)) whoWhen('actor', 'badText');
  if (!REFERENCE_ENTITIES.has(change.entity) && !isRealStamp(change.at)) whoWhen('at', 'badDateTime');
  return problems;
}

/** Staged changes in order, a batch at a time (no statement stays open while the caller writes). */
export function* stagedChanges(db: Database): Generator<StagedChange> {
  const stage = stages.get(db);
  if (!stage) return;
  const select = stage.db.prepare('SELECT json FROM sync_stage WHERE line > ? ORDER BY line LIMIT ?').pluck();
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
  const stage = stages.get(db);
  if (!stage) return;
  stages.delete(db);
  if (stage.db.open) stage.db.close();
  rmSync(stage.dir, { recursive: true, force: true });
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
  if (typeof change.id !== 'string' || change.id.length === 0 || change.id.length > 100) throw fail('badField', { entity: change.entity, field: 'id' });
  if (typeof change.origin !== 'string' || change.origin.length === 0) throw fail('badField', { entity: change.entity, field: 'origin' });
  const shown = { entity: change.entity, id: shownId(change.id), office: ctx.from, origin: shownId(change.origin) };
  if (ctx.kind === 'changes' && REFERENCE_ENTITIES.has(change.entity)) throw new AppError('synctrust.referenceInChanges', { ...where, ...shown });
  const downward = DOWNWARD_ENTITIES.has(change.entity);
  // From an office other than the national one, a reference bundle may hold nothing but records made above (campaigns).
  if (ctx.kind === 'reference' && !ctx.authority.national && !downward) throw new AppError('synctrust.referenceFromBelow', { file: ctx.fileName, office: ctx.from });
  if (!downward && REFERENCE_ENTITIES.has(change.entity) !== (ctx.kind === 'reference')) throw fail('wrongKind', { entity: change.entity });
  const refusal = downwardRefusal(db, change, { kind: ctx.kind, from: ctx.from, self: ctx.self, national: ctx.authority.national });
  if (refusal) throw new AppError(refusal, { ...where, ...shown });
  if (change.origin === ctx.self) throw fail('ownRecord', { entity: change.entity, id: shown.id });
  const signed = 'signed' in change ? change.signed : undefined;
  // A record passed down from above: only as its maker signed it (relay.ts). Whoever sends a signed record, the signature must hold.
  const title = change.data && typeof change.data.title === 'string' ? change.data.title.slice(0, 200) : shown.id;
  const named = { ...where, entity: change.entity, id: shown.id, title, office: ctx.from, origin: shown.origin };
  if (ctx.kind === 'reference' && change.origin !== ctx.from) {
    if (!downward) throw fail('wrongOrigin', { entity: change.entity, id: shown.id, origin: shown.origin });
    const relay = relayRefusal(db, change, ctx.from);
    if (relay) throw new AppError(relay, named);
  } else {
    if (signed && !signedByOrigin(db, change)) throw new AppError('synctrust.relaySignature', named);
    if (!ctx.authority.maySend(change.origin)) throw new AppError('synctrust.foreignOrigin', { ...where, ...shown });
  }
  const appendOnly = appendOnlyRefusal(change.entity, String(change.op));
  if (appendOnly) throw new AppError(appendOnly, { ...where, ...shown });
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
    ...(signed ? { signed } : {}),
  };
}
