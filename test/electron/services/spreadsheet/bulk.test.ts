import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../../electron/services/spreadsheet/mapping.js';
import { tempDir } from '../../../helpers/db.js';
import { PERSON_HEADERS, personRow, toCsv } from '../../../helpers/sheets.js';
import { personFields, premises, registerBackend } from '../registration/fixtures.js';

const mapping = suggestMapping(PERSON_HEADERS);
type T = Awaited<ReturnType<typeof registerBackend>>;
const n = (t: T, sql: string, ...params: unknown[]) => Number(t.db.prepare(sql).pluck().get(...params));

function csv(rows: string[][]): string {
  const file = path.join(tempDir(), 'people.csv');
  writeFileSync(file, toCsv([PERSON_HEADERS, ...rows]));
  return file;
}

/** Every row of `table` has exactly one change-log insert, and no other insert was logged for the entity. */
function oneInsertEach(t: T, entity: string, table: string) {
  expect(n(t, `SELECT count(*) FROM ${table} r WHERE (SELECT count(*) FROM change_log c WHERE c.entity = ? AND c.record_id = r.id AND c.op = 'insert') <> 1`, entity)).toBe(0);
  expect(n(t, "SELECT count(*) FROM change_log WHERE entity = ? AND op = 'insert'", entity)).toBe(n(t, `SELECT count(*) FROM ${table}`));
}

describe('spreadsheet import: bulk commit', () => {
  it('logs one insert per stored record, indexes every person, queues duplicates once, and a re-import finds everyone', async () => {
    const t = await registerBackend();
    // Registered by hand before: passport equal to row 5's up to O/0 (a possible duplicate, not the same identity).
    const row5 = personRow(5);
    await t.ok('persons.register', { fields: personFields({ surname: 'Other', givenNames: 'Person', passportNo: (row5[5] as string).replace(/0/, 'O'), nationality: 'GBR', issuingState: 'GBR' }) });
    const rows = Array.from({ length: 300 }, (_, i) => personRow(i));
    // Two rows with the same names and birth date but other passports: a possible duplicate inside the sheet.
    rows[10] = [...(rows[7] as string[])];
    (rows[10] as string[])[5] = 'Q12345678';
    const file = csv(rows);

    const first = await t.ok('spreadsheet.import', { source: { path: file }, target: { kind: 'persons' }, mapping });
    expect(first).toMatchObject({ status: 'imported', rows: 300, personsCreated: 300, personsExisting: 0 });
    expect(n(t, 'SELECT count(*) FROM person')).toBe(301);
    oneInsertEach(t, 'person', 'person');
    oneInsertEach(t, 'duplicate_review', 'duplicate_review');
    // The logged values are the stored ones (sync applies them elsewhere; history reads them).
    const stored = t.db.prepare("SELECT * FROM person WHERE source = 'import' ORDER BY id LIMIT 1").get() as Record<string, unknown>;
    const logged = JSON.parse(t.db.prepare("SELECT after_json FROM change_log WHERE entity = 'person' AND record_id = ?").pluck().get(stored.id) as string) as Record<string, unknown>;
    expect(Object.keys(logged).length).toBeGreaterThan(15);
    const { id: _id, origin_office: _o, revision: _r, ...columns } = stored;
    expect({ ...columns, ...logged }).toEqual(columns);
    // One search document per person; an imported person is found by passport number.
    expect(n(t, "SELECT count(*) FROM search_doc WHERE entity = 'person'")).toBe(301);
    const hits = await t.ok('persons.search', { query: rows[123]?.[5] as string, entities: ['person'] });
    expect(hits.items.length).toBe(1);
    // Possible duplicates, as manual registration would have queued them.
    const reviews = t.db.prepare(`SELECT r.reason, a.passport_no AS a, b.passport_no AS b FROM duplicate_review r
      JOIN person a ON a.id = r.person_a JOIN person b ON b.id = r.person_b ORDER BY r.reason`).all() as { reason: string; a: string; b: string }[];
    expect(reviews.map((r) => [r.reason, [r.a, r.b].sort()])).toEqual([
      ['same_name_birth', [rows[7]?.[5], 'Q12345678'].sort()],
      ['similar_passport', [row5[5], (row5[5] as string).replace(/0/, 'O')].sort()],
    ]);

    const logged1 = n(t, 'SELECT count(*) FROM change_log');
    const again = await t.ok('spreadsheet.import', { source: { path: file }, target: { kind: 'persons' }, mapping });
    expect(again).toMatchObject({ status: 'imported', rows: 300, personsCreated: 0, personsExisting: 300 });
    expect(n(t, 'SELECT count(*) FROM person')).toBe(301);
    expect(n(t, 'SELECT count(*) FROM change_log')).toBe(logged1);
  });

  it('records stays at a premises, and refuses the whole sheet when a registered person is already staying elsewhere', async () => {
    const t = await registerBackend();
    const hotel = await premises(t);
    const other = await premises(t, 'River Guesthouse', 'ផ្ទះសំណាក់ទន្លេ');
    const rows = Array.from({ length: 50 }, (_, i) => personRow(i));
    const imported = await t.ok('spreadsheet.import', { source: { path: csv(rows) }, target: { kind: 'stays', premisesId: hotel.id }, mapping });
    expect(imported).toMatchObject({ personsCreated: 50, stays: 50 });
    oneInsertEach(t, 'stay', 'stay');
    expect(n(t, 'SELECT count(*) FROM stay WHERE premises_id = ? AND departed_on IS NULL', hotel.id)).toBe(50);
    // 2026-0x-1x arrivals reported now: late by the 24-hour rule, as stays.arrive computes it.
    expect(n(t, 'SELECT count(*) FROM stay WHERE late = 1')).toBe(50);

    const before = n(t, 'SELECT count(*) FROM change_log');
    const result = await t.call('spreadsheet.import', { source: { path: csv(rows.slice(0, 3)) }, target: { kind: 'stays', premisesId: other.id }, mapping });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('spreadsheet.invalidRows');
    expect(result.error.details?.[0]).toMatchObject({ code: 'spreadsheet.row.rejected', params: { row: 2, reason: 'registration.stay.alreadyStaying' } });
    expect(n(t, 'SELECT count(*) FROM change_log')).toBe(before);
  });

  it('checks rows as manual registration does before storing anything', async () => {
    const t = await registerBackend();
    const rows = Array.from({ length: 5 }, (_, i) => personRow(i));
    (rows[1] as string[])[4] = 'ZZZ'; // not an ICAO code
    const result = await t.call('spreadsheet.import', { source: { path: csv(rows) }, target: { kind: 'persons' }, mapping });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // Each failing field is named, as manual registration names it.
    expect(result.error.details).toEqual([
      { code: 'spreadsheet.row.rejected', params: { row: 3, reason: 'registration.person.unknownCode', field: 'nationality', value: 'ZZZ' } },
      { code: 'spreadsheet.row.rejected', params: { row: 3, reason: 'registration.person.unknownCode', field: 'issuingState', value: 'ZZZ' } },
    ]);
    expect(n(t, 'SELECT count(*) FROM person')).toBe(0);
  });
});
