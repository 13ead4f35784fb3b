import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.js';
import { nowIso } from '../db/changes.js';
import { fromBase64, toBase64, utf8 } from './crypto/encoding.js';
import { sign, verify } from './crypto/sign.js';
import { currentDirectory } from './directory.js';
import { signingKeyId, type Change, type OfficeKeys } from './format/index.js';
import { recordCountKey } from './format/records.js';

/**
 * Records that pass through an office on their way down (a national campaign reaching a commune through its
 * province) travel exactly as the office that made them signed them. The bundle's own signature proves only
 * who sent the bundle; each downward record therefore carries its maker's signature over the change's exact
 * JSON text. The office in between keeps that text and signature (`sync_relay`) and puts them, unchanged,
 * in its own bundles for the offices below, which check the signature against the key directory. An office
 * in between can pass a record on or leave it out; it can neither alter it nor make one in another office's name.
 */

/** Reference-bundle item type of a signed change. */
export const SIGNED_CHANGE = 'signedChange';

/** A change as the office that made it signed it: the exact JSON text, the signing key's id and the signature. */
export interface SignedChange {
  body: string;
  keyId: string;
  signature: string;
}

/** A change read from a bundle; `signed` when it came with its maker's signature (the fields are the signed text's). */
export type RelayableChange = Change & { signed?: SignedChange };

export function signChange(change: Change, keys: OfficeKeys): SignedChange {
  const body = JSON.stringify(change);
  return { body, keyId: signingKeyId(keys.signingPublic), signature: toBase64(sign('record', utf8.encode(body), keys.signingSecret)) };
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/** The change inside a signed item, read from the signed text itself (its signature is checked by `signedByOrigin`). */
export function openSignedChange(data: unknown, file: string, line: number): RelayableChange {
  const unreadable = () => new AppError('synctrust.relayUnreadable', { file, line });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw unreadable();
  const { body, keyId, signature, ...rest } = data as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || !isText(body, 1_000_000) || !isText(keyId, 64) || !isText(signature, 200)) throw unreadable();
  let change: unknown;
  try {
    change = JSON.parse(body);
  } catch {
    throw unreadable();
  }
  if (recordCountKey('changes', change) === null) throw unreadable();
  return { ...(change as Change), signed: { body, keyId, signature } };
}

/** The change is signed, over its exact text, by the office it names as its maker, with that office's key in the directory in effect. */
export function signedByOrigin(db: Database, change: RelayableChange): boolean {
  const signed = change.signed;
  if (!signed) return false;
  const entry = currentDirectory(db)?.entries.find((e) => e.officeId === change.origin && e.signingKeyId === signed.keyId && e.status === 'active');
  const key = entry ? fromBase64(entry.signingKey, 32) : null;
  const signature = fromBase64(signed.signature, 64);
  return key !== null && signature !== null && verify('record', utf8.encode(signed.body), signature, key);
}

/** `upper` is above `office` in the key directory's hierarchy (its parent, or further up). */
export function isAbove(db: Database, upper: string, office: string): boolean {
  const parentOf = new Map((currentDirectory(db)?.entries ?? []).map((e) => [e.officeId, e.parentOfficeId ?? null]));
  let at = parentOf.get(office) ?? null;
  for (let depth = 0; depth < 8 && at; depth += 1) {
    if (at === upper) return true;
    at = parentOf.get(at) ?? null;
  }
  return false;
}

/**
 * Why a record another office made may not be taken from the office that passed it on, or null when it may:
 * it must carry its maker's valid signature, and its maker must be above the office that passed it on.
 */
export function relayRefusal(db: Database, change: RelayableChange, from: string): string | null {
  if (!change.signed) return 'synctrust.relayUnsigned';
  if (!signedByOrigin(db, change)) return 'synctrust.relaySignature';
  if (!isAbove(db, change.origin, from)) return 'synctrust.relayNotFromAbove';
  return null;
}

/** The maker's revision of the signed record kept here, if any: an older signed version is never applied over it. */
export function relayedRevision(db: Database, entity: string, id: string): number | undefined {
  return db.prepare('SELECT revision FROM sync_relay WHERE entity = ? AND record_id = ?').pluck().get(entity, id) as number | undefined;
}

/** Keeps the signed text of a record just applied, to pass it on unchanged to the offices below. */
export function keepRelayed(db: Database, change: { entity: string; id: string; origin: string; rev: number; signed?: SignedChange }): void {
  if (!change.signed) return;
  db.prepare(
    `INSERT INTO sync_relay (entity, record_id, origin_office, revision, body, key_id, signature, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (entity, record_id) DO UPDATE SET origin_office = excluded.origin_office, revision = excluded.revision, body = excluded.body,
       key_id = excluded.key_id, signature = excluded.signature, received_at = excluded.received_at`,
  ).run(change.entity, change.id, change.origin, change.rev, change.signed.body, change.signed.keyId, change.signed.signature, nowIso());
}

/** Signed records of `entity` made by other offices, as kept here, with the record's current row. */
export function relayedRecords<R>(db: Database, entity: string, table: string, self: string): { signed: SignedChange; row: R }[] {
  const rows = db.prepare(
    `SELECT r.body, r.key_id, r.signature, t.* FROM sync_relay r JOIN ${table} t ON t.id = r.record_id
     WHERE r.entity = ? AND r.origin_office != ? ORDER BY r.record_id`,
  ).all(entity, self) as (R & { body: string; key_id: string; signature: string })[];
  return rows.map((r) => ({ signed: { body: r.body, keyId: r.key_id, signature: r.signature }, row: r }));
}
