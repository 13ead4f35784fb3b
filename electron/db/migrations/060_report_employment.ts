import type { Migration } from './registry.js';

/**
 * Current jobs counted per employer and work status, for the work-status and employer-quota
 * reports: at 1,000,000 foreigners they read 350,000 current jobs each (over a second); with the
 * counts, a few per employer. Kept by triggers on `employment` (a local write and a synced record
 * alike); a job is current while it has no end date. Derived data, never synced. A count that
 * falls to zero stays as a row with n = 0; the reports skip such rows.
 */
const add = (row: 'NEW' | 'OLD', sign: '+' | '-') => sign === '+'
  ? `INSERT INTO report_employment (employer_id, work_status, n) SELECT ${row}.employer_id, ${row}.work_status, 1 WHERE ${row}.end_date IS NULL
       ON CONFLICT DO UPDATE SET n = n + 1;`
  : `UPDATE report_employment SET n = n - 1 WHERE ${row}.end_date IS NULL AND employer_id = ${row}.employer_id AND work_status = ${row}.work_status;`;

export const reportEmployment: Migration = {
  version: 60,
  name: 'report-employment',
  up(db) {
    db.exec(`
      CREATE TABLE report_employment (
        employer_id TEXT NOT NULL, work_status TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (employer_id, work_status)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO report_employment (employer_id, work_status, n)
        SELECT employer_id, work_status, count(*) FROM employment WHERE end_date IS NULL GROUP BY 1, 2;
      CREATE TRIGGER report_employment_insert AFTER INSERT ON employment BEGIN ${add('NEW', '+')} END;
      CREATE TRIGGER report_employment_delete AFTER DELETE ON employment BEGIN ${add('OLD', '-')} END;
      CREATE TRIGGER report_employment_update AFTER UPDATE OF employer_id, end_date, work_status ON employment BEGIN ${add('OLD', '-')} ${add('NEW', '+')} END;
    `);
  },
};
