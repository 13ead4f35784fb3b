import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.js';
import type { EntitySpec, Row, SqlValue } from '../db/changes.js';

/** Entities that only travel down, in reference bundles from the national office. */
export const REFERENCE_ENTITIES = new Set(['admin_unit', 'reference_version', 'office']);
/** Reference data any office may also import from the file; the national office's copy replaces it. */
export const NATIONAL_REFERENCE_DATA = new Set(['admin_unit', 'reference_version']);
/** Never leave the office. */
export const LOCAL_ENTITIES = new Set(['setting']);
/** Entity names whose table has another name. */
const TABLE_OF: Record<string, string> = {};
const NOT_RECORD_TABLES = new Set(['change_log']);
const FIXED = new Set(['id', 'origin_office', 'revision']);

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
}

export interface SyncedEntity {
  spec: EntitySpec;
  types: Map<string, string>;
}

const cache = new WeakMap<Database, Map<string, SyncedEntity | null>>();

/** The record table of an entity, read from the schema itself, or null when there is none. */
export function syncedEntity(db: Database, entity: string): SyncedEntity | null {
  let known = cache.get(db);
  if (!known) cache.set(db, (known = new Map()));
  if (known.has(entity)) return known.get(entity) ?? null;
  const table = TABLE_OF[entity] ?? entity;
  let found: SyncedEntity | null = null;
  if (/^[a-z_][a-z0-9_]*$/.test(table) && !table.startsWith('sync_') && !NOT_RECORD_TABLES.has(table) && !LOCAL_ENTITIES.has(entity)) {
    const columns = db.prepare(`SELECT name, type, "notnull" FROM pragma_table_info(?)`).all(table) as ColumnInfo[];
    const names = new Set(columns.map((c) => c.name));
    if (names.has('id') && names.has('origin_office') && names.has('revision')) {
      const data = columns.filter((c) => !FIXED.has(c.name));
      found = {
        spec: { entity, table, columns: data.map((c) => c.name) },
        types: new Map(data.map((c) => [c.name, c.type.toUpperCase()])),
      };
    }
  }
  known.set(entity, found);
  return found;
}

/** Turns a value from bundle JSON into what the column stores, or throws naming the field. */
export function toColumnValue(entity: SyncedEntity, column: string, value: unknown, where: Record<string, string>): SqlValue {
  const type = entity.types.get(column);
  const bad = (expected: string) =>
    new AppError('syncdb.badRecord', { ...where, entity: entity.spec.entity, field: column, expected });
  if (type === undefined) throw bad('known-column');
  if (value === null) return null;
  switch (type) {
    case 'TEXT':
      if (typeof value !== 'string') throw bad('text');
      return value;
    case 'INTEGER':
    case 'INT':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
      if (typeof value === 'string' && /^-?\d{1,19}$/.test(value)) return BigInt(value);
      throw bad('integer');
    case 'REAL':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw bad('number');
      return value;
    case 'BLOB': {
      const b64 = (value as { base64?: unknown }).base64;
      if (typeof value !== 'object' || typeof b64 !== 'string' || Object.keys(value).length !== 1) throw bad('base64');
      return Buffer.from(b64, 'base64');
    }
    default:
      if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return value;
      throw bad('text-or-number');
  }
}

/** Checks the shape of a change's data against its table; the database checks the rest on apply. */
export function toRow(entity: SyncedEntity, data: unknown, where: Record<string, string>): Row {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new AppError('syncdb.badRecord', { ...where, entity: entity.spec.entity, field: '-', expected: 'object' });
  }
  const row: Row = {};
  for (const [key, value] of Object.entries(data)) row[key] = toColumnValue(entity, key, value, where);
  return row;
}
