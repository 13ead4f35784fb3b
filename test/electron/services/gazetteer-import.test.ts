import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GAZETTEER_CSV, testBackend } from '../../helpers/db.js';

const csv = readFileSync(GAZETTEER_CSV, 'utf8');

function tableSnapshot(db: ReturnType<typeof testBackend>['db']) {
  return {
    units: db.prepare('SELECT * FROM admin_unit ORDER BY id').all(),
    changes: (db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n,
    versions: db.prepare('SELECT * FROM reference_version').all(),
  };
}

describe('gazetteer import', () => {
  it('starts with the 25 built-in provinces', async () => {
    const t = testBackend();
    const provinces = await t.ok('gazetteer.units', { level: 'province' });
    expect(provinces).toHaveLength(25);
    expect(provinces.find((p) => p.code === '12')?.nameEn).toBe('Phnom Penh');
  });

  it('imports the shared gazetteer, then treats the same version as a no-op', async () => {
    const t = testBackend();
    const first = await t.ok('gazetteer.import', { fileName: 'units.csv', csv });
    expect(first).toMatchObject({ status: 'imported', added: 1874 - 25, total: 1874, retired: 0 });
    const communes = await t.ok('gazetteer.units', { level: 'commune' });
    expect(communes).toHaveLength(1646);
    const before = tableSnapshot(t.db);
    const second = await t.ok('gazetteer.import', { fileName: 'units.csv', csv });
    expect(second.status).toBe('unchanged');
    expect(tableSnapshot(t.db)).toEqual(before);
  });

  it('applies a new version: renamed units updated, missing ones retired, each change logged', async () => {
    const t = testBackend();
    await t.ok('gazetteer.import', { fileName: 'units.csv', csv });
    const lines = csv.trimEnd().split('\n');
    const renamed = lines.map((line) => (line.startsWith('120101,') ? line.replace(/,([^,]*)$/, ',Renamed Commune') : line));
    const withoutLast = renamed.slice(0, -1).join('\n');
    const result = await t.ok('gazetteer.import', { fileName: 'v2.csv', csv: withoutLast });
    expect(result).toMatchObject({ status: 'imported', added: 0, updated: 1, retired: 1 });
    const history = await t.ok('history.forRecord', { entity: 'admin_unit', recordId: '120101' });
    expect(history.at(-1)).toMatchObject({ op: 'update', actor: 'local-operator', after: { name_en: 'Renamed Commune' } });
  });

  it('rejects a file with bad lines, reporting each line number, and stores nothing', async () => {
    const t = testBackend();
    const lines = csv.split('\n');
    expect(lines[4]).toMatch(/^04,province,/);
    lines[4] = lines[4]!.replace(/^04,/, '4,'); // line 5: code too short
    lines[30] = `${lines[30]},extra`; // line 31: column count
    lines[99] = lines[99]!.replace(/,[^,]*,([^,]*),([^,]*)$/, ',Kampong,$1,$2'); // line 100: Latin text in name_km
    const before = tableSnapshot(t.db);
    const result = await t.call('gazetteer.import', { fileName: 'bad.csv', csv: lines.join('\n') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('gazetteer.invalidFile');
    const reported = result.error.details?.map((d) => [d.code, d.params?.line]);
    expect(reported).toEqual(
      expect.arrayContaining([
        ['gazetteer.line.badCode', 5],
        ['gazetteer.line.columnCount', 31],
        ['gazetteer.line.notKhmerUnicode', 100],
      ]),
    );
    // A child of a bad line is not reported again: only the lines to fix.
    expect(result.error.details?.filter((d) => d.code === 'gazetteer.line.unknownParent' && d.params?.value === '0808')).toEqual([]);
    expect(tableSnapshot(t.db)).toEqual(before);
  });

  it('rejects a file that is not the gazetteer by its header', async () => {
    const t = testBackend();
    const result = await t.call('gazetteer.import', { fileName: 'x.csv', csv: 'a,b\n1,2\n' });
    expect(result).toMatchObject({ ok: false, error: { code: 'gazetteer.badHeader' } });
  });
});
