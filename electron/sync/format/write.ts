import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Encrypter } from 'age-encryption';
import { v7 as uuidv7 } from 'uuid';
import { encodeBody } from './body.js';
import { fail } from './errors.js';
import { bundleFileName, DEFAULT_LIMITS, FORMAT_VERSION, INNER_MAGIC, OUTER_MAGIC, u32 } from './layout.js';
import { concat, sha256Hex, utf8 } from '../crypto/encoding.js';
import { signingKeyId, writeFileAtomic } from '../crypto/keys.js';
import { sign } from '../crypto/sign.js';
import type { AnyRecord } from './records.js';
import type { BundleKind, Manifest, OuterHeader, WriteBundleInput, WrittenBundle } from './api.js';
import { now } from '../../backend/clock.js';

/** Inner plaintext: INNER_MAGIC | u32 manifest length | manifest JSON | Ed25519 signature | gzip body. */
export function innerBytes(manifestJson: Uint8Array, signature: Uint8Array, body: Uint8Array): Uint8Array {
  return concat([INNER_MAGIC, u32(manifestJson.length), manifestJson, signature, body]);
}

/** Signed outer part: OUTER_MAGIC | u16 version | u32 header length | header JSON. */
export function outerPreamble(headerJson: Uint8Array): Uint8Array {
  return concat([OUTER_MAGIC, new Uint8Array([FORMAT_VERSION >> 8, FORMAT_VERSION & 255]), u32(headerJson.length), headerJson]);
}

/** Whole file: preamble | Ed25519 signature over it | age payload. */
export function outerBytes(preamble: Uint8Array, signature: Uint8Array, payload: Uint8Array): Uint8Array {
  return concat([preamble, signature, payload]);
}

export async function ageEncrypt(plain: Uint8Array, recipients: string[]): Promise<Uint8Array> {
  const e = new Encrypter();
  for (const r of recipients) e.addRecipient(r);
  return e.encrypt(plain);
}

/** Builds a whole bundle in memory (compressed body, then encrypted payload; never plaintext on disk). */
export async function encodeBundle<K extends BundleKind>(
  input: WriteBundleInput<K>,
): Promise<{ bytes: Uint8Array; header: OuterHeader; manifest: Manifest; bundleHash: string }> {
  const seed = input.sender.signingSecret;
  const encoded = await encodeBody(input.kind, input.records as Iterable<AnyRecord> | AsyncIterable<AnyRecord>, input.onProgress);
  const common = {
    kind: input.kind,
    bundleId: input.bundleId ?? uuidv7(),
    sender: input.sender.officeId,
    senderKeyId: signingKeyId(input.sender.signingPublic),
    recipients: input.recipients.map((r) => r.keyId),
    sequence: input.sequence,
    previousHash: input.previousHash,
    createdAt: input.createdAt ?? new Date(now()).toISOString(),
    directoryVersion: input.directoryVersion,
  };
  const manifest: Manifest = {
    ...common,
    appVersion: input.appVersion,
    schemaVersion: input.schemaVersion,
    recordCount: encoded.recordCount,
    counts: encoded.counts,
    compression: 'gzip',
    bodyLength: encoded.body.length,
    bodySha256: encoded.bodySha256,
    rawLength: encoded.rawLength,
    rawSha256: encoded.rawSha256,
    changeRange: input.kind === 'changes' ? (input.changeRange ?? null) : null,
  };
  const manifestJson = utf8.encode(JSON.stringify(manifest));
  if (manifestJson.length > DEFAULT_LIMITS.maxManifest) fail('sync.tooLarge', 'export', { part: 'manifest', limit: DEFAULT_LIMITS.maxManifest });
  const inner = innerBytes(manifestJson, sign('manifest', manifestJson, seed), encoded.body);
  const payload = await ageEncrypt(inner, input.recipients.map((r) => r.ageRecipient));
  const header: OuterHeader = { format: FORMAT_VERSION, ...common, payloadLength: payload.length, payloadSha256: sha256Hex(payload) };
  const preamble = outerPreamble(utf8.encode(JSON.stringify(header)));
  const bytes = outerBytes(preamble, sign('bundle', preamble, seed), payload);
  return { bytes, header, manifest, bundleHash: sha256Hex(preamble) };
}

/** Encodes, then writes `<dir>/banhchi-<bundleId>.bchb` atomically (temp file, fsync, rename). */
export async function writeBundle<K extends BundleKind>(dir: string, input: WriteBundleInput<K>): Promise<WrittenBundle> {
  await mkdir(dir, { recursive: true });
  const { bytes, header, manifest, bundleHash } = await encodeBundle(input);
  const fileName = bundleFileName(header.bundleId);
  const path = join(dir, fileName);
  await writeFileAtomic(path, bytes, 0o644);
  return { path, fileName, header, manifest, bundleHash, size: (await stat(path)).size };
}
