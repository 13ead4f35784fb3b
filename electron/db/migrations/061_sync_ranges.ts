import type { Migration } from './registry.js';

/**
 * Gap healing (bundle format 2). A `changes` bundle states the sender's change-log range it carries;
 * the receiver keeps, per sender, how far it has applied (`last_change_to`), so a later bundle that
 * covers a lost one can be applied at once. Each received bundle keeps its range and the sequence
 * numbers it stood in for. Sent bundles are kept in a folder beside the database until acknowledged.
 */
export const syncRanges: Migration = {
  version: 61,
  name: 'sync_ranges',
  up(db) {
    db.exec(`
      ALTER TABLE sync_peer ADD COLUMN last_change_to INTEGER;
      ALTER TABLE sync_received ADD COLUMN change_after INTEGER;
      ALTER TABLE sync_received ADD COLUMN change_up_to INTEGER;
      ALTER TABLE sync_received ADD COLUMN covered_from INTEGER;
      ALTER TABLE sync_received ADD COLUMN covered_to INTEGER;
    `);
  },
};
