import { AppError } from '../../shared/errors.js';
import { keyCheck, newDatabaseKey } from './db-key.js';
import { emptyKeyStore, readKeyStore, withOsWrap, writeKeyStore } from './key-store.js';
import { fileState } from './files.js';
import { settleRotation } from './rotate.js';

/** What main.ts hands over from Electron's `safeStorage` (kept as an interface: testable under Node). */
export interface OsKeyStore {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(data: Buffer): string;
  /** Linux only: 'basic_text' means no secret store, i.e. a hard-coded password. */
  getSelectedStorageBackend?: () => string;
}

function backendOf(os: OsKeyStore, platform: NodeJS.Platform): string {
  return platform === 'linux' ? (os.getSelectedStorageBackend?.() ?? 'unknown') : platform;
}

/**
 * The database key of the app, from the operating system's key store. First start (no database,
 * or a plain one from an earlier version that openDatabase converts): a new random key, wrapped
 * by the OS key store. Never creates a new key for an encrypted database it cannot unlock: that
 * is the moment for the recovery key, not for an empty register (Signal-Desktop#5097).
 */
export function appDatabaseKey(dbFile: string, os: OsKeyStore, platform: NodeJS.Platform = process.platform): Buffer {
  const backend = backendOf(os, platform);
  const usable = os.isEncryptionAvailable() && backend !== 'basic_text';
  // A key rotation a crash interrupted is finished or undone first (rotate.ts).
  settleRotation(dbFile);
  const store = readKeyStore(dbFile);
  if (!store) {
    if (fileState(dbFile) === 'encrypted') throw new AppError('atrest.keyMissing', { file: dbFile });
    if (!usable) throw new AppError('atrest.osKeyStoreUnavailable', { backend });
    const key = newDatabaseKey();
    writeKeyStore(dbFile, withOsWrap(emptyKeyStore(key), backend, os.encryptString(key.toString('hex'))));
    return key;
  }
  const wrap = store.wraps.find((w) => w.kind === 'os');
  if (!wrap) throw new AppError('atrest.osKeyLost', { file: dbFile });
  if (!usable) throw new AppError('atrest.osKeyStoreUnavailable', { backend });
  if (wrap.backend !== backend) throw new AppError('atrest.osKeyLost', { file: dbFile });
  let key: Buffer;
  try {
    key = Buffer.from(os.decryptString(Buffer.from(wrap.data, 'base64')), 'hex');
  } catch {
    // DPAPI after a password reset or on another PC, a keyring that was replaced.
    throw new AppError('atrest.osKeyLost', { file: dbFile });
  }
  if (keyCheck(key) !== store.check) throw new AppError('atrest.osKeyLost', { file: dbFile });
  return key;
}

/**
 * After the register was opened by hand (recovery key, passphrase) because the OS key store lost
 * its wrap: a new OS wrap, so the next start opens by itself. Nothing is written when the OS key
 * store is not usable; the register stays openable by hand.
 */
export function rememberWithOs(dbFile: string, key: Buffer, os: OsKeyStore, platform: NodeJS.Platform = process.platform): boolean {
  const backend = backendOf(os, platform);
  if (!os.isEncryptionAvailable() || backend === 'basic_text') return false;
  const store = readKeyStore(dbFile);
  if (!store || keyCheck(key) !== store.check) return false;
  writeKeyStore(dbFile, withOsWrap(store, backend, os.encryptString(key.toString('hex'))));
  return true;
}

/**
 * The app's main process makes the new key of a rotation (`keys.rotate`) and seals it with the
 * OS key store, so every wrap is remade in the same step; the worker does the rest.
 */
export function osSealedNewKey(os: OsKeyStore, platform: NodeJS.Platform = process.platform): { newKeyHex: string; osBackend?: string; osDataBase64?: string } {
  const key = newDatabaseKey();
  const backend = backendOf(os, platform);
  if (!os.isEncryptionAvailable() || backend === 'basic_text') return { newKeyHex: key.toString('hex') };
  return { newKeyHex: key.toString('hex'), osBackend: backend, osDataBase64: os.encryptString(key.toString('hex')).toString('base64') };
}
