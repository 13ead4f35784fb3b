import { describe, expect, it } from 'vitest';
import { addDays, instantOf } from '../../../shared/local-time.js';
import { auditQuery, auditRows, type AuditFilter } from '../../../electron/db/audit-log.js';
import { freshDb } from '../../helpers/db.js';

const PP = 'Asia/Phnom_Penh';
const insert = (db: ReturnType<typeof freshDb>['db'], entity: string, op: string, at: string) =>
  Number(
    db.prepare(`INSERT INTO change_log (entity, record_id, op, actor, at, origin_office, revision, after_json) VALUES (?, 'r', ?, 'u-1', ?, 'office-a', 1, '{}')`)
      .run(entity, op, at).lastInsertRowid,
  );

/** A small deterministic generator (the same rows every run). */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** The filter as it was before the index: text comparison of `at` with UTC bounds (right for `…Z` stamps). */
function previousFilter(db: ReturnType<typeof freshDb>['db'], filter: AuditFilter): number[] {
  const where = [`entity NOT IN ('audit_entry', 'admin_unit', 'reference_version')`];
  const params: string[] = [];
  const bound = (day: string) => new Date(instantOf(day, PP)).toISOString();
  const add = (sql: string, value: string) => {
    where.push(sql);
    params.push(value);
  };
  if (filter.from) add('at >= ?', bound(filter.from));
  if (filter.to) add('at < ?', bound(addDays(filter.to, 1)));
  if (filter.operation) add('op = ?', filter.operation);
  return db.prepare(`SELECT seq FROM change_log WHERE ${where.join(' AND ')} ORDER BY julianday(at), seq`).pluck().all(...params) as number[];
}

describe('the audit of writes filtered by office day', () => {
  it('finds the same writes as before through the change_log_time index, and places a stamp with an offset by its instant', () => {
    const { db } = freshDb();
    const next = lcg(11);
    const start = Date.parse('2026-02-27T00:00:00Z');
    for (let i = 0; i < 400; i += 1) {
      const at = new Date(start + Math.floor(next() * 5 * 86_400_000)).toISOString();
      insert(db, next() < 0.5 ? 'person' : 'stay', next() < 0.7 ? 'insert' : 'update', at);
    }
    // The edges of the Phnom Penh day (UTC+7): 17:00Z starts the next office day.
    const edges = ['2026-02-28T16:59:59.999Z', '2026-02-28T17:00:00.000Z', '2026-03-01T16:59:59.999Z', '2026-03-01T17:00:00.000Z'];
    for (const at of edges) insert(db, 'person', 'update', at);
    // Never listed as writes: the audit chain's entries and the gazetteer.
    insert(db, 'audit_entry', 'insert', '2026-03-01T05:00:00.000Z');
    insert(db, 'admin_unit', 'insert', '2026-03-01T05:00:00.000Z');

    const filters: AuditFilter[] = [
      { from: '2026-03-01', to: '2026-03-01' },
      { from: '2026-03-01', to: '2026-03-02', operation: 'update' },
      { from: '2026-03-02' },
      { to: '2026-02-28' },
      {},
    ];
    const seqs = (filter: AuditFilter) => auditRows(db, { ...filter, kind: 'write' }, PP).map((r) => r.seq);
    for (const filter of filters) expect(seqs(filter)).toEqual(previousFilter(db, filter));
    // Not a vacuous comparison: the one-day filter holds some rows and leaves out others, edges included.
    const day = seqs({ from: '2026-03-01', to: '2026-03-01' });
    expect(day.length).toBeGreaterThan(40);
    expect(day.length).toBeLessThan(200);
    const ats = auditRows(db, { from: '2026-03-01', to: '2026-03-01', kind: 'write' }, PP).map((r) => r.at);
    expect(ats).toContain('2026-02-28T17:00:00.000Z');
    expect(ats).toContain('2026-03-01T16:59:59.999Z');
    expect(ats).not.toContain('2026-02-28T16:59:59.999Z');
    expect(ats).not.toContain('2026-03-01T17:00:00.000Z');

    // Another office may send a stamp with its offset (sync accepts it): each is placed by its instant.
    // 06:30 on 2 March in Phnom Penh (23:30 UTC on 1 March) is a write of 2 March.
    const remote = insert(db, 'person', 'update', '2026-03-02T06:30:00+07:00');
    expect(seqs({ from: '2026-03-02', to: '2026-03-02' })).toContain(remote);
    expect(seqs({ from: '2026-03-01', to: '2026-03-01' })).not.toContain(remote);
    // 23:30 on 1 March there (16:30 UTC) is of 1 March; comparing the text with UTC bounds missed it.
    const before = insert(db, 'person', 'update', '2026-03-01T23:30:00+07:00');
    expect(seqs({ from: '2026-03-01', to: '2026-03-01' })).toContain(before);
    expect(previousFilter(db, { from: '2026-03-01', to: '2026-03-01' })).not.toContain(before);

    // The day filter reads the index, not the whole log.
    const { sql, params } = auditQuery({ from: '2026-03-01', to: '2026-03-01' }, PP);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SEARCH change_log USING INDEX change_log_time/);
  });
});
