import type { Migration } from './registry.js';

/**
 * Reports at national scale. A count of foreigners by nationality, unit or premises type joins each
 * stay to its person and its premises: a million index look-ups, over a second on an office PC.
 * `report_stay` keeps one narrow row per stay with what reports group and filter by (commune,
 * premises type, nationality, visa type, arrival and departure dates, the 24-hour flag), so a
 * report reads one covering index range instead.
 *
 * Triggers keep it in step with `stay`, `person` and `premises` inside the same transaction, for a
 * local write and a record arriving from another office alike (sync applies records in any order:
 * a stay may come before its person, whose columns then stay NULL until the person arrives).
 * Derived data: it has no `origin_office`/`revision`, is never synced and is rebuilt from the three
 * tables here. A merged person's stays are moved to the kept person, which the stay trigger sees.
 *
 * Plus covering indexes for the reports read straight from their tables (pledges, work status).
 */
export const reportFacts: Migration = {
  version: 55,
  name: 'report-facts',
  up(db) {
    db.exec(`
      CREATE TABLE report_stay (
        stay_id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL,
        premises_id TEXT NOT NULL,
        commune_code TEXT,
        premises_type TEXT,
        nationality TEXT,
        visa_type TEXT,
        arrived_on TEXT NOT NULL,
        departed_on TEXT,
        late INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX report_stay_person ON report_stay (person_id);
      CREATE INDEX report_stay_premises ON report_stay (premises_id);
      CREATE INDEX report_stay_present ON report_stay (commune_code, nationality, premises_type, visa_type, departed_on) WHERE departed_on IS NULL;
      CREATE INDEX report_stay_arrived ON report_stay (arrived_on, commune_code, nationality, late);
      CREATE INDEX report_stay_departed ON report_stay (departed_on, commune_code, nationality) WHERE departed_on IS NOT NULL;

      INSERT INTO report_stay (stay_id, person_id, premises_id, commune_code, premises_type, nationality, visa_type, arrived_on, departed_on, late)
        SELECT s.id, s.person_id, s.premises_id, pr.commune_code, pr.type, p.nationality, p.visa_type, substr(s.arrived_at, 1, 10), s.departed_on, s.late
        FROM stay s LEFT JOIN person p ON p.id = s.person_id LEFT JOIN premises pr ON pr.id = s.premises_id;

      CREATE TRIGGER report_stay_insert AFTER INSERT ON stay BEGIN
        INSERT OR REPLACE INTO report_stay (stay_id, person_id, premises_id, commune_code, premises_type, nationality, visa_type, arrived_on, departed_on, late)
          VALUES (NEW.id, NEW.person_id, NEW.premises_id,
            (SELECT commune_code FROM premises WHERE id = NEW.premises_id), (SELECT type FROM premises WHERE id = NEW.premises_id),
            (SELECT nationality FROM person WHERE id = NEW.person_id), (SELECT visa_type FROM person WHERE id = NEW.person_id),
            substr(NEW.arrived_at, 1, 10), NEW.departed_on, NEW.late);
      END;
      CREATE TRIGGER report_stay_update AFTER UPDATE ON stay BEGIN
        DELETE FROM report_stay WHERE stay_id = OLD.id;
        INSERT OR REPLACE INTO report_stay (stay_id, person_id, premises_id, commune_code, premises_type, nationality, visa_type, arrived_on, departed_on, late)
          VALUES (NEW.id, NEW.person_id, NEW.premises_id,
            (SELECT commune_code FROM premises WHERE id = NEW.premises_id), (SELECT type FROM premises WHERE id = NEW.premises_id),
            (SELECT nationality FROM person WHERE id = NEW.person_id), (SELECT visa_type FROM person WHERE id = NEW.person_id),
            substr(NEW.arrived_at, 1, 10), NEW.departed_on, NEW.late);
      END;
      CREATE TRIGGER report_stay_delete AFTER DELETE ON stay BEGIN
        DELETE FROM report_stay WHERE stay_id = OLD.id;
      END;

      CREATE TRIGGER report_stay_person_insert AFTER INSERT ON person BEGIN
        UPDATE report_stay SET nationality = NEW.nationality, visa_type = NEW.visa_type WHERE person_id = NEW.id;
      END;
      CREATE TRIGGER report_stay_person_update AFTER UPDATE OF nationality, visa_type ON person BEGIN
        UPDATE report_stay SET nationality = NEW.nationality, visa_type = NEW.visa_type WHERE person_id = NEW.id;
      END;
      CREATE TRIGGER report_stay_person_delete AFTER DELETE ON person BEGIN
        UPDATE report_stay SET nationality = NULL, visa_type = NULL WHERE person_id = OLD.id;
      END;

      CREATE TRIGGER report_stay_premises_insert AFTER INSERT ON premises BEGIN
        UPDATE report_stay SET commune_code = NEW.commune_code, premises_type = NEW.type WHERE premises_id = NEW.id;
      END;
      CREATE TRIGGER report_stay_premises_update AFTER UPDATE OF commune_code, type ON premises BEGIN
        UPDATE report_stay SET commune_code = NEW.commune_code, premises_type = NEW.type WHERE premises_id = NEW.id;
      END;
      CREATE TRIGGER report_stay_premises_delete AFTER DELETE ON premises BEGIN
        UPDATE report_stay SET commune_code = NULL, premises_type = NULL WHERE premises_id = OLD.id;
      END;

      CREATE INDEX premises_pledge ON premises (commune_code, status, pledge_status);
      CREATE INDEX employment_current ON employment (end_date, employer_id, work_status);
    `);
  },
};
