import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

const cache = new WeakMap<Database, Map<string, Statement>>();

function cached(db: Database, key: string, prepare: () => Statement): Statement {
  let map = cache.get(db);
  if (!map) cache.set(db, (map = new Map()));
  let statement = map.get(key);
  if (!statement) map.set(key, (statement = prepare()));
  return statement;
}

/**
 * A prepared statement, prepared once per connection (imports run the same few statements 100,000 times).
 * Shared by every caller of the same SQL: never switch its mode (`.pluck()`, `.raw()`); use `pluckStmt`.
 */
export function stmt(db: Database, sql: string): Statement {
  return cached(db, sql, () => db.prepare(sql));
}

/** As `stmt`, returning each row's first column (`.pluck()`), cached apart from the same SQL's rows. */
export function pluckStmt(db: Database, sql: string): Statement {
  return cached(db, `pluck:${sql}`, () => db.prepare(sql).pluck());
}
