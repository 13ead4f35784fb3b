import { keyOf, openDatabase, type Database } from './open.js';

/**
 * The one connection of a backend (worker or local), closed for a moment so `work` can replace
 * the file (restoring a backup), then opened again with the same key. If the file no longer
 * opens, the previous one was already put back by `work` (restoreBackup), so it opens.
 */
export function reopenAround(db: Database, work: (file: string, key: Buffer) => Buffer | void, nativeBinding?: string): Database {
  const file = db.name;
  let key = keyOf(db);
  // Fold the WAL into the file, so the file alone is the whole register while it is closed.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  try {
    key = work(file, key) ?? key;
  } finally {
    db = openDatabase(file, { key, nativeBinding, convertPlain: false });
  }
  return db;
}
