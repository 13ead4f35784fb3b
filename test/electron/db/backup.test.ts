import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { createBackup, restoreBackup, verifyBackup } from '../../../electron/db/backup.js';
import { keyFromEnvironment, newDatabaseKey } from '../../../electron/db/db-key.js';
import { makeRecoveryKey, wrapKeyWithPassphrase } from '../../../electron/db/key-wraps.js';
import { openDatabase, type Database } from '../../../electron/db/open.js';
import { tempDir } from '../../helpers/db.js';

// Passphrase wraps with a small scrypt cost (the app uses N=2^17); each wrap records its own.
process.env.BANHCHI_KEY_WORK_FACTOR = '10';

const CANARY = 'ZX9917733';

function register(file: string, key?: Buffer): Database {
  const db = openDatabase(file, key ? { key } : {});
  db.exec('CREATE TABLE IF NOT EXISTS canary (text TEXT) STRICT');
  return db;
}

function code(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

const rows = (db: Database) => db.prepare('SELECT text FROM canary ORDER BY rowid').pluck().all();

describe('backups', () => {
  it('writes one encrypted file into the chosen folder, verified, with no plaintext in it', () => {
    const file = path.join(tempDir(), 'banhchi.db');
    const db = register(file);
    db.prepare('INSERT INTO canary VALUES (?)').run(CANARY);
    const usb = tempDir('usb-');
    const summary = createBackup(db, usb, '2026-11-30T00:15:00Z', '2026-11-30T07:15:00');
    db.close();
    expect(readdirSync(usb)).toEqual(['banhchi-backup-2026-11-30-0715.bkp']);
    expect(summary).toMatchObject({ file: path.join(usb, 'banhchi-backup-2026-11-30-0715.bkp'), created: '2026-11-30T00:15:00Z' });
    const bytes = readFileSync(summary.file);
    expect(bytes.includes(CANARY)).toBe(false);
    expect(bytes.includes('SQLite format 3')).toBe(false);
    expect(bytes.includes(keyFromEnvironment()!.toString('hex'))).toBe(false);
    expect(verifyBackup(summary.file, { key: keyFromEnvironment() }).summary.schemaVersion).toBe(summary.schemaVersion);
  });

  it('refuses a damaged, cut-short or foreign file, and a backup of another key without its passphrase', () => {
    const file = path.join(tempDir(), 'banhchi.db');
    const db = register(file);
    db.prepare('INSERT INTO canary VALUES (?)').run(CANARY);
    const usb = tempDir('usb-');
    const { file: backup } = createBackup(db, usb, '2026-11-30T00:15:00Z', '2026-11-30T07:15:00');
    db.close();
    const good = readFileSync(backup);
    const key = keyFromEnvironment();
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100] = (flipped[flipped.length - 100] as number) ^ 1;
    writeFileSync(path.join(usb, 'flipped.bkp'), flipped);
    writeFileSync(path.join(usb, 'short.bkp'), good.subarray(0, good.length - 4096));
    writeFileSync(path.join(usb, 'notes.bkp'), 'not a backup');
    expect(code(() => verifyBackup(path.join(usb, 'flipped.bkp'), { key }))).toBe('backup.damaged');
    expect(code(() => verifyBackup(path.join(usb, 'short.bkp'), { key }))).toBe('backup.damaged');
    expect(code(() => verifyBackup(path.join(usb, 'notes.bkp'), { key }))).toBe('backup.notBackup');
    expect(code(() => verifyBackup(backup, { key: newDatabaseKey() }))).toBe('backup.otherKey');
  });

  it('restores: verifies first, keeps the previous register until the restored one opens', () => {
    const dir = tempDir();
    const file = path.join(dir, 'banhchi.db');
    const db = register(file);
    db.prepare('INSERT INTO canary VALUES (?)').run('before');
    const { file: backup } = createBackup(db, tempDir('usb-'), '2026-11-30T00:15:00Z', '2026-11-30T07:15:00');
    db.prepare('INSERT INTO canary VALUES (?)').run('after the backup');
    db.close();
    const key = keyFromEnvironment()!;

    // A damaged backup replaces nothing.
    const damaged = `${backup}.damaged.bkp`;
    const bytes = readFileSync(backup);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] as number) ^ 0xff;
    writeFileSync(damaged, bytes);
    expect(code(() => restoreBackup(file, damaged, key, {}))).toBe('backup.damaged');
    const untouched = openDatabase(file);
    expect(rows(untouched)).toEqual(['before', 'after the backup']);
    untouched.close();

    expect(restoreBackup(file, backup, key, {}).previous).toBe(`${file}.before-restore.1`);
    const restored = openDatabase(file);
    expect(rows(restored)).toEqual(['before']);
    restored.close();
    const previous = openDatabase(`${file}.before-restore.1`);
    expect(rows(previous)).toEqual(['before', 'after the backup']);
    previous.close();
    expect(existsSync(`${file}.restoring`)).toBe(false);
  });

  it('gives every backup of the same minute in one folder its own file: none replaces another, even a file it did not make', () => {
    const file = path.join(tempDir(), 'banhchi.db');
    const db = register(file);
    const usb = tempDir('usb-');
    // A file of that name already there (another PC's backup, say) is left alone.
    writeFileSync(path.join(usb, 'banhchi-backup-2026-11-30-0715.bkp'), 'from another PC');
    const made: string[] = [];
    for (const text of ['first', 'second', 'third']) {
      db.prepare('INSERT INTO canary VALUES (?)').run(text);
      made.push(createBackup(db, usb, '2026-11-30T00:15:00Z', `2026-11-30T07:15:${String(made.length * 10).padStart(2, '0')}+07:00`).file);
    }
    db.close();
    expect(made.map((f) => path.basename(f))).toEqual([
      'banhchi-backup-2026-11-30-0715-2.bkp', 'banhchi-backup-2026-11-30-0715-3.bkp', 'banhchi-backup-2026-11-30-0715-4.bkp',
    ]);
    expect(readdirSync(usb).sort()).toEqual([
      'banhchi-backup-2026-11-30-0715-2.bkp', 'banhchi-backup-2026-11-30-0715-3.bkp', 'banhchi-backup-2026-11-30-0715-4.bkp', 'banhchi-backup-2026-11-30-0715.bkp',
    ]);
    expect(readFileSync(path.join(usb, 'banhchi-backup-2026-11-30-0715.bkp'), 'utf8')).toBe('from another PC');
    // Each holds the register as it was when it was made.
    const key = keyFromEnvironment()!;
    for (const [i, backup] of made.entries()) {
      const target = path.join(tempDir(), 'restored.db');
      register(target).close();
      restoreBackup(target, backup, key, {});
      const restored = openDatabase(target);
      expect(rows(restored)).toEqual(['first', 'second', 'third'].slice(0, i + 1));
      restored.close();
    }
  });

  it('keeps the registers the last two restores replaced and removes older ones (with their -wal and -shm), an old single copy included', () => {
    const dir = tempDir();
    const file = path.join(dir, 'banhchi.db');
    const db = register(file);
    db.prepare('INSERT INTO canary VALUES (?)').run('backed up');
    const { file: backup } = createBackup(db, tempDir('usb-'), '2026-11-30T00:15:00Z', '2026-11-30T07:15:00+07:00');
    db.close();
    const key = keyFromEnvironment()!;
    // What an earlier version left: one copy under the single name, with a WAL beside it.
    writeFileSync(`${file}.before-restore`, 'old copy');
    writeFileSync(`${file}.before-restore-wal`, 'old wal');
    const names = () => readdirSync(dir).filter((n) => n.includes('before-restore')).sort();

    const previous: string[] = [];
    for (const text of ['register 1', 'register 2', 'register 3']) {
      const before = openDatabase(file);
      before.prepare('INSERT INTO canary VALUES (?)').run(text);
      before.close();
      previous.push(restoreBackup(file, backup, key, {}).previous);
      // The copy just made opens and holds the register the restore replaced.
      const copy = openDatabase(previous.at(-1)!, { key });
      expect(rows(copy)).toEqual(['backed up', text]);
      copy.close();
    }
    expect(previous).toEqual([1, 2, 3].map((n) => `${file}.before-restore.${n}`));
    // Only the last two remain (opening them above made their -wal/-shm; copy 1's went with it).
    expect(names().filter((n) => !/-(wal|shm)$/.test(n))).toEqual(['banhchi.db.before-restore.2', 'banhchi.db.before-restore.3']);
    expect(names().some((n) => n.startsWith('banhchi.db.before-restore.1') || n.startsWith('banhchi.db.before-restore-'))).toBe(false);
    const restored = openDatabase(file);
    expect(rows(restored)).toEqual(['backed up']);
    restored.close();
  });

  it('restores a backup from another PC with the recovery key or the passphrase, re-keyed to this installation', () => {
    const officeA = path.join(tempDir(), 'banhchi.db');
    const keyA = newDatabaseKey();
    const a = register(officeA, keyA);
    a.prepare('INSERT INTO canary VALUES (?)').run(CANARY);
    wrapKeyWithPassphrase(a, 'administrator', 'sok dara passphrase');
    const recoveryKey = makeRecoveryKey(a, '2026-11-30T00:00:00Z');
    const { file: backup } = createBackup(a, tempDir('usb-'), '2026-11-30T00:15:00Z', '2026-11-30T07:15:00');
    a.close();

    const officeB = path.join(tempDir(), 'banhchi.db');
    const keyB = newDatabaseKey();
    register(officeB, keyB).close();
    expect(code(() => restoreBackup(officeB, backup, keyB, {}))).toBe('backup.otherKey');
    expect(code(() => restoreBackup(officeB, backup, keyB, { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' }))).toBe('atrest.wrongRecoveryKey');
    expect(code(() => restoreBackup(officeB, backup, keyB, { passphrase: 'wrong passphrase' }))).toBe('atrest.wrongPassphrase');
    // Typed by hand: lower case, spaces instead of dashes.
    restoreBackup(officeB, backup, keyB, { recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' ') });
    const restored = openDatabase(officeB, { key: keyB });
    expect(rows(restored)).toEqual([CANARY]);
    restored.close();
    expect(code(() => openDatabase(officeB, { key: keyA }))).toBe('atrest.wrongKey');

    const officeC = path.join(tempDir(), 'banhchi.db');
    const keyC = newDatabaseKey();
    restoreBackup(officeC, backup, keyC, { passphrase: 'sok dara passphrase' });
    const c = openDatabase(officeC, { key: keyC });
    expect(rows(c)).toEqual([CANARY]);
    c.close();
  });
});
