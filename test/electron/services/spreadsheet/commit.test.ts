import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../../electron/services/spreadsheet/mapping.js';
import { tempDir, testBackend } from '../../../helpers/db.js';
import { PERSON_HEADERS, personRow, toCsv, writeXlsx, writeXlsxStream } from '../../../helpers/sheets.js';

const mapping = suggestMapping(PERSON_HEADERS);
const count = (t: ReturnType<typeof testBackend>, table: string) => Number(t.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());

describe('spreadsheet import: commit', () => {
  it('stores the same persons from CSV and XLSX, and a second import finds them registered', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => personRow(i));
    const dir = tempDir();
    writeFileSync(path.join(dir, 'p.csv'), toCsv([PERSON_HEADERS, ...rows]));
    writeXlsx(path.join(dir, 'p.xlsx'), [PERSON_HEADERS, ...rows]);
    const snapshot = async (file: string) => {
      const t = testBackend();
      const result = await t.ok('spreadsheet.import', { source: { path: file }, target: { kind: 'persons' }, mapping });
      expect(result).toMatchObject({ status: 'imported', rows: 40, personsCreated: 40 });
      const again = await t.ok('spreadsheet.import', { source: { path: file }, target: { kind: 'persons' }, mapping });
      expect(again).toMatchObject({ personsCreated: 0, personsExisting: 40 });
      return t.db.prepare('SELECT surname, given_names, sex, birth_date, nationality, passport_no, passport_expiry FROM person ORDER BY passport_no').all();
    };
    expect(await snapshot(path.join(dir, 'p.xlsx'))).toEqual(await snapshot(path.join(dir, 'p.csv')));
  });

  it('cancelled while saving leaves nothing', async () => {
    const t = testBackend();
    const file = path.join(tempDir(), 'big.csv');
    writeFileSync(file, toCsv([PERSON_HEADERS, ...Array.from({ length: 3000 }, (_, i) => personRow(i))]));
    const jobId = uuidv4();
    const before = count(t, 'change_log');
    const stop = t.backend.onProgress((e) => {
      if (e.stage === 'progress.saving' && e.done >= 1000) void t.call('jobs.cancel', { jobId });
    });
    const result = await t.call('spreadsheet.import', { source: { path: file }, target: { kind: 'persons' }, mapping, jobId });
    stop();
    expect(result.ok || result.error.code).toBe('job.cancelled');
    expect(count(t, 'person')).toBe(0);
    expect(count(t, 'change_log')).toBe(before);
  });

  it('imports a generated 100,000-row XLSX', async () => {
    const t = testBackend();
    const file = path.join(tempDir(), 'huge.xlsx');
    await writeXlsxStream(file, PERSON_HEADERS, 100_000, personRow);
    const started = Date.now();
    const result = await t.ok('spreadsheet.import', { source: { path: file }, target: { kind: 'persons' }, mapping });
    expect(result.personsCreated).toBe(100_000);
    expect(count(t, 'person')).toBe(100_000);
    console.log(`100k-row XLSX import: ${Date.now() - started} ms`);
  }, 300_000);
});
