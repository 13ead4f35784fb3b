import type { Migration } from './registry.js';

/**
 * Passports over time. The person keeps its current passport in its own columns (the identity key
 * every office already matches on); `passport` holds every passport the person has shown, the current
 * one included, so a renewed passport is added while the old one stays on record and searchable.
 *
 * Existing persons get their passport as a first row whose id is the person's id, with the person's
 * origin office and revision 1: every office derives the same row from the same person, so a later
 * change to it (marked previous) applies everywhere without a conflicting insert.
 */
export const passports: Migration = {
  version: 41,
  name: 'passports',
  up(db) {
    db.exec(`
      CREATE TABLE passport (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL,
        passport_no TEXT NOT NULL,
        issuing_state TEXT NOT NULL,
        issued_on TEXT,
        expires_on TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('current', 'previous')),
        replaced_on TEXT,
        created_at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX passport_person ON passport (person_id, created_at);
      CREATE INDEX passport_number ON passport (passport_no);
      INSERT INTO passport (id, person_id, passport_no, issuing_state, issued_on, expires_on, status, replaced_on, created_at, origin_office, revision)
        SELECT id, id, passport_no, issuing_state, passport_issued, passport_expiry, 'current', NULL, created_at, origin_office, 1 FROM person;
    `);
  },
};
