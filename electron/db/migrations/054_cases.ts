import type { Migration } from './registry.js';

/**
 * Complaints, operations (raids and rescues), the persons found and the suspects of an operation,
 * and the actions taken on a premises (closed permanently, closed temporarily pending investigation,
 * reopened) with their legal reason and the operation that caused them.
 * `sensitive` marks records only some roles may read (a named reporter, a possible victim).
 * No foreign keys: sync applies records from other offices in any order. Link columns to records of
 * other features (`inspection_id`) are plain ids.
 */
export const cases: Migration = {
  version: 54,
  name: 'cases',
  up(db) {
    db.exec(`
      CREATE TABLE complaint (
        id TEXT PRIMARY KEY,
        received_at TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('hotline', 'walk_in', 'referral', 'letter')),
        anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
        reporter_name TEXT NOT NULL DEFAULT '',
        reporter_contact TEXT NOT NULL DEFAULT '',
        premises_id TEXT,
        person_id TEXT,
        about TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL CHECK (category IN ('human_trafficking', 'labour_exploitation', 'sex_trade', 'illegal_gambling', 'online_scams', 'drugs', 'money_laundering', 'other')),
        urgency TEXT NOT NULL CHECK (urgency IN ('low', 'normal', 'high', 'immediate')),
        narrative TEXT NOT NULL DEFAULT '',
        unit_code TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'assigned', 'closed')),
        assigned_to TEXT NOT NULL DEFAULT '',
        operation_id TEXT,
        inspection_id TEXT,
        closed_on TEXT,
        close_reason TEXT CHECK (close_reason IS NULL OR close_reason IN ('acted_on', 'unfounded', 'referred_elsewhere', 'duplicate', 'no_jurisdiction', 'other')),
        close_note TEXT NOT NULL DEFAULT '',
        sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
        created_at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX complaint_received ON complaint (received_at);
      CREATE INDEX complaint_premises ON complaint (premises_id);
      CREATE INDEX complaint_operation ON complaint (operation_id);

      CREATE TABLE operation (
        id TEXT PRIMARY KEY,
        held_on TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('raid', 'rescue', 'raid_rescue')),
        lead_unit TEXT NOT NULL,
        partners TEXT NOT NULL DEFAULT '',
        premises_id TEXT,
        target TEXT NOT NULL DEFAULT '',
        unit_code TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX operation_held ON operation (held_on);
      CREATE INDEX operation_premises ON operation (premises_id);

      CREATE TABLE case_person (
        id TEXT PRIMARY KEY,
        operation_id TEXT NOT NULL,
        person_id TEXT,
        described TEXT NOT NULL DEFAULT '',
        sex TEXT NOT NULL CHECK (sex IN ('M', 'F', 'X')),
        nationality TEXT NOT NULL,
        declared_victim INTEGER NOT NULL DEFAULT 0 CHECK (declared_victim IN (0, 1)),
        identified_as TEXT CHECK (identified_as IS NULL OR identified_as IN ('trafficking', 'detention', 'forced_labour')),
        referred_to TEXT NOT NULL DEFAULT '',
        no_return INTEGER NOT NULL DEFAULT 0 CHECK (no_return IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
        created_at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX case_person_operation ON case_person (operation_id);

      CREATE TABLE case_suspect (
        id TEXT PRIMARY KEY,
        operation_id TEXT NOT NULL,
        person_id TEXT,
        name TEXT NOT NULL DEFAULT '',
        sex TEXT NOT NULL CHECK (sex IN ('M', 'F', 'X')),
        nationality TEXT NOT NULL,
        charged_on TEXT,
        court_on TEXT,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX case_suspect_operation ON case_suspect (operation_id);
      CREATE INDEX case_suspect_charged ON case_suspect (charged_on);

      CREATE TABLE premises_action (
        id TEXT PRIMARY KEY,
        premises_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('closed_permanently', 'closed_temporarily', 'reopened')),
        on_date TEXT NOT NULL,
        legal_reason TEXT NOT NULL,
        operation_id TEXT,
        created_at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX premises_action_premises ON premises_action (premises_id, on_date);
      CREATE INDEX premises_action_date ON premises_action (on_date);
      CREATE INDEX premises_action_operation ON premises_action (operation_id);
    `);
  },
};
