import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAZETTEER_CSV, tempDir } from '../../../helpers/db.js';

const BIN = path.resolve(__dirname, '../../../../bin/banhchi.mjs');
const cli = (...args: string[]) => execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('banhchi CLI: registration', () => {
  it('mrz parse --json reports fields and per-field check digits', () => {
    const ok = JSON.parse(cli('mrz', 'parse', 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10', '--json', '--today', '2026-03-01'));
    expect(ok).toMatchObject({ valid: true, fields: { surname: 'ERIKSSON', documentNumber: 'L898902C3', birthDate: '1974-08-12' } });
    const badRun = spawnSync(process.execPath, [BIN, 'mrz', 'parse', 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<11', '--json'], { encoding: 'utf8' });
    expect(badRun.status).toBe(1);
    const bad = JSON.parse(badRun.stdout);
    expect(bad.valid).toBe(false);
    expect(bad.checks.filter((c: { valid: boolean }) => !c.valid).map((c: { field: string }) => c.field)).toEqual(['composite']);
  });

  it('demo, search and stats on a fresh database', () => {
    const db = path.join(tempDir(), 'demo.db');
    const made = JSON.parse(cli('demo', '--db', db, '--persons', '300', '--today', '2026-03-01', '--gazetteer', GAZETTEER_CSV, '--json'));
    expect(made.persons).toBe(300);
    const stats = JSON.parse(cli('stats', '--db', db, '--today', '2026-03-01', '--json'));
    expect(stats).toMatchObject({ persons: 300, premises: made.premises, employmentsCurrent: made.employments });
    const someone = stats.byNationality[0].nationality as string;
    expect(someone).toMatch(/^[A-Z]{1,3}$/);
    const hits = JSON.parse(cli('search', '--db', db, 'hotel', '--json'));
    expect(hits.items.length).toBeGreaterThan(0);
    expect(hits.items.every((h: { entity: string }) => h.entity === 'premises')).toBe(true);
    const failed = spawnSync(process.execPath, [BIN, 'search', '--db', path.join(tempDir(), 'x', 'missing.db'), 'x'], { encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^banhchi: /);
  });
});
