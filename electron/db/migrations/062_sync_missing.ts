import type { Migration } from './registry.js';

/**
 * A receipt can say that a bundle is held because earlier ones are missing (format 2). The sender
 * keeps what it was told on the bundle's row, for History to show until the gap is closed.
 */
export const syncMissing: Migration = {
  version: 62,
  name: 'sync_missing',
  up(db) {
    db.exec(`
      ALTER TABLE sync_sent ADD COLUMN missing_from INTEGER;
      ALTER TABLE sync_sent ADD COLUMN missing_to INTEGER;
      ALTER TABLE sync_sent ADD COLUMN missing_reported_at TEXT;
    `);
  },
};
