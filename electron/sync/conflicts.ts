import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Row } from '../db/changes.js';
import { stmt } from '../db/statements.js';

/**
 * Two offices registering the same person: matched by nationality and passport number, or by
 * folded name, birth date and nationality. Differing legal fields open a conflict for a person to
 * resolve; both records stay as they are.
 */
const MATCH_KEYS = [
  ['nationality', 'passport_no'],
  ['name_key', 'birth_date', 'nationality'],
];
const LEGAL_FIELDS = ['passport_no', 'birth_date', 'visa_expiry', 'passport_expiry', 'pledge_status', 'nationality'];

type Columns = Set<string>;
const columnCache = new WeakMap<Database, Columns>();

function personColumns(db: Database): Columns {
  let columns = columnCache.get(db);
  if (!columns) {
    const rows = stmt(db, "SELECT name FROM pragma_table_info('person')").all() as { name: string }[];
    columns = new Set(rows.map((r) => r.name));
    columnCache.set(db, columns);
  }
  return columns;
}

export function conflictId(entity: string, a: string, b: string): string {
  return createHash('sha256').update(`${entity}\n${a}\n${b}`).digest('hex').slice(0, 32);
}

/** Opens (or reopens) conflicts for a person record just written from `origin`; returns how many. */
export function checkPersonConflicts(db: Database, id: string, origin: string, bundleId: string, at: string, inserted: Row | null = null): number {
  if (!db.inTransaction) throw new Error('checkPersonConflicts runs inside the import transaction');
  const columns = personColumns(db);
  const legal = LEGAL_FIELDS.filter((f) => columns.has(f));
  const record = inserted ? { ...inserted, id, origin_office: origin } : (stmt(db, 'SELECT * FROM person WHERE id = ?').get(id) as Row | undefined);
  if (!record || legal.length === 0) return 0;
  const others = new Map<string, Row>();
  for (const key of MATCH_KEYS) {
    if (!key.every((c) => columns.has(c)) || key.some((c) => record[c] === null || record[c] === '')) continue;
    const where = key.map((c) => `${c} = ?`).join(' AND ');
    const rows = stmt(db, `SELECT * FROM person WHERE ${where} AND origin_office <> ? AND id <> ?`).all(...key.map((c) => record[c]), origin, id) as Row[];
    for (const row of rows) others.set(String(row.id), row);
  }
  let opened = 0;
  for (const other of others.values()) {
    const differing = legal.filter((f) => (record[f] ?? null) !== (other[f] ?? null));
    if (differing.length === 0) continue;
    const [a, b] = [record, other].sort((x, y) => String(x.id).localeCompare(String(y.id))) as [Row, Row];
    const fields = JSON.stringify(differing.map((f) => ({ field: f, a: a[f] ?? null, b: b[f] ?? null })));
    const cid = conflictId('person', String(a.id), String(b.id));
    stmt(db, 
      `INSERT INTO sync_conflict (id, entity, record_a, office_a, record_b, office_b, fields_json, bundle_id, opened_at, status)
       VALUES (?, 'person', ?, ?, ?, ?, ?, ?, ?, 'open')
       ON CONFLICT (id) DO UPDATE SET fields_json = excluded.fields_json, bundle_id = excluded.bundle_id,
         status = 'open', resolution = NULL, resolved_by = NULL, resolved_at = NULL
       WHERE sync_conflict.fields_json <> excluded.fields_json`,
    ).run(cid, a.id, a.origin_office, b.id, b.origin_office, fields, bundleId, at);
    opened += 1;
  }
  return opened;
}
