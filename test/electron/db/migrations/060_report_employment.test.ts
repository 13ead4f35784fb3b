import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../electron/db/migrations/index.js';

const job = (id: string, employer: string, status: string, ended: string | null) => `INSERT INTO employment (id, person_id, employer_id, start_date, end_date, work_status, origin_office, revision)
  VALUES ('${id}', 'p', '${employer}', '2025-01-01', ${ended ? `'${ended}'` : 'NULL'}, '${status}', 'o', 1)`;

describe('migration 60: current jobs counted per employer and work status', () => {
  it('counts the existing jobs on upgrade, then follows new, ended, changed and deleted jobs', () => {
    const db = new Database(':memory:');
    for (const migration of migrations.filter((m) => m.version < 60)) migration.up(db);
    db.exec(`${job('j1', 'a', 'no_permit', null)}; ${job('j2', 'a', 'no_permit', null)}; ${job('j3', 'a', 'valid_permit', '2025-06-01')}; ${job('j4', 'b', 'exempt', null)}`);
    db.transaction(() => migrations.find((m) => m.version === 60)!.up(db))();
    const counts = () => db.prepare('SELECT employer_id, work_status, n FROM report_employment WHERE n <> 0 ORDER BY 1, 2').raw().all();
    expect(counts()).toEqual([['a', 'no_permit', 2], ['b', 'exempt', 1]]);
    db.exec(`${job('j5', 'b', 'exempt', null)}; UPDATE employment SET end_date = '2026-01-01' WHERE id = 'j1'; UPDATE employment SET end_date = NULL WHERE id = 'j3'`);
    expect(counts()).toEqual([['a', 'no_permit', 1], ['a', 'valid_permit', 1], ['b', 'exempt', 2]]);
    db.exec("UPDATE employment SET employer_id = 'b', work_status = 'valid_permit' WHERE id = 'j2'; DELETE FROM employment WHERE id = 'j4'");
    expect(counts()).toEqual([['a', 'valid_permit', 1], ['b', 'exempt', 1], ['b', 'valid_permit', 1]]);
    db.close();
  });
});
