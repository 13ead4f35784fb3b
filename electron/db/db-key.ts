import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { AppError } from '../../shared/errors.js';

/** The database key: 32 random bytes per installation, the SQLite3MC (ChaCha20-Poly1305) page key. */
export const KEY_BYTES = 32;

export function newDatabaseKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** A key written as 64 hexadecimal digits (environment, key file). */
export function parseHexKey(text: string, source: string): Buffer {
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new AppError('atrest.keyMalformed', { source });
  return Buffer.from(hex, 'hex');
}

/**
 * The key given to this process by its environment: `BANHCHI_DB_KEY` (hex) or `BANHCHI_DB_KEY_FILE`
 * (a file holding the hex). For the web server, scripts and the test suite; the app itself takes
 * the key from the operating system's key store (safeStorage) and the CLI from a passphrase.
 */
export function keyFromEnvironment(env: NodeJS.ProcessEnv = process.env): Buffer | undefined {
  if (env.BANHCHI_DB_KEY) return parseHexKey(env.BANHCHI_DB_KEY, 'BANHCHI_DB_KEY');
  const file = env.BANHCHI_DB_KEY_FILE;
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AppError('atrest.keyFileUnreadable', { file });
  }
  return parseHexKey(text, file);
}

/**
 * A short fingerprint of a key (HMAC, reveals nothing of it): tells "this is not the key of
 * this register" apart from a damaged file, and names a key in backups.
 */
export function keyCheck(key: Buffer): string {
  return Buffer.from(hmac(sha256, key, new TextEncoder().encode('banhchi database key check'))).toString('hex').slice(0, 16);
}

/**
 * `npm run web` without a key in its environment: a key file in the data folder, made at first
 * start (mode 0600). Only for the browser transport on a developer's machine; the app keeps the key
 * in the operating system's key store, and an encrypted database without its key file is refused
 * (openDatabase says the key is wrong), never replaced.
 */
export function keyFileBeside(dbFile: string): { key: Buffer; file: string } {
  const file = `${dbFile}.key`;
  if (!existsSync(file)) writeFileSync(file, `${newDatabaseKey().toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return { key: parseHexKey(readFileSync(file, 'utf8'), file), file };
}
