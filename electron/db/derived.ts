import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { Row, SqlValue } from './changes.js';
import { nameKey, passportKey } from './persons.js';
import { dropRecordIndex, indexRecord, tokensFor } from './search.js';
import { isLate } from './stays.js';

/**
 * Data derived from a record: columns computed from its other columns (name and passport keys, the
 * 24-hour flag) and its search document. The write path (`changes.ts`) keeps both in step for every
 * insert, update and delete, local or arriving from another office, so a synced record is found and
 * flagged exactly like one typed here. Derived columns are always recomputed by the office that
 * stores the record; a value for them in a bundle is ignored.
 */
export interface DerivedData {
  /** Columns computed from `inputs`; whatever value a write gives them is replaced. */
  columns?: { names: readonly string[]; inputs: readonly string[]; compute(row: Row): Row };
  /** The record's search document: free texts (names) and document numbers. */
  search?: { inputs: readonly string[]; document(row: Row): { texts: string[]; documents: string[] } };
}

const text = (row: Row, column: string): string => {
  const value: SqlValue | undefined = row[column];
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
};

const texts = (row: Row, columns: readonly string[]) => columns.map((c) => text(row, c));

function searchOver(names: readonly string[], documents: readonly string[]): DerivedData['search'] {
  return { inputs: [...names, ...documents], document: (row) => ({ texts: texts(row, names), documents: texts(row, documents) }) };
}

const DERIVED: Record<string, DerivedData> = {
  person: {
    columns: {
      names: ['name_key', 'passport_key'],
      inputs: ['surname', 'given_names', 'passport_no'],
      compute: (row) => ({ name_key: nameKey(text(row, 'surname'), text(row, 'given_names')), passport_key: passportKey(text(row, 'passport_no')) }),
    },
    search: searchOver(['surname', 'given_names', 'name_km'], ['passport_no', 'visa_no']),
  },
  stay: {
    columns: {
      names: ['late'],
      inputs: ['arrived_at', 'reported_at'],
      compute: (row) => ({ late: isLate(text(row, 'arrived_at'), text(row, 'reported_at')) ? 1 : 0 }),
    },
  },
  premises: { search: searchOver(['name_latin', 'name_km', 'village', 'street'], ['business_reg_no']) },
  employer: { search: searchOver(['name_latin', 'name_km'], ['registration_no']) },
  owner: { search: searchOver(['surname', 'given_names', 'name_km'], ['id_number']) },
};

export function derivedData(entity: string): DerivedData | undefined {
  return DERIVED[entity];
}

const touches = (inputs: readonly string[], changed: readonly string[] | null) => changed === null || changed.some((c) => inputs.includes(c));

/**
 * The derived columns of `row` (the record as it will be stored), or null when `changed` (null = all)
 * touches none of their inputs.
 */
export function derivedColumns(entity: string, row: Row, changed: readonly string[] | null): Row | null {
  const columns = DERIVED[entity]?.columns;
  return columns && touches(columns.inputs, changed) ? columns.compute(row) : null;
}

/** Removes derived column names from values that came from elsewhere (a bundle): the receiver computes them. */
export function withoutDerived(entity: string, values: Row): Row {
  const names = DERIVED[entity]?.columns?.names;
  if (!names || !names.some((n) => n in values)) return values;
  const out: Row = {};
  for (const [key, value] of Object.entries(values)) if (!names.includes(key)) out[key] = value;
  return out;
}

/**
 * Rows searched as part of another record: a person is found by every passport they held (migration 41),
 * so a passport written here or arriving from another office re-indexes its person.
 */
const SEARCHED_WITH: Record<string, { entity: string; key: string }> = { passport: { entity: 'person', key: 'person_id' } };

const formerPassports = new WeakMap<Database, Statement>();

/** Numbers of the passports a person held besides the current one. */
function otherPassportNumbers(db: Database, personId: string, current: string): string[] {
  let statement = formerPassports.get(db);
  if (!statement) formerPassports.set(db, (statement = db.prepare('SELECT passport_no FROM passport WHERE person_id = ? AND passport_no <> ?').pluck()));
  return statement.all(personId, current) as string[];
}

/**
 * Brings the search index in step with a record after a write; `row` null after a delete. `fresh`: the
 * record was just inserted under a new id (bulk import), so it has no document and no former passports yet.
 */
export function updateSearch(db: Database, entity: string, id: string, row: Row | null, changed: readonly string[] | null, fresh = false): void {
  const parent = SEARCHED_WITH[entity];
  if (parent && row) {
    const parentId = text(row, parent.key);
    const parentRow = db.prepare(`SELECT * FROM ${parent.entity} WHERE id = ?`).get(parentId) as Row | undefined;
    if (parentRow) updateSearch(db, parent.entity, parentId, parentRow, null);
    return;
  }
  const search = DERIVED[entity]?.search;
  if (!search) return;
  if (row === null) {
    dropRecordIndex(db, id);
    return;
  }
  if (!touches(search.inputs, changed)) return;
  const doc = search.document(row);
  if (entity === 'person' && !fresh) doc.documents.push(...otherPassportNumbers(db, id, text(row, 'passport_no')));
  indexRecord(db, entity, id, tokensFor(doc.texts, doc.documents), fresh);
}

/**
 * Recomputes every record's derived columns and search document. Offices that imported bundles
 * before derived data followed remote changes (releases before schema 46) could not find what
 * they received; upgrading such a database runs this once, inside the upgrade's transaction.
 */
export function rebuildDerived(db: Database): { records: number } {
  let records = 0;
  for (const [entity, derived] of Object.entries(DERIVED)) {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(entity);
    if (!exists) continue;
    const names = derived.columns?.names ?? [];
    const update = names.length > 0 ? db.prepare(`UPDATE ${entity} SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`) : null;
    // In pages: the connection cannot write while a statement is still iterating.
    const page = db.prepare(`SELECT rowid AS _rowid, * FROM ${entity} WHERE rowid > ? ORDER BY rowid LIMIT 1000`);
    for (let after = 0; ; ) {
      const rows = page.all(after) as (Row & { _rowid: number })[];
      if (rows.length === 0) break;
      for (const { _rowid, ...row } of rows) {
        const id = text(row, 'id');
        if (update && derived.columns) {
          const computed = derived.columns.compute(row);
          update.run(...names.map((n) => computed[n] ?? null), id);
        }
        updateSearch(db, entity, id, row, null);
        records += 1;
        after = _rowid;
      }
    }
  }
  return { records };
}
