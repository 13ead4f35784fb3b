import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.js';
import { stmt } from '../db/statements.js';
import { settingValue } from '../db/settings.js';

/**
 * Bundles held until a missing earlier one arrives. They are kept as files in a folder beside the
 * database (`<db>-held/`), not in its tables: holding one does not grow or touch the register,
 * and their number and total size are bounded. Databases from before kept them in `sync_held`;
 * those rows are still found and released.
 */

export interface HeldBundle {
  from_office: string;
  kind: string;
  seq: number;
  bundle_id: string;
  hash: string;
  file_name: string;
  held_at: string;
  /** The bundle file as received (still encrypted and signed). */
  file: Buffer;
}

export interface HeldLimits {
  /** Bundles held at once, over all senders. */
  maxCount: number;
  /** Their total size in bytes. */
  maxBytes: number;
  /** How far ahead of the last bundle applied a sequence number may be; further is refused as implausible. */
  maxAhead: number;
}

export const DEFAULT_HELD_LIMITS: HeldLimits = { maxCount: 100, maxBytes: 512 * 1024 * 1024, maxAhead: 10_000 };

/** Settings that override the defaults (`sync.heldMaxCount`, `sync.heldMaxBytes`, `sync.maxAhead`). */
export function heldLimits(db: Database, overrides: Partial<HeldLimits> = {}): HeldLimits {
  const setting = (key: string): number | undefined => {
    const value = settingValue(db, key);
    const n = value === undefined ? Number.NaN : Number(value);
    return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
  };
  return {
    maxCount: overrides.maxCount ?? setting('sync.heldMaxCount') ?? DEFAULT_HELD_LIMITS.maxCount,
    maxBytes: overrides.maxBytes ?? setting('sync.heldMaxBytes') ?? DEFAULT_HELD_LIMITS.maxBytes,
    maxAhead: overrides.maxAhead ?? setting('sync.maxAhead') ?? DEFAULT_HELD_LIMITS.maxAhead,
  };
}

type Meta = Omit<HeldBundle, 'file'>;
const memory = new WeakMap<Database, Map<string, HeldBundle>>();

function folder(db: Database): string | null {
  return db.memory || db.name === '' ? null : `${db.name}-held`;
}

function key(from: string, kind: string, seq: number): string {
  // Office ids are UUIDs; anything else is encoded so that it cannot leave the folder.
  return `${encodeURIComponent(from)}.${encodeURIComponent(kind)}.${seq}`;
}

function metas(db: Database): Meta[] {
  const dir = folder(db);
  if (!dir) return [...(memory.get(db)?.values() ?? [])].map(({ file: _f, ...meta }) => meta);
  if (!existsSync(dir)) return [];
  const out: Meta[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    try {
      out.push(JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Meta);
    } catch {
      // A half-written entry (the process stopped while holding) is ignored; the bundle can be imported again.
    }
  }
  return out;
}

function legacy(db: Database): Meta[] {
  return stmt(db, 'SELECT from_office, kind, seq, bundle_id, hash, file_name, held_at FROM sync_held').all() as Meta[];
}

/** Every held bundle, without the file bytes, ordered by sender, kind and sequence. */
export function listHeld(db: Database): Meta[] {
  return [...legacy(db), ...metas(db)].sort((a, b) => a.from_office.localeCompare(b.from_office) || a.kind.localeCompare(b.kind) || a.seq - b.seq);
}

export function heldUsage(db: Database): { count: number; bytes: number } {
  const dir = folder(db);
  let bytes = 0;
  const list = metas(db);
  for (const meta of list) {
    const k = key(meta.from_office, meta.kind, meta.seq);
    bytes += dir ? fileSize(path.join(dir, `${k}.bchb`)) : (memory.get(db)?.get(k)?.file.length ?? 0);
  }
  return { count: list.length + legacy(db).length, bytes };
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export function findHeld(db: Database, from: string, kind: string, seq: number): HeldBundle | undefined {
  const old = stmt(db, 'SELECT * FROM sync_held WHERE from_office = ? AND kind = ? AND seq = ?').get(from, kind, seq) as HeldBundle | undefined;
  if (old) return old;
  const k = key(from, kind, seq);
  const dir = folder(db);
  if (!dir) return memory.get(db)?.get(k);
  try {
    const meta = JSON.parse(readFileSync(path.join(dir, `${k}.json`), 'utf8')) as Meta;
    return { ...meta, file: readFileSync(path.join(dir, `${k}.bchb`)) };
  } catch {
    return undefined;
  }
}

/** Keeps a verified bundle until its predecessor arrives, within the limits; refuses it otherwise. */
export function holdBundle(db: Database, bundle: HeldBundle, limits: HeldLimits): void {
  if (findHeld(db, bundle.from_office, bundle.kind, bundle.seq)) return;
  const usage = heldUsage(db);
  if (usage.count + 1 > limits.maxCount || usage.bytes + bundle.file.length > limits.maxBytes) {
    throw new AppError('synctrust.heldFull', {
      file: bundle.file_name, office: bundle.from_office, seq: bundle.seq, count: usage.count,
      megabytes: Math.ceil(usage.bytes / (1024 * 1024)), maxCount: limits.maxCount, maxMegabytes: Math.floor(limits.maxBytes / (1024 * 1024)),
    });
  }
  const k = key(bundle.from_office, bundle.kind, bundle.seq);
  const dir = folder(db);
  if (!dir) {
    let map = memory.get(db);
    if (!map) memory.set(db, (map = new Map()));
    map.set(k, bundle);
    return;
  }
  mkdirSync(dir, { recursive: true });
  const { file, ...meta } = bundle;
  // The file first, then its entry: an entry always has its file.
  writeAtomic(path.join(dir, `${k}.bchb`), file);
  writeAtomic(path.join(dir, `${k}.json`), Buffer.from(JSON.stringify(meta)));
}

function writeAtomic(file: string, bytes: Buffer): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, file);
}

/** Forgets a held bundle once it has been applied (or found already applied). */
export function dropHeld(db: Database, from: string, kind: string, seq: number): void {
  const k = key(from, kind, seq);
  const dir = folder(db);
  if (!dir) {
    memory.get(db)?.delete(k);
    return;
  }
  rmSync(path.join(dir, `${k}.json`), { force: true });
  rmSync(path.join(dir, `${k}.bchb`), { force: true });
}
