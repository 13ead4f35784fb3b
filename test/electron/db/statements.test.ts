import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { pluckStmt, stmt } from '../../../electron/db/statements.js';

describe('the per-connection statement cache', () => {
  it('prepares a statement once per connection, and keeps plucked and whole-row forms of the same SQL apart', () => {
    const db = new Database(':memory:');
    db.exec("CREATE TABLE t (id TEXT PRIMARY KEY, v TEXT); INSERT INTO t VALUES ('a', 'x')");
    const sql = 'SELECT v, id FROM t WHERE id = ?';
    expect(stmt(db, sql)).toBe(stmt(db, sql));
    expect(pluckStmt(db, sql).get('a')).toBe('x');
    // The plucked form did not switch the shared statement: whole rows still come back.
    expect(stmt(db, sql).get('a')).toEqual({ v: 'x', id: 'a' });
    expect(pluckStmt(db, sql).get('a')).toBe('x');
    const other = new Database(':memory:');
    other.exec("CREATE TABLE t (id TEXT PRIMARY KEY, v TEXT); INSERT INTO t VALUES ('a', 'y')");
    expect(stmt(other, sql)).not.toBe(stmt(db, sql));
    expect(pluckStmt(other, sql).get('a')).toBe('y');
  });
});
