import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyChains } from '../../../../electron/db/audit.js';
import { migrations } from '../../../../electron/db/migrations/index.js';

function migratedTo(version: number): Database.Database {
  const db = new Database(':memory:');
  for (const migration of migrations.filter((m) => m.version <= version)) migration.up(db);
  return db;
}

const indexes = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_entry' ORDER BY name").pluck().all();
const plan = (db: Database.Database, sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');

describe('migration 66: audit indexes', () => {
  it('drops the two indexes no query uses, keeps the chain, and appending and verifying still use the chain index', () => {
    const db = migratedTo(62);
    expect(indexes(db)).toEqual(['audit_entry_at', 'audit_entry_chain', 'audit_entry_record', 'sqlite_autoindex_audit_entry_1']);
    const ctx = { db, actor: { id: 'u-clerk', kind: 'user', role: 'clerk' } as const, originOffice: 'office-a' };
    appendAudit(ctx, [{ operation: 'persons.get', entity: 'person', recordId: 'p1' }]);

    db.transaction(() => migrations.find((m) => m.version === 66)!.up(db))();
    expect(indexes(db)).toEqual(['audit_entry_chain', 'sqlite_autoindex_audit_entry_1']);
    appendAudit(ctx, [
      { operation: 'print.batch', entity: 'person', recordId: 'p2' },
      { operation: 'print.batch', entity: 'person', recordId: 'p3' },
    ]);
    expect(verifyChains(db)).toEqual([{ office: 'office-a', entries: 3, broken: null }]);
    // The chain's end (appending) and its order (verifying) are read through the unique (office, seq) index.
    expect(plan(db, 'SELECT seq, hash FROM audit_entry WHERE origin_office = ? ORDER BY seq DESC LIMIT 1', 'office-a')).toContain('audit_entry_chain');
    expect(plan(db, 'SELECT * FROM audit_entry WHERE origin_office = ? ORDER BY seq', 'office-a')).toContain('audit_entry_chain');
    // Append-only still holds.
    expect(() => db.exec("UPDATE audit_entry SET record_id = 'x'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_entry')).toThrow(/append-only/);
  });
});
