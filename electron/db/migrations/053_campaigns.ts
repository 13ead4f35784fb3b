import type { Migration } from './registry.js';

/**
 * Declaration campaigns and inspections (seeds 000, 001, 004): a campaign made by a province or the
 * national office, the declarations (cards, premises reports and pledges) received for it, the workers
 * named on each card, inspections with the persons found on site, and referrals to other authorities.
 * Targets are not stored: they are the premises or employers in scope, so a new one is a target at once.
 * Every table is a synced record table (id, origin_office, revision). No foreign keys: sync applies
 * records in any order.
 */
export const campaigns: Migration = {
  version: 53,
  name: 'campaigns',
  up(db) {
    db.exec(`
      CREATE TABLE campaign (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('premises_pledge', 'employer_declaration')),
        title TEXT NOT NULL,
        legal_reference TEXT NOT NULL DEFAULT '',
        -- Unit codes (province, district or commune) separated by spaces.
        scope_units TEXT NOT NULL,
        start_date TEXT NOT NULL,
        deadline TEXT NOT NULL,
        -- Premises types (premises campaigns) separated by spaces; empty = every type.
        target_types TEXT NOT NULL DEFAULT '',
        -- Employer sectors separated by '|'; empty = every sector.
        target_sectors TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        created_at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX campaign_deadline ON campaign (deadline, id);

      CREATE TABLE declaration (
        id TEXT PRIMARY KEY,
        campaign_id TEXT NOT NULL,
        target_kind TEXT NOT NULL CHECK (target_kind IN ('premises', 'employer')),
        target_id TEXT NOT NULL,
        received_on TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'declared' CHECK (status IN ('declared', 'exempt')),
        exempt_reason TEXT NOT NULL DEFAULT '',
        office_km INTEGER NOT NULL DEFAULT 0,
        office_foreign INTEGER NOT NULL DEFAULT 0,
        skilled_km INTEGER NOT NULL DEFAULT 0,
        skilled_foreign INTEGER NOT NULL DEFAULT 0,
        unskilled_km INTEGER NOT NULL DEFAULT 0,
        unskilled_foreign INTEGER NOT NULL DEFAULT 0,
        pledge_signed INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX declaration_campaign ON declaration (campaign_id, target_id);
      CREATE INDEX declaration_target ON declaration (target_id);

      CREATE TABLE declaration_worker (
        id TEXT PRIMARY KEY,
        declaration_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('office', 'skilled', 'unskilled')),
        work_status TEXT NOT NULL CHECK (work_status IN ('valid_permit', 'application_submitted', 'no_permit', 'exempt')),
        permit_no TEXT NOT NULL DEFAULT '',
        receipt_no TEXT NOT NULL DEFAULT '',
        permit_expiry TEXT,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX declaration_worker_declaration ON declaration_worker (declaration_id);

      CREATE TABLE inspection (
        id TEXT PRIMARY KEY,
        campaign_id TEXT,
        target_kind TEXT NOT NULL CHECK (target_kind IN ('premises', 'employer')),
        target_id TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('late', 'missing', 'over_quota', 'no_pledge', 'ad_hoc')),
        planned_on TEXT NOT NULL,
        inspected_on TEXT,
        status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done')),
        team TEXT NOT NULL DEFAULT '',
        premises_findings TEXT NOT NULL DEFAULT '',
        outcome TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'compliant', 'notice', 'referred')),
        outcome_note TEXT NOT NULL DEFAULT '',
        doc_no TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX inspection_campaign ON inspection (campaign_id, target_id);
      CREATE INDEX inspection_target ON inspection (target_id);
      CREATE INDEX inspection_planned ON inspection (planned_on, id);

      CREATE TABLE inspection_person (
        id TEXT PRIMARY KEY,
        inspection_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        finding TEXT NOT NULL CHECK (finding IN ('permit_valid', 'application_receipt', 'no_permit', 'exempt', 'diplomat')),
        permit_no TEXT NOT NULL DEFAULT '',
        receipt_no TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        -- A worker without a permit: proof of an application is due by this date (inspection + 20 days).
        proof_due TEXT,
        proof_status TEXT NOT NULL DEFAULT 'none' CHECK (proof_status IN ('none', 'pending', 'received', 'action')),
        proof_on TEXT,
        proof_ref TEXT NOT NULL DEFAULT '',
        action_taken TEXT NOT NULL DEFAULT '',
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX inspection_person_inspection ON inspection_person (inspection_id);
      CREATE INDEX inspection_person_proof ON inspection_person (proof_due, id) WHERE proof_status = 'pending';

      CREATE TABLE referral (
        id TEXT PRIMARY KEY,
        inspection_id TEXT NOT NULL,
        authority TEXT NOT NULL CHECK (authority IN ('prosecutor', 'governor', 'commission', 'police')),
        grounds TEXT NOT NULL CHECK (grounds IN ('other_offence', 'trafficking', 'labour_exploitation', 'sex_trade')),
        urgent INTEGER NOT NULL DEFAULT 0,
        referred_on TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        acknowledged INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX referral_inspection ON referral (inspection_id);
      CREATE INDEX referral_urgent ON referral (referred_on, id) WHERE urgent = 1 AND acknowledged = 0;
    `);
  },
};
