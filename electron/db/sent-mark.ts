import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
// Prepared once per connection: the audit head is read on every audited call.
import { pluckStmt, stmt } from './statements.js';
import { nowIso } from './changes.js';

/**
 * The last `changes` bundle this office wrote, kept beside the register (in `<db>-outbox/`, with the sent
 * bundles) rather than in it, so that it outlives restoring the register from an older backup. Holds no
 * personal data: numbers and hashes.
 *
 * Without it a restored register numbers its next bundle, its next changes and its next audit entries
 * again from where the backup stood; the office above already holds those numbers with other content
 * and refuses the bundle (`syncdb.sequenceReused`, the audit chain's unique seq), for good.
 */
const sentMarkSchema = z.object({
  version: z.literal(1),
  office: z.string().min(1),
  seq: z.number().int().positive(),
  bundleId: z.string().min(1),
  hash: z.string().min(1),
  toOffice: z.string().min(1),
  changeFrom: z.number().int().min(0),
  changeTo: z.number().int().min(0),
  changeCount: z.number().int().min(0),
  fileName: z.string().min(1),
  createdAt: z.string().min(1),
  audit: z.object({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
});
export type SentMark = z.infer<typeof sentMarkSchema>;

export const SENT_MARK_NAME = 'last-sent.json';

function markFile(db: Database): string | null {
  return db.memory || db.name === '' ? null : path.join(`${db.name}-outbox`, SENT_MARK_NAME);
}

/** Written after each bundle (atomically: a crash leaves the previous mark, never half of one). */
export function writeSentMark(db: Database, mark: SentMark): void {
  const file = markFile(db);
  if (!file) return;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(mark), { mode: 0o600 });
  renameSync(temporary, file);
}

/** The mark, or null when there is none or it cannot be read (then nothing is continued). */
export function readSentMark(db: Database): SentMark | null {
  const file = markFile(db);
  if (!file || !existsSync(file)) return null;
  try {
    const parsed = sentMarkSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** This office's audit chain head (seq and hash) now: what a bundle written now carries up to. */
export function auditHead(db: Database, office: string): { seq: number; hash: string } | null {
  const own = stmt(db, 'SELECT seq, hash FROM audit_entry WHERE origin_office = ? ORDER BY seq DESC LIMIT 1').get(office) as
    | { seq: number; hash: string }
    | undefined;
  const carried = carriedAuditHead(db);
  if (carried && (!own || carried.seq > own.seq)) return carried;
  return own ?? null;
}

const withContinuations = new WeakSet<Database>();

/** Every audit-chain end this register carried on from after a restore (usually none). */
export function restoredAuditEnds(db: Database): { seq: number; hash: string }[] {
  if (!hasContinuations(db)) return [];
  return stmt(db, 'SELECT audit_seq AS seq, audit_hash AS hash FROM restore_continuation WHERE audit_seq IS NOT NULL ORDER BY audit_seq').all() as { seq: number; hash: string }[];
}

function hasContinuations(db: Database): boolean {
  if (withContinuations.has(db)) return true;
  if (!pluckStmt(db, "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'restore_continuation')").get()) return false;
  withContinuations.add(db);
  return true;
}

/** The audit chain's end as the office above holds it, when this register was restored from before it. */
export function carriedAuditHead(db: Database): { seq: number; hash: string } | null {
  // A register at a schema before migration 68 (a migration's own test) has no continuation to carry.
  if (!hasContinuations(db)) return null;
  const row = stmt(db, 'SELECT audit_seq AS seq, audit_hash AS hash FROM restore_continuation WHERE audit_seq IS NOT NULL ORDER BY audit_seq DESC LIMIT 1')
    .get() as { seq: number; hash: string } | undefined;
  return row ?? null;
}

export interface Continuation {
  /** The last bundle sent before the restore, and the change-log position it carried up to. */
  sentSeq: number;
  changeTo: number;
  /** Where the restored register stood. */
  restoredSentSeq: number;
  restoredChangeSeq: number;
}

/**
 * Run when the register is opened: if the mark is of this office and ahead of the register (restored from a
 * backup made before the last bundle), the register carries on after it, in one transaction:
 * - the last bundle is recorded as sent (not acknowledged), so the next one is numbered after it and chained to it;
 * - the change log numbers new changes after everything the bundles carried;
 * - the audit chain continues from the entry the office above holds last.
 * The changes made between the backup and that bundle are not here any more; the office above has them.
 */
export function continueAfterRestore(db: Database): Continuation | null {
  const mark = readSentMark(db);
  if (!mark) return null;
  const office = db.prepare('SELECT id FROM office LIMIT 1').pluck().get() as string | undefined;
  if (office !== mark.office) return null;
  const restoredSentSeq = (db.prepare("SELECT coalesce(max(seq), 0) FROM sync_sent WHERE kind = 'changes'").pluck().get() as number);
  if (restoredSentSeq >= mark.seq) return null;
  const restoredChangeSeq = (db.prepare("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'change_log'), 0)").pluck().get() as number);
  db.transaction(() => {
    db.prepare(`INSERT INTO sync_sent (kind, seq, bundle_id, hash, to_office, change_from, change_to, change_count, file_name, created_at)
      VALUES ('changes', ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(mark.seq, mark.bundleId, mark.hash, mark.toOffice, mark.changeFrom, mark.changeTo, mark.changeCount, mark.fileName, mark.createdAt);
    if (mark.changeTo > restoredChangeSeq) {
      const moved = db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'change_log'").run(mark.changeTo).changes;
      if (moved === 0) db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('change_log', ?)").run(mark.changeTo);
    }
    db.prepare(`INSERT INTO restore_continuation (at, sent_seq, change_to, audit_seq, audit_hash, restored_sent_seq, restored_change_seq)
      VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(nowIso(), mark.seq, mark.changeTo, mark.audit?.seq ?? null, mark.audit?.hash ?? null, restoredSentSeq, restoredChangeSeq);
  })();
  return { sentSeq: mark.seq, changeTo: mark.changeTo, restoredSentSeq, restoredChangeSeq };
}
