import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { keyCheck, newDatabaseKey } from '../../../electron/db/db-key.js';
import { readKeyStore, unwrapKey } from '../../../electron/db/key-store.js';
import { makeRecoveryKey, wrapKeyWithPassphrase } from '../../../electron/db/key-wraps.js';
import { connect, openDatabase } from '../../../electron/db/open.js';
import { rotateKey, settleRotation } from '../../../electron/db/rotate.js';
import { tempDir } from '../../helpers/db.js';

process.env.BANHCHI_KEY_WORK_FACTOR = '10';

afterEach(() => {
  delete process.env.BANHCHI_TEST_ROTATE_FAIL_AFTER;
});

/** A register with rows, the administrator's and another administrator's passphrase and a recovery key; closed. */
function register(): { file: string; key: Buffer } {
  const file = path.join(tempDir(), 'banhchi.db');
  const key = newDatabaseKey();
  const db = openDatabase(file, { key });
  const insert = db.prepare(`INSERT INTO setting (id, value, origin_office, revision) VALUES (?, ?, 'o1', 1)`);
  db.transaction(() => {
    for (let i = 0; i < 500; i++) insert.run(`bench.${i}`, `value ${i} `.repeat(20));
  })();
  wrapKeyWithPassphrase(db, 'sokha', 'sokha passphrase');
  wrapKeyWithPassphrase(db, 'dara', 'dara passphrase');
  makeRecoveryKey(db, '2026-11-01T00:00:00Z');
  db.close();
  return { file, key };
}

function opensWith(file: string, key: Buffer): number | string {
  try {
    const db = connect(file, key, { readonly: true });
    try {
      return db.prepare(`SELECT count(*) FROM setting WHERE id LIKE 'bench.%'`).pluck().get() as number;
    } finally {
      db.close();
    }
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

describe('key rotation (the WAL-safe procedure on a copy, then two renames)', () => {
  it('re-encrypts the register with a new key and remakes every wrap at once; the old key opens nothing', () => {
    const { file, key } = register();
    const { key: fresh, recoveryKey } = rotateKey(file, key, { label: 'sokha', passphrase: 'sokha passphrase', now: '2026-11-30T00:00:00Z' });
    expect(fresh.equals(key)).toBe(false);
    expect(opensWith(file, fresh)).toBe(500);
    expect(opensWith(file, key)).toBe('atrest.wrongKey');
    const store = readKeyStore(file)!;
    expect(store.check).toBe(keyCheck(fresh));
    expect(unwrapKey(store, 'passphrase', 'sokha passphrase', 'sokha').equals(fresh)).toBe(true);
    expect(unwrapKey(store, 'recovery', recoveryKey).equals(fresh)).toBe(true);
    // Another administrator's passphrase cannot be remade without it: dropped, remade at their next reset.
    expect(store.wraps.map((w) => (w.kind === 'passphrase' ? w.label : w.kind))).toEqual(['sokha', 'recovery']);
    expect(readdirSync(path.dirname(file)).sort()).toEqual(['banhchi.db', 'banhchi.db.keys.json']);
    // The rotated register opens normally (WAL again, migrations done).
    const db = openDatabase(file, { key: fresh });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('stopped after any step, the next start finds the old key with the old register or the new key with the new one', () => {
    for (const stop of [1, 2, 3, 4]) {
      const { file, key } = register();
      const newKey = newDatabaseKey();
      process.env.BANHCHI_TEST_ROTATE_FAIL_AFTER = String(stop);
      expect(() => rotateKey(file, key, { label: 'sokha', passphrase: 'sokha passphrase', now: '2026-11-30T00:00:00Z', newKey })).toThrow(`after step ${stop}`);
      delete process.env.BANHCHI_TEST_ROTATE_FAIL_AFTER;
      // What a start does before reading the key store.
      settleRotation(file);
      const store = readKeyStore(file)!;
      const current = stop < 4 ? key : newKey;
      expect(store.check, `stopped after step ${stop}`).toBe(keyCheck(current));
      expect(opensWith(file, current), `stopped after step ${stop}`).toBe(500);
      expect(unwrapKey(store, 'passphrase', 'sokha passphrase', 'sokha').equals(current)).toBe(true);
      expect(existsSync(`${file}.rotating`) || existsSync(`${file}.keys.json.next`)).toBe(false);
      // And a rotation after it works.
      const again = rotateKey(file, current, { label: 'sokha', passphrase: 'sokha passphrase', now: '2026-11-30T00:00:00Z' });
      expect(opensWith(file, again.key)).toBe(500);
    }
  });

  it('refuses a key that is not the register key, and a short passphrase, changing nothing', () => {
    const { file, key } = register();
    expect(() => rotateKey(file, newDatabaseKey(), { label: 'sokha', passphrase: 'sokha passphrase', now: 'x' })).toThrow('atrest.wrongKey');
    expect(() => rotateKey(file, key, { label: 'sokha', passphrase: 'short', now: 'x' })).toThrow('atrest.passphraseTooShort');
    expect(opensWith(file, key)).toBe(500);
    expect(readKeyStore(file)!.check).toBe(keyCheck(key));
  });
});
