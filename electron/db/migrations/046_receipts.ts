import type { Migration } from './registry.js';

/**
 * Registration receipts get a number people can read out and write down: the office's unit
 * code, the year and a sequence per office and year (`120101/2026/000042`), given when the
 * receipt is first printed and printed again on every copy. The QR code keeps the record id.
 */
export const receipts: Migration = {
  version: 46,
  name: 'receipts',
  up(db) {
    db.exec(`
      CREATE TABLE receipt (
        id TEXT PRIMARY KEY,
        stay_id TEXT NOT NULL,
        number TEXT NOT NULL,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        printed_at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX receipt_number ON receipt (number);
      CREATE INDEX receipt_stay ON receipt (stay_id);
      CREATE INDEX receipt_sequence ON receipt (origin_office, year, seq);
    `);
  },
};
