import type { Migration } from './registry.js';

/**
 * Every audited read commits its chain entry before the record is answered, so each index on
 * `audit_entry` is one more encrypted page written per read. No query reads the chain by time or by
 * record through these two (the audit screen filters days with a scan of the chain, verification and
 * appending use `audit_entry_chain`): they go. The chain, its unique (office, seq) index and the
 * append-only triggers stay as they are.
 */
export const auditIndexes: Migration = {
  version: 66,
  name: 'audit_indexes',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS audit_entry_at;
      DROP INDEX IF EXISTS audit_entry_record;
    `);
  },
};
