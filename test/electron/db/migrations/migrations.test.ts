import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors.js';
import { latestSchemaVersion, migrations } from '../../../../electron/db/migrations/index.js';
import { checkRegistry, type Migration } from '../../../../electron/db/migrations/registry.js';
import { openDatabase } from '../../../../electron/db/open.js';
import { tempDir } from '../../../helpers/db.js';

/** An in-memory database migrated up to (not including) `version`. */
function migratedBefore(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const migration of migrations.filter((m) => m.version < version)) {
    migration.up(db);
    db.pragma(`user_version = ${migration.version}`);
  }
  return db;
}

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('are registered in increasing version order, and the check refuses disorder or repeats', () => {
    expect(() => checkRegistry(migrations)).not.toThrow();
    const m = (version: number): Migration => ({ version, name: `m${version}`, up: () => undefined });
    expect(() => checkRegistry([m(1), m(3), m(2)])).toThrow(/version 2/);
    expect(() => checkRegistry([m(1), m(1)])).toThrow();
    expect(latestSchemaVersion).toBe(migrations.at(-1)!.version);
  });

  it.each(migrations.map((m) => [m.version, m.name, m] as const))('migration %i (%s) applies on the version before it', (_v, _n, migration) => {
    const db = migratedBefore(migration.version);
    const before = tables(db);
    db.transaction(() => migration.up(db))();
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(tables(db).length).toBeGreaterThanOrEqual(before.length);
    db.close();
  });

  it('seeds the 25 provinces through the change log (migration 2)', () => {
    const db = migratedBefore(3);
    expect((db.prepare("SELECT count(*) AS n FROM admin_unit WHERE level = 'province'").get() as { n: number }).n).toBe(25);
    expect((db.prepare("SELECT count(*) AS n FROM change_log WHERE entity = 'admin_unit' AND op = 'insert'").get() as { n: number }).n).toBe(25);
    db.close();
  });

  it('makes every table STRICT', () => {
    const db = migratedBefore(Number.MAX_SAFE_INTEGER);
    const lax = db.prepare("SELECT name FROM pragma_table_list WHERE type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%' AND schema = 'main'").all();
    expect(lax).toEqual([]);
    db.close();
  });

  it('refuses a database from a newer version with db.newerVersion and leaves the file byte-for-byte unchanged', () => {
    const file = path.join(tempDir(), 'newer.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x INTEGER) STRICT');
    db.pragma(`user_version = ${latestSchemaVersion + 1}`);
    db.close();
    const bytes = readFileSync(file);
    const error = (() => {
      try {
        openDatabase(file);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'db.newerVersion', params: { version: latestSchemaVersion + 1, supported: latestSchemaVersion } });
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a file that is not a SQLite database, clearly and without changing it', () => {
    const file = path.join(tempDir(), 'notes.db');
    const text = 'These are not the records you are looking for.\n'.repeat(200);
    writeFileSync(file, text);
    expect(() => openDatabase(file)).toThrow(AppError);
    try {
      openDatabase(file);
    } catch (error) {
      // Encrypted pages look like any other bytes: "not this register's key, or damaged" is all anyone can say.
      expect(error).toMatchObject({ code: 'atrest.wrongKey', params: { file } });
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
