import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.js';
import { applyRemote, insertRecord, readRecord, updateRecord, type WriteContext } from '../db/changes.js';
import { checkPersonConflicts } from './conflicts.js';
import { NATIONAL_REFERENCE_DATA, syncedEntity } from './entities.js';
import { hasShadows, keepAsShadow, updateShadow } from './shadow.js';
import { stagedChanges } from './stage.js';
import { findHeld } from './held.js';
import { keepRelayed, relayedRevision } from './relay.js';
import { peer, receivedHash, type PeerRow } from './state.js';
import { emptySummary, type ApplySummary, type IncomingBundle, type StagedChange } from './types.js';
import { pluckStmt, stmt } from '../db/statements.js';

export type SequenceVerdict =
  | { status: 'next' }
  | { status: 'already' }
  /** An earlier bundle whose changes a later one already carried (it had been lost and was healed over). */
  | { status: 'covered' }
  | { status: 'gap'; expected: number }
  | { status: 'held' }
  | { status: 'reused' }
  | { status: 'stale'; last: number }
  | { status: 'jump'; last: number; max: number };

/**
 * Where a bundle stands in its sender's chain; ordering is by sequence number only, never clocks.
 * Reference bundles are whole snapshots: any newer one is applied, gaps do not matter.
 */
export function sequenceVerdict(db: Database, bundle: IncomingBundle, maxAhead = Number.MAX_SAFE_INTEGER): SequenceVerdict {
  const known = receivedHash(db, bundle.from, bundle.stream, bundle.seq);
  if (known !== undefined) return known === bundle.hash ? { status: 'already' } : { status: 'reused' };
  const from = peer(db, bundle.from, bundle.stream);
  const last = from?.last_seq ?? 0;
  if (bundle.seq <= last) {
    if (bundle.kind !== 'changes') return { status: 'stale', last };
    return coveredAlready(db, from, bundle) ? { status: 'covered' } : { status: 'reused' };
  }
  if (bundle.seq - last > maxAhead) return { status: 'jump', last, max: maxAhead };
  if (bundle.seq === last + 1 || bundle.kind !== 'changes' || healsGap(from, bundle)) return { status: 'next' };
  const held = findHeld(db, bundle.from, bundle.kind, bundle.seq);
  if (held) return held.hash === bundle.hash ? { status: 'held' } : { status: 'reused' };
  return { status: 'gap', expected: last + 1 };
}

/**
 * A bundle further ahead than the next sequence number can still be applied when it carries every
 * change after the last one applied from its sender: the bundles in between were lost, but each bundle
 * repeats everything not yet acknowledged, so nothing of theirs is missing. Format 1 bundles state
 * no range and wait for the missing one as before.
 */
export function healsGap(from: PeerRow | undefined, bundle: IncomingBundle): boolean {
  if (bundle.kind !== 'changes' || !bundle.range) return false;
  const applied = from ? from.last_change_to : 0;
  return applied !== null && bundle.range.after <= applied;
}

/** A lost bundle that turns up after a later one healed over it: it was stood in for and its changes are here. */
function coveredAlready(db: Database, from: PeerRow | undefined, bundle: IncomingBundle): boolean {
  if (!bundle.range || from?.last_change_to == null || bundle.range.upTo > from.last_change_to) return false;
  return pluckStmt(db, `SELECT EXISTS (SELECT 1 FROM sync_received WHERE from_office = ? AND kind = 'changes' AND ? BETWEEN covered_from AND covered_to)`).get(bundle.from, bundle.seq) === 1;
}

class DryRunRollback extends Error {}

export interface ApplyOptions {
  self: string;
  writer: Omit<WriteContext, 'originOffice'>;
  dryRun?: boolean;
  now: string;
  /** Extra writes in the same transaction (a key directory from a reference bundle). */
  extra?: () => void;
}

/**
 * Applies the staged changes with the new sequence position in ONE transaction (rolled back
 * for a dry run). Anything wrong throws, naming the file and line, and nothing is kept.
 */
export function applyStaged(db: Database, bundle: IncomingBundle, options: ApplyOptions): ApplySummary {
  const where = { file: bundle.fileName };
  const last = peer(db, bundle.from, bundle.stream);
  const lastSeq = last?.last_seq ?? 0;
  const inChain = bundle.seq === lastSeq + 1 && bundle.prevHash === (last?.last_hash ?? '');
  const heals = !inChain && bundle.seq > lastSeq + 1 && healsGap(last, bundle);
  if (bundle.kind === 'changes' && !inChain && !heals) {
    throw new AppError('syncdb.chainBroken', { ...where, office: bundle.from, seq: bundle.seq });
  }
  const summary = emptySummary();
  const run = () => {
    const origins = new Set<string>();
    const shadows = { any: hasShadows(db) };
    for (const change of stagedChanges(db)) {
      const outcome = applyOne(db, bundle, change, options, shadows);
      const counts = (summary.perEntity[change.entity] ??= { inserted: 0, updated: 0, deleted: 0, skipped: 0 });
      const key = outcome === 'skipped' ? 'skipped' : change.op === 'insert' ? 'inserted' : change.op === 'update' ? 'updated' : 'deleted';
      counts[key] += 1;
      summary[key] += 1;
      origins.add(change.origin);
      if (outcome === 'applied' && change.entity === 'person' && change.op !== 'delete') {
        summary.conflicts += checkPersonConflicts(db, change.id, change.origin, bundle.bundleId, change.at, change.op === 'insert' ? change.row : null);
      }
    }
    if (bundle.kind === 'changes') {
      const addOrigin = stmt(db, 'INSERT OR IGNORE INTO sync_origin (office_id, via_peer) VALUES (?, ?)');
      for (const origin of origins) addOrigin.run(origin, bundle.from);
    }
    options.extra?.();
    stmt(db, 
      `INSERT INTO sync_peer (office_id, kind, last_seq, last_hash, last_change_to) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (office_id, kind) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash,
         last_change_to = excluded.last_change_to`,
    ).run(bundle.from, bundle.stream, bundle.seq, bundle.hash, bundle.range?.upTo ?? null);
    stmt(db, 
      `INSERT INTO sync_received (bundle_id, from_office, seq, hash, kind, inserted, updated, deleted, skipped, conflicts, file_name, imported_at,
         change_after, change_up_to, covered_from, covered_to)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(bundle.bundleId, bundle.from, bundle.seq, bundle.hash, bundle.stream, summary.inserted, summary.updated, summary.deleted,
      summary.skipped, summary.conflicts, bundle.fileName, options.now, bundle.range?.after ?? null, bundle.range?.upTo ?? null,
      heals ? lastSeq + 1 : null, heals ? bundle.seq - 1 : null);
    stmt(db, 'DELETE FROM sync_held WHERE from_office = ? AND kind = ? AND seq = ?').run(bundle.from, bundle.kind, bundle.seq);
    if (options.dryRun) throw new DryRunRollback();
  };
  try {
    db.transaction(run).immediate();
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return summary;
}

function applyOne(db: Database, bundle: IncomingBundle, change: StagedChange, options: ApplyOptions, shadows: { any: boolean }): 'applied' | 'skipped' {
  const spec = syncedEntity(db, change.entity)?.spec;
  const where = { file: bundle.fileName, line: change.line };
  if (!spec) throw new AppError('syncdb.unknownEntity', { ...where, entity: change.entity });
  try {
    if (bundle.kind === 'reference') {
      // Reference data belongs to the national office; whole rows, written over whatever is here.
      const writer: WriteContext = { ...options.writer, db, originOffice: change.origin };
      if (!change.row) return 'skipped';
      const current = readRecord(db, spec, change.id);
      // This office's own records are never changed from outside; its copy of the national reference data (a gazetteer
      // it imported from the file) is, because the national office's reference data is what every office goes by.
      if (current?.origin_office === options.self && !NATIONAL_REFERENCE_DATA.has(change.entity)) {
        throw new AppError('syncdb.ownRecord', { entity: change.entity, id: change.id });
      }
      // A signed record older than (or the same as) the one kept here is not applied: passing on an old version changes nothing.
      const kept = change.signed ? relayedRevision(db, change.entity, change.id) : undefined;
      if (kept !== undefined && kept >= change.rev) return 'skipped';
      keepRelayed(db, change);
      if (current) return updateRecord(writer, spec, change.id, change.row) ? 'applied' : 'skipped';
      insertRecord(writer, spec, change.id, change.row);
      return 'applied';
    }
    if (change.entity === 'person' && shadows.any) {
      const shadowed = updateShadow(db, change);
      if (shadowed) return shadowed;
    }
    try {
      return applyRemote({ ...options.writer, db, originOffice: options.self }, spec, {
        op: change.op, id: change.id, origin: change.origin, revision: change.rev, actor: change.actor, at: change.at, data: change.row,
      });
    } catch (error) {
      const unique = (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
      const kept = unique && change.entity === 'person' ? keepAsShadow(db, change, bundle.bundleId) : null;
      if (!kept) throw error;
      shadows.any = true;
      return kept;
    }
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, { ...error.params, ...where });
    throw new AppError('syncdb.recordRejected', { ...where, entity: change.entity, id: change.id, reason: (error as Error).message });
  }
}
