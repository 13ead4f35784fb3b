import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../shared/errors.js';
import type { HandlerTable } from '../backend/context.js';
import { nowIso } from '../db/changes.js';
import { alertFile } from '../sync/import.js';
import { listHeld } from '../sync/held.js';
import { bundleToWriteAgain, keptBundle } from '../sync/outbox.js';
import { writeFileAtomic } from '../sync/crypto/keys.js';
import { peer, recordSyncState } from '../sync/state.js';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { getOffice } from '../db/office.js';
import { currentDirectory } from '../sync/directory.js';
import { officeLabels } from '../sync/office-label.js';

type ViewOp =
  | 'sync.history' | 'sync.conflicts' | 'sync.resolveConflict' | 'sync.annotate' | 'sync.annotations' | 'sync.recordState'
  | 'sync.bundlesWritten' | 'sync.writeAgain';

/** Office id → name, from the key directory in effect (and this office), for showing instead of ids. */
export function officeNames(db: Database): (id: string) => string | null {
  const names = new Map<string, string>();
  for (const entry of currentDirectory(db)?.entries ?? []) names.set(entry.officeId, entry.name);
  const self = getOffice(db);
  if (self) names.set(self.id, self.name);
  return (id) => names.get(id) ?? null;
}

/** Remembers where bundles were written (a folder, or null for a browser download). */
export function markWritten(db: Database, names: string[], place: string | null): number {
  const update = db.prepare("UPDATE sync_sent SET written_to = ?, written_at = ? WHERE file_name = ?");
  const at = nowIso();
  return db.transaction(() => names.reduce((n, name) => n + update.run(place, at, name).changes, 0))();
}

export function readAlerts(db: Database): Record<string, unknown>[] {
  // A restore from a backup older than the last bundle, and where the register carried on from (db/sent-mark.ts).
  const restored = (db.prepare('SELECT at, sent_seq, restored_sent_seq FROM restore_continuation ORDER BY rowid').all() as
    { at: string; sent_seq: number; restored_sent_seq: number }[])
    .map((r) => ({ at: r.at, kind: 'restoredContinued', seq: r.sent_seq, restoredSeq: r.restored_sent_seq }));
  const file = alertFile(db);
  if (db.memory || !existsSync(file)) return restored;
  return [...restored, ...readFileSync(file, 'utf8').split('\n').filter(Boolean).flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  })];
}

interface ConflictRow {
  id: string; entity: string; record_a: string; office_a: string; record_b: string; office_b: string; fields_json: string;
  status: 'open' | 'resolved'; opened_at: string; resolution: string | null; resolved_by: string | null;
}

/** History, conflicts and annotations: what the Sync screen lists. */
export const syncViewHandlers: Pick<HandlerTable, ViewOp> = {
  'sync.history': (ctx) => {
    // Offices by name in each language (office-label.ts: the directory's name, in Khmer the office's place when it has no Khmer name).
    const labels = officeLabels(ctx.db);
    const name = (id: string) => labels(id)?.en ?? null;
    const nameKm = (id: string) => labels(id)?.km ?? null;
    const sent = ctx.db.prepare('SELECT * FROM sync_sent ORDER BY created_at DESC, seq DESC LIMIT 500').all() as {
      kind: string; seq: number; to_office: string; change_count: number; file_name: string; created_at: string; acked_at: string | null;
      written_to: string | null; written_at: string | null; missing_from: number | null; missing_to: number | null;
    }[];
    const received = ctx.db.prepare('SELECT * FROM sync_received ORDER BY imported_at DESC, seq DESC LIMIT 500').all() as {
      kind: string; seq: number; from_office: string; inserted: number; updated: number; deleted: number; skipped: number; conflicts: number;
      file_name: string; imported_at: string; covered_from: number | null; covered_to: number | null;
    }[];
    const held = listHeld(ctx.db).map((h) => ({ ...h, waiting_for: (peer(ctx.db, h.from_office, h.kind)?.last_seq ?? 0) + 1 }));
    return {
      sent: sent.map((r) => ({
        kind: r.kind, seq: r.seq, toOffice: r.to_office, toOfficeName: name(r.to_office), toOfficeNameKm: nameKm(r.to_office), changes: r.change_count, fileName: r.file_name,
        createdAt: r.created_at, ackedAt: r.acked_at, writtenTo: r.written_to, writtenAt: r.written_at,
        kept: r.kind === 'changes' && !r.acked_at && keptBundle(ctx.db, r.file_name) !== null,
        missing: r.missing_from === null || r.missing_to === null ? null : { from: r.missing_from, to: r.missing_to },
      })),
      received: received.map((r) => ({
        kind: r.kind, seq: r.seq, fromOffice: r.from_office, fromOfficeName: name(r.from_office), fromOfficeNameKm: nameKm(r.from_office), inserted: r.inserted, updated: r.updated, deleted: r.deleted,
        skipped: r.skipped, conflicts: r.conflicts, fileName: r.file_name, importedAt: r.imported_at,
        stoodInFor: r.covered_from === null || r.covered_to === null ? null : { from: r.covered_from, to: r.covered_to },
      })),
      held: held.map((r) => ({ fromOffice: r.from_office, fromOfficeName: name(r.from_office), fromOfficeNameKm: nameKm(r.from_office), kind: r.kind, seq: r.seq, waitingFor: r.waiting_for, fileName: r.file_name, heldAt: r.held_at })),
      alerts: readAlerts(ctx.db).map((a) => (typeof a.from === 'string' ? { ...a, fromName: name(a.from), fromNameKm: nameKm(a.from) } : a)),
    };
  },

  'sync.conflicts': (ctx, request) => {
    const rows = ctx.db.prepare(
      `SELECT * FROM sync_conflict WHERE (? = 'all' OR status = ?) ORDER BY opened_at, id`,
    ).all(request.status, request.status) as ConflictRow[];
    return rows.map((r) => ({
      id: r.id, entity: r.entity, recordA: r.record_a, officeA: r.office_a, recordB: r.record_b, officeB: r.office_b,
      fields: JSON.parse(r.fields_json) as { field: string; a: unknown; b: unknown }[], status: r.status, openedAt: r.opened_at,
      resolution: r.resolution, resolvedBy: r.resolved_by,
    }));
  },

  'sync.resolveConflict': (ctx, request) => {
    const info = ctx.db.prepare(
      "UPDATE sync_conflict SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ? AND status = 'open'",
    ).run(request.resolution, ctx.actor.id, nowIso(), request.id);
    if (info.changes === 0) throw new AppError('syncdb.conflictNotOpen', { id: request.id });
    return { id: request.id };
  },

  'sync.annotate': (ctx, request) => {
    const office = ctx.office();
    if (!office) throw new AppError('syncdb.noOffice');
    const id = uuidv7();
    ctx.db.prepare('INSERT INTO sync_annotation (id, entity, record_id, text, by_office, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id, request.entity, request.recordId, request.text, office.id, ctx.actor.id, nowIso(),
    );
    return { id };
  },

  'sync.annotations': (ctx, request) =>
    (ctx.db.prepare('SELECT * FROM sync_annotation WHERE entity = ? AND record_id = ? ORDER BY at').all(request.entity, request.recordId) as {
      id: string; text: string; by_office: string; actor: string; at: string;
    }[]).map((r) => ({ id: r.id, text: r.text, byOffice: r.by_office, actor: r.actor, at: r.at })),

  'sync.recordState': (ctx, request) => ({ state: recordSyncState(ctx.db, request.entity, request.recordId) }),

  'sync.bundlesWritten': (ctx, request) => ({ updated: markWritten(ctx.db, request.names, request.place) }),

  'sync.writeAgain': async (ctx, request) => {
    const { file, seq } = bundleToWriteAgain(ctx.db, request.fileName);
    const name = path.basename(file);
    if (request.dir) {
      mkdirSync(request.dir, { recursive: true });
      await writeFileAtomic(path.join(request.dir, name), readFileSync(file), 0o644);
      markWritten(ctx.db, [name], path.resolve(request.dir));
      return { seq, file: path.join(request.dir, name), bundles: [] };
    }
    return { seq, file: name, bundles: [{ name, base64: readFileSync(file).toString('base64') }] };
  },
};
