import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ChangeEntry } from '../../shared/contract/common.js';
import { userNames } from './accounts.js';

interface ChangeRow {
  seq: number;
  entity: string;
  record_id: string;
  op: ChangeEntry['op'];
  actor: string;
  at: string;
  origin_office: string;
  revision: number;
  before_json: string | null;
  after_json: string | null;
}

export function toChangeEntry(row: ChangeRow): ChangeEntry {
  return {
    seq: row.seq,
    entity: row.entity,
    recordId: row.record_id,
    op: row.op,
    actor: row.actor,
    at: row.at,
    originOffice: row.origin_office,
    revision: row.revision,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as Record<string, unknown>),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as Record<string, unknown>),
  };
}

/** Every change to one record, oldest first. */
export function recordHistory(db: Database, entity: string, recordId: string): ChangeEntry[] {
  const rows = db
    .prepare('SELECT * FROM change_log WHERE entity = ? AND record_id = ? ORDER BY seq')
    .all(entity, recordId) as ChangeRow[];
  const names = userNames(db, rows.map((r) => r.actor));
  return rows.map((row) => {
    const name = names.get(row.actor);
    return name ? { ...toChangeEntry(row), actorName: name } : toChangeEntry(row);
  });
}
