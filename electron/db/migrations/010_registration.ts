import type { Migration } from './registry.js';

/**
 * Premises, owners, foreigners, stays, employers, employment, duplicate reviews and merges.
 * Sized for 1,000,000 persons: every list and alert reads an index range, never the whole table.
 * No foreign keys: sync applies records from other offices in any order.
 */
export const registration: Migration = {
  version: 10,
  name: 'registration',
  up(db) {
    db.exec(`
      CREATE TABLE premises (
        id TEXT PRIMARY KEY,
        name_latin TEXT NOT NULL,
        name_km TEXT NOT NULL DEFAULT '',
        type TEXT NOT NULL,
        province_code TEXT NOT NULL,
        district_code TEXT NOT NULL,
        commune_code TEXT NOT NULL,
        village TEXT NOT NULL DEFAULT '',
        street TEXT NOT NULL DEFAULT '',
        house_no TEXT NOT NULL DEFAULT '',
        latitude REAL,
        longitude REAL,
        rooms INTEGER,
        beds INTEGER,
        business_reg_no TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'temporarily_closed', 'permanently_closed')),
        closed_on TEXT,
        close_reason TEXT NOT NULL DEFAULT '',
        pledge_status TEXT NOT NULL DEFAULT 'none' CHECK (pledge_status IN ('none', 'printed', 'signed')),
        created_at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX premises_commune ON premises (commune_code, id);
      CREATE INDEX premises_district ON premises (district_code, id);
      CREATE INDEX premises_province ON premises (province_code, id);

      CREATE TABLE owner (
        id TEXT PRIMARY KEY,
        surname TEXT NOT NULL,
        given_names TEXT NOT NULL DEFAULT '',
        name_km TEXT NOT NULL DEFAULT '',
        sex TEXT NOT NULL,
        birth_date TEXT,
        nationality TEXT NOT NULL,
        id_kind TEXT NOT NULL,
        id_number TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE premises_owner (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL,
        premises_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'landlord')),
        since TEXT,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX premises_owner_owner ON premises_owner (owner_id);
      CREATE INDEX premises_owner_premises ON premises_owner (premises_id);

      CREATE TABLE person (
        id TEXT PRIMARY KEY,
        surname TEXT NOT NULL,
        given_names TEXT NOT NULL DEFAULT '',
        name_km TEXT NOT NULL DEFAULT '',
        sex TEXT NOT NULL CHECK (sex IN ('M', 'F', 'X')),
        birth_date TEXT NOT NULL,
        nationality TEXT NOT NULL,
        passport_no TEXT NOT NULL,
        issuing_state TEXT NOT NULL,
        passport_issued TEXT,
        passport_expiry TEXT NOT NULL,
        visa_type TEXT,
        visa_no TEXT NOT NULL DEFAULT '',
        visa_expiry TEXT,
        entry_date TEXT,
        entry_point TEXT NOT NULL DEFAULT '',
        diplomatic INTEGER NOT NULL DEFAULT 0,
        phone TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL,
        merged_into TEXT,
        -- Sorted folded name tokens and the O/0 I/1 B/8-folded passport: what duplicate detection compares.
        name_key TEXT NOT NULL,
        passport_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX person_identity ON person (nationality, passport_no, birth_date);
      CREATE INDEX person_name_birth ON person (name_key, birth_date);
      CREATE INDEX person_passport_key ON person (passport_key);
      CREATE INDEX person_list ON person (surname, given_names, id);
      CREATE INDEX person_nationality ON person (nationality, surname, given_names, id);
      CREATE INDEX person_passport_expiry ON person (passport_expiry);
      CREATE INDEX person_visa_expiry ON person (visa_expiry) WHERE visa_expiry IS NOT NULL;

      CREATE TABLE stay (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL,
        premises_id TEXT NOT NULL,
        room TEXT NOT NULL DEFAULT '',
        arrived_at TEXT NOT NULL,
        reported_at TEXT NOT NULL,
        departed_on TEXT,
        late INTEGER NOT NULL DEFAULT 0,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX stay_person ON stay (person_id, arrived_at);
      CREATE INDEX stay_premises ON stay (premises_id, arrived_at);
      CREATE INDEX stay_open_person ON stay (person_id) WHERE departed_on IS NULL;
      CREATE INDEX stay_open_premises ON stay (premises_id) WHERE departed_on IS NULL;
      CREATE INDEX stay_late_open ON stay (arrived_at, id) WHERE late = 1 AND departed_on IS NULL;

      CREATE TABLE employer (
        id TEXT PRIMARY KEY,
        name_latin TEXT NOT NULL,
        name_km TEXT NOT NULL DEFAULT '',
        registration_no TEXT NOT NULL DEFAULT '',
        sector TEXT NOT NULL DEFAULT '',
        province_code TEXT NOT NULL,
        district_code TEXT NOT NULL,
        commune_code TEXT NOT NULL,
        village TEXT NOT NULL DEFAULT '',
        street TEXT NOT NULL DEFAULT '',
        house_no TEXT NOT NULL DEFAULT '',
        workforce_total INTEGER NOT NULL,
        cambodian_count INTEGER NOT NULL,
        phone TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX employer_commune ON employer (commune_code, id);
      CREATE INDEX employer_district ON employer (district_code, id);
      CREATE INDEX employer_province ON employer (province_code, id);

      CREATE TABLE employment (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL,
        employer_id TEXT NOT NULL,
        job_title TEXT NOT NULL DEFAULT '',
        start_date TEXT NOT NULL,
        end_date TEXT,
        work_permit_no TEXT NOT NULL DEFAULT '',
        work_permit_expiry TEXT,
        employment_card_no TEXT NOT NULL DEFAULT '',
        work_status TEXT NOT NULL CHECK (work_status IN ('valid_permit', 'application_submitted', 'no_permit', 'exempt')),
        receipt_no TEXT NOT NULL DEFAULT '',
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX employment_person ON employment (person_id, start_date);
      CREATE INDEX employment_employer ON employment (employer_id, end_date);
      CREATE INDEX employment_status ON employment (work_status, work_permit_expiry);

      CREATE TABLE duplicate_review (
        id TEXT PRIMARY KEY,
        person_a TEXT NOT NULL,
        person_b TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('same_name_birth', 'similar_passport')),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'merged', 'dismissed')),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        decided_by TEXT,
        decided_at TEXT,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX duplicate_review_pair ON duplicate_review (person_a, person_b);
      CREATE INDEX duplicate_review_status ON duplicate_review (status, id);
      CREATE INDEX duplicate_review_b ON duplicate_review (person_b);

      CREATE TABLE person_merge (
        id TEXT PRIMARY KEY,
        kept_id TEXT NOT NULL,
        merged_id TEXT NOT NULL,
        review_id TEXT,
        -- Which person each differing field was taken from, and the values before.
        fields_json TEXT NOT NULL,
        moved_stays INTEGER NOT NULL,
        moved_employments INTEGER NOT NULL,
        merged_at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX person_merge_kept ON person_merge (kept_id);
    `);
  },
};
