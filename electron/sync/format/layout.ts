import { z } from 'zod';
import type { Limits } from './api.js';

/** Outer magic: "\x89BCHB\r\n\x1a" (PNG-style: catches 7-bit and newline-mangling transfers). */
export const OUTER_MAGIC = new Uint8Array([0x89, 0x42, 0x43, 0x48, 0x42, 0x0d, 0x0a, 0x1a]);
/** Inner (decrypted payload) magic: "\x89BCHM\r\n\x1a". */
export const INNER_MAGIC = new Uint8Array([0x89, 0x42, 0x43, 0x48, 0x4d, 0x0d, 0x0a, 0x1a]);
/** Version written: 2 adds the manifest's `changeRange`. Version 1 bundles are still read. */
export const FORMAT_VERSION = 2 as const;
export const READABLE_VERSIONS: readonly number[] = [1, 2];
/** magic(8) + version u16 + header length u32. */
export const OUTER_PREFIX = 14;
/** magic(8) + manifest length u32. */
export const INNER_PREFIX = 12;
export const SIGNATURE_LENGTH = 64;
export const FILE_EXTENSION = '.bchb';

const MiB = 1024 * 1024;
export const DEFAULT_LIMITS: Limits = {
  maxFile: 256 * MiB,
  maxHeader: 16 * 1024,
  maxAgeHeader: 16 * 1024,
  maxRecipients: 4,
  maxManifest: MiB,
  maxPayload: 256 * MiB,
  maxDecompressed: 1024 * MiB,
  maxLine: MiB,
  maxRecords: 1_000_000,
};

export function bundleFileName(bundleId: string): string {
  return `banhchi-${bundleId}${FILE_EXTENSION}`;
}

const id = z.string().min(1).max(200);
const keyId = z.string().regex(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){5}$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

const shared = {
  kind: z.enum(['changes', 'receipt', 'reference']),
  bundleId: uuid,
  sender: id,
  senderKeyId: keyId,
  recipients: z.array(keyId).min(1).max(16),
  sequence: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  previousHash: hex64.nullable(),
  createdAt: z.string().max(40),
  directoryVersion: count,
};

export const headerSchema = z.object({ format: z.union([z.literal(1), z.literal(2)]), ...shared, payloadLength: count, payloadSha256: hex64 }).strict();

/** The sender's change-log positions a `changes` bundle carries: every upward change with after < seq ≤ upTo. */
const changeRange = z.object({ after: count, upTo: count }).strict().refine((r) => r.after <= r.upTo);

export const manifestSchema = z
  .object({
    ...shared,
    appVersion: z.string().max(40),
    schemaVersion: count,
    recordCount: count,
    counts: z.record(z.string().max(100), count),
    compression: z.literal('gzip'),
    bodyLength: count,
    bodySha256: hex64,
    rawLength: count,
    rawSha256: hex64,
    /** Format 2 only: present for every kind, null except for `changes`. */
    changeRange: changeRange.nullable().optional(),
  })
  .strict();

/** Fields the manifest must repeat from the outer header, in order. */
export const REPEATED_FIELDS = ['kind', 'bundleId', 'sender', 'senderKeyId', 'recipients', 'sequence', 'previousHash', 'createdAt', 'directoryVersion'] as const;

export function readU32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!;
}

export function u32(value: number): Uint8Array {
  return new Uint8Array([value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255]);
}
