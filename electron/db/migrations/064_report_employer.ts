import type { Migration } from './registry.js';

/**
 * The employers-vs-quota report at national scale. It read every employer (50,000) and, for each,
 * summed its current jobs in `report_employment`: 1.3 s at 1,000,000 foreigners. `report_employer`
 * keeps one narrow row per employer with what the report adds up: its commune, workforce, the
 * foreigners it declares (workforce less Cambodians) and those registered in a current job. The
 * report then reads this table alone (a commune range of it under a unit filter).
 *
 * Kept by triggers on `employer` and on migration 60's `report_employment` (itself kept by triggers
 * on `employment`), in the same transaction, for a local write and a synced record alike. Jobs may
 * arrive before their employer (sync applies records in any order): an employer's row counts the jobs
 * already there when it is inserted, and a job of an employer not (yet) in the register changes no row.
 * Derived data: no origin_office/revision, never synced, rebuilt here from the two tables.
 */
export const reportEmployer: Migration = {
  version: 64,
  name: 'report-employer',
  up(db) {
    db.exec(`
      CREATE TABLE report_employer (
        employer_id TEXT PRIMARY KEY,
        commune_code TEXT NOT NULL,
        workforce INTEGER NOT NULL,
        declared INTEGER NOT NULL,
        registered INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX report_employer_commune ON report_employer (commune_code);

      INSERT INTO report_employer (employer_id, commune_code, workforce, declared, registered)
        SELECT m.id, m.commune_code, m.workforce_total, max(0, m.workforce_total - m.cambodian_count), coalesce(r.n, 0)
        FROM employer m LEFT JOIN (SELECT employer_id, sum(n) AS n FROM report_employment GROUP BY employer_id) r ON r.employer_id = m.id;

      CREATE TRIGGER report_employer_insert AFTER INSERT ON employer BEGIN
        INSERT OR REPLACE INTO report_employer (employer_id, commune_code, workforce, declared, registered)
          VALUES (NEW.id, NEW.commune_code, NEW.workforce_total, max(0, NEW.workforce_total - NEW.cambodian_count),
            coalesce((SELECT sum(n) FROM report_employment WHERE employer_id = NEW.id), 0));
      END;
      CREATE TRIGGER report_employer_update AFTER UPDATE OF id, commune_code, workforce_total, cambodian_count ON employer BEGIN
        DELETE FROM report_employer WHERE employer_id = OLD.id;
        INSERT OR REPLACE INTO report_employer (employer_id, commune_code, workforce, declared, registered)
          VALUES (NEW.id, NEW.commune_code, NEW.workforce_total, max(0, NEW.workforce_total - NEW.cambodian_count),
            coalesce((SELECT sum(n) FROM report_employment WHERE employer_id = NEW.id), 0));
      END;
      CREATE TRIGGER report_employer_delete AFTER DELETE ON employer BEGIN
        DELETE FROM report_employer WHERE employer_id = OLD.id;
      END;

      CREATE TRIGGER report_employer_jobs_insert AFTER INSERT ON report_employment BEGIN
        UPDATE report_employer SET registered = registered + NEW.n WHERE employer_id = NEW.employer_id;
      END;
      CREATE TRIGGER report_employer_jobs_update AFTER UPDATE OF employer_id, n ON report_employment BEGIN
        UPDATE report_employer SET registered = registered - OLD.n WHERE employer_id = OLD.employer_id;
        UPDATE report_employer SET registered = registered + NEW.n WHERE employer_id = NEW.employer_id;
      END;
      CREATE TRIGGER report_employer_jobs_delete AFTER DELETE ON report_employment BEGIN
        UPDATE report_employer SET registered = registered - OLD.n WHERE employer_id = OLD.employer_id;
      END;
    `);
  },
};
