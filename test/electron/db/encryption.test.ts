import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { keyFromEnvironment, newDatabaseKey } from '../../../electron/db/db-key.js';
import { latestSchemaVersion } from '../../../electron/db/migrations/index.js';
import { CACHE_KIB, connect, fileState, openDatabase, WAL_CHECKPOINT_PAGES } from '../../../electron/db/open.js';
import { tempDir } from '../../helpers/db.js';

const CANARY = 'PASSPORT-CANARY-7731';

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A database as the version before encryption wrote it: plain, WAL, the last row only in its -wal file (killed, as in a power cut). */
function plainRegister(file: string): void {
  const script = `
    const Database = require('better-sqlite3-multiple-ciphers');
    const db = new Database(process.argv[1]);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT');
    db.pragma('wal_autocheckpoint = 0');
    db.prepare('INSERT INTO note (text) VALUES (?)').run(process.argv[2]);
    process.kill(process.pid, 'SIGKILL');`;
  spawnSync(process.execPath, ['-e', script, file, CANARY]);
}

describe('the database is encrypted at rest', () => {
  it('makes a new database encrypted (no SQLite header, no plaintext), with the key from the environment', () => {
    const file = path.join(tempDir(), 'banhchi.db');
    const db = openDatabase(file);
    // A page cache large enough that pages are not decrypted again and again (scripts/bench/atrest.ts).
    expect(db.pragma('cache_size', { simple: true })).toBe(-CACHE_KIB);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_CHECKPOINT_PAGES);
    db.exec(`CREATE TABLE canary (text TEXT) STRICT`);
    db.prepare('INSERT INTO canary VALUES (?)').run(CANARY);
    expect(fileState(file)).toBe('encrypted');
    expect(readFileSync(`${file}-wal`).includes(CANARY)).toBe(false);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(readFileSync(file).includes(CANARY)).toBe(false);
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const again = openDatabase(file);
    expect(again.prepare('SELECT text FROM canary').pluck().get()).toBe(CANARY);
    again.close();
  });

  it('refuses a wrong key with atrest.wrongKey and leaves the file unchanged (no new database made)', () => {
    const file = path.join(tempDir(), 'banhchi.db');
    openDatabase(file).close();
    const bytes = readFileSync(file);
    const error = failure(() => openDatabase(file, { key: newDatabaseKey() }));
    expect(error.code).toBe('atrest.wrongKey');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses to open without a key (atrest.keyMissing)', () => {
    const file = path.join(tempDir(), 'banhchi.db');
    const saved = process.env.BANHCHI_DB_KEY;
    delete process.env.BANHCHI_DB_KEY;
    try {
      expect(failure(() => openDatabase(file)).code).toBe('atrest.keyMissing');
      expect(existsSync(file)).toBe(false);
    } finally {
      process.env.BANHCHI_DB_KEY = saved;
    }
  });

  it('refuses a malformed key in the environment', () => {
    expect(failure(() => keyFromEnvironment({ BANHCHI_DB_KEY: 'abc' })).code).toBe('atrest.keyMalformed');
  });

  it('refuses an encrypted database from a newer version with db.newerVersion, unchanged', () => {
    const file = path.join(tempDir(), 'banhchi.db');
    const db = connect(file, keyFromEnvironment()!);
    db.pragma(`user_version = ${latestSchemaVersion + 1}`);
    db.close();
    const bytes = readFileSync(file);
    const error = failure(() => openDatabase(file));
    expect(error).toMatchObject({ code: 'db.newerVersion', params: { version: latestSchemaVersion + 1 } });
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('converts a plain database of the previous version once, in place, keeping every row (even one only in its WAL)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'banhchi.db');
    plainRegister(file);
    expect(fileState(file)).toBe('plain');
    expect(readFileSync(`${file}-wal`).includes(CANARY)).toBe(true);
    const db = openDatabase(file);
    expect(db.prepare('SELECT text FROM note').pluck().all()).toEqual([CANARY]);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(fileState(file)).toBe('encrypted');
    expect(readFileSync(file).includes(CANARY)).toBe(false);
    expect(existsSync(`${file}.encrypting`)).toBe(false);
    expect(existsSync(`${file}.encrypting-scratch`)).toBe(false);
    // Plain connections no longer read it.
    expect(failure(() => connect(file, 'plain')).code).toBe('atrest.notPlain');
  });

  it('refuses a plain database where an encrypted one is expected (atrest.plainUnexpected), unchanged', () => {
    const file = path.join(tempDir(), 'banhchi.db');
    plainRegister(file);
    const bytes = readFileSync(file);
    expect(failure(() => openDatabase(file, { convertPlain: false })).code).toBe('atrest.plainUnexpected');
    expect(failure(() => openDatabase(file, { readonly: true })).code).toBe('atrest.plainUnexpected');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
