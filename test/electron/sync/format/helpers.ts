import { AppError } from '../../../../shared/errors.js';
import { directoryLookup, encodeBundle, generateOfficeKeys, signingKeyId, ageKeyId, makeKeyCard } from '../../../../electron/sync/format/index.js';
import type { Change, DirectoryEntry, KeyDirectory, OfficeKeys, OfficeLevel, WriteBundleInput } from '../../../../electron/sync/format/api.js';

export interface Office {
  keys: OfficeKeys;
  entry: DirectoryEntry;
}

export async function makeOffice(officeId: string, level: OfficeLevel, parentOfficeId: string | null): Promise<Office> {
  const keys = await generateOfficeKeys(officeId);
  const card = makeKeyCard(keys, { level, unitCode: officeId, name: `Office ${officeId}`, parentOfficeId });
  const { createdAt: _c, qrPayload: _q, ...pub } = card;
  return { keys, entry: { ...pub, status: 'active', revokedAfterSequence: null } };
}

export function directoryOf(national: Office, offices: Office[], version = 1): KeyDirectory {
  return {
    version,
    issuedAt: '2026-01-01T00:00:00.000Z',
    issuer: national.keys.officeId,
    issuerKeyId: signingKeyId(national.keys.signingPublic),
    entries: [national.entry, ...offices.map((o) => o.entry)],
  };
}

export function recipient(keys: OfficeKeys): { keyId: string; ageRecipient: string } {
  return { keyId: ageKeyId(keys.ageRecipient), ageRecipient: keys.ageRecipient };
}

/** Deterministic changes; `noise` adds hard-to-compress text so the bundle spans several age chunks. */
export function changes(count: number, origin: string, noise = 0): Change[] {
  const out: Change[] = [];
  let seed = 12345;
  const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < count; i++) {
    const filler = Array.from({ length: noise }, () => rand().toString(36)).join('');
    out.push({
      entity: i % 3 === 0 ? 'person' : 'stay',
      op: i % 7 === 6 ? 'update' : 'insert',
      id: `0190f0a0-0000-7000-8000-${String(i).padStart(12, '0')}`,
      origin,
      rev: 1 + (i % 4),
      actor: 'clerk',
      at: '2026-01-02T03:04:05.000Z',
      data: { name: `Person ${i}`, passport: `P${100000 + i}`, note: filler, khmer: 'ស្នាក់នៅ' },
    });
  }
  return out;
}

export function bundleInput(sender: OfficeKeys, to: OfficeKeys[], records: Change[], sequence = 1): WriteBundleInput<'changes'> {
  return {
    kind: 'changes',
    sender,
    recipients: to.map(recipient),
    sequence,
    previousHash: null,
    directoryVersion: 1,
    appVersion: '0.1.0',
    schemaVersion: 30,
    records,
  };
}

export async function encode(sender: OfficeKeys, to: OfficeKeys[], records: Change[]): Promise<Uint8Array> {
  return (await encodeBundle(bundleInput(sender, to, records))).bytes;
}

/** The AppError code a promise rejects with, or 'ok'. Anything that is not an AppError is re-thrown. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

export { directoryLookup };
