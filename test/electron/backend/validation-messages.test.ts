import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, errorMessage } from '../../../shared/i18n/index.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { suggestMapping } from '../../../electron/services/spreadsheet/mapping.js';
import { tempDir, testBackend } from '../../helpers/db.js';
import { toCsv } from '../../helpers/sheets.js';

const km = createI18n('km', { strict: true }).t;
const en = createI18n('en', { strict: true }).t;

/** Every line a person would read for this error: the message and each detail. */
function shown(t: typeof km, error: AppErrorShape): string[] {
  return [errorMessage(t, error), ...(error.details ?? []).map((d) => errorMessage(t, d))];
}

/** Developer text that must never reach a person. */
const DEVELOPER = /Too big|Too small|Invalid|expected|must match|pattern|\/\^|persons\.register|premises\.create|fields\.|patch\.|nameKm|communeCode|surname\b/;

const PERSON = {
  surname: 'LI', givenNames: 'WEI', nameKm: '', sex: 'M', birthDate: '1988-03-14', nationality: 'CHN', passportNo: 'E12345678',
  issuingState: 'CHN', passportExpiry: '2031-06-30', visaType: null, visaNo: '', visaExpiry: null, entryDate: null, entryPoint: '', phone: '',
  diplomatic: false, passportIssued: null,
} as const;

describe('validation failures at the boundary', () => {
  it('a too-long surname comes back as a field error with its limit, worded in Khmer with the field label', async () => {
    const b = testBackend();
    const r = await b.call('persons.register', { fields: { ...PERSON, surname: 'A'.repeat(101) }, source: 'manual' } as never);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation.invalid');
    expect(r.error.details).toEqual([{ code: 'validation.tooLong', params: { field: 'fields.surname', entity: 'persons', max: 100 } }]);
    const lines = shown(km, r.error);
    expect(lines.join('\n')).not.toMatch(DEVELOPER);
    expect(lines[1]).toContain('នាមត្រកូល');
    // One digit system per language: the limit in Khmer digits in the Khmer sentence.
    expect(lines[1]).toContain('១០០');
    expect(shown(en, r.error)[1]).toBe('Surname (as in MRZ): at most 100 characters.');
  });

  it('a bad commune code names the commune and says to choose it, not the pattern', async () => {
    const b = testBackend();
    const r = await b.call('premises.create', { nameLatin: 'X', type: 'hotel', communeCode: '12' } as never);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details?.[0]).toMatchObject({ code: 'validation.badCommune', params: { field: 'communeCode' } });
    expect(shown(en, r.error)[1]).toBe('Commune: choose the province, district and commune from the lists.');
    expect(shown(km, r.error).join('\n')).not.toMatch(DEVELOPER);
  });

  it('a missing required field and a wrong choice are told apart', async () => {
    const b = testBackend();
    const r = await b.call('premises.create', { nameLatin: '', type: 'palace', communeCode: '120101' } as never);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details?.map((d) => d.code).sort()).toEqual(['validation.badChoice', 'validation.required']);
    expect(shown(en, r.error).slice(1).sort()).toEqual(['Name (Latin): fill this in.', 'Type: choose one of the values offered.']);
  });

  it('emoji are refused with the character named, not stripped from the name', async () => {
    const b = testBackend();
    const r = await b.call('persons.register', { fields: { ...PERSON, surname: 'LI 😀' }, source: 'manual' } as never);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details).toEqual([{ code: 'validation.unstorable', params: { field: 'fields.surname', entity: 'persons', char: '😀' } }]);
    expect(shown(en, r.error)[1]).toContain('“😀” cannot be kept');
    const count = b.db.prepare('SELECT count(*) FROM person').pluck().get();
    expect(count).toBe(0);
  });

  it('a control character is refused and shown by its code point', async () => {
    const b = testBackend();
    const r = await b.call('persons.register', { fields: { ...PERSON, phone: '012\u0007345' }, source: 'manual' } as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details?.[0]?.params).toMatchObject({ field: 'fields.phone', char: 'U+0007' });
  });

  it('Limon text in a premises Khmer name is refused with a hint to retype, named by the premises label', async () => {
    const b = testBackend();
    const r = await b.call('premises.create', { nameLatin: 'Special', nameKm: 'v½RbkasBiess', type: 'hotel', communeCode: '120101' } as never);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details?.[0]).toMatchObject({ code: 'validation.limon', params: { field: 'nameKm', entity: 'premises' } });
    expect(shown(en, r.error)[1]).toMatch(/^Name \(Khmer\): “v½RbkasBiess” looks like Khmer typed with an old Limon font/);
    expect(shown(km, r.error)[1]).toContain('យូនីកូដ');
  });

  it('Latin text in an address field is not taken for Limon', async () => {
    const b = testBackend();
    const r = await b.call('premises.create', { nameLatin: 'Mekong', type: 'hotel', communeCode: '999999', village: 'Phum 3', street: 'Street 308', houseNo: '12B' } as never);
    // Refused for the unknown commune (no gazetteer here), not for the Latin address.
    expect(r.ok).toBe(false);
    if (!r.ok) expect(JSON.stringify(r.error)).not.toContain('limon');
  });
});

describe('spreadsheets that are empty or not text', () => {
  for (const [name, bytes] of [['empty', Buffer.alloc(0)], ['binary', randomBytes(4000)]] as const) {
    it(`the ${name} CSV is refused in Khmer with field labels, never English keys`, async () => {
      const b = testBackend();
      const file = path.join(tempDir(), `${name}.csv`);
      writeFileSync(file, bytes);
      const r = await b.call('spreadsheet.import', { source: { path: file }, target: { kind: 'persons' }, mapping: {} } as never);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const text = shown(km, r.error).join('\n');
      expect(text).toMatch(/[\u1780-\u17FF]/);
      expect(text).not.toMatch(/surname|birthDate|passportNo|passportExpiry|nationality|\bsex\b/);
    });
  }
});

describe('spreadsheet rows with text that cannot be stored', () => {
  it('refuses a Limon Khmer name and an emoji in a row, naming row and field, and imports nothing', async () => {
    const b = testBackend();
    const headers = ['Surname', 'Given names', 'Name in Khmer', 'Sex', 'Date of birth', 'Nationality', 'Passport No.', 'Passport expiry'];
    const file = path.join(tempDir(), 'people.csv');
    writeFileSync(file, toCsv([
      headers,
      ['WANG', 'LI', 'PñMeBj', 'M', '1990-01-02', 'CHN', 'E10000001', '2031-01-01'],
      ['SMITH', 'JOHN 😀', '', 'M', '1980-05-06', 'USA', 'A20000002', '2030-01-01'],
      ['KIM', 'MIN', 'គីម មីន', 'F', '1992-07-08', 'KOR', 'M30000003', '2032-01-01'],
    ]));
    const r = await b.call('spreadsheet.import', { source: { path: file }, target: { kind: 'persons' }, mapping: suggestMapping(headers) } as never);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details).toEqual([
      { code: 'spreadsheet.row.rejected', params: { row: 2, reason: 'validation.limon', field: 'nameKm', sample: 'PñMeBj' } },
      { code: 'spreadsheet.row.rejected', params: { row: 3, reason: 'validation.unstorable', field: 'givenNames', char: '😀' } },
    ]);
    expect(b.db.prepare('SELECT count(*) FROM person').pluck().get()).toBe(0);
  });
});
