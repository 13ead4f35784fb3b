import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { constants, createGunzip, createGzip } from 'node:zlib';
import { fail } from './errors.js';
import { recordCountKey, type AnyRecord } from './records.js';
import { fromUtf8 } from '../crypto/encoding.js';
import type { BundleKind, Limits, Manifest } from './api.js';

export const GZIP_LEVEL = 9;
const BATCH = 256 * 1024;

export interface EncodedBody {
  body: Uint8Array;
  rawLength: number;
  rawSha256: string;
  bodySha256: string;
  recordCount: number;
  counts: Record<string, number>;
}

/** Records → NDJSON (one JSON object per line, each ending "\n") → gzip, in memory, hashing as it goes. */
export async function encodeBody(
  kind: BundleKind,
  records: Iterable<AnyRecord> | AsyncIterable<AnyRecord>,
  onProgress?: (n: number) => void,
): Promise<EncodedBody> {
  const rawHash = createHash('sha256');
  const counts: Record<string, number> = {};
  let rawLength = 0;
  let recordCount = 0;
  async function* lines(): AsyncGenerator<Buffer> {
    let batch = '';
    for await (const record of records) {
      const key = recordCountKey(kind, record);
      if (key === null) fail('sync.badRecord', 'export', { line: recordCount + 1 });
      counts[key] = (counts[key] ?? 0) + 1;
      batch += JSON.stringify(record) + '\n';
      recordCount++;
      if (recordCount % 5000 === 0) onProgress?.(recordCount);
      if (batch.length >= BATCH) {
        const chunk = Buffer.from(batch, 'utf8');
        batch = '';
        rawHash.update(chunk);
        rawLength += chunk.length;
        yield chunk;
      }
    }
    const chunk = Buffer.from(batch, 'utf8');
    rawHash.update(chunk);
    rawLength += chunk.length;
    yield chunk;
  }
  const gzip = Readable.from(lines()).pipe(createGzip({ level: GZIP_LEVEL, memLevel: 9 }));
  const parts: Buffer[] = [];
  for await (const part of gzip) parts.push(part as Buffer);
  const body = new Uint8Array(Buffer.concat(parts));
  onProgress?.(recordCount);
  return { body, rawLength, rawSha256: rawHash.digest('hex'), bodySha256: createHash('sha256').update(body).digest('hex'), recordCount, counts };
}

/** The compressed body, read from the start each time it is called (a file range or bytes in memory). */
export type BodySource = () => AsyncIterable<Uint8Array>;

function gunzip(body: BodySource): AsyncIterable<Buffer> {
  return Readable.from(body(), { objectMode: false }).pipe(createGunzip({ chunkSize: 64 * 1024, finishFlush: constants.Z_SYNC_FLUSH }));
}

/** Pass 1: decompress without keeping anything; stops as soon as the declared or maximum size is passed. */
export async function checkRaw(body: BodySource, manifest: Manifest, limits: Limits, file: string): Promise<void> {
  if (manifest.rawLength > limits.maxDecompressed) fail('sync.tooLarge', file, { part: 'decompressed', limit: limits.maxDecompressed });
  const hash = createHash('sha256');
  let total = 0;
  try {
    for await (const chunk of gunzip(body)) {
      total += chunk.length;
      if (total > manifest.rawLength) break;
      hash.update(chunk);
    }
  } catch {
    fail('sync.badCompression', file);
  }
  if (total > manifest.rawLength) fail('sync.tooLarge', file, { part: 'decompressed', limit: manifest.rawLength });
  if (total !== manifest.rawLength || hash.digest('hex') !== manifest.rawSha256) fail('sync.hashMismatch', file, { part: 'records' });
}

/**
 * Pass 2: parse and shape-check each NDJSON line; counts, and the hash of what was read (the body is
 * read again, so it must still be what pass 1 checked), are compared at the end.
 */
export async function* parseRecords(body: BodySource, manifest: Manifest, limits: Limits, file: string): AsyncGenerator<AnyRecord> {
  const counts: Record<string, number> = {};
  const hash = createHash('sha256');
  let line = 0;
  let rest: Buffer = Buffer.alloc(0);
  const parseLine = (bytes: Buffer): AnyRecord => {
    line++;
    if (line > manifest.recordCount) fail('sync.countMismatch', file);
    let value: unknown;
    try {
      const text = fromUtf8.decode(bytes);
      if (text.includes('"__proto__"')) throw new Error('proto');
      value = JSON.parse(text);
    } catch {
      fail('sync.badRecord', file, { line });
    }
    const key = recordCountKey(manifest.kind, value);
    if (key === null) fail('sync.badRecord', file, { line });
    counts[key] = (counts[key] ?? 0) + 1;
    return value as AnyRecord;
  };
  for await (const chunk of gunzip(body)) {
    hash.update(chunk);
    let data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
      if (nl - start > limits.maxLine) fail('sync.tooLarge', file, { part: 'line', limit: limits.maxLine });
      yield parseLine(data.subarray(start, nl));
      start = nl + 1;
    }
    rest = data.subarray(start);
    data = rest;
    if (rest.length > limits.maxLine) fail('sync.tooLarge', file, { part: 'line', limit: limits.maxLine });
  }
  if (rest.length > 0) fail('sync.badRecord', file, { line: line + 1 });
  const keys = new Set([...Object.keys(counts), ...Object.keys(manifest.counts)]);
  if (line !== manifest.recordCount || [...keys].some((k) => counts[k] !== manifest.counts[k])) fail('sync.countMismatch', file);
  if (hash.digest('hex') !== manifest.rawSha256) fail('sync.hashMismatch', file, { part: 'records' });
}
