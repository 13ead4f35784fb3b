import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAZETTEER_CSV, tempDir } from '../../helpers/db.js';

const ROOT = path.resolve(__dirname, '../../..');

function banhchi(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/banhchi.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('banhchi CLI', () => {
  it('sets up an office, imports the gazetteer and reports it with info --json', () => {
    const db = path.join(tempDir(), 'office.db');
    const init = banhchi('init', '--db', db, '--level', 'province', '--unit', '12', '--name', 'Phnom Penh Immigration', '--json');
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ level: 'province', unitCode: '12', name: 'Phnom Penh Immigration' });

    const imported = banhchi('gazetteer', 'import', '--db', db, GAZETTEER_CSV, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ status: 'imported', total: 1874 });

    const info = banhchi('info', '--db', db, '--json');
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.stdout);
    expect(parsed.office.name).toBe('Phnom Penh Immigration');
    expect(parsed.schemaVersion).toBeGreaterThan(0);
    expect(parsed.counts.admin_unit).toBe(1874);
    expect(parsed.referenceVersions.map((v: { list: string }) => v.list)).toContain('gazetteer');
  });

  it('exits 1 with a one-line error on bad input', () => {
    const db = path.join(tempDir(), 'office.db');
    const unknownUnit = banhchi('init', '--db', db, '--level', 'commune', '--unit', '999999', '--name', 'Nowhere');
    expect(unknownUnit.code).toBe(1);
    expect(unknownUnit.stdout).toBe('');
    expect(unknownUnit.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknownUnit.stderr).toMatch(/^banhchi: /);
    expect(unknownUnit.stderr).not.toMatch(/\n\s+at /);

    const missingFile = banhchi('gazetteer', 'import', '--db', db, path.join(tempDir(), 'missing.csv'));
    expect(missingFile.code).toBe(1);
    expect(missingFile.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reports the line numbers of a bad CSV and stores nothing', () => {
    const dir = tempDir();
    const db = path.join(dir, 'office.db');
    const csv = path.join(dir, 'bad.csv');
    writeFileSync(csv, 'code,level,parent_code,type_km,type_latin,type_en,name_km,name_latin,name_en\n12,province,,ខេត្ត,Khaet,Province,ភ្នំពេញ,Phnom Penh,Phnom Penh\n1201,district,12,ខណ្ឌ,Khan,Section,Chamkar Mon,Chamkar Mon,Chamkar Mon\n120101,commune,1201,សង្កាត់,Sangkat,Quarter\n');
    const result = banhchi('gazetteer', 'import', '--db', db, csv);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\b3\b/);
    expect(result.stderr).toMatch(/\b4\b/);
    const info = JSON.parse(banhchi('info', '--db', db, '--json').stdout);
    expect(info.counts.admin_unit).toBe(25);
  });
});
