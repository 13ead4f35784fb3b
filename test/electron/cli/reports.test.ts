import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../electron/cli/program.js';
import { openDatabase } from '../../../electron/db/open.js';
import { GAZETTEER_CSV, tempDir } from '../../helpers/db.js';

const BIN = path.resolve(__dirname, '../../../bin/banhchi.mjs');
const spawned = (...args: string[]) => execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

/** The same program in this process (a process per command is slow on a busy machine): exit code, stdout, stderr. */
async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await runCli(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}
const cli = async (...args: string[]) => {
  const r = await run(...args);
  if (r.code !== 0) throw new Error(r.stderr);
  return r.stdout;
};
const TODAY = '2026-03-01';

describe('banhchi report', () => {
  it('lists the reports and prints one as JSON, CSV and XLSX with the counts in the database', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'demo.db');
    spawned('demo', '--db', db, '--persons', '400', '--today', TODAY, '--gazetteer', GAZETTEER_CSV, '--json');

    const list = JSON.parse(await cli('report', 'list', '--db', db, '--json')) as { name: string }[];
    expect(list.map((r) => r.name)).toEqual(expect.arrayContaining(['foreigners-by-nationality', 'timeliness', 'pledges']));
    expect(await cli('report', 'list', '--db', db, '--lang', 'km')).toContain('ជនបរទេសកំពុងស្នាក់នៅ តាមសញ្ជាតិ');

    const json = JSON.parse(await cli('report', 'foreigners-by-nationality', '--db', db, '--today', TODAY, '--format', 'json'));
    const direct = openDatabase(db, { readonly: true });
    const expected = direct.prepare(`SELECT CASE p.nationality WHEN 'D' THEN 'DEU' ELSE p.nationality END AS k, count(*) AS n
      FROM stay s JOIN person p ON p.id = s.person_id WHERE s.departed_on IS NULL GROUP BY k`).all() as { k: string; n: number }[];
    const byProvince = direct.prepare(`SELECT substr(pr.commune_code, 1, 2) AS k, count(*) AS n FROM stay s JOIN premises pr ON pr.id = s.premises_id
      WHERE s.departed_on IS NULL GROUP BY k`).all() as { k: string; n: number }[];
    direct.close();
    const rows = json.tables[0].rows as { key: string; cells: number[] }[];
    expect(Object.fromEntries(rows.map((r) => [r.key, r.cells[0]]))).toEqual(Object.fromEntries(expected.map((r) => [r.k, r.n])));

    const csv = await cli('report', 'foreigners-by-unit', '--db', db, '--today', TODAY, '--format', 'csv');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe('"Foreigners staying, by administrative unit"');
    const first = byProvince.sort((a, b) => b.n - a.n || a.k.localeCompare(b.k))[0]!;
    expect(lines[4]).toBe('Administrative unit,Foreigners staying,Share');
    expect(lines[5]).toMatch(new RegExp(`,${first.n},`));

    const out = path.join(dir, 'timeliness.xlsx');
    await cli('report', 'timeliness', '--db', db, '--today', TODAY, '--format', 'xlsx', '--out', out, '--lang', 'km');
    const timely = JSON.parse(await cli('report', 'timeliness', '--db', db, '--today', TODAY));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['តាមអង្គភាពរដ្ឋបាល', 'តាមខែមកដល់']);
    for (const [index, sheet] of book.worksheets.entries()) {
      const table = timely.tables[index] as { rows: { cells: number[] }[]; total: number[] };
      // Rows 1–3 title, scope, table title; 4 headings; then the data and the total.
      expect(sheet.getRow(4).getCell(2).value).toBe('ការស្នាក់នៅដែលបានរាយការណ៍');
      table.rows.forEach((row, i) => expect(sheet.getRow(5 + i).values).toEqual([undefined, expect.any(String), ...row.cells]));
      expect(sheet.getRow(5 + table.rows.length).getCell(2).value).toBe(table.total[0]);
      expect(sheet.getColumn(5).numFmt).toBe('0.0%');
    }

    // The PDF in Khmer: the official heading, the title, and the total of stays reported in Khmer digits (text as pdftotext reads it).
    const pdf = path.join(dir, 'timeliness.pdf');
    await cli('report', 'timeliness', '--db', db, '--today', TODAY, '--format', 'pdf', '--out', pdf, '--lang', 'km');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('ព្រះរាជាណាចក្រកម្ពុជា');
    expect(text).toContain('ការស្នាក់នៅដែលបានរាយការណ៍ក្នុងរយៈពេល ២៤ ម៉ោងក្រោយមកដល់');
    const reported = (timely.tables[0] as { total: number[] }).total[0]!;
    expect(text).toContain(reported.toLocaleString('en-US').replace(/[0-9]/g, (d) => '០១២៣៤៥៦៧៨៩'[Number(d)]!));
  });

  it('says what is wrong with a filter in the chosen language, and exits 1', async () => {
    const db = path.join(tempDir(), 'empty.db');
    const refused = (await run('report', 'pledges', '--db', db, '--nationality', 'CHN', '--lang', 'km'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('មិនអាចកំណត់ត្រឹមសញ្ជាតិមួយបានទេ');
    expect(refused.stdout).toBe('');
  });
});
