import type { Row } from '../db/changes.js';
import type { SignedChange } from './relay.js';

/** What the sequence logic needs to know about a verified bundle. */
export interface IncomingBundle {
  bundleId: string;
  from: string;
  kind: 'changes' | 'reference' | 'receipt';
  /**
   * The sequence this bundle is ordered in at the receiver: its kind, except that a reference bundle holding
   * only campaigns signed above (downward.ts) is the `campaigns` stream. The sender numbers both in one series,
   * but each is a snapshot of different data, so a campaign bundle is not stale because newer reference data came first.
   */
  stream: 'changes' | 'reference' | 'campaigns' | 'receipt';
  seq: number;
  /** Hash of the sender's previous bundle of this kind; '' for the first. */
  prevHash: string;
  /** Hash of this bundle: what the next one chains to and receipts name. */
  hash: string;
  fileName: string;
  /** Format 2 `changes` bundles: the sender's change-log positions carried (after < seq ≤ upTo); null otherwise. */
  range: { after: number; upTo: number } | null;
}

/** A change from a bundle, checked against its table and ready to apply. */
export interface StagedChange {
  line: number;
  entity: string;
  op: 'insert' | 'update' | 'delete';
  id: string;
  origin: string;
  rev: number;
  actor: string;
  at: string;
  row: Row | null;
  /** The maker's signature over the change (records passed down through an office; see relay.ts). */
  signed?: SignedChange;
}

export interface EntityCounts {
  inserted: number;
  updated: number;
  deleted: number;
  skipped: number;
}

export interface ApplySummary {
  perEntity: Record<string, EntityCounts>;
  inserted: number;
  updated: number;
  deleted: number;
  skipped: number;
  conflicts: number;
}

export function emptySummary(): ApplySummary {
  return { perEntity: {}, inserted: 0, updated: 0, deleted: 0, skipped: 0, conflicts: 0 };
}
