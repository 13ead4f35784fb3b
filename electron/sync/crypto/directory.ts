import { z } from 'zod';
import { fail } from '../format/errors.js';
import { fromBase64, toBase64, utf8 } from './encoding.js';
import { publicKeysSchema } from './keycard.js';
import { ageKeyId, signingKeyId } from './keys.js';
import { sign, verify } from './sign.js';
import type { DirectoryEntry, KeyDirectory, KeyLookup, OfficeKeys, SignedDirectory } from '../format/api.js';

const entrySchema = publicKeysSchema.extend({
  status: z.enum(['active', 'revoked']),
  revokedAfterSequence: z.number().int().nonnegative().nullable(),
});

const directorySchema = z
  .object({
    version: z.number().int().positive(),
    issuedAt: z.string().max(40),
    issuer: z.string().min(1).max(200),
    issuerKeyId: z.string().length(29),
    entries: z.array(entrySchema).max(100_000),
  })
  .strict();

const signedSchema = z
  .object({ format: z.literal('banhchi-directory/1'), body: z.string().max(64 * 1024 * 1024), signature: z.string() })
  .strict();

/** National office signs the directory (the exact JSON text of `directory`). */
export function signDirectory(directory: KeyDirectory, nationalKeys: OfficeKeys): SignedDirectory {
  const body = JSON.stringify(directory);
  return { format: 'banhchi-directory/1', body, signature: toBase64(sign('directory', utf8.encode(body), nationalKeys.signingSecret)) };
}

/** Verifies against the pinned national signing key (base64) and checks every entry's key ids. */
export function verifyDirectory(signed: SignedDirectory, nationalSigningKey: string, fileName = 'directory'): KeyDirectory {
  const outer = signedSchema.safeParse(signed);
  if (!outer.success) fail('sync.badDirectory', fileName);
  const pinned = fromBase64(nationalSigningKey, 32);
  const signature = fromBase64(outer.data.signature, 64);
  if (!pinned || !signature || !verify('directory', utf8.encode(outer.data.body), signature, pinned)) fail('sync.badSignature', fileName);
  let directory: KeyDirectory;
  try {
    directory = directorySchema.parse(JSON.parse(outer.data.body)) as KeyDirectory;
  } catch {
    return fail('sync.badDirectory', fileName);
  }
  if (directory.issuerKeyId !== signingKeyId(pinned)) fail('sync.badDirectory', fileName);
  for (const entry of directory.entries) {
    const key = fromBase64(entry.signingKey, 32);
    if (!key || entry.signingKeyId !== signingKeyId(key) || entry.ageKeyId !== ageKeyId(entry.ageRecipient)) {
      fail('sync.badDirectory', fileName, { office: entry.officeId });
    }
  }
  return directory;
}

/** 'newer' → accept; 'same' → no-op; an older version or a different one with the same number → error. */
export function compareDirectory(current: KeyDirectory | null, incoming: KeyDirectory, fileName = 'directory'): 'newer' | 'same' {
  if (!current || incoming.version > current.version) return 'newer';
  if (incoming.version < current.version) fail('sync.olderDirectory', fileName, { version: incoming.version, current: current.version });
  if (JSON.stringify(incoming) !== JSON.stringify(current)) fail('sync.directoryConflict', fileName, { version: incoming.version });
  return 'same';
}

export function directoryLookup(directory: KeyDirectory): KeyLookup {
  const byKey = new Map<string, DirectoryEntry>();
  const offices = new Set<string>();
  for (const entry of directory.entries) {
    byKey.set(`${entry.officeId}\0${entry.signingKeyId}`, entry);
    offices.add(entry.officeId);
  }
  return {
    version: directory.version,
    find: (officeId, keyId) => byKey.get(`${officeId}\0${keyId}`),
    hasOffice: (officeId) => offices.has(officeId),
  };
}
