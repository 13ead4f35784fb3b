import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTd3, charValue, checkDigit, confusableKey, mrzDate, parseTd3, toMrzName } from '../../shared/mrz.js';

const TODAY = '2026-03-01';

/** Published specimens: ICAO 9303 part 4 (Utopia), German 2017 and Dutch 2014 passport specimens. */
const SPECIMENS = [
  {
    lines: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
    fields: { issuingState: 'UTO', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', documentNumber: 'L898902C3', nationality: 'UTO', birthDate: '1974-08-12', sex: 'F', expiryDate: '2012-04-15', optionalData: 'ZE184226B' },
  },
  {
    lines: ['P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<', 'C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4'],
    fields: { issuingState: 'D', surname: 'MUSTERMANN', givenNames: 'ERIKA', documentNumber: 'C01X00T47', nationality: 'D', birthDate: '1964-08-12', expiryDate: '2027-02-28', optionalData: '' },
  },
  {
    lines: ['P<NLDDE<BRUIJN<<WILLEKE<LISELOTTE<<<<<<<<<<<', 'SPECI20142NLD6503101F2401151999999990<<<<<82'],
    fields: { issuingState: 'NLD', surname: 'DE BRUIJN', givenNames: 'WILLEKE LISELOTTE', documentNumber: 'SPECI2014', birthDate: '1965-03-10', expiryDate: '2024-01-15' },
  },
];

describe('MRZ specimens', () => {
  for (const specimen of SPECIMENS) {
    it(`parses ${specimen.fields.surname}`, () => {
      const result = parseTd3(specimen.lines[0]!, specimen.lines[1]!, TODAY);
      expect(result.problems).toEqual([]);
      expect(result.checks.every((c) => c.valid)).toBe(true);
      expect(result.valid).toBe(true);
      expect(result.fields).toMatchObject(specimen.fields);
    });
  }

  it('computes the ICAO example check digits', () => {
    expect(checkDigit('L898902C3')).toBe('6');
    expect(checkDigit('740812')).toBe('2');
    expect(checkDigit('120415')).toBe('9');
    expect(checkDigit('ZE184226B<<<<<')).toBe('1');
  });

  it('accepts both lines pasted as one string, with a reader\'s spaces and line ends', () => {
    const [a, b] = SPECIMENS[0]!.lines;
    expect(parseTd3(`${a}\r\n${b}\n`, '', TODAY).valid).toBe(true);
    expect(parseTd3(` ${a!.toLowerCase()} `, b, TODAY).valid).toBe(true);
  });

  it('flags a bad document-number check digit and suggests the O/0 fix, naming the field', () => {
      const line2 = 'L8989O2C36UTO7408122F1204159ZE184226B<<<<<10'; // 0 typed as O in the document number
    const result = parseTd3(SPECIMENS[0]!.lines[0]!, line2, TODAY);
    expect(result.valid).toBe(false);
    expect(result.checks.find((c) => c.field === 'documentNumber')?.valid).toBe(false);
    expect(result.checks.find((c) => c.field === 'birthDate')?.valid).toBe(true);
    expect(result.suggestions).toContainEqual(expect.objectContaining({ field: 'documentNumber', position: 6, from: 'O', to: '0', line2: SPECIMENS[0]!.lines[1] }));
  });

  it('suggests B/8 in a birth date', () => {
    const line2 = 'L898902C36UTO74OB122F1204159ZE184226B<<<<<10'.replace('74OB12', '740B12');
    const result = parseTd3(SPECIMENS[0]!.lines[0]!, line2, TODAY);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'mrz.badDate' }));
    expect(result.suggestions.map((s) => [s.field, s.from, s.to])).toContainEqual(['birthDate', 'B', '8']);
  });

  it('reports wrong length and bad characters', () => {
    const result = parseTd3('P<UTOERIKSSON', 'L898902C36UTO7408122F1204159ZE184226B<<<<<1$', TODAY);
    expect(result.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['mrz.lineLength', 'mrz.badCharacter']));
    expect(result.valid).toBe(false);
  });
});

describe('MRZ dates and names', () => {
  it('puts birth dates in the past and expiry dates in a 50-year window', () => {
    expect(mrzDate('250101', 'birth', TODAY)).toBe('2025-01-01');
    expect(mrzDate('270101', 'birth', TODAY)).toBe('1927-01-01');
    expect(mrzDate('350101', 'expiry', TODAY)).toBe('2035-01-01');
    expect(mrzDate('991231', 'expiry', TODAY)).toBe('1999-12-31');
    expect(mrzDate('990231', 'expiry', TODAY)).toBeNull();
  });

  it('writes names the MRZ way', () => {
    expect(toMrzName('Müller-Lüdenscheidt')).toBe('MULLER LUDENSCHEIDT');
    expect(toMrzName("O'Brien Strauß")).toBe('OBRIEN STRAUSS');
    expect(toMrzName('Nguyễn Văn Đức')).toBe('NGUYEN VAN DUC');
    // Plain ASCII letters take a shorter path: same result (upper case, single spaces, trimmed).
    expect(toMrzName('  smith   john  ')).toBe('SMITH JOHN');
    expect(toMrzName('')).toBe('');
    expect(toMrzName('   ')).toBe('');
    expect(toMrzName('Li  Na')).toBe(toMrzName('Li\u00A0 Na'));
    expect(confusableKey('EO1B 234')).toBe(confusableKey('E018234'));
  });
});

const letters = fc.stringMatching(/^[A-Z]{1,12}$/);
const docNumber = fc.stringMatching(/^[A-Z0-9]{6,9}$/);
const code3 = fc.constantFrom('UTO', 'CHN', 'VNM', 'KOR', 'THA', 'D', 'USA', 'GBR', 'FRA', 'XXA');
const isoDate = (from: number, to: number) =>
  fc.date({ min: new Date(Date.UTC(from, 0, 1)), max: new Date(Date.UTC(to, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const td3Input = fc.record({
  issuingState: code3,
  nationality: code3,
  surname: letters,
  givenNames: fc.array(letters, { maxLength: 2 }).map((a) => a.join(' ')),
  documentNumber: docNumber,
  birthDate: isoDate(1927, 2025),
  sex: fc.constantFrom('M' as const, 'F' as const, 'X' as const),
  expiryDate: isoDate(2000, 2070),
  optionalData: fc.stringMatching(/^[A-Z0-9]{0,14}$/),
});

describe('MRZ properties', () => {
  it('random valid MRZs round-trip', () => {
    fc.assert(
      fc.property(td3Input, (input) => {
        const { line1, line2 } = buildTd3(input);
        const result = parseTd3(line1, line2, TODAY);
        expect(line1).toHaveLength(44);
        expect(line2).toHaveLength(44);
        expect(result.valid).toBe(true);
        expect(result.fields).toMatchObject({
          surname: input.surname, givenNames: input.givenNames, documentNumber: input.documentNumber,
          nationality: input.nationality, birthDate: input.birthDate, sex: input.sex, expiryDate: input.expiryDate,
          optionalData: input.optionalData,
        });
      }),
      { numRuns: 500 },
    );
  });

  // Weights 7, 3, 1 are prime to 10, so a substitution is caught exactly when the two characters'
  // values differ mod 10. O/0, I/1 and B/8 always do; 0/A/K/U/< (all ≡ 0) cannot be told apart by any scheme digit.
  it('any single-character change in a checked field is caught (values differing mod 10)', () => {
    const checkedPositions = [...Array(44).keys()].filter((p) => !(p >= 10 && p <= 12) && p !== 20);
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<';
    fc.assert(
      fc.property(td3Input, fc.constantFrom(...checkedPositions), fc.constantFrom(...alphabet), (input, position, replacement) => {
        const { line1, line2 } = buildTd3(input);
        fc.pre(charValue(line2[position]!) % 10 !== charValue(replacement) % 10);
        const corrupted = line2.slice(0, position) + replacement + line2.slice(position + 1);
        const result = parseTd3(line1, corrupted, TODAY);
        expect(result.checks.some((c) => !c.valid)).toBe(true);
        expect(result.valid).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('an O/0, I/1 or B/8 slip in any checked field is caught and a fix that passes is suggested', () => {
    const swap: Record<string, string> = { O: '0', '0': 'O', I: '1', '1': 'I', B: '8', '8': 'B' };
    fc.assert(
      fc.property(td3Input, fc.nat(43), (input, start) => {
        const { line1, line2 } = buildTd3(input);
        const positions = [...Array(44).keys()].map((i) => (i + start) % 44).filter((p) => swap[line2[p]!] && !(p >= 10 && p <= 12) && p !== 20);
        fc.pre(positions.length > 0);
        const p = positions[0]!;
        const corrupted = line2.slice(0, p) + swap[line2[p]!]! + line2.slice(p + 1);
        const result = parseTd3(line1, corrupted, TODAY);
        expect(result.valid).toBe(false);
        expect(result.suggestions.map((s) => s.line2)).toContain(line2);
      }),
      { numRuns: 1000 },
    );
  });
});
