import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, testBackend } from '../../helpers/db.js';

const NAME_EN = 'Tonle Basak police post';
const NAME_KM = 'ប៉ុស្តិ៍នគរបាលសង្កាត់ទន្លេបាសាក់';

function pdftotext(base64: string): string {
  const file = path.join(tempDir(), 'doc.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

async function officeWithStay(nameKm: string) {
  const t = testBackend();
  await t.ok('office.setup', { level: 'province', unitCode: '12', name: NAME_EN, nameKm });
  const ins = (table: string, row: Record<string, unknown>) => {
    const cols = Object.keys(row);
    t.db.prepare(`INSERT INTO ${table} (${cols.join(',')}, origin_office, revision) VALUES (${cols.map(() => '?').join(',')}, 'test', 1)`).run(...Object.values(row));
  };
  ins('premises', { id: '0192f3a4-0000-7000-8000-0000000000a1', name_latin: 'Golden Lotus', name_km: 'ផ្កាឈូកមាស', type: 'hotel', province_code: '12', district_code: '1201', commune_code: '120101', created_at: '2026-01-01' });
  ins('person', {
    id: '0192f3a4-0000-7000-8000-0000000000b1', surname: 'MULLER', given_names: 'ANNA', sex: 'F', birth_date: '1990-01-01', nationality: 'D', passport_no: 'C01X00T47',
    issuing_state: 'D', passport_expiry: '2030-01-01', source: 'manual', name_key: 'n1', passport_key: 'p1', created_at: '2026-01-01',
  });
  ins('stay', { id: '0192f3a4-0000-7000-8000-0000000000c1', person_id: '0192f3a4-0000-7000-8000-0000000000b1', premises_id: '0192f3a4-0000-7000-8000-0000000000a1', room: '7', arrived_at: '2026-11-01T10:00:00+07:00', reported_at: '2026-11-01T12:00:00+07:00' });
  return t;
}

describe('the office name on documents', () => {
  it('is stored in both languages at set-up', async () => {
    const t = await officeWithStay(NAME_KM);
    expect(await t.ok('office.get', {})).toMatchObject({ name: NAME_EN, nameKm: NAME_KM });
  });

  it('prints the Khmer name on Khmer documents and the English name on English ones, with the nationality by name', async () => {
    const t = await officeWithStay(NAME_KM);
    const km = pdftotext((await t.ok('print.receipt', { stayId: '0192f3a4-0000-7000-8000-0000000000c1', lang: 'km' })).pdfBase64!);
    expect(km).toContain(NAME_KM);
    expect(km).not.toContain(NAME_EN);
    expect(km).toContain('អាល្លឺម៉ង់');
    const en = pdftotext((await t.ok('print.receipt', { stayId: '0192f3a4-0000-7000-8000-0000000000c1', lang: 'en' })).pdfBase64!);
    expect(en).toContain(NAME_EN);
    expect(en).not.toContain(NAME_KM);
    expect(en).toContain('Germany');
    const both = pdftotext((await t.ok('print.pledge', { premisesId: '0192f3a4-0000-7000-8000-0000000000a1', date: '2026-11-21', lang: 'km+en' })).pdfBase64!);
    expect(both).toContain(NAME_KM);
    expect(both).toContain(NAME_EN);
  });

  it('falls back to the English name on Khmer documents of an office set up without a Khmer name', async () => {
    const t = await officeWithStay('');
    const km = pdftotext((await t.ok('print.receipt', { stayId: '0192f3a4-0000-7000-8000-0000000000c1', lang: 'km' })).pdfBase64!);
    expect(km).toContain(NAME_EN);
  });
});
