import { randomBytes } from 'node:crypto';
import { open, rename, unlink, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { z } from 'zod';
import { fail } from '../format/errors.js';
import { fromBase64, fromUtf8, keyId, toBase64 } from './encoding.js';
import { publicKeyOf } from './sign.js';
import type { KeyFileOptions, KeyId, OfficeKeys } from '../format/api.js';

export const KEY_FILE_FORMAT = 'banhchi-keys/1';
const MAX_KEY_FILE = 64 * 1024;

export function signingKeyId(signingPublic: Uint8Array): KeyId {
  return keyId('ed25519', signingPublic);
}

export function ageKeyId(ageRecipient: string): KeyId {
  return keyId('age', ageRecipient);
}

/** New Ed25519 signing key and age X25519 identity for an office. */
export async function generateOfficeKeys(officeId: string): Promise<OfficeKeys> {
  const signingSecret = new Uint8Array(randomBytes(32));
  const ageIdentity = await generateX25519Identity();
  return {
    officeId,
    signingSecret,
    signingPublic: publicKeyOf(signingSecret),
    ageIdentity,
    ageRecipient: await identityToRecipient(ageIdentity),
    createdAt: new Date().toISOString(),
  };
}

const keyFileSchema = z
  .object({
    format: z.literal(KEY_FILE_FORMAT),
    officeId: z.string().min(1).max(200),
    signingSecret: z.string(),
    ageIdentity: z.string().regex(/^AGE-SECRET-KEY-1[0-9A-Z]+$/),
    createdAt: z.string().max(40),
  })
  .strict();

/** age v1 file with a single scrypt stanza; the plaintext is the JSON above. */
export async function encryptKeyFile(keys: OfficeKeys, passphrase: string, options: KeyFileOptions = {}): Promise<Uint8Array> {
  const body = JSON.stringify({
    format: KEY_FILE_FORMAT,
    officeId: keys.officeId,
    signingSecret: toBase64(keys.signingSecret),
    ageIdentity: keys.ageIdentity,
    createdAt: keys.createdAt,
  });
  const e = new Encrypter();
  e.setPassphrase(passphrase);
  e.setScryptWorkFactor(options.workFactor ?? 18);
  return e.encrypt(body);
}

export async function decryptKeyFile(bytes: Uint8Array, passphrase: string, fileName = 'keys'): Promise<OfficeKeys> {
  if (bytes.length > MAX_KEY_FILE) fail('sync.badKeyFile', fileName);
  const d = new Decrypter();
  d.addPassphrase(passphrase);
  let plain: Uint8Array;
  try {
    plain = await d.decrypt(bytes);
  } catch (error) {
    const message = String((error as Error).message ?? error);
    if (/no identity matched|incorrect passphrase|invalid tag/i.test(message)) fail('sync.badPassphrase', fileName);
    fail('sync.badKeyFile', fileName);
  }
  let parsed: z.infer<typeof keyFileSchema>;
  try {
    parsed = keyFileSchema.parse(JSON.parse(fromUtf8.decode(plain)));
  } catch {
    fail('sync.badKeyFile', fileName);
  }
  const signingSecret = fromBase64(parsed.signingSecret, 32);
  if (!signingSecret) fail('sync.badKeyFile', fileName);
  let ageRecipient: string;
  try {
    ageRecipient = await identityToRecipient(parsed.ageIdentity);
  } catch {
    fail('sync.badKeyFile', fileName);
  }
  return {
    officeId: parsed.officeId,
    signingSecret,
    signingPublic: publicKeyOf(signingSecret),
    ageIdentity: parsed.ageIdentity,
    ageRecipient,
    createdAt: parsed.createdAt,
  };
}

/** Writes `bytes` to `path` atomically: temp file in the same folder, fsync, rename, fsync folder. */
export async function writeFileAtomic(path: string, bytes: Uint8Array, mode = 0o600): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  const dir = await open(dirname(path), 'r').catch(() => null);
  if (dir) {
    await dir.sync().catch(() => undefined);
    await dir.close();
  }
}

export async function writeKeyFile(path: string, keys: OfficeKeys, passphrase: string, options?: KeyFileOptions): Promise<void> {
  await writeFileAtomic(path, await encryptKeyFile(keys, passphrase, options));
}

export async function readKeyFile(path: string, passphrase: string): Promise<OfficeKeys> {
  const bytes = await readFile(path).catch(() => fail('sync.badKeyFile', path));
  return decryptKeyFile(new Uint8Array(bytes), passphrase, path);
}

