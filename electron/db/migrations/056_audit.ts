import type { Migration } from './registry.js';

/**
 * The audit of reads: who opened, printed or exported which record, when. Each office keeps one
 * hash chain (`seq` 1, 2, …; `hash` = SHA-256 of the previous entry's hash and the entry). Entries
 * are records written through the change log, so they travel upward in bundles and the province and
 * national office hold and verify each commune's chain. Append-only: the triggers refuse any update
 * or delete (a change arriving by bundle included); someone who drops them to edit the file is
 * caught by the chain.
 */
export const audit: Migration = {
  version: 56,
  name: 'audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_entry (
        id TEXT PRIMARY KEY,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        operation TEXT NOT NULL,
        entity TEXT NOT NULL,
        record_id TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX audit_entry_chain ON audit_entry (origin_office, seq);
      CREATE INDEX audit_entry_at ON audit_entry (at);
      CREATE INDEX audit_entry_record ON audit_entry (entity, record_id);
      CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
        BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
      CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
        BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
    `);
  },
};
