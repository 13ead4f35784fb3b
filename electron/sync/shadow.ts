import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.js';
import type { Row } from '../db/changes.js';
import { conflictId } from './conflicts.js';
import type { StagedChange } from './types.js';
import { pluckStmt, stmt } from '../db/statements.js';

/**
 * A person another office registered with the same nationality, passport number and birth date
 * as one already here cannot share the register's identity index, so it is kept whole beside it
 * (with its later changes) and a conflict is opened; nothing is merged or dropped silently.
 */
const IDENTITY = ['nationality', 'passport_no', 'birth_date'];
const NOT_COMPARED = new Set(['id', 'origin_office', 'revision', 'created_at', 'source', 'name_key', 'passport_key', 'merged_into']);

interface ShadowRow {
  origin_office: string;
  revision: number;
  row_json: string;
}

function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

export function hasShadows(db: Database): boolean {
  return pluckStmt(db, 'SELECT EXISTS (SELECT 1 FROM sync_shadow)').get() === 1;
}

/** Applies `change` to a kept duplicate; returns null when the record is not one. */
export function updateShadow(db: Database, change: StagedChange): 'applied' | 'skipped' | null {
  const shadow = stmt(db, 'SELECT origin_office, revision, row_json FROM sync_shadow WHERE entity = ? AND id = ?').get(change.entity, change.id) as ShadowRow | undefined;
  if (shadow) {
    if (shadow.origin_office !== change.origin) throw new AppError('syncdb.notOwner', { entity: change.entity, id: change.id, origin: change.origin, owner: shadow.origin_office });
    if (change.rev <= shadow.revision) return 'skipped';
    if (change.rev !== shadow.revision + 1) throw new AppError('syncdb.revisionGap', { entity: change.entity, id: change.id, have: shadow.revision, got: change.rev });
    if (change.op === 'delete') {
      stmt(db, 'DELETE FROM sync_shadow WHERE entity = ? AND id = ?').run(change.entity, change.id);
    } else {
      const row = { ...(JSON.parse(shadow.row_json) as Row), ...(change.row ?? {}) };
      stmt(db, 'UPDATE sync_shadow SET revision = ?, row_json = ? WHERE entity = ? AND id = ?').run(change.rev, JSON.stringify(row, jsonSafe), change.entity, change.id);
    }
    return 'applied';
  }
  return null;
}

/** After a person insert hit the identity index: keeps the record beside the register and opens a conflict. */
export function keepAsShadow(db: Database, change: StagedChange, bundleId: string): 'applied' | null {
  if (change.op !== 'insert' || !change.row || IDENTITY.some((c) => change.row?.[c] === undefined)) return null;
  const existing = stmt(db, `SELECT * FROM person WHERE ${IDENTITY.map((c) => `${c} = ?`).join(' AND ')}`).get(...IDENTITY.map((c) => change.row?.[c] ?? null)) as Row | undefined;
  if (!existing || existing.id === change.id) return null;
  stmt(db, 'INSERT INTO sync_shadow (entity, id, origin_office, revision, row_json) VALUES (?, ?, ?, ?, ?)').run(
    change.entity, change.id, change.origin, change.rev, JSON.stringify(change.row, jsonSafe),
  );
  const differing = Object.keys(change.row).filter((f) => !NOT_COMPARED.has(f) && (existing[f] ?? null) !== (change.row?.[f] ?? null));
  const [a, b] = [{ id: String(existing.id), office: String(existing.origin_office), row: existing }, { id: change.id, office: change.origin, row: change.row }]
    .sort((x, y) => x.id.localeCompare(y.id)) as [{ id: string; office: string; row: Row }, { id: string; office: string; row: Row }];
  stmt(db, 
    `INSERT OR IGNORE INTO sync_conflict (id, entity, record_a, office_a, record_b, office_b, fields_json, bundle_id, opened_at, status)
     VALUES (?, 'person', ?, ?, ?, ?, ?, ?, ?, 'open')`,
  ).run(conflictId('person', a.id, b.id), a.id, a.office, b.id, b.office,
    JSON.stringify(differing.map((f) => ({ field: f, a: a.row[f] ?? null, b: b.row[f] ?? null })), jsonSafe), bundleId, change.at);
  return 'applied';
}
