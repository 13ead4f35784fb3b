import type { Migration } from './registry.js';

/**
 * Where each bundle was written: the folder chosen in the desktop app or by the CLI, or
 * a browser download (place NULL, written_at set). Shown in Sync history.
 */
export const syncWritten: Migration = {
  version: 45,
  name: 'sync_written',
  up(db) {
    db.exec(`
      ALTER TABLE sync_sent ADD COLUMN written_to TEXT;
      ALTER TABLE sync_sent ADD COLUMN written_at TEXT;
    `);
  },
};
