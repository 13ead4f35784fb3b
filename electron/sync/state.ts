import type { Database } from 'better-sqlite3-multiple-ciphers';
import { stmt } from '../db/statements.js';

export interface PeerRow {
  office_id: string;
  kind: string;
  last_seq: number;
  last_hash: string;
  /** How far into the sender's change log this office has applied (format 2 bundles); null when unknown. */
  last_change_to: number | null;
}

export function peer(db: Database, officeId: string, kind: string): PeerRow | undefined {
  return stmt(db, 'SELECT * FROM sync_peer WHERE office_id = ? AND kind = ?').get(officeId, kind) as PeerRow | undefined;
}

export function receivedHash(db: Database, from: string, kind: string, seq: number): string | undefined {
  const row = stmt(db, 'SELECT hash FROM sync_received WHERE from_office = ? AND kind = ? AND seq = ?').get(from, kind, seq) as
    | { hash: string }
    | undefined;
  return row?.hash;
}

export interface SentRow {
  kind: string;
  seq: number;
  bundle_id: string;
  hash: string;
  to_office: string;
  change_from: number;
  change_to: number;
  change_count: number;
  file_name: string;
  created_at: string;
  acked_at: string | null;
}

export function lastSent(db: Database, kind: string): SentRow | undefined {
  return stmt(db, 'SELECT * FROM sync_sent WHERE kind = ? ORDER BY seq DESC LIMIT 1').get(kind) as SentRow | undefined;
}

/** Change-log position up to which the office above has acknowledged everything. */
export function ackedUpTo(db: Database): number {
  const row = stmt(db, "SELECT max(change_to) AS n FROM sync_sent WHERE kind = 'changes' AND acked_at IS NOT NULL").get() as { n: number | null };
  return row.n ?? 0;
}

export function sentUpTo(db: Database): number {
  const row = stmt(db, "SELECT max(change_to) AS n FROM sync_sent WHERE kind = 'changes'").get() as { n: number | null };
  return row.n ?? 0;
}

export type RecordSyncState = 'not-sent' | 'sent' | 'acknowledged' | 'local';

/** Sync state of one record: where its latest change stands on the way up. */
export function recordSyncState(db: Database, entity: string, id: string): RecordSyncState {
  const row = stmt(db, 'SELECT max(seq) AS seq FROM change_log WHERE entity = ? AND record_id = ?').get(entity, id) as { seq: number | null };
  if (row.seq === null) return 'local';
  if (row.seq <= ackedUpTo(db)) return 'acknowledged';
  if (row.seq <= sentUpTo(db)) return 'sent';
  return 'not-sent';
}

/** The bundle a bundle id was already used for, if any (ids are unique over every office and kind). */
export function bundleIdUse(db: Database, bundleId: string): { from_office: string; kind: string; seq: number } | undefined {
  return stmt(db, 'SELECT from_office, kind, seq FROM sync_received WHERE bundle_id = ?').get(bundleId) as
    | { from_office: string; kind: string; seq: number }
    | undefined;
}
