import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../electron/db/migrations/index.js';

const job = (id: string, employer: string, ended: string | null) => `INSERT INTO employment (id, person_id, employer_id, start_date, end_date, work_status, origin_office, revision)
  VALUES ('${id}', 'p', '${employer}', '2025-01-01', ${ended ? `'${ended}'` : 'NULL'}, 'no_permit', 'o', 1)`;
const employer = (id: string, commune: string, workforce: number, cambodians: number) => `INSERT INTO employer (id, name_latin, province_code, district_code, commune_code,
  workforce_total, cambodian_count, created_at, origin_office, revision) VALUES ('${id}', '${id}', '${commune.slice(0, 2)}', '${commune.slice(0, 4)}', '${commune}', ${workforce}, ${cambodians}, '2025-01-01', 'o', 1)`;

describe('migration 64: one row per employer with its current jobs', () => {
  it('fills the rows on upgrade, then follows employers and jobs in any order', () => {
    const db = new Database(':memory:');
    for (const migration of migrations.filter((m) => m.version < 64)) migration.up(db);
    db.exec(`${employer('a', '120101', 20, 15)}; ${employer('b', '170101', 10, 12)};
      ${job('j1', 'a', null)}; ${job('j2', 'a', null)}; ${job('j3', 'a', '2025-06-01')}; ${job('j4', 'x', null)}`);
    db.transaction(() => migrations.find((m) => m.version === 64)!.up(db))();
    const rows = () => db.prepare('SELECT employer_id, commune_code, workforce, declared, registered FROM report_employer ORDER BY 1').raw().all() as unknown[][];
    // b declares more Cambodians than its workforce: no foreigners declared, not a negative number.
    expect(rows()).toEqual([['a', '120101', 20, 5, 2], ['b', '170101', 10, 0, 0]]);
    // Jobs of an employer not yet in the register (synced before it) count once it arrives.
    db.exec(`${job('j5', 'x', null)}; ${employer('x', '180101', 30, 30)}`);
    expect(rows()).toContainEqual(['x', '180101', 30, 0, 2]);
    db.exec(`UPDATE employment SET end_date = '2026-01-01' WHERE id = 'j1'; UPDATE employment SET employer_id = 'b' WHERE id = 'j2';
      UPDATE employer SET commune_code = '120102', workforce_total = 40 WHERE id = 'a'; DELETE FROM employment WHERE id = 'j4'`);
    expect(rows()).toEqual([['a', '120102', 40, 25, 0], ['b', '170101', 10, 0, 1], ['x', '180101', 30, 0, 1]]);
    db.exec("DELETE FROM employer WHERE id = 'x'");
    expect(rows().map((r) => r[0])).toEqual(['a', 'b']);
    db.close();
  });
});
