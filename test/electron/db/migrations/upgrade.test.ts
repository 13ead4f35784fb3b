import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { LOCAL_OPERATOR } from '../../../../shared/actor.js';
import type { OpResponse } from '../../../../shared/contract/index.js';
import type { Result } from '../../../../shared/errors.js';
import { createLocalBackend } from '../../../../electron/backend/backend.js';
import { latestSchemaVersion, migrations } from '../../../../electron/db/migrations/index.js';
import { RELEASED_MIGRATIONS } from '../../../../electron/db/migrations/released.js';
import { openDatabase } from '../../../../electron/db/open.js';
import { tempDir } from '../../../helpers/db.js';

/** A register written by the release at schema 30 (scripts/make-upgrade-fixture.sh, commit 860f54a). */
const FIXTURE_30 = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/db/schema-30.db');
const RECORD_TABLES = ['office', 'admin_unit', 'premises', 'owner', 'person', 'stay', 'employer', 'employment', 'pledge'];

const tableNames = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%'").pluck().all() as string[]);
const columnNames = (db: Database.Database, table: string, schema = 'main') =>
  (db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).pluck().all(table, schema) as string[]);
const count = (db: Database.Database, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/**
 * A database at released schema `version` holding the fixture's data: the released migrations up to
 * `version`, then every row of the tables that existed then, in the columns they had then.
 */
function databaseAtVersion(version: number): { file: string; counts: Record<string, number> } {
  const file = path.join(tempDir(), `schema-${version}.db`);
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  for (const migration of migrations.filter((m) => m.version <= version)) {
    db.transaction(() => migration.up(db))();
    db.pragma(`user_version = ${migration.version}`);
  }
  db.prepare('ATTACH DATABASE ? AS fixture').run(FIXTURE_30);
  const counts: Record<string, number> = {};
  for (const table of tableNames(db)) {
    if (table === 'search_doc') continue; // derived, rebuilt from the records
    const columns = columnNames(db, table).filter((c) => columnNames(db, table, 'fixture').includes(c));
    if (columns.length === 0) continue;
    const list = columns.join(', ');
    // Version 1 had no reference data yet: migration 2 seeds it.
    if (version < 2 && (table === 'admin_unit' || table === 'reference_version')) continue;
    db.exec(`INSERT OR IGNORE INTO main.${table} (${list}) SELECT ${list} FROM fixture.${table}`);
    counts[table] = count(db, table);
  }
  db.exec('DETACH DATABASE fixture');
  db.close();
  return { file, counts };
}

describe('upgrading a register from each released schema version', () => {
  it('opens the register written by the schema-30 release, migrates it and keeps every record usable', async () => {
    const file = path.join(tempDir(), 'office.db');
    copyFileSync(FIXTURE_30, file);
    const before = new Database(file, { readonly: true });
    expect(before.pragma('user_version', { simple: true })).toBe(30);
    const expected = Object.fromEntries(RECORD_TABLES.map((t) => [t, count(before, t)]));
    const logBefore = count(before, 'change_log');
    const someone = before.prepare('SELECT surname, passport_no FROM person ORDER BY id LIMIT 1').get() as { surname: string; passport_no: string };
    before.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    for (const table of RECORD_TABLES) expect(count(db, table), table).toBeGreaterThanOrEqual(expected[table]!);
    expect(count(db, 'change_log')).toBeGreaterThanOrEqual(logBefore);

    const backend = createLocalBackend(db);
    const info = await backend.call('info.get', {}, LOCAL_OPERATOR);
    expect(info.ok).toBe(true);
    for (const query of [someone.surname, someone.passport_no]) {
      const found = (await backend.call('persons.search', { query, entities: ['person'] }, LOCAL_OPERATOR)) as Result<OpResponse<'persons.search'>>;
      expect(found.ok && found.value.items.length, `search ${query}`).toBeGreaterThan(0);
    }
    db.close();
  });

  it('rebuilds the search index and derived keys of records an older release imported without them', async () => {
    const file = path.join(tempDir(), 'province.db');
    copyFileSync(FIXTURE_30, file);
    // Records that arrived in bundles before derived data followed remote changes: no search entry, no keys.
    const old = new Database(file);
    const someone = old.prepare('SELECT id, surname, passport_no FROM person ORDER BY id LIMIT 1').get() as { id: string; surname: string; passport_no: string };
    old.exec("DELETE FROM search_fts; DELETE FROM search_doc; UPDATE person SET name_key = '', passport_key = ''");
    old.close();

    const db = openDatabase(file);
    const backend = createLocalBackend(db);
    for (const query of [someone.surname, someone.passport_no]) {
      const found = (await backend.call('persons.search', { query, entities: ['person'] }, LOCAL_OPERATOR)) as Result<OpResponse<'persons.search'>>;
      expect(found.ok && found.value.items.map((i) => i.id), `search ${query}`).toContain(someone.id);
    }
    expect(db.prepare("SELECT count(*) FROM person WHERE name_key = '' OR passport_key = ''").pluck().get()).toBe(0);
    expect(count(db, 'search_doc')).toBeGreaterThanOrEqual(count(db, 'person'));
    db.close();
  });

  const earlier = RELEASED_MIGRATIONS.map((m) => m.version).filter((v) => v < 30);
  it.each(earlier)('migrates a register at schema %i, with data, to the latest version without losing rows', (version) => {
    const { file, counts } = databaseAtVersion(version);
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    for (const [table, rows] of Object.entries(counts)) {
      if (tableNames(db).includes(table)) expect(count(db, table), table).toBeGreaterThanOrEqual(rows);
    }
    db.close();
  });
});
