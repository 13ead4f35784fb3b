import type { Migration } from './registry.js';

/**
 * The audit screen filters the writes of the change log by day. Its `at` is an instant, written by
 * this office as UTC (`…Z`) but arriving from others as any stamp with an offset (sync accepts
 * both), so days are compared as `julianday(at)`, which reads every form; without an index that
 * scans the whole log, millions of rows at a province. The index leaves out what the audit screen
 * never lists: the audit chain's own entries (each audited read would otherwise write one more
 * page) and reference data (the gazetteer's thousands of units). The WHERE clause must stay the
 * same text as in `db/audit-log.ts` for SQLite to use the index.
 */
export const changeLogTime: Migration = {
  version: 67,
  name: 'change_log_time',
  up(db) {
    db.exec(`
      CREATE INDEX change_log_time ON change_log (julianday(at))
        WHERE entity NOT IN ('audit_entry', 'admin_unit', 'reference_version');
    `);
  },
};
