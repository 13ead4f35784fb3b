import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Decrypter, identityToRecipient } from 'age-encryption';
import type { z } from 'zod';
import { checkAgeHeader } from './age-header.js';
import { checkRaw, parseRecords } from './body.js';
import { fail } from './errors.js';
import { DEFAULT_LIMITS, FORMAT_VERSION, headerSchema, INNER_MAGIC, INNER_PREFIX, manifestSchema, OUTER_MAGIC, OUTER_PREFIX, readU32, REPEATED_FIELDS, SIGNATURE_LENGTH } from './layout.js';
import { fromBase64, fromUtf8, sha256Hex } from '../crypto/encoding.js';
import { ageKeyId } from '../crypto/keys.js';
import { verify } from '../crypto/sign.js';
import type { BundleKind, BundleSource, Limits, Manifest, OpenedBundle, OuterHeader, ReadOptions, RecordOf } from './api.js';

interface Outer {
  header: OuterHeader;
  preamble: Uint8Array;
  signature: Uint8Array;
  payload: Uint8Array;
  bundleHash: string;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  const n = Math.min(bytes.length, prefix.length);
  for (let i = 0; i < n; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function parseJson<T>(bytes: Uint8Array, schema: z.ZodType): T | null {
  try {
    const result = schema.safeParse(JSON.parse(fromUtf8.decode(bytes)));
    return result.success ? (result.data as T) : null;
  } catch {
    return null;
  }
}

/** Structure of the outer part; no keys, no signature check. `whole` = the file is complete in `bytes`. */
export function parseOuter(bytes: Uint8Array, limits: Limits, file: string, whole = true): Outer {
  if (!startsWith(bytes, OUTER_MAGIC)) fail('sync.badMagic', file);
  if (bytes.length < OUTER_PREFIX) fail('sync.truncated', file);
  const version = (bytes[8]! << 8) | bytes[9]!;
  if (version !== FORMAT_VERSION) fail('sync.badVersion', file, { version });
  const headerLength = readU32(bytes, 10);
  if (headerLength > limits.maxHeader) fail('sync.tooLarge', file, { part: 'header', limit: limits.maxHeader });
  const headerEnd = OUTER_PREFIX + headerLength;
  if (bytes.length < headerEnd + SIGNATURE_LENGTH) fail('sync.truncated', file);
  const preamble = bytes.subarray(0, headerEnd);
  const header = parseJson<OuterHeader>(bytes.subarray(OUTER_PREFIX, headerEnd), headerSchema);
  if (!header) fail('sync.badHeader', file);
  if (header.payloadLength > limits.maxPayload) fail('sync.tooLarge', file, { part: 'payload', limit: limits.maxPayload });
  const payloadStart = headerEnd + SIGNATURE_LENGTH;
  const payloadEnd = payloadStart + header.payloadLength;
  if (whole && bytes.length < payloadEnd) fail('sync.truncated', file);
  if (whole && bytes.length > payloadEnd) fail('sync.trailingData', file, { bytes: bytes.length - payloadEnd });
  return {
    header,
    preamble,
    signature: bytes.subarray(headerEnd, payloadStart),
    payload: bytes.subarray(payloadStart, payloadEnd),
    bundleHash: sha256Hex(preamble),
  };
}

async function load(source: BundleSource, limits: Limits): Promise<{ bytes: Uint8Array; file: string }> {
  if ('bytes' in source) {
    if (source.bytes.length > limits.maxFile) fail('sync.tooLarge', source.name, { part: 'file', limit: limits.maxFile });
    return { bytes: source.bytes, file: basename(source.name) };
  }
  const file = basename(source.path);
  const info = await stat(source.path);
  if (info.size > limits.maxFile) fail('sync.tooLarge', file, { part: 'file', limit: limits.maxFile });
  const handle = await open(source.path, 'r');
  try {
    const bytes = new Uint8Array(info.size);
    let done = 0;
    while (done < info.size) {
      const { bytesRead } = await handle.read(bytes, done, info.size - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    if ((await handle.read(new Uint8Array(1), 0, 1, done)).bytesRead > 0) fail('sync.trailingData', file);
    return { bytes: bytes.subarray(0, done), file };
  } finally {
    await handle.close();
  }
}

/** Outer part only, signature not checked (for `bundle inspect` and early sequence checks). */
export async function inspectBundle(source: BundleSource): Promise<{ header: OuterHeader; bundleHash: string; size: number }> {
  const { bytes, file } = await load(source, DEFAULT_LIMITS);
  const outer = parseOuter(bytes, DEFAULT_LIMITS, file);
  return { header: outer.header, bundleHash: outer.bundleHash, size: bytes.length };
}

const recipientIds = new Map<string, string>();
async function identityKeyId(identity: string): Promise<string> {
  let id = recipientIds.get(identity);
  if (!id) {
    id = ageKeyId(await identityToRecipient(identity));
    recipientIds.set(identity, id);
  }
  return id;
}

function parseInner(inner: Uint8Array, limits: Limits, file: string): { manifest: Manifest; json: Uint8Array; signature: Uint8Array; body: Uint8Array } {
  if (inner.length < INNER_PREFIX || !startsWith(inner, INNER_MAGIC)) fail('sync.badManifest', file);
  const length = readU32(inner, 8);
  if (length > limits.maxManifest) fail('sync.tooLarge', file, { part: 'manifest', limit: limits.maxManifest });
  const end = INNER_PREFIX + length;
  if (inner.length < end + SIGNATURE_LENGTH) fail('sync.badManifest', file);
  const json = inner.subarray(INNER_PREFIX, end);
  const manifest = parseJson<Manifest>(json, manifestSchema);
  if (!manifest) fail('sync.badManifest', file);
  return { manifest, json, signature: inner.subarray(end, end + SIGNATURE_LENGTH), body: inner.subarray(end + SIGNATURE_LENGTH) };
}

/** Full verification and decryption; see OpenedBundle for how records are released. */
export async function readBundle<K extends BundleKind = BundleKind>(source: BundleSource, options: ReadOptions & { kind?: K }): Promise<OpenedBundle<K>> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { bytes, file } = await load(source, limits);
  const { header, preamble, signature, payload, bundleHash } = parseOuter(bytes, limits, file);
  if (options.kind && header.kind !== options.kind) fail('sync.wrongKind', file, { kind: header.kind });
  const entry = options.keys.find(header.sender, header.senderKeyId);
  if (!entry) fail(options.keys.hasOffice(header.sender) ? 'sync.unknownKey' : 'sync.unknownOffice', file, { office: header.sender });
  if (entry.status === 'revoked' && (entry.revokedAfterSequence === null || header.sequence > entry.revokedAfterSequence)) {
    fail('sync.revokedKey', file, { office: header.sender });
  }
  if (sha256Hex(payload) !== header.payloadSha256) fail('sync.hashMismatch', file, { part: 'payload' });
  const signingKey = fromBase64(entry.signingKey, 32);
  if (!signingKey || !verify('bundle', preamble, signature, signingKey)) fail('sync.badSignature', file);

  const mine = await Promise.all(options.identities.map(identityKeyId));
  if (!header.recipients.some((r) => mine.includes(r))) fail('sync.wrongRecipient', file);
  checkAgeHeader(payload, limits, file);
  const decrypter = new Decrypter();
  for (const identity of options.identities) decrypter.addIdentity(identity);
  let inner: Uint8Array;
  try {
    inner = await decrypter.decrypt(payload); // whole payload: every STREAM chunk authenticated before we look
  } catch (error) {
    if (/no identity matched/i.test(String((error as Error)?.message))) fail('sync.wrongRecipient', file);
    return fail('sync.decryptFailed', file);
  }

  const { manifest, json, signature: innerSignature, body } = parseInner(inner, limits, file);
  if (!verify('manifest', json, innerSignature, signingKey)) fail('sync.badManifestSignature', file);
  for (const field of REPEATED_FIELDS) {
    if (JSON.stringify(manifest[field]) !== JSON.stringify(header[field])) fail('sync.manifestMismatch', file, { field });
  }
  if (manifest.recordCount > limits.maxRecords) fail('sync.tooLarge', file, { part: 'records', limit: limits.maxRecords });
  if (body.length !== manifest.bodyLength || sha256Hex(body) !== manifest.bodySha256) fail('sync.hashMismatch', file, { part: 'body' });
  await checkRaw(body, manifest, limits, file);
  return {
    fileName: file,
    header: header as OuterHeader & { kind: K },
    manifest,
    bundleHash,
    records: () => parseRecords(body, manifest, limits, file) as AsyncIterable<RecordOf[K]>,
  };
}
