import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../electron/db/migrations/index.js';
import { countTables } from '../../services/reports/counts-check.js';

function migratedBefore(version: number): Database.Database {
  const db = new Database(':memory:');
  for (const migration of migrations.filter((m) => m.version < version)) migration.up(db);
  return db;
}

const person = (id: string, nationality: string, visa: string | null) => `INSERT INTO person (id, surname, sex, birth_date, nationality, passport_no, issuing_state, passport_expiry, visa_type, source, name_key, passport_key, created_at, origin_office, revision)
  VALUES ('${id}', 'X', 'M', '1990-01-01', '${nationality}', '${id}', '${nationality}', '2030-01-01', ${visa ? `'${visa}'` : 'NULL'}, 'manual', 'x', 'x', '2026-01-01', 'o', 1)`;
const premises = (id: string, commune: string, pledge = 'none') => `INSERT INTO premises (id, name_latin, type, province_code, district_code, commune_code, pledge_status, created_at, origin_office, revision)
  VALUES ('${id}', 'P', 'hotel', '${commune.slice(0, 2)}', '${commune.slice(0, 4)}', '${commune}', '${pledge}', '2026-01-01', 'o', 1)`;
const stay = (id: string, personId: string, premisesId: string, arrived: string, departed: string | null, late = 1, verb = 'INSERT') => `${verb} INTO stay (id, person_id, premises_id, arrived_at, reported_at, departed_on, late, origin_office, revision)
  VALUES ('${id}', '${personId}', '${premisesId}', '${arrived}T08:00:00+07:00', '${arrived}T09:00:00+07:00', ${departed ? `'${departed}'` : 'NULL'}, ${late}, 'o', 1)`;

describe('migration 59: report counts', () => {
  it('counts the existing register on upgrade, then follows every change to stays, persons and premises', () => {
    const db = migratedBefore(59);
    db.exec(`${person('a', 'CHN', 'EB')}; ${person('b', 'VNM', null)}; ${premises('h', '120101')}; ${premises('f', '170101', 'signed')};
      ${stay('s1', 'a', 'h', '2026-01-05', null)}; ${stay('s2', 'a', 'h', '2025-12-01', '2026-01-02', 0)}; ${stay('s3', 'b', 'f', '2026-02-01', null, 0)};
      ${stay('s4', 'ghost', 'nowhere', '2026-02-03', null)}`);
    db.transaction(() => migrations.find((m) => m.version === 59)!.up(db))();
    const check = () => {
      const { held, recounted } = countTables(db);
      expect(held).toEqual(recounted);
      return held;
    };
    const held = check();
    expect(held.report_present).toEqual([
      JSON.stringify({ district: '', nationality: '', late: 1, n: 1 }),
      JSON.stringify({ district: '1201', nationality: 'CHN', late: 1, n: 1 }),
      JSON.stringify({ district: '1701', nationality: 'VNM', late: 0, n: 1 }),
    ]);
    expect(held.report_present_visa).toContain(JSON.stringify({ district: '1701', nationality: 'VNM', visa_type: 'none', n: 1 }));
    expect(held.report_arrivals).toContain(JSON.stringify({ district: '1201', month: '2025-12', nationality: 'CHN', late: 0, n: 1 }));
    expect(held.report_premises).toEqual([
      JSON.stringify({ district: '1201', status: 'open', pledge_status: 'none', n: 1 }),
      JSON.stringify({ district: '1701', status: 'open', pledge_status: 'signed', n: 1 }),
    ]);
    // The person and premises arrive after their stay (sync order); corrections, moves, departures, deletions.
    db.exec(`${person('ghost', 'DEU', 'T')}; ${premises('nowhere', '180101')}`);
    check();
    db.exec("UPDATE person SET nationality = 'LAO', visa_type = NULL WHERE id = 'a'");
    check();
    db.exec("UPDATE stay SET premises_id = 'f', departed_on = '2026-02-20' WHERE id = 's1'; UPDATE stay SET departed_on = NULL WHERE id = 's2'");
    check();
    db.exec("UPDATE premises SET commune_code = '120201', type = 'factory', status = 'permanently_closed', pledge_status = 'printed' WHERE id = 'f'");
    check();
    // A replaced stay row (no delete trigger fires for the row it replaces) is counted once.
    db.exec(stay('s3', 'b', 'h', '2026-02-11', null, 1, 'INSERT OR REPLACE'));
    check();
    expect(db.prepare("SELECT sum(n) FROM report_arrivals WHERE nationality = 'VNM'").pluck().get()).toBe(1);
    db.exec("DELETE FROM stay WHERE id = 's2'; DELETE FROM person WHERE id = 'ghost'; DELETE FROM premises WHERE id = 'h'");
    check();
    expect(db.prepare('SELECT sum(n) FROM report_present').pluck().get()).toBe(2);
    db.close();
  });
});
