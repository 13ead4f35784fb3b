import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../../electron/services/spreadsheet/csv-reader.js';
import { suggestMapping } from '../../../../electron/services/spreadsheet/mapping.js';
import { normaliseDate, planRow } from '../../../../electron/services/spreadsheet/rows.js';
import { openXlsx } from '../../../../electron/services/spreadsheet/xlsx-reader.js';
import { tempDir } from '../../../helpers/db.js';
import { PERSON_HEADERS, personRow, toCsv, writeXlsx } from '../../../helpers/sheets.js';

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('sheet readers', () => {
  it('read the same rows from CSV and XLSX, Khmer text and quotes included', async () => {
    const dir = tempDir();
    const rows = [PERSON_HEADERS, ...Array.from({ length: 50 }, (_, i) => personRow(i)), ['ស៊ុន', 'a "quoted", text', 'M', '', '', '', '', '', '', '']];
    writeFileSync(path.join(dir, 'a.csv'), `\uFEFF${toCsv(rows)}`);
    writeXlsx(path.join(dir, 'a.xlsx'), rows);
    const csv = await collect(readCsv(path.join(dir, 'a.csv')));
    const book = await openXlsx(path.join(dir, 'a.xlsx'));
    expect(book.sheets).toEqual(['Foreigners']);
    const xlsx = await collect(book.rows(null));
    book.close();
    const trim = (cells: string[]) => cells.map((c) => c);
    expect(xlsx.map((r) => r.row)).toEqual(csv.map((r) => r.row));
    expect(xlsx.map((r) => trim(r.cells).slice(0, 3))).toEqual(csv.map((r) => trim(r.cells).slice(0, 3)));
    expect(csv.at(-1)?.cells[0]).toBe('ស៊ុន');
    expect(csv.at(-1)?.cells[1]).toBe('a "quoted", text');
  });

  it('reads semicolon-separated CSV', async () => {
    const file = path.join(tempDir(), 'semi.csv');
    writeFileSync(file, 'Surname;Sex\nWANG;M\n');
    expect((await collect(readCsv(file))).map((r) => r.cells)).toEqual([['Surname', 'Sex'], ['WANG', 'M']]);
  });

  it('names the row of a quotation mark never closed, without the parser\'s own English text', async () => {
    const file = path.join(tempDir(), 'quote.csv');
    writeFileSync(file, 'Surname,Sex\nWANG,M\n"LI,F\nKIM,M\n');
    const error = await collect(readCsv(file)).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'spreadsheet.unreadableQuote', params: { row: 3 } });
    expect(Object.keys((error as { params: object }).params)).toEqual(['row']);
  });

  it('says a file that is not a workbook is not one', async () => {
    const file = path.join(tempDir(), 'fake.xlsx');
    writeFileSync(file, 'Surname,Sex\nWANG,M\n');
    await expect(openXlsx(file)).rejects.toMatchObject({ code: 'spreadsheet.notXlsx' });
  });
});

describe('column mapping', () => {
  it('suggests fields from English and Khmer headers', () => {
    expect(suggestMapping(PERSON_HEADERS)).toMatchObject({ surname: 0, givenNames: 1, sex: 2, birthDate: 3, nationality: 4, passportNo: 5, passportExpiry: 6, visaType: 7, room: 8, arrivedAt: 9 });
    expect(suggestMapping(['នាមត្រកូល', 'ភេទ', 'ថ្ងៃខែឆ្នាំកំណើត', 'សញ្ជាតិ', 'លេខលិខិតឆ្លងដែន'])).toEqual({ surname: 0, sex: 1, birthDate: 2, nationality: 3, passportNo: 4 });
  });
});

describe('row checks', () => {
  const mapping = suggestMapping(PERSON_HEADERS);
  it('accepts a good row and normalises dates', () => {
    expect(normaliseDate('31/12/1980')).toBe('1980-12-31');
    expect(normaliseDate('45000')).toBe('2023-03-15');
    const plan = planRow(2, personRow(1), mapping, { kind: 'persons' });
    expect(Array.isArray(plan)).toBe(false);
  });
  it('names the row and the field of each problem', () => {
    const bad = personRow(2);
    bad[3] = '1980-02-30';
    bad[5] = '';
    const plan = planRow(7, bad, mapping, { kind: 'stays', premisesId: 'x' });
    expect(plan).toEqual(expect.arrayContaining([
      { code: 'spreadsheet.row.invalid', params: { row: 7, field: 'birthDate', value: '1980-02-30' } },
      { code: 'spreadsheet.row.missing', params: { row: 7, field: 'passportNo' } },
    ]));
  });
});
