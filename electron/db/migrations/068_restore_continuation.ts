import type { Migration } from './registry.js';

/**
 * A register restored from a backup made before its last sync bundle: where it carried on from
 * (`db/sent-mark.ts`). The bundle sequence, the change-log position and the audit chain continue after
 * what the office above already holds, instead of numbering again what it has (which it refuses).
 * Local to this office: not synced.
 */
export const restoreContinuation: Migration = {
  version: 68,
  name: 'restore_continuation',
  up(db) {
    db.exec(`
      CREATE TABLE restore_continuation (
        at TEXT NOT NULL,
        sent_seq INTEGER NOT NULL,
        change_to INTEGER NOT NULL,
        audit_seq INTEGER,
        audit_hash TEXT,
        restored_sent_seq INTEGER NOT NULL,
        restored_change_seq INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
