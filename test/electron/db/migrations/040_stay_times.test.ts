import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../electron/db/migrations/index.js';

function migratedBefore(version: number): Database.Database {
  const db = new Database(':memory:');
  for (const migration of migrations.filter((m) => m.version < version)) migration.up(db);
  return db;
}

describe('migration 40: stay times', () => {
  it('turns dates and UTC times into Phnom Penh local date-times and gives departures a time', () => {
    const db = migratedBefore(40);
    const insert = db.prepare(`INSERT INTO stay (id, person_id, premises_id, room, arrived_at, reported_at, departed_on, late, origin_office, revision)
      VALUES (?, 'p', 'pr', '', ?, ?, ?, ?, 'o', 1)`);
    insert.run('date-only', '2026-02-01', '2026-02-03', null, 1);
    insert.run('utc', '2026-02-01T20:30:00Z', '2026-02-01T23:45:10.123Z', '2026-02-10', 0);
    insert.run('offset', '2026-02-01T08:00:00+07:00', '2026-02-01T09:00:00+07:00', '2026-02-01', 0);
    insert.run('local', '2026-02-01T08:00', '2026-02-01T09:00:00', null, 0);
    db.transaction(() => migrations.find((m) => m.version === 40)!.up(db))();
    const rows = Object.fromEntries((db.prepare('SELECT * FROM stay').all() as Record<string, unknown>[]).map((r) => [r.id, r]));
    expect(rows['date-only']).toMatchObject({ arrived_at: '2026-02-01T00:00:00+07:00', reported_at: '2026-02-03T00:00:00+07:00', departed_at: null, late: 1, change_reason: '' });
    // 20:30 UTC is 03:30 the next morning in Phnom Penh.
    expect(rows.utc).toMatchObject({ arrived_at: '2026-02-02T03:30:00+07:00', reported_at: '2026-02-02T06:45:10+07:00', departed_on: '2026-02-10', departed_at: '2026-02-10T00:00:00+07:00' });
    // Left the day it arrived: not before the arrival.
    expect(rows.offset).toMatchObject({ arrived_at: '2026-02-01T08:00:00+07:00', departed_at: '2026-02-01T08:00:00+07:00' });
    expect(rows.local).toMatchObject({ arrived_at: '2026-02-01T08:00:00+07:00', reported_at: '2026-02-01T09:00:00+07:00' });
    db.close();
  });
});
