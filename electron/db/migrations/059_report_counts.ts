import type { Migration } from './registry.js';

/**
 * Reports at 1,000,000 foreigners in well under a second. Migration 55's `report_stay` holds one
 * row per stay; a national count still reads 750,000 of them. These tables hold the counts
 * themselves, per district (the first four digits of a commune code: a national report groups
 * them by province, a province's by district), so a national or provincial report reads a few
 * thousand rows. Reports narrowed to a district or a commune, and the edge days of a period that
 * does not start or end on a month boundary, still read `report_stay` (a small range of it).
 *
 * Triggers on `report_stay` keep the counts: every change to a stay, person or premises reaches
 * `report_stay` through migration 55's triggers (for a local write and a synced record alike), and
 * from there these. A NULL commune, nationality or premises type is kept as '' (a key column
 * cannot be NULL); the reports read '' and NULL alike as "not known". A count that falls to zero
 * stays as a row with n = 0; the reports skip such rows.
 *
 * `report_stay_insert` is redefined as delete-then-insert: an `INSERT OR REPLACE` would remove the
 * old fact row without firing the delete trigger that takes it out of the counts.
 */
const DISTRICT = (row: string) => `coalesce(substr(${row}.commune_code, 1, 4), '')`;

/** The counts one fact row adds (`+ 1`) or removes (`- 1`). */
function counts(row: 'NEW' | 'OLD', sign: '+' | '-'): string {
  const d = DISTRICT(row);
  const nat = `coalesce(${row}.nationality, '')`;
  const present = `${row}.departed_on IS NULL`;
  if (sign === '+') {
    return `
      INSERT INTO report_present (district, nationality, late, n) SELECT ${d}, ${nat}, ${row}.late, 1 WHERE ${present}
        ON CONFLICT DO UPDATE SET n = n + 1;
      INSERT INTO report_present_type (district, nationality, premises_type, n) SELECT ${d}, ${nat}, coalesce(${row}.premises_type, ''), 1 WHERE ${present}
        ON CONFLICT DO UPDATE SET n = n + 1;
      INSERT INTO report_present_visa (district, nationality, visa_type, n) SELECT ${d}, ${nat}, coalesce(${row}.visa_type, 'none'), 1 WHERE ${present}
        ON CONFLICT DO UPDATE SET n = n + 1;
      INSERT INTO report_arrivals (district, month, nationality, late, n) VALUES (${d}, substr(${row}.arrived_on, 1, 7), ${nat}, ${row}.late, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
      INSERT INTO report_departures (district, month, nationality, n) SELECT ${d}, substr(${row}.departed_on, 1, 7), ${nat}, 1 WHERE ${row}.departed_on IS NOT NULL
        ON CONFLICT DO UPDATE SET n = n + 1;`;
  }
  return `
      UPDATE report_present SET n = n - 1 WHERE ${present} AND district = ${d} AND nationality = ${nat} AND late = ${row}.late;
      UPDATE report_present_type SET n = n - 1 WHERE ${present} AND district = ${d} AND nationality = ${nat} AND premises_type = coalesce(${row}.premises_type, '');
      UPDATE report_present_visa SET n = n - 1 WHERE ${present} AND district = ${d} AND nationality = ${nat} AND visa_type = coalesce(${row}.visa_type, 'none');
      UPDATE report_arrivals SET n = n - 1 WHERE district = ${d} AND month = substr(${row}.arrived_on, 1, 7) AND nationality = ${nat} AND late = ${row}.late;
      UPDATE report_departures SET n = n - 1 WHERE ${row}.departed_on IS NOT NULL AND district = ${d} AND month = substr(${row}.departed_on, 1, 7) AND nationality = ${nat};`;
}

const PREMISES_KEY = (row: string) => `substr(${row}.commune_code, 1, 4), ${row}.status, ${row}.pledge_status`;

export const reportCounts: Migration = {
  version: 59,
  name: 'report-counts',
  up(db) {
    db.exec(`
      CREATE TABLE report_present (
        district TEXT NOT NULL, nationality TEXT NOT NULL, late INTEGER NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (district, nationality, late)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE report_present_type (
        district TEXT NOT NULL, nationality TEXT NOT NULL, premises_type TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (district, nationality, premises_type)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE report_present_visa (
        district TEXT NOT NULL, nationality TEXT NOT NULL, visa_type TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (district, nationality, visa_type)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE report_arrivals (
        district TEXT NOT NULL, month TEXT NOT NULL, nationality TEXT NOT NULL, late INTEGER NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (district, month, nationality, late)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX report_arrivals_month ON report_arrivals (month, district, nationality, late, n);
      CREATE TABLE report_departures (
        district TEXT NOT NULL, month TEXT NOT NULL, nationality TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (district, month, nationality)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX report_departures_month ON report_departures (month, district, nationality, n);
      CREATE TABLE report_premises (
        district TEXT NOT NULL, status TEXT NOT NULL, pledge_status TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (district, status, pledge_status)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO report_present (district, nationality, late, n)
        SELECT ${DISTRICT('r')}, coalesce(nationality, ''), late, count(*) FROM report_stay r WHERE departed_on IS NULL GROUP BY 1, 2, 3;
      INSERT INTO report_present_type (district, nationality, premises_type, n)
        SELECT ${DISTRICT('r')}, coalesce(nationality, ''), coalesce(premises_type, ''), count(*) FROM report_stay r WHERE departed_on IS NULL GROUP BY 1, 2, 3;
      INSERT INTO report_present_visa (district, nationality, visa_type, n)
        SELECT ${DISTRICT('r')}, coalesce(nationality, ''), coalesce(visa_type, 'none'), count(*) FROM report_stay r WHERE departed_on IS NULL GROUP BY 1, 2, 3;
      INSERT INTO report_arrivals (district, month, nationality, late, n)
        SELECT ${DISTRICT('r')}, substr(arrived_on, 1, 7), coalesce(nationality, ''), late, count(*) FROM report_stay r GROUP BY 1, 2, 3, 4;
      INSERT INTO report_departures (district, month, nationality, n)
        SELECT ${DISTRICT('r')}, substr(departed_on, 1, 7), coalesce(nationality, ''), count(*) FROM report_stay r WHERE departed_on IS NOT NULL GROUP BY 1, 2, 3;
      INSERT INTO report_premises (district, status, pledge_status, n)
        SELECT ${PREMISES_KEY('p')}, count(*) FROM premises p GROUP BY 1, 2, 3;

      CREATE TRIGGER report_counts_insert AFTER INSERT ON report_stay BEGIN ${counts('NEW', '+')}
      END;
      CREATE TRIGGER report_counts_delete AFTER DELETE ON report_stay BEGIN ${counts('OLD', '-')}
      END;
      CREATE TRIGGER report_counts_update AFTER UPDATE ON report_stay BEGIN ${counts('OLD', '-')} ${counts('NEW', '+')}
      END;

      DROP TRIGGER report_stay_insert;
      CREATE TRIGGER report_stay_insert AFTER INSERT ON stay BEGIN
        DELETE FROM report_stay WHERE stay_id = NEW.id;
        INSERT INTO report_stay (stay_id, person_id, premises_id, commune_code, premises_type, nationality, visa_type, arrived_on, departed_on, late)
          VALUES (NEW.id, NEW.person_id, NEW.premises_id,
            (SELECT commune_code FROM premises WHERE id = NEW.premises_id), (SELECT type FROM premises WHERE id = NEW.premises_id),
            (SELECT nationality FROM person WHERE id = NEW.person_id), (SELECT visa_type FROM person WHERE id = NEW.person_id),
            substr(NEW.arrived_at, 1, 10), NEW.departed_on, NEW.late);
      END;
      DROP TRIGGER report_stay_update;
      CREATE TRIGGER report_stay_update AFTER UPDATE ON stay BEGIN
        DELETE FROM report_stay WHERE stay_id = OLD.id OR stay_id = NEW.id;
        INSERT INTO report_stay (stay_id, person_id, premises_id, commune_code, premises_type, nationality, visa_type, arrived_on, departed_on, late)
          VALUES (NEW.id, NEW.person_id, NEW.premises_id,
            (SELECT commune_code FROM premises WHERE id = NEW.premises_id), (SELECT type FROM premises WHERE id = NEW.premises_id),
            (SELECT nationality FROM person WHERE id = NEW.person_id), (SELECT visa_type FROM person WHERE id = NEW.person_id),
            substr(NEW.arrived_at, 1, 10), NEW.departed_on, NEW.late);
      END;

      CREATE TRIGGER report_premises_insert AFTER INSERT ON premises BEGIN
        INSERT INTO report_premises (district, status, pledge_status, n) VALUES (${PREMISES_KEY('NEW')}, 1) ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER report_premises_delete AFTER DELETE ON premises BEGIN
        UPDATE report_premises SET n = n - 1 WHERE district = substr(OLD.commune_code, 1, 4) AND status = OLD.status AND pledge_status = OLD.pledge_status;
      END;
      CREATE TRIGGER report_premises_update AFTER UPDATE OF commune_code, status, pledge_status ON premises BEGIN
        UPDATE report_premises SET n = n - 1 WHERE district = substr(OLD.commune_code, 1, 4) AND status = OLD.status AND pledge_status = OLD.pledge_status;
        INSERT INTO report_premises (district, status, pledge_status, n) VALUES (${PREMISES_KEY('NEW')}, 1) ON CONFLICT DO UPDATE SET n = n + 1;
      END;

      CREATE INDEX report_stay_unit_arrived ON report_stay (commune_code, arrived_on, nationality, late);
      CREATE INDEX report_stay_unit_departed ON report_stay (commune_code, departed_on, nationality) WHERE departed_on IS NOT NULL;
    `);
  },
};
