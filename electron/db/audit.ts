import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../shared/actor.js';
import { officeNow } from '../../shared/local-time.js';
import { now } from '../backend/clock.js';
import { insertRecord, type EntitySpec, type WriteContext } from './changes.js';
import { officeZone } from './settings.js';
import { auditHead, restoredAuditEnds } from './sent-mark.js';
import { pluckStmt } from './statements.js';

/**
 * The audit of reads: one hash chain per office. Each entry's hash is the SHA-256 of the previous
 * entry's hash and the entry's own fields in a fixed order, so changing, removing or inserting an
 * entry breaks the chain from there on. Entries are records written through the change log (and the
 * table refuses updates and deletes), so a commune's chain travels up in bundles and the province
 * verifies it with the same function as the commune.
 */
export const auditEntity: EntitySpec = {
  entity: 'audit_entry', table: 'audit_entry',
  columns: ['seq', 'at', 'actor', 'actor_name', 'operation', 'entity', 'record_id', 'prev_hash', 'hash'],
};

/** The "previous hash" of an office's first entry. */
export const GENESIS = '0'.repeat(64);
const FORMAT = 'banhchi-audit-1';

export interface AuditRow {
  id: string;
  origin_office: string;
  seq: number;
  /** Office-local date-time with offset (shared/local-time.ts). */
  at: string;
  actor: string;
  actor_name: string;
  operation: string;
  entity: string;
  record_id: string;
  prev_hash: string;
  hash: string;
}

/** One record an answered call showed to someone. */
export interface AuditRead {
  operation: string;
  entity: string;
  recordId: string;
}


/** The canonical form of an entry (everything but its own hash and revision), as hashed. */
export function canonicalEntry(row: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([FORMAT, row.id, row.origin_office, row.seq, row.at, row.actor, row.actor_name, row.operation, row.entity, row.record_id]);
}

/** SHA-256 (hex) of the previous hash followed by the canonical entry. */
export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256').update(row.prev_hash).update('\n').update(canonicalEntry(row)).digest('hex');
}

/** How the audit names an actor: the account's English name, or the CLI's or operator's id. */
function actorName(db: Database, actor: Actor): string {
  if (actor.kind !== 'user') return actor.id;
  // A prepared statement kept per connection (this runs for every audited read), not userById's.
  const name = pluckStmt(db, 'SELECT name_en FROM user_account WHERE id = ?').get(actor.id) as string | undefined;
  return name ?? actor.id;
}

/**
 * Appends reads to this office's chain, in the caller's transaction or an immediate one of its own
 * (the writer lock is taken before the chain's end is read, so two processes cannot both append
 * the same `seq`; the unique index would refuse the second anyway). Banhchi's own calls are not audited.
 */
export function appendAudit(ctx: WriteContext, reads: readonly AuditRead[]): void {
  if (reads.length === 0 || ctx.actor.kind === 'system') return;
  const db = ctx.db;
  const office = ctx.originOffice;
  const run = () => {
    // The chain's end here, or where the office above holds it when the register was restored from before that.
    const last = auditHead(db, office);
    let seq = last?.seq ?? 0;
    let prev = last?.hash ?? GENESIS;
    const at = officeNow(officeZone(db), now());
    const name = actorName(db, ctx.actor);
    for (const read of reads) {
      seq += 1;
      const row = {
        id: uuidv7(), origin_office: office, seq, at, actor: ctx.actor.id, actor_name: name,
        operation: read.operation, entity: read.entity, record_id: read.recordId, prev_hash: prev,
      };
      const hash = entryHash(row);
      const { id, origin_office: _origin, ...values } = row;
      insertRecord(ctx, auditEntity, id, { ...values, hash });
      prev = hash;
    }
  };
  if (db.inTransaction) run();
  else db.transaction(run).immediate();
}

/** Why an entry does not fit its chain: its own hash, its link to the one before, or a missing `seq`. */
export type ChainBreak = 'hash' | 'link' | 'gap';

export interface ChainReport {
  office: string;
  entries: number;
  /** The first entry that does not fit, or null when the whole chain verifies. */
  broken: { seq: number; id: string | null; reason: ChainBreak } | null;
  /**
   * This office's own chain after a restore from an older backup: the entries from–to are held by the office above
   * only, and the chain here carries on from the last of them (db/sent-mark.ts). Absent otherwise.
   */
  restored?: { from: number; to: number };
}

/** Verifies every office's chain held here: this office's, and those sent up from below. */
export function verifyChains(db: Database): ChainReport[] {
  const offices = db.prepare('SELECT DISTINCT origin_office FROM audit_entry ORDER BY origin_office').pluck().all() as string[];
  return offices.map((office) => verifyChain(db, office));
}

export function verifyChain(db: Database, office: string): ChainReport {
  const rows = db.prepare('SELECT * FROM audit_entry WHERE origin_office = ? ORDER BY seq').iterate(office) as IterableIterator<AuditRow>;
  // Where this office's chain carried on after a restore: only its own chain, only from the end the office above holds.
  const carriedOn = office === (db.prepare('SELECT id FROM office LIMIT 1').pluck().get() as string | undefined) ? restoredAuditEnds(db) : [];
  let expected = 1;
  let prev = GENESIS;
  let entries = 0;
  let broken: ChainReport['broken'] = null;
  let restored: ChainReport['restored'];
  for (const row of rows) {
    entries += 1;
    if (broken) continue;
    const { hash, ...rest } = row;
    // Entries missing here that the office above holds, recorded when this register carried on after a restore.
    const end = row.seq > expected ? carriedOn.find((c) => c.seq + 1 === row.seq && c.hash === row.prev_hash) : undefined;
    if (end) {
      restored = { from: expected, to: end.seq };
      expected = row.seq;
      prev = end.hash;
    }
    // A missing entry: the next one's seq jumps (an entry removed at the start shows as seq 1 missing).
    if (row.seq !== expected) broken = { seq: expected, id: null, reason: 'gap' };
    else if (row.prev_hash !== prev) broken = { seq: row.seq, id: row.id, reason: 'link' };
    else if (entryHash({ ...rest, prev_hash: prev }) !== hash) broken = { seq: row.seq, id: row.id, reason: 'hash' };
    expected += 1;
    prev = hash;
  }
  return restored ? { office, entries, broken, restored } : { office, entries, broken };
}
