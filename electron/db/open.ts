import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors.js';
import { latestSchemaVersion, migrations } from './migrations/index.js';

export type { Database } from 'better-sqlite3';

export interface OpenOptions {
  /** Open without migrating or writing (inspection tools). */
  readonly?: boolean;
  /** better-sqlite3's .node file built for another runtime (Electron during `npm start`). */
  nativeBinding?: string | undefined;
}

/**
 * The only place a database is opened. Sets the connection up the way every part of the app
 * expects (WAL, foreign keys, busy timeout) and brings the schema to the latest version.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw new AppError('db.cannotOpen', { file, reason: (error as Error).message });
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestSchemaVersion) {
      throw new AppError('db.newerVersion', { file, version, supported: latestSchemaVersion });
    }
    // A file that is not a SQLite database fails here, before anything is written.
    db.pragma('schema_version');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) migrate(db, version);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw new AppError('db.cannotOpen', { file, reason: (error as Error).message });
  }
}

function migrate(db: Database.Database, fromVersion: number): void {
  const pending = migrations.filter((m) => m.version > fromVersion);
  if (pending.length === 0) return;
  // All pending migrations in one transaction: a failure leaves the file at its old version.
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
