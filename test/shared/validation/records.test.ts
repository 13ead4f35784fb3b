import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../../shared/validation/records.js';
import { cleanText, isRealDate, isRealStamp, type ValidationContext } from '../../../shared/validation/rules.js';

const UNITS: Record<string, 'province' | 'district' | 'commune'> = { '12': 'province', '1201': 'district', '120101': 'commune', '17': 'province' };
const withGazetteer: ValidationContext = { unitLevel: (c) => UNITS[c] ?? null, hasLevel: () => true };
const provincesOnly: ValidationContext = { unitLevel: (c) => (UNITS[c] === 'province' ? 'province' : null), hasLevel: () => false };
const ID = '0190f000-0000-7000-8000-000000000001';

const person = {
  surname: 'DOE', given_names: 'JANE', sex: 'F', birth_date: '1990-01-01', nationality: 'FRA', passport_no: 'X1234567',
  issuing_state: 'FRA', passport_expiry: '2030-01-01', source: 'demo', name_key: 'doe jane', passport_key: 'X1234567',
  created_at: '2026-01-01T00:00:00Z',
};
const premises = {
  name_latin: 'Guesthouse', type: 'guesthouse', province_code: '12', district_code: '1201', commune_code: '120101', created_at: '2026-01-02T00:00:00Z',
};

const reasons = (entity: string, values: Record<string, unknown>, ctx = withGazetteer, id: unknown = ID) =>
  validateRecord(entity, id, 'insert', values as never, ctx).map((p) => `${p.field}:${p.reason}`);

describe('record validator (local writes and sync apply alike)', () => {
  it('accepts a valid person and premises', () => {
    expect(reasons('person', person)).toEqual([]);
    expect(reasons('premises', premises)).toEqual([]);
  });

  it('checks a passport record as it checks the person (dates real, state in the list, status known)', () => {
    const passport = { person_id: ID, passport_no: 'X1234567', issuing_state: 'FRA', expires_on: '2030-01-01', status: 'current', created_at: '2026-01-01T00:00:00Z' };
    expect(reasons('passport', passport)).toEqual([]);
    expect(reasons('passport', { ...passport, expires_on: '2030-02-30' })).toEqual(['expires_on:badDate']);
    expect(reasons('passport', { ...passport, issuing_state: 'ZZZ' })).toEqual(['issuing_state:notInList']);
    expect(reasons('passport', { ...passport, status: 'stolen' })).toEqual(['status:notInList']);
    expect(reasons('passport', { ...passport, passport_no: '' })).toEqual(['passport_no:required']);
    expect(reasons('passport', { ...passport, person_id: 'p1' })).toEqual(['person_id:badId']);
  });

  it('refuses the values from the insider attack, each by field and reason', () => {
    expect(reasons('person', { ...person, birth_date: '2026-02-30' })).toEqual(['birth_date:badDate']);
    expect(reasons('person', { ...person, birth_date: 'yesterday' })).toEqual(['birth_date:badDate']);
    expect(reasons('person', { ...person, surname: '  ' })).toEqual(['surname:required']);
    expect(reasons('person', { ...person, surname: 'DO\u0000E' })).toEqual(['surname:badText']);
    expect(reasons('person', { ...person, given_names: 'A\ud800B' })).toEqual(['given_names:badText']);
    expect(reasons('person', { ...person, nationality: 'ZZZ' })).toEqual(['nationality:notInList']);
    expect(reasons('person', { ...person, note: 'x'.repeat(1_000_000) })).toEqual(['note:tooLong']);
    expect(reasons('premises', { ...premises, province_code: '99', district_code: '9901', commune_code: '990101' })).toEqual(['province_code:unknownUnit']);
    expect(reasons('premises', { ...premises, latitude: 1000 })).toEqual(['latitude:outOfRange']);
    expect(reasons('premises', { ...premises, rooms: -5 })).toEqual(['rooms:outOfRange']);
    expect(reasons('premises', premises, withGazetteer, `${ID}\n`)).toEqual(['id:badId']);
  });

  it('accepts real dates and stamps only', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealStamp('2026-01-03T10:00:00Z')).toBe(true);
    expect(isRealStamp('2026-01-03T10:00:00.123+07:00')).toBe(true);
    expect(isRealStamp('2026-01-03T25:00:00Z')).toBe(false);
    expect(isRealStamp('2026-02-31T10:00:00Z')).toBe(false);
  });

  it('keeps Khmer, emoji pairs and multi-line notes but not controls', () => {
    expect(cleanText('ស្រី សុខា')).toBe(true);
    expect(cleanText('\ud83d\ude00')).toBe(true);
    expect(cleanText('a\nb')).toBe(false);
    expect(cleanText('a\nb', true)).toBe(true);
    expect(cleanText('a\u0007b', true)).toBe(false);
    expect(cleanText('\udc00')).toBe(false);
  });

  it('checks the address chain: known units, each inside the one above', () => {
    expect(reasons('premises', { ...premises, district_code: '1701', commune_code: '170101' }, provincesOnly)).toEqual(['district_code:unitMismatch']);
    expect(reasons('premises', { ...premises, commune_code: '120199' })).toEqual(['commune_code:unknownUnit']);
    // Before a gazetteer import only the provinces are known; districts and communes are checked by form.
    expect(reasons('premises', { ...premises, commune_code: '120199' }, provincesOnly)).toEqual([]);
    expect(reasons('premises', { ...premises, commune_code: '12a' }, provincesOnly)).toEqual(['commune_code:badCode']);
  });

  it('on insert asks for the fields without a default; on update checks only what changes', () => {
    const { surname: _s, ...noSurname } = person;
    expect(reasons('person', noSurname)).toEqual(['surname:required']);
    expect(validateRecord('person', ID, 'update', { visa_expiry: '2027-01-01' }, withGazetteer)).toEqual([]);
    expect(validateRecord('person', ID, 'update', { later_column: 'x\u0000' }, withGazetteer).map((p) => p.reason)).toEqual(['badText']);
    expect(validateRecord('premises', ID, 'update', { status: null }, withGazetteer).map((p) => p.reason)).toEqual(['required']);
  });

  it('checks numbers given as big integers and refuses wrong kinds of value', () => {
    expect(reasons('premises', { ...premises, rooms: 10n })).toEqual([]);
    expect(reasons('premises', { ...premises, rooms: 2n ** 70n })).toEqual(['rooms:outOfRange']);
    expect(reasons('premises', { ...premises, rooms: 1.5 })).toEqual(['rooms:notInteger']);
    expect(reasons('premises', { ...premises, name_latin: 5 })).toEqual(['name_latin:wrongType']);
    expect(reasons('premises', { ...premises, latitude: Number.NaN })).toEqual(['latitude:notNumber']);
  });

  it('gives tables without their own rules a clean-text baseline', () => {
    expect(validateRecord('future_table', 'abc', 'insert', { note: 'fine' }, withGazetteer)).toEqual([]);
    expect(validateRecord('future_table', 'a b', 'insert', { note: 'x\u0000' }, withGazetteer).map((p) => `${p.field}:${p.reason}`))
      .toEqual(['id:badId', 'note:badText']);
  });
});
