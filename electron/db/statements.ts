import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

const cache = new WeakMap<Database, Map<string, Statement>>();

/** A prepared statement, prepared once per connection (imports run the same few statements 100,000 times). */
export function stmt(db: Database, sql: string): Statement {
  let map = cache.get(db);
  if (!map) cache.set(db, (map = new Map()));
  let statement = map.get(sql);
  if (!statement) map.set(sql, (statement = db.prepare(sql)));
  return statement;
}
