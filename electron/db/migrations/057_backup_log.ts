import type { Migration } from './registry.js';

/**
 * Backups made at this installation (issue 11 item 5): the backup screen lists the last ones and
 * the reminder counts the days since the newest. Local to this PC: no `origin_office`/`revision`,
 * never synced, not in the change log (like `user_secret`).
 */
export const backupLog: Migration = {
  version: 57,
  name: 'backup-log',
  up(db) {
    db.exec(`
      CREATE TABLE backup_log (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        created_local TEXT NOT NULL,
        name TEXT NOT NULL,
        place TEXT,
        persons INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        actor TEXT NOT NULL
      ) STRICT;
      CREATE INDEX backup_log_created ON backup_log (created_at);
    `);
  },
};
