import type { Migration } from './registry.js';

/**
 * Records made above this office and signed by their maker (campaigns of the national office at a province),
 * kept as signed, to pass on unchanged to the offices below (electron/sync/relay.ts). Local: not a record table.
 */
export const syncRelay: Migration = {
  version: 63,
  name: 'sync_relay',
  up(db) {
    db.exec(`
      CREATE TABLE sync_relay (
        entity TEXT NOT NULL,
        record_id TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL,
        body TEXT NOT NULL,
        key_id TEXT NOT NULL,
        signature TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (entity, record_id)
      ) STRICT;
    `);
  },
};
