import { describe, expect, it } from 'vitest';
import { buildTd3, checkDigit, isCompleteMrz, parseMrz, splitMrz } from '../../shared/mrz.js';

const TODAY = '2026-03-01';

/** Specimens in their published layouts: ICAO 9303 parts 5–7 (Utopia), German and French identity cards. */
const SPECIMENS = [
  {
    name: 'ICAO TD1 identity card',
    lines: ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
    format: 'TD1', kind: 'card',
    fields: { documentCode: 'I', issuingState: 'UTO', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', documentNumber: 'D23145890', nationality: 'UTO', birthDate: '1974-08-12', sex: 'F', expiryDate: '2012-04-15' },
  },
  {
    name: 'ICAO TD2 identity card',
    lines: ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
    format: 'TD2', kind: 'card',
    fields: { issuingState: 'UTO', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', documentNumber: 'D23145890', nationality: 'UTO', birthDate: '1974-08-12', sex: 'F', expiryDate: '2012-04-15' },
  },
  {
    name: 'ICAO MRV-A visa',
    lines: ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'],
    format: 'MRVA', kind: 'visa',
    fields: { documentCode: 'V', issuingState: 'UTO', surname: 'ERIKSSON', documentNumber: 'L8988901C', nationality: 'XXX', birthDate: '1940-09-07', sex: 'F', expiryDate: '1996-12-10', optionalData: '6ZE184226B' },
  },
  {
    name: 'ICAO MRV-B visa',
    lines: ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'],
    format: 'MRVB', kind: 'visa',
    fields: { documentNumber: 'L8988901C', nationality: 'XXX', birthDate: '1940-09-07', expiryDate: '1996-12-10' },
  },
  {
    name: 'German identity card 2010 (sex not given)',
    lines: ['IDD<<T220001293<<<<<<<<<<<<<<<', '6408125<2010315D<<<<<<<<<<<<<4', 'MUSTERMANN<<ERIKA<<<<<<<<<<<<<'],
    format: 'TD1', kind: 'card',
    fields: { documentCode: 'ID', issuingState: 'D', surname: 'MUSTERMANN', givenNames: 'ERIKA', documentNumber: 'T22000129', nationality: 'D', birthDate: '1964-08-12', sex: 'X', expiryDate: '2020-10-31' },
  },
] as const;

describe('MRZ layouts other than the passport', () => {
  for (const specimen of SPECIMENS) {
    it(`parses the ${specimen.name} with every check digit`, () => {
      const result = parseMrz([...specimen.lines], TODAY);
      expect(result.problems).toEqual([]);
      expect(result.checks.filter((c) => !c.valid)).toEqual([]);
      expect(result.valid).toBe(true);
      expect(result.format).toBe(specimen.format);
      expect(result.kind).toBe(specimen.kind);
      expect(result.fields).toMatchObject(specimen.fields);
    });
  }

  it('catches a misread TD1 document number (in line 1) and suggests the fix', () => {
    const lines: string[] = [...SPECIMENS[0].lines];
    lines[0] = lines[0]!.replace('D23145890', 'D2314589O');
    const result = parseMrz(lines, TODAY);
    expect(result.valid).toBe(false);
    expect(result.checks.find((c) => c.field === 'documentNumber')?.valid).toBe(false);
    expect(result.suggestions).toContainEqual(expect.objectContaining({ field: 'documentNumber', line: 1, position: 14, from: 'O', to: '0', lines: [...SPECIMENS[0].lines] }));
  });

  it('reads a TD1 document number longer than nine characters (continued in the optional data)', () => {
    // ICAO 9303-5: `<` in the check-digit place, the number goes on in the optional data, then its check digit.
    const number = 'D23145890734';
    const line1 = `I<UTO${number.slice(0, 9)}<${number.slice(9)}9<<<<<<<<<<<`;
    expect(line1).toHaveLength(30);
    const line2head = '7408122F1204159UTO<<<<<<<<<<<';
    const composite = checkDigit(line1.slice(5) + line2head.slice(0, 7) + line2head.slice(8, 15) + line2head.slice(18, 29));
    const result = parseMrz([line1, line2head + composite, SPECIMENS[0].lines[2]], TODAY);
    expect(result.checks.find((c) => c.field === 'documentNumber')).toMatchObject({ valid: true, expected: '9' });
    expect(result.fields.documentNumber).toBe(number);
    expect(result.valid).toBe(true);
  });
});

describe('reader separators', () => {
  const { line1, line2 } = buildTd3({
    issuingState: 'CHN', surname: 'LI', givenNames: 'WEI MING', documentNumber: 'E12345678', nationality: 'CHN', birthDate: '1988-03-14', sex: 'M', expiryDate: '2031-06-30',
  });
  for (const [name, text] of [
    ['LF', `${line1}\n${line2}`], ['CR', `${line1}\r${line2}`], ['CR LF', `${line1}\r\n${line2}\r\n`], ['Tab', `${line1}\t${line2}`],
    ['nothing', `${line1}${line2}`], ['spaces inside', `${line1.slice(0, 20)} ${line1.slice(20)} ${line2}`],
  ] as const) {
    it(`reads two passport lines with ${name} between them`, () => {
      expect(splitMrz(text)).toEqual([line1, line2]);
      expect(isCompleteMrz(text)).toBe(true);
      const result = parseMrz(text, TODAY);
      expect(result.valid).toBe(true);
      expect(result.fields.documentNumber).toBe('E12345678');
    });
  }

  it('reads a TD1 card sent as 90 characters in one line', () => {
    const result = parseMrz(SPECIMENS[0].lines.join(''), TODAY);
    expect(result.format).toBe('TD1');
    expect(result.valid).toBe(true);
  });

  it('does not call a half-read MRZ complete', () => {
    expect(isCompleteMrz(line1)).toBe(false);
    expect(isCompleteMrz(`${line1}\n${line2.slice(0, 30)}`)).toBe(false);
  });
});

describe('a real but impossible date', () => {
  it('29 February in a common year passes its check digit and is reported as impossible, not misread', () => {
    // Some issuers print 29 Feb for people born on an unknown day; the check digit is computed over what is printed.
    const { line1, line2 } = buildTd3({
      issuingState: 'VNM', surname: 'TRAN', givenNames: 'VAN AN', documentNumber: 'C1234567', nationality: 'VNM', birthDate: '1990-02-28', sex: 'M', expiryDate: '2030-05-01',
    });
    const digits = '900229';
    const patched = `${line2.slice(0, 13)}${digits}${checkDigit(digits)}${line2.slice(20, 43)}`;
    const composite = checkDigit(patched.slice(0, 10) + patched.slice(13, 20) + patched.slice(21, 43));
    const result = parseMrz([line1, patched + composite], TODAY);
    expect(result.checks.every((c) => c.valid)).toBe(true);
    expect(result.fields.birthDate).toBeNull();
    expect(result.problems).toEqual([{ code: 'mrz.impossibleDate', params: { field: 'birthDate', value: '900229' } }]);
    expect(result.fields.surname).toBe('TRAN');
  });
});
