import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../electron/db/migrations/index.js';

function migratedBefore(version: number): Database.Database {
  const db = new Database(':memory:');
  for (const migration of migrations.filter((m) => m.version < version)) migration.up(db);
  return db;
}

const person = (id: string, nationality: string) => `INSERT INTO person (id, surname, sex, birth_date, nationality, passport_no, issuing_state, passport_expiry, visa_type, source, name_key, passport_key, created_at, origin_office, revision)
  VALUES ('${id}', 'X', 'M', '1990-01-01', '${nationality}', '${id}', '${nationality}', '2030-01-01', 'EB', 'manual', 'x', 'x', '2026-01-01', 'o', 1)`;
const premises = (id: string, commune: string) => `INSERT INTO premises (id, name_latin, type, province_code, district_code, commune_code, created_at, origin_office, revision)
  VALUES ('${id}', 'P', 'hotel', '${commune.slice(0, 2)}', '${commune.slice(0, 4)}', '${commune}', '2026-01-01', 'o', 1)`;
const stay = (id: string, personId: string, premisesId: string, departed: string | null) => `INSERT INTO stay (id, person_id, premises_id, arrived_at, reported_at, departed_on, late, origin_office, revision)
  VALUES ('${id}', '${personId}', '${premisesId}', '2026-02-01T08:00:00+07:00', '2026-02-03T08:00:00+07:00', ${departed ? `'${departed}'` : 'NULL'}, 1, 'o', 1)`;

describe('migration 55: report facts', () => {
  it('fills one fact row per existing stay, then keeps it in step with stays, persons and premises', () => {
    const db = migratedBefore(55);
    db.exec(`${person('a', 'CHN')}; ${premises('h', '120101')}; ${stay('s1', 'a', 'h', null)}; ${stay('s2', 'a', 'h', '2026-02-10')}; ${stay('s3', 'ghost', 'h', null)}`);
    db.transaction(() => migrations.find((m) => m.version === 55)!.up(db))();
    const facts = () => Object.fromEntries((db.prepare('SELECT * FROM report_stay').all() as Record<string, unknown>[]).map((r) => [r.stay_id, r]));
    expect(facts()).toEqual({
      s1: { stay_id: 's1', person_id: 'a', premises_id: 'h', commune_code: '120101', premises_type: 'hotel', nationality: 'CHN', visa_type: 'EB', arrived_on: '2026-02-01', departed_on: null, late: 1 },
      s2: expect.objectContaining({ departed_on: '2026-02-10' }),
      s3: expect.objectContaining({ nationality: null, commune_code: '120101' }),
    });
    // A person arriving after their stay (sync order), a correction, a move, a departure, a deletion.
    db.exec(person('ghost', 'VNM'));
    expect(facts().s3).toMatchObject({ nationality: 'VNM', visa_type: 'EB' });
    db.exec("UPDATE person SET nationality = 'LAO' WHERE id = 'a'");
    expect([facts().s1!.nationality, facts().s2!.nationality]).toEqual(['LAO', 'LAO']);
    db.exec(`${premises('f', '170101')}; UPDATE stay SET premises_id = 'f', departed_on = '2026-02-20' WHERE id = 's1'`);
    expect(facts().s1).toMatchObject({ commune_code: '170101', departed_on: '2026-02-20' });
    db.exec("UPDATE premises SET type = 'factory' WHERE id = 'f'; DELETE FROM stay WHERE id = 's2'");
    expect(facts().s1!.premises_type).toBe('factory');
    expect(facts().s2).toBeUndefined();
    db.exec("DELETE FROM person WHERE id = 'ghost'");
    expect(facts().s3!.nationality).toBeNull();
    db.close();
  });
});
