import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { base32crockford } from '@scure/base';
import { scrypt } from '@noble/hashes/scrypt.js';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { syncFile } from './files.js';
import { KEY_BYTES, keyCheck } from './db-key.js';

/**
 * The key store: a small JSON file beside the database (`banhchi.db.keys.json`) holding the
 * database key wrapped several ways, never in clear:
 * - `passphrase`: by a person's passphrase (the administrator's; accounts may add one per user),
 *   scrypt (N=2^17, r=8, p=1, from @noble/hashes) → AES-256-GCM;
 * - `recovery`: by the recovery key printed on the recovery sheet at set-up (same scheme);
 * - `os`: by the operating system's key store (Electron safeStorage: DPAPI, Keychain, libsecret),
 *   so nobody types anything at each start. Its bytes are made and read in the main process.
 * `check` fingerprints the key (db-key.ts) so a wrap that opens to another key is refused.
 */
const kdfSchema = z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() });
const sealedSchema = z.object({ kdf: kdfSchema, nonce: z.string(), data: z.string() });
const wrapSchema = z.discriminatedUnion('kind', [
  sealedSchema.extend({ kind: z.literal('passphrase'), label: z.string() }),
  sealedSchema.extend({ kind: z.literal('recovery'), created: z.string() }),
  z.object({ kind: z.literal('os'), backend: z.string(), data: z.string() }),
]);
const storeSchema = z.object({
  format: z.literal('banhchi-db-keys'),
  version: z.literal(1),
  check: z.string(),
  wraps: z.array(wrapSchema),
});

export type KeyStore = z.infer<typeof storeSchema>;
export type KeyWrap = z.infer<typeof wrapSchema>;
export type SealedWrap = Extract<KeyWrap, { kind: 'passphrase' | 'recovery' }>;

export function keyStoreFile(dbFile: string): string {
  return `${dbFile}.keys.json`;
}

export function readKeyStore(dbFile: string): KeyStore | null {
  const file = keyStoreFile(dbFile);
  if (!existsSync(file)) return null;
  try {
    return storeSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    throw new AppError('atrest.keyStoreDamaged', { file });
  }
}

/** Written whole to a temporary file, synced, then renamed over the old one: never half a key store. */
export function writeKeyStore(dbFile: string, store: KeyStore): void {
  writeKeyStoreFile(keyStoreFile(dbFile), store);
}

/** The same, to a given file (a key rotation writes the new key store beside the old one first). */
export function writeKeyStoreFile(file: string, store: KeyStore): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(storeSchema.parse(store), null, 2)}\n`, { mode: 0o600 });
  syncFile(temp);
  renameSync(temp, file);
}

export function emptyKeyStore(key: Buffer): KeyStore {
  return { format: 'banhchi-db-keys', version: 1, check: keyCheck(key), wraps: [] };
}

/**
 * scrypt cost: N=2^17 (about a second on an office PC, per guess). Tests and benches may lower it
 * with BANHCHI_KEY_WORK_FACTOR (log2 N, 10–20; the variable the sync key files use); each wrap
 * records its own cost, so any wrap opens whatever the current setting.
 */
function kdfCost(): { N: number; r: number; p: number } {
  const factor = Number(process.env.BANHCHI_KEY_WORK_FACTOR);
  return { N: 2 ** (Number.isInteger(factor) && factor >= 10 && factor <= 20 ? factor : 17), r: 8, p: 1 };
}

function deriveKek(secret: string, kdf: z.infer<typeof kdfSchema>): Buffer {
  const salt = Buffer.from(kdf.salt, 'base64');
  return Buffer.from(scrypt(new TextEncoder().encode(secret.normalize('NFC')), salt, { N: kdf.N, r: kdf.r, p: kdf.p, dkLen: 32, maxmem: 2 ** 30 }));
}

const AAD = Buffer.from('banhchi database key v1');

export function seal(key: Buffer, secret: string, cost: { N: number; r: number; p: number } = kdfCost()): z.infer<typeof sealedSchema> {
  const kdf = { name: 'scrypt' as const, ...cost, salt: randomBytes(16).toString('base64') };
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKek(secret, kdf), nonce);
  cipher.setAAD(AAD);
  const data = Buffer.concat([cipher.update(key), cipher.final(), cipher.getAuthTag()]);
  return { kdf, nonce: nonce.toString('base64'), data: data.toString('base64') };
}

/** The key inside a sealed wrap, or null when the secret is not the one it was sealed with. */
export function unseal(wrap: z.infer<typeof sealedSchema>, secret: string): Buffer | null {
  const data = Buffer.from(wrap.data, 'base64');
  if (data.length !== KEY_BYTES + 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKek(secret, wrap.kdf), Buffer.from(wrap.nonce, 'base64'));
    decipher.setAAD(AAD);
    decipher.setAuthTag(data.subarray(KEY_BYTES));
    return Buffer.concat([decipher.update(data.subarray(0, KEY_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

/** A recovery key: 160 random bits in Crockford base32, in groups of four, easy to copy by hand. */
export function newRecoveryKey(): string {
  return base32crockford.encode(randomBytes(20)).match(/.{4}/g)!.join('-');
}

/** What a person typed: case, spaces and dashes do not matter; O/I/L read as 0/1/1 (Crockford). */
export function normaliseRecoveryKey(text: string): string {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return clean.match(/.{1,4}/g)?.join('-') ?? '';
}

/** Opens a wrap of `store` with `secret`; throws when none opens, or opens to another key. */
export function unwrapKey(store: KeyStore, kind: 'passphrase' | 'recovery', secret: string, label?: string): Buffer {
  const wraps = store.wraps.filter((w): w is SealedWrap => w.kind === kind && (label === undefined || w.kind !== 'passphrase' || w.label.toLowerCase() === label.toLowerCase()));
  if (wraps.length === 0) throw new AppError(kind === 'recovery' ? 'atrest.noRecoveryWrap' : 'atrest.noPassphraseWrap');
  const typed = kind === 'recovery' ? normaliseRecoveryKey(secret) : secret;
  for (const wrap of wraps) {
    const key = unseal(wrap, typed);
    if (key && keyCheck(key) === store.check) return key;
  }
  throw new AppError(kind === 'recovery' ? 'atrest.wrongRecoveryKey' : 'atrest.wrongPassphrase');
}

/** The store with the key also sealed by `passphrase` under `label` (replacing that label's wrap). */
export function withPassphrase(store: KeyStore, key: Buffer, label: string, passphrase: string): KeyStore {
  if (keyCheck(key) !== store.check) throw new AppError('atrest.wrongKey', { file: label });
  const others = store.wraps.filter((w) => !(w.kind === 'passphrase' && w.label === label));
  return { ...store, wraps: [...others, { kind: 'passphrase', label, ...seal(key, passphrase) }] };
}

/** The store with a new recovery wrap (the old recovery key stops working); returns the new key's text. */
export function withNewRecovery(store: KeyStore, key: Buffer, created: string): { store: KeyStore; recoveryKey: string } {
  if (keyCheck(key) !== store.check) throw new AppError('atrest.wrongKey', { file: 'recovery' });
  const recoveryKey = newRecoveryKey();
  const others = store.wraps.filter((w) => w.kind !== 'recovery');
  return { store: { ...store, wraps: [...others, { kind: 'recovery', created, ...seal(key, recoveryKey) }] }, recoveryKey };
}

export function withOsWrap(store: KeyStore, backend: string, data: Buffer): KeyStore {
  const others = store.wraps.filter((w) => w.kind !== 'os');
  return { ...store, wraps: [...others, { kind: 'os', backend, data: data.toString('base64') }] };
}
