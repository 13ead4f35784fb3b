import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.js';
import { APP_VERSION } from '../../shared/version.js';
import { nowIso } from '../db/changes.js';
import { schemaVersion } from '../db/open.js';
import { currentDirectory } from './directory.js';
import { recipientsFor } from './export.js';
import { writeBundle, type OpenedBundle, type ReceiptEntry } from './format/index.js';
import type { ImportOptions } from './import.js';
import { dropAcknowledged } from './outbox.js';
import { lastSent, receivedHash } from './state.js';
import type { IncomingBundle } from './types.js';

/**
 * Writes a signed receipt for an imported bundle, to carry back to its sender; returns the file.
 * With `missing`, the receipt does not acknowledge the bundle: it tells the sender which of its bundles
 * are missing and how far its changes were applied here, so the sender's next bundle carries the rest.
 */
export async function writeReceipt(db: Database, options: ImportOptions, bundle: IncomingBundle,
  missing?: ReceiptEntry['missing']): Promise<string | null> {
  if (!options.receiptDir || bundle.kind !== 'changes') return null;
  const previous = lastSent(db, 'receipt');
  const seq = (previous?.seq ?? 0) + 1;
  const entry: ReceiptEntry = {
    bundleId: bundle.bundleId, sender: bundle.from, sequence: bundle.seq, bundleHash: bundle.hash, ...(missing ? { missing } : {}),
  };
  const written = await writeBundle(options.receiptDir, {
    kind: 'receipt', sender: options.keys.current, recipients: recipientsFor(db, [bundle.from]), sequence: seq,
    previousHash: previous?.hash ?? null, directoryVersion: currentDirectory(db)?.version ?? 0, appVersion: APP_VERSION,
    schemaVersion: schemaVersion(db), records: [entry],
  });
  db.prepare(
    `INSERT INTO sync_sent (kind, seq, bundle_id, hash, to_office, change_from, change_to, change_count, file_name, created_at)
     VALUES ('receipt', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(seq, written.header.bundleId, written.bundleHash, bundle.from, bundle.seq, bundle.seq, missing ? 0 : 1, written.fileName, nowIso());
  return written.path;
}

/** Whether a receipt for this bundle was written already (receipts record the sequence they acknowledge). */
export function receiptWritten(db: Database, bundle: IncomingBundle): boolean {
  if (bundle.kind !== 'changes') return true;
  // change_count 0: a receipt that reported the bundle held, not one that acknowledged it.
  return db.prepare("SELECT EXISTS (SELECT 1 FROM sync_sent WHERE kind = 'receipt' AND to_office = ? AND change_to = ? AND change_count = 1)").pluck()
    .get(bundle.from, bundle.seq) === 1;
}

/**
 * Marks the bundles a receipt names (and, since each bundle repeats everything unacknowledged,
 * every earlier one) as acknowledged. Receipts can arrive in any order; a copy is a no-op.
 */
export async function applyReceipt(db: Database, opened: OpenedBundle<'receipt'>, bundle: IncomingBundle, self: string): Promise<number> {
  const entries: ReceiptEntry[] = [];
  for await (const entry of opened.records()) entries.push(entry);
  const known = receivedHash(db, bundle.from, 'receipt', bundle.seq);
  if (known === bundle.hash) return 0;
  // Another receipt under a number already used: the office above went back to a backup and counts its
  // receipts again. A receipt only speaks of bundles this office sent (each checked by hash below), so it
  // is still taken, but not recorded under the reused number.
  const reused = known !== undefined;
  const sent = db.prepare("SELECT seq, hash FROM sync_sent WHERE kind = 'changes' AND bundle_id = ?");
  const ack = db.prepare("UPDATE sync_sent SET acked_at = ?, missing_from = NULL, missing_to = NULL WHERE kind = 'changes' AND seq <= ? AND acked_at IS NULL");
  const reportMissing = db.prepare('UPDATE sync_sent SET missing_from = ?, missing_to = ?, missing_reported_at = ? WHERE kind = ? AND seq = ?');
  // What the office above no longer has must be sent again: the next bundle starts where it says it stands.
  const rewind = db.prepare("UPDATE sync_sent SET acked_at = NULL WHERE kind = 'changes' AND change_to > ? AND acked_at IS NOT NULL");
  let acked = 0;
  const now = nowIso();
  db.transaction(() => {
    for (const entry of entries) {
      if (entry.sender !== self) continue;
      const row = sent.get(entry.bundleId) as { seq: number; hash: string } | undefined;
      if (!row || row.hash !== entry.bundleHash || row.seq !== entry.sequence) {
        throw new AppError('syncdb.receiptUnknownBundle', { file: bundle.fileName, seq: entry.sequence });
      }
      if (entry.missing) {
        rewind.run(entry.missing.appliedUpTo);
        reportMissing.run(entry.missing.from, entry.missing.to, now, 'changes', row.seq);
        continue;
      }
      acked += ack.run(now, row.seq).changes;
    }
    if (reused) return;
    db.prepare(
      `INSERT INTO sync_received (bundle_id, from_office, seq, hash, kind, inserted, updated, deleted, skipped, conflicts, file_name, imported_at)
       VALUES (?, ?, ?, ?, 'receipt', 0, ?, 0, 0, 0, ?, ?)`,
    ).run(bundle.bundleId, bundle.from, bundle.seq, bundle.hash, acked, bundle.fileName, now);
  }).immediate();
  dropAcknowledged(db); // after the commit: a copy outlives its acknowledgement, never the other way round
  return acked;
}
