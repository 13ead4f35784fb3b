import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.js';
import { encryptPlainDatabase } from './convert.js';
import { keyFromEnvironment } from './db-key.js';
import { fileState } from './files.js';
import { latestSchemaVersion, migrations } from './migrations/index.js';
import { rebuildDerived } from './derived.js';
import { continueAfterRestore } from './sent-mark.js';

export type { Database } from 'better-sqlite3-multiple-ciphers';
export { fileState, type FileState } from './files.js';

export interface OpenOptions {
  /** Open without migrating or writing (inspection tools). */
  readonly?: boolean;
  /** better-sqlite3's .node file built for another runtime (Electron during `npm start`). */
  nativeBinding?: string | undefined;
  /**
   * The database key (32 bytes). Without it: the key from the environment (db-key.ts).
   * 'plain' (no encryption) exists only for the encryption benchmark (scripts/bench/atrest.ts).
   */
  key?: Buffer | 'plain' | undefined;
  /**
   * A plain database from a version before encryption is converted once, in place (convert.ts).
   * False where a plain file means something is wrong (an installation that is already
   * encrypted, a restored backup): it is refused with `atrest.plainUnexpected`.
   */
  convertPlain?: boolean;
  /**
   * Told before each pending migration (`done` of `total` finished, `version` next) and once at the
   * end (`done` = `total`, `version` the new schema): a large register's upgrade takes a minute or
   * more (migration 59 counts 1,000,000 stays), and whoever waits is shown where it is.
   */
  onUpgrade?: ((step: UpgradeStep) => void) | undefined;
}

export interface UpgradeStep { done: number; total: number; version: number; from: number }

/** Which connection `connect` makes: keyed (encrypted pages), or plain for reading an old file. */
export type ConnectKey = Buffer | 'plain';

/** The page cache of a register's connection, in KiB. */
export const CACHE_KIB = 64 * 1024;
/** WAL pages (4 KiB) after which a commit folds the WAL back into the file. */
export const WAL_CHECKPOINT_PAGES = 4000;

/** The keys of open connections, for the scratch files and backups that must use the same key. */
const keys = new WeakMap<Database.Database, Buffer>();

/**
 * A bare connection, keyed but neither migrated nor set up: for the conversion, backups, key
 * rotation and scratch files (the modules next to this one). Everything else uses openDatabase.
 * A wrong key surfaces at the first statement as SQLITE_NOTADB: the probe here turns it into
 * `atrest.wrongKey` before anything else runs.
 */
export function connect(file: string, key: ConnectKey, options: { readonly?: boolean; nativeBinding?: string | undefined } = {}): Database.Database {
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
    if (key !== 'plain') {
      db.pragma(`cipher = 'chacha20'`);
      db.key(key);
      keys.set(db, key);
    }
    // Memory, not files: SQLite's temporary files (TEMP tables, big sorts) are never encrypted.
    db.pragma('temp_store = MEMORY');
    db.pragma('schema_version');
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new AppError(key === 'plain' ? 'atrest.notPlain' : 'atrest.wrongKey', { file });
    }
    throw new AppError('db.cannotOpen', { file, reason: (error as Error).message });
  }
}

/** The key a connection was opened with (for scratch files and backups). */
export function keyOf(db: Database.Database): Buffer {
  const key = keys.get(db);
  if (!key) throw new Error('this connection has no database key');
  return key;
}

/** A scratch database (staging an import), encrypted with the key of `register` (plain only for a plain register). */
export function openScratch(register: Database.Database, file: string): Database.Database {
  return connect(file, keys.get(register) ?? 'plain');
}

/**
 * The only place a database is opened. The file is encrypted (ChaCha20-Poly1305 pages, the key
 * from `options.key` or the environment); a plain file from an earlier version is converted once.
 * Sets the connection up the way every part of the app expects (WAL, foreign keys, busy
 * timeout) and brings the schema to the latest version.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const key = options.key ?? keyFromEnvironment();
  if (!key) throw new AppError('atrest.keyMissing', { file });
  const state = fileState(file);
  if (state === 'plain' && key !== 'plain') {
    if (options.readonly || options.convertPlain === false) throw new AppError('atrest.plainUnexpected', { file });
    encryptPlainDatabase(file, key, { nativeBinding: options.nativeBinding, maxVersion: latestSchemaVersion });
  }
  const db = connect(file, key, { readonly: options.readonly ?? false, nativeBinding: options.nativeBinding });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestSchemaVersion) {
      throw new AppError('db.newerVersion', { file, version, supported: latestSchemaVersion });
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // Fold the WAL into the file every 16 MiB instead of SQLite's 4 MiB: each audited read commits
      // a few pages, and a checkpoint (copying pages back, the one fsync of synchronous=NORMAL) every
      // ~140 reads was a quarter of that commit's cost (scripts/bench/audit.ts).
      db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Every page SQLite reads from an encrypted file is decrypted and its tag checked again; the
    // default 2 MiB cache makes a large register re-read (and re-decrypt) its index pages constantly
    // and spill a big transaction to the WAL. 64 MiB keeps the working set of a 100,000-person
    // register in memory (scripts/bench/atrest.ts; docs/benchmarks.md). A ceiling, not an allocation.
    db.pragma(`cache_size = -${CACHE_KIB}`);
    if (!options.readonly) {
      migrate(db, version, options.onUpgrade);
      continueAfterRestore(db);
    }
    // SQLite3MC 2.3.5 can, in rare key-setup failures, write a plain file: never carry on with one.
    if (key !== 'plain' && fileState(file) === 'plain') throw new AppError('atrest.plainUnexpected', { file });
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw new AppError('db.cannotOpen', { file, reason: (error as Error).message });
  }
}

/** The first schema of a release whose imports kept search and derived columns in step (see `rebuildDerived`). */
const DERIVED_FOLLOWS_REMOTE = 46;

function migrate(db: Database.Database, fromVersion: number, onUpgrade: OpenOptions['onUpgrade']): void {
  const pending = migrations.filter((m) => m.version > fromVersion);
  if (pending.length === 0) return;
  const total = pending.length;
  // All pending migrations in one transaction: a failure leaves the file at its old version.
  db.transaction(() => {
    pending.forEach((migration, done) => {
      onUpgrade?.({ done, total, version: migration.version, from: fromVersion });
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
    if (fromVersion > 0 && fromVersion < DERIVED_FOLLOWS_REMOTE) rebuildDerived(db);
  }).immediate();
  onUpgrade?.({ done: total, total, version: pending[total - 1]!.version, from: fromVersion });
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
