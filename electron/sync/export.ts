import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.js';
import { APP_VERSION } from '../../shared/version.js';
import { nowIso } from '../db/changes.js';
import { schemaVersion } from '../db/open.js';
import { currentDirectory, directoryEntry } from './directory.js';
import { LOCAL_ENTITIES, REFERENCE_ENTITIES } from './entities.js';
import { writeBundle, type BundleRecipient, type Change, type WrittenBundle } from './format/index.js';
import type { UnlockedKeys } from './keystore.js';
import { auditHead, writeSentMark } from '../db/sent-mark.js';
import { keepSent } from './outbox.js';
import { ackedUpTo, lastSent } from './state.js';

const PAGE = 5000;
const SKIPPED = [...LOCAL_ENTITIES, ...REFERENCE_ENTITIES];

interface LogRow {
  seq: number;
  entity: string;
  record_id: string;
  op: 'insert' | 'update' | 'delete';
  actor: string;
  at: string;
  origin_office: string;
  revision: number;
  after_json: string | null;
}

/** Changes that go up: made here or relayed from offices below, after what the office above acknowledged. */
function selection(self: string): { where: string; params: unknown[] } {
  return {
    where: `seq > ? AND seq <= ? AND entity NOT IN (${SKIPPED.map(() => '?').join(', ')})
      AND (origin_office = ? OR origin_office IN (SELECT office_id FROM sync_origin))`,
    params: [...SKIPPED, self],
  };
}

export function pendingCount(db: Database, self: string): number {
  const { where, params } = selection(self);
  const to = (db.prepare('SELECT coalesce(max(seq), 0) FROM change_log').pluck().get() as number);
  return db.prepare(`SELECT count(*) FROM change_log WHERE ${where}`).pluck().get(ackedUpTo(db), to, ...params) as number;
}

/** Change-log rows a page at a time, so no statement stays open across the writer's awaits. */
function* changesBetween(db: Database, self: string, from: number, to: number): Generator<Change> {
  const { where, params } = selection(self);
  const page = db.prepare(`SELECT * FROM change_log WHERE ${where} ORDER BY seq LIMIT ${PAGE}`);
  let after = from;
  for (;;) {
    const rows = page.all(after, to, ...params) as LogRow[];
    if (rows.length === 0) return;
    for (const row of rows) {
      after = row.seq;
      const data = row.op === 'delete' ? null : (JSON.parse(row.after_json ?? '{}') as Record<string, unknown>);
      yield { entity: row.entity, op: row.op, id: row.record_id, origin: row.origin_office, rev: row.revision, actor: row.actor, at: row.at, data };
    }
  }
}

export function recipientsFor(db: Database, officeIds: string[]): BundleRecipient[] {
  const out = new Map<string, BundleRecipient>();
  for (const id of officeIds) {
    const entry = directoryEntry(db, id);
    if (!entry) throw new AppError('syncdb.recipientUnknown', { office: id, version: currentDirectory(db)?.version ?? 0 });
    out.set(entry.ageKeyId, { keyId: entry.ageKeyId, ageRecipient: entry.ageRecipient });
  }
  return [...out.values()];
}

export interface ExportResult {
  status: 'written' | 'nothing';
  file: string | null;
  seq: number;
  changes: number;
  bundleId: string | null;
  size: number;
}

/** Writes one bundle of every unacknowledged change to `dir` (atomically) and records it as sent. */
export async function exportChanges(
  db: Database, keys: UnlockedKeys, dir: string, onProgress: (done: number, total: number) => void = () => {},
): Promise<ExportResult> {
  const self = keys.current.officeId;
  const parent = keys.card.parentOfficeId;
  if (!parent) throw new AppError('syncdb.nothingAbove');
  const directory = currentDirectory(db);
  const national = directory?.entries.find((e) => e.level === 'national' && e.status === 'active')?.officeId;
  const recipients = recipientsFor(db, national ? [parent, national] : [parent]);
  const from = ackedUpTo(db);
  const to = db.prepare('SELECT coalesce(max(seq), 0) FROM change_log').pluck().get() as number;
  const total = pendingCount(db, self);
  const previous = lastSent(db, 'changes');
  if (total === 0) return { status: 'nothing', file: null, seq: previous?.seq ?? 0, changes: 0, bundleId: null, size: 0 };
  // Read with `to`, before any await: every entry up to this head is in the change log up to `to`.
  const audit = auditHead(db, self);
  const seq = (previous?.seq ?? 0) + 1;
  onProgress(0, total);
  const written: WrittenBundle = await writeBundle(dir, {
    kind: 'changes', sender: keys.current, recipients, sequence: seq, previousHash: previous?.hash ?? null,
    directoryVersion: directory?.version ?? 0, appVersion: APP_VERSION, schemaVersion: schemaVersion(db),
    records: changesBetween(db, self, from, to),
    changeRange: { after: from, upTo: to },
    onProgress: (n) => onProgress(n, total),
  });
  db.prepare(
    `INSERT INTO sync_sent (kind, seq, bundle_id, hash, to_office, change_from, change_to, change_count, file_name, created_at)
     VALUES ('changes', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(seq, written.header.bundleId, written.bundleHash, parent, from, to, written.manifest.recordCount, written.fileName, nowIso());
  await keepSent(db, written.path);
  writeSentMark(db, {
    version: 1, office: self, seq, bundleId: written.header.bundleId, hash: written.bundleHash, toOffice: parent, changeFrom: from, changeTo: to,
    changeCount: written.manifest.recordCount, fileName: written.fileName, createdAt: nowIso(), audit,
  });
  onProgress(total, total);
  return { status: 'written', file: written.path, seq, changes: written.manifest.recordCount, bundleId: written.header.bundleId, size: written.size };
}
