import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { appDatabaseKey, type OsKeyStore } from '../../../electron/db/app-key.js';
import { keyCheck } from '../../../electron/db/db-key.js';
import { readKeyStore } from '../../../electron/db/key-store.js';
import { openDatabase } from '../../../electron/db/open.js';
import { tempDir } from '../../helpers/db.js';

/** Stands in for Electron's safeStorage: a per-"user" secret XORed in; another user's store cannot read it. */
function osStore(user: string, backend = 'gnome_libsecret', available = true): OsKeyStore {
  const pad = Buffer.from(user.repeat(64)).subarray(0, 64);
  const xor = (data: Buffer) => Buffer.from(data.map((b, i) => b ^ (pad[i % pad.length] as number)));
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.concat([Buffer.from(`v10${user}:`), xor(Buffer.from(text))]),
    decryptString: (data) => {
      const prefix = Buffer.from(`v10${user}:`);
      if (!data.subarray(0, prefix.length).equals(prefix)) throw new Error('decrypt failed');
      return xor(data.subarray(prefix.length)).toString();
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

describe('the app takes the database key from the OS key store (safeStorage)', () => {
  it('makes a random key at first start, wraps it, and unwraps the same key at the next start', () => {
    const file = path.join(tempDir(), 'banhchi.db');
    const first = appDatabaseKey(file, osStore('amara'), 'linux');
    const second = appDatabaseKey(file, osStore('amara'), 'linux');
    expect(second.equals(first)).toBe(true);
    const store = readKeyStore(file);
    expect(store?.check).toBe(keyCheck(first));
    expect(JSON.stringify(store)).not.toContain(first.toString('hex'));
    // Two installations never share a key.
    expect(appDatabaseKey(path.join(tempDir(), 'banhchi.db'), osStore('amara'), 'linux').equals(first)).toBe(false);
  });

  it('refuses Linux without a secret store (basic_text) instead of keeping the key under a hard-coded password', () => {
    const file = path.join(tempDir(), 'banhchi.db');
    expect(code(() => appDatabaseKey(file, osStore('amara', 'basic_text'), 'linux'))).toBe('atrest.osKeyStoreUnavailable');
    expect(code(() => appDatabaseKey(file, osStore('amara', 'gnome_libsecret', false), 'linux'))).toBe('atrest.osKeyStoreUnavailable');
    expect(readKeyStore(file)).toBeNull();
  });

  it('says the key is lost (never makes a new one) when the OS key store cannot read it: another user, a damaged wrap', () => {
    const file = path.join(tempDir(), 'banhchi.db');
    const key = appDatabaseKey(file, osStore('amara'), 'win32');
    openDatabase(file, { key }).close();
    expect(code(() => appDatabaseKey(file, osStore('bopha'), 'win32'))).toBe('atrest.osKeyLost');
    // A switched keyring backend on Linux (kwallet → libsecret) is the same situation.
    expect(code(() => appDatabaseKey(file, osStore('amara', 'kwallet6'), 'linux'))).toBe('atrest.osKeyLost');
    // The database is untouched and still opens with its key.
    openDatabase(file, { key }).close();
  });

  it('refuses an encrypted database whose key store is gone (atrest.keyMissing) and a damaged key store', () => {
    const file = path.join(tempDir(), 'banhchi.db');
    const key = appDatabaseKey(file, osStore('amara'), 'win32');
    openDatabase(file, { key }).close();
    writeFileSync(`${file}.keys.json`, '{ "format": "banhchi-db-keys", ');
    expect(code(() => appDatabaseKey(file, osStore('amara'), 'win32'))).toBe('atrest.keyStoreDamaged');
    const other = path.join(path.dirname(file), 'copied.db');
    writeFileSync(other, Buffer.from('not a sqlite header, random-looking pages'));
    expect(code(() => appDatabaseKey(other, osStore('amara'), 'win32'))).toBe('atrest.keyMissing');
  });
});
