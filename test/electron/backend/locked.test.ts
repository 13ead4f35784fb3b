import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../shared/actor.js';
import { AppError } from '../../../shared/errors.js';
import { createLocalBackend } from '../../../electron/backend/backend.js';
import { lockedBackend } from '../../../electron/backend/locked.js';
import { appDatabaseKey, rememberWithOs, type OsKeyStore } from '../../../electron/db/app-key.js';
import { keyStoreFile } from '../../../electron/db/key-store.js';
import { makeRecoveryKey, wrapKeyWithPassphrase } from '../../../electron/db/key-wraps.js';
import { keyOf, openDatabase } from '../../../electron/db/open.js';
import { tempDir } from '../../helpers/db.js';

process.env.BANHCHI_KEY_WORK_FACTOR = '10';

/** safeStorage of one Windows profile: another profile (or a new one) cannot read what it wrote. */
function profile(name: string): OsKeyStore {
  return {
    isEncryptionAvailable: () => true,
    encryptString: (text) => Buffer.from(`${name}:${Buffer.from(text).toString('base64')}`),
    decryptString: (data) => {
      const [owner, body] = data.toString().split(':');
      if (owner !== name) throw new Error('DPAPI: the data cannot be decrypted by this user');
      return Buffer.from(body ?? '', 'base64').toString();
    },
  };
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

describe('a register whose OS key store lost its key opens with the recovery key or a passphrase', () => {
  it('refuses everything but unlocking; a wrong key changes nothing; the right one opens it and the OS key store keeps it again', async () => {
    const file = path.join(tempDir(), 'banhchi.db');
    // Made on the old Windows profile: the OS wrap, then the administrator's passphrase and a recovery key.
    const key = appDatabaseKey(file, profile('old'), 'win32');
    const db = openDatabase(file, { key });
    db.prepare(`INSERT INTO office (id, level, unit_code, name, created_at, origin_office, revision) VALUES ('o1', 'national', '00', 'National office', '2026-11-30', 'o1', 1)`).run();
    wrapKeyWithPassphrase(db, 'sokha', 'sokha passphrase');
    const recoveryKey = makeRecoveryKey(db, '2026-11-30T00:00:00Z');
    db.close();

    // The new profile cannot read the OS wrap: the app says so, and does not make a new key.
    expect(code(() => appDatabaseKey(file, profile('new'), 'win32'))).toBe('atrest.osKeyLost');
    let started = 0;
    const backend = lockedBackend({
      dbFile: file,
      start: async (k) => {
        started += 1;
        return createLocalBackend(openDatabase(file, { key: k }));
      },
      remember: (k) => rememberWithOs(file, k, profile('new'), 'win32'),
    });
    const storeBefore = readFileSync(keyStoreFile(file));
    const dbBefore = readFileSync(file);
    expect(await backend.call('keys.unlockState', {}, SYSTEM_ACTOR)).toEqual({ ok: true, value: { locked: true } });
    expect(await backend.call('office.get', {}, SYSTEM_ACTOR)).toMatchObject({ ok: false, error: { code: 'keys.locked' } });
    expect(await backend.call('keys.unlock', { method: 'recovery', secret: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' }, SYSTEM_ACTOR))
      .toMatchObject({ ok: false, error: { code: 'atrest.wrongRecoveryKey' } });
    expect(await backend.call('keys.unlock', { method: 'passphrase', secret: 'not the passphrase' }, SYSTEM_ACTOR))
      .toMatchObject({ ok: false, error: { code: 'atrest.wrongPassphrase' } });
    expect(await backend.call('keys.unlock', { method: 'passphrase', secret: 'sokha passphrase', username: 'dara' }, SYSTEM_ACTOR))
      .toMatchObject({ ok: false, error: { code: 'atrest.noPassphraseWrap' } });
    expect(await backend.call('keys.unlock', { method: 'recovery', secret: '' }, SYSTEM_ACTOR)).toMatchObject({ ok: false, error: { code: 'keys.emptySecret' } });
    // Nothing changed: not the key store, not the register, nothing started.
    expect(readFileSync(keyStoreFile(file)).equals(storeBefore)).toBe(true);
    expect(readFileSync(file).equals(dbBefore)).toBe(true);
    expect(started).toBe(0);

    // Typed by hand: small letters, spaces instead of dashes.
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    expect(await backend.call('keys.unlock', { method: 'recovery', secret: typed }, SYSTEM_ACTOR)).toEqual({ ok: true, value: { unlocked: true } });
    expect(started).toBe(1);
    expect(await backend.call('keys.unlockState', {}, SYSTEM_ACTOR)).toEqual({ ok: true, value: { locked: false } });
    expect(await backend.call('office.get', {}, SYSTEM_ACTOR)).toMatchObject({ ok: true, value: { name: 'National office' } });
    expect(await backend.call('keys.unlock', { method: 'recovery', secret: typed }, SYSTEM_ACTOR)).toMatchObject({ ok: false, error: { code: 'keys.notUnlockable' } });
    await backend.close();
    // The new profile's OS key store now opens it by itself; the recovery key and the passphrase still do.
    expect(appDatabaseKey(file, profile('new'), 'win32').equals(key)).toBe(true);
    const again = openDatabase(file, { key: appDatabaseKey(file, profile('new'), 'win32') });
    expect(keyOf(again).equals(key)).toBe(true);
    again.close();
  });

  it('an administrator passphrase opens it too (any administrator, or the one named)', async () => {
    const file = path.join(tempDir(), 'banhchi.db');
    const key = appDatabaseKey(file, profile('old'), 'win32');
    const db = openDatabase(file, { key });
    wrapKeyWithPassphrase(db, 'sokha', 'sokha passphrase');
    wrapKeyWithPassphrase(db, 'dara', 'dara passphrase');
    db.close();
    const backend = lockedBackend({ dbFile: file, start: async (k) => createLocalBackend(openDatabase(file, { key: k })) });
    expect(await backend.call('keys.unlock', { method: 'passphrase', secret: 'dara passphrase', username: 'Dara' }, SYSTEM_ACTOR)).toEqual({ ok: true, value: { unlocked: true } });
    await backend.close();
  });
});
