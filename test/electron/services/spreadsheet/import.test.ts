import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../../electron/services/spreadsheet/mapping.js';
import { tempDir, testBackend } from '../../../helpers/db.js';
import { PERSON_HEADERS, personRow, toCsv, writeXlsx } from '../../../helpers/sheets.js';

const mapping = suggestMapping(PERSON_HEADERS);
const changeCount = (db: { prepare(sql: string): { pluck(): { get(): unknown } } }) =>
  Number(db.prepare('SELECT count(*) FROM change_log').pluck().get());

function sheet(rows: string[][], kind: 'csv' | 'xlsx' = 'csv'): string {
  const file = path.join(tempDir(), `people.${kind}`);
  if (kind === 'csv') writeFileSync(file, toCsv([PERSON_HEADERS, ...rows]));
  else writeXlsx(file, [PERSON_HEADERS, ...rows]);
  return file;
}

describe('spreadsheet import: checks', () => {
  it('reports every bad row with its number and reason, and stores nothing', async () => {
    const t = testBackend();
    const rows = Array.from({ length: 20 }, (_, i) => personRow(i));
    rows[4] = [...(rows[4] ?? [])];
    (rows[4] as string[])[3] = '31/02/1990';
    rows[9] = [...(rows[9] ?? [])];
    (rows[9] as string[])[5] = '';
    rows[12] = [...(rows[0] ?? [])];
    const before = changeCount(t.db);
    const result = await t.call('spreadsheet.import', { source: { path: sheet(rows) }, target: { kind: 'persons' }, mapping });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('spreadsheet.invalidRows');
    expect(result.error.params).toEqual({ count: 3, rows: 20 });
    expect(result.error.details).toEqual([
      { code: 'spreadsheet.row.invalid', params: { row: 6, field: 'birthDate', value: '1990-02-31' } },
      { code: 'spreadsheet.row.missing', params: { row: 11, field: 'passportNo' } },
      { code: 'spreadsheet.row.repeated', params: { row: 14, first: 2 } },
    ]);
    expect(changeCount(t.db)).toBe(before);
  });

  it('refuses a mapping without the required columns', async () => {
    const t = testBackend();
    const result = await t.call('spreadsheet.import', { source: { path: sheet([personRow(1)]) }, target: { kind: 'persons' }, mapping: { surname: 0 } });
    expect(result.ok || result.error.code).toBe('spreadsheet.unmapped');
  });

  it('inspects a file: header, preview and suggested mapping, from a chunked upload', async () => {
    const t = testBackend();
    const file = sheet(Array.from({ length: 30 }, (_, i) => personRow(i)), 'xlsx');
    const bytes = (await import('node:fs')).readFileSync(file);
    const half = Math.floor(bytes.length / 2);
    const first = await t.ok('spreadsheet.upload', { fileName: 'people.xlsx', offset: 0, base64: bytes.subarray(0, half).toString('base64') });
    const out = await t.call('spreadsheet.upload', { uploadId: first.uploadId, fileName: 'people.xlsx', offset: 1, base64: '' });
    expect(out.ok || out.error.code).toBe('spreadsheet.uploadOutOfOrder');
    await t.ok('spreadsheet.upload', { uploadId: first.uploadId, fileName: 'people.xlsx', offset: half, base64: bytes.subarray(half).toString('base64') });
    const info = await t.ok('spreadsheet.inspect', { source: { uploadId: first.uploadId } });
    expect(info).toMatchObject({ fileName: 'people.xlsx', kind: 'xlsx', sheets: ['Foreigners'], headers: PERSON_HEADERS });
    expect(info.preview).toHaveLength(10);
    expect(info.preview[0]).toEqual({ row: 2, cells: personRow(0) });
    expect(info.suggested).toEqual(mapping);
    const dry = await t.ok('spreadsheet.import', { source: { uploadId: first.uploadId }, target: { kind: 'persons' }, mapping, dryRun: true });
    expect(dry).toMatchObject({ status: 'valid', rows: 30 });
    expect((await t.call('spreadsheet.inspect', { source: { uploadId: uuidv4() } })).ok).toBe(false);
  });

  it('is cancelled while reading, storing nothing', async () => {
    const t = testBackend();
    const jobId = uuidv4();
    const before = changeCount(t.db);
    const stop = t.backend.onProgress((event) => {
      if (event.jobId === jobId) void t.call('jobs.cancel', { jobId });
    });
    const rows = Array.from({ length: 20_000 }, (_, i) => personRow(i));
    const result = await t.call('spreadsheet.import', { source: { path: sheet(rows) }, target: { kind: 'persons' }, mapping, jobId });
    stop();
    expect(result.ok || result.error.code).toBe('job.cancelled');
    expect(changeCount(t.db)).toBe(before);
  });
});
