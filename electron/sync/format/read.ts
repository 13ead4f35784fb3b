import { createHash, type Hash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Decrypter, identityToRecipient } from 'age-encryption';
import type { z } from 'zod';
import { checkAgeHeader } from './age-header.js';
import { checkRaw, parseRecords, type BodySource } from './body.js';
import { createSpool, type Spool } from './spool.js';
import { AppError } from '../../../shared/errors.js';
import { fail } from './errors.js';
import { DEFAULT_LIMITS, headerSchema, READABLE_VERSIONS, INNER_MAGIC, INNER_PREFIX, manifestSchema, OUTER_MAGIC, OUTER_PREFIX, readU32, REPEATED_FIELDS, SIGNATURE_LENGTH } from './layout.js';
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
  if (!READABLE_VERSIONS.includes(version)) fail('sync.badVersion', file, { version });
  const headerLength = readU32(bytes, 10);
  if (headerLength > limits.maxHeader) fail('sync.tooLarge', file, { part: 'header', limit: limits.maxHeader });
  const headerEnd = OUTER_PREFIX + headerLength;
  if (bytes.length < headerEnd + SIGNATURE_LENGTH) fail('sync.truncated', file);
  const preamble = bytes.subarray(0, headerEnd);
  const header = parseJson<OuterHeader>(bytes.subarray(OUTER_PREFIX, headerEnd), headerSchema);
  if (!header) fail('sync.badHeader', file);
  if (header.format !== version) fail('sync.badVersion', file, { version });
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

/** The bundle file, read in pieces: a file handle, or bytes already in memory. */
interface Input {
  file: string;
  size: number;
  read(at: number, length: number): Promise<Uint8Array>;
  stream(start: number, end: number): AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

const CHUNK = 64 * 1024;

async function openInput(source: BundleSource, limits: Limits): Promise<Input> {
  if ('bytes' in source) {
    const { bytes } = source;
    const file = basename(source.name);
    if (bytes.length > limits.maxFile) fail('sync.tooLarge', file, { part: 'file', limit: limits.maxFile });
    return {
      file,
      size: bytes.length,
      read: async (at, length) => bytes.subarray(at, at + length),
      async *stream(start, end) {
        for (let at = start; at < end; at += CHUNK) yield bytes.subarray(at, Math.min(end, at + CHUNK));
      },
      close: async () => {},
    };
  }
  const file = basename(source.path);
  const info = await stat(source.path);
  if (info.size > limits.maxFile) fail('sync.tooLarge', file, { part: 'file', limit: limits.maxFile });
  const handle = await open(source.path, 'r');
  const read = async (at: number, length: number) => {
    const bytes = new Uint8Array(Math.max(0, length));
    let done = 0;
    while (done < length) {
      const { bytesRead } = await handle.read(bytes, done, length - done, at + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return bytes.subarray(0, done);
  };
  return {
    file,
    size: info.size,
    read,
    async *stream(start, end) {
      for (let at = start; at < end; ) {
        const chunk = await read(at, Math.min(CHUNK, end - at));
        if (chunk.length === 0) fail('sync.truncated', file);
        at += chunk.length;
        yield chunk;
      }
    },
    close: () => handle.close(),
  };
}

/** The outer part from the first bytes of the file, and where the payload lies. */
async function readOuter(input: Input, limits: Limits): Promise<Outer & { payloadStart: number; payloadEnd: number }> {
  const head = await input.read(0, Math.min(input.size, OUTER_PREFIX + limits.maxHeader + SIGNATURE_LENGTH));
  const outer = parseOuter(head, limits, input.file, false);
  const payloadStart = outer.preamble.length + SIGNATURE_LENGTH;
  const payloadEnd = payloadStart + outer.header.payloadLength;
  if (input.size < payloadEnd) fail('sync.truncated', input.file);
  if (input.size > payloadEnd) fail('sync.trailingData', input.file, { bytes: input.size - payloadEnd });
  return { ...outer, payloadStart, payloadEnd };
}

async function sha256Of(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}

/** Outer part only, signature not checked (for `bundle inspect` and early sequence checks). */
export async function inspectBundle(source: BundleSource): Promise<{ header: OuterHeader; bundleHash: string; size: number }> {
  const input = await openInput(source, DEFAULT_LIMITS);
  try {
    const outer = await readOuter(input, DEFAULT_LIMITS);
    return { header: outer.header, bundleHash: outer.bundleHash, size: input.size };
  } finally {
    await input.close();
  }
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

/** Manifest and its signature from the decrypted payload; the body follows them. */
async function readInner(spool: Spool, limits: Limits, file: string): Promise<{ manifest: Manifest; json: Uint8Array; signature: Uint8Array; bodyStart: number }> {
  const prefix = await spool.readAt(0, INNER_PREFIX);
  if (prefix.length < INNER_PREFIX || !startsWith(prefix, INNER_MAGIC)) fail('sync.badManifest', file);
  const length = readU32(prefix, 8);
  if (length > limits.maxManifest) fail('sync.tooLarge', file, { part: 'manifest', limit: limits.maxManifest });
  const end = INNER_PREFIX + length;
  if (spool.size < end + SIGNATURE_LENGTH) fail('sync.badManifest', file);
  const json = await spool.readAt(INNER_PREFIX, length);
  const manifest = parseJson<Manifest>(json, manifestSchema);
  if (!manifest) fail('sync.badManifest', file);
  return { manifest, json, signature: await spool.readAt(end, SIGNATURE_LENGTH), bodyStart: end + SIGNATURE_LENGTH };
}

/** A web stream over `chunks` that hashes what it passes on (what typage decrypts is what was hashed). */
function hashingStream(chunks: AsyncIterable<Uint8Array>, hash: Hash): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) return controller.close();
      hash.update(next.value);
      controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Decrypts the payload into `spool` in 64 KiB chunks, each authenticated by age's STREAM before it is written. */
async function decryptInto(spool: Spool, input: Input, start: number, end: number, identities: string[], expectedSha256: string): Promise<void> {
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity);
  const hash = createHash('sha256');
  const write = async (plain: AsyncIterable<Uint8Array>) => {
    for await (const chunk of plain) await spool.write(chunk);
  };
  let failure: unknown = null;
  let writing = false;
  try {
    const plain = await decrypter.decrypt(hashingStream(input.stream(start, end), hash));
    writing = true;
    await write(plain as unknown as AsyncIterable<Uint8Array>);
  } catch (error) {
    failure = error;
  }
  if (failure) {
    if (failure instanceof AppError) throw failure;
    if (/no identity matched/i.test(String((failure as Error)?.message))) fail('sync.wrongRecipient', input.file);
    if (!writing || /chunk|invalid|tag|decrypt/i.test(String((failure as Error)?.message))) fail('sync.decryptFailed', input.file);
    throw failure;
  }
  // The file may have changed since its hash was checked: what was decrypted must be what was signed.
  if (hash.digest('hex') !== expectedSha256) fail('sync.hashMismatch', input.file, { part: 'payload' });
}

/**
 * Full verification. Memory stays flat whatever the bundle's size: the file is read in pieces, the
 * payload is decrypted (every STREAM chunk authenticated) into a temporary spool, and the body is then
 * checked and parsed as streams from it. Call `close()` when done with the records.
 */
export async function readBundle<K extends BundleKind = BundleKind>(source: BundleSource, options: ReadOptions & { kind?: K }): Promise<OpenedBundle<K>> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const input = await openInput(source, limits);
  let spool: Spool | null = null;
  try {
    const file = input.file;
    const { header, preamble, signature, bundleHash, payloadStart, payloadEnd } = await readOuter(input, limits);
    if (options.kind && header.kind !== options.kind) fail('sync.wrongKind', file, { kind: header.kind });
    const entry = options.keys.find(header.sender, header.senderKeyId);
    if (!entry) fail(options.keys.hasOffice(header.sender) ? 'sync.unknownKey' : 'sync.unknownOffice', file, { office: header.sender });
    if (entry.status === 'revoked' && (entry.revokedAfterSequence === null || header.sequence > entry.revokedAfterSequence)) {
      fail('sync.revokedKey', file, { office: header.sender });
    }
    if ((await sha256Of(input.stream(payloadStart, payloadEnd))) !== header.payloadSha256) fail('sync.hashMismatch', file, { part: 'payload' });
    const signingKey = fromBase64(entry.signingKey, 32);
    if (!signingKey || !verify('bundle', preamble, signature, signingKey)) fail('sync.badSignature', file);

    const mine = await Promise.all(options.identities.map(identityKeyId));
    if (!header.recipients.some((r) => mine.includes(r))) fail('sync.wrongRecipient', file);
    checkAgeHeader(await input.read(payloadStart, Math.min(header.payloadLength, limits.maxAgeHeader + 1)), limits, file);
    spool = await createSpool();
    await decryptInto(spool, input, payloadStart, payloadEnd, options.identities, header.payloadSha256);

    const { manifest, json, signature: innerSignature, bodyStart } = await readInner(spool, limits, file);
    if (!verify('manifest', json, innerSignature, signingKey)) fail('sync.badManifestSignature', file);
    for (const field of REPEATED_FIELDS) {
      if (JSON.stringify(manifest[field]) !== JSON.stringify(header[field])) fail('sync.manifestMismatch', file, { field });
    }
    // Format 2 states the range (null except for changes); format 1 has none.
    if ((header.format === 2) !== (manifest.changeRange !== undefined) || (manifest.changeRange && header.kind !== 'changes')) {
      fail('sync.badManifest', file);
    }
    if (manifest.recordCount > limits.maxRecords) fail('sync.tooLarge', file, { part: 'records', limit: limits.maxRecords });
    const held = spool;
    const body: BodySource = () => held.stream(bodyStart, held.size);
    if (held.size - bodyStart !== manifest.bodyLength || (await sha256Of(body())) !== manifest.bodySha256) fail('sync.hashMismatch', file, { part: 'body' });
    await checkRaw(body, manifest, limits, file);
    spool = null;
    return {
      fileName: file,
      header: header as OuterHeader & { kind: K },
      manifest,
      bundleHash,
      records: () => parseRecords(body, manifest, limits, file) as AsyncIterable<RecordOf[K]>,
      close: () => held.dispose(),
    };
  } finally {
    await input.close();
    await spool?.dispose();
  }
}
