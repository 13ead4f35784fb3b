import type { Migration } from './registry.js';

/** Pledges printed for premises: document number, and when and before whom they were signed. */
export const printing: Migration = {
  version: 20,
  name: 'printing',
  up(db) {
    db.exec(`
      CREATE TABLE pledge (
        id TEXT PRIMARY KEY,
        premises_id TEXT NOT NULL,
        doc_no TEXT NOT NULL,
        year INTEGER NOT NULL,
        printed_at TEXT NOT NULL,
        signed_on TEXT,
        witness TEXT NOT NULL DEFAULT '',
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX pledge_premises ON pledge (premises_id, printed_at);
      CREATE INDEX pledge_year ON pledge (year);
    `);
  },
};
