import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../electron/cli/program.js';
import { tempDir } from '../../helpers/db.js';
import { addDemo, enrol, exportOne, makeOffice, PASS } from './world.js';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await runCli(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** The recipe in docs/bundle-format.md, "Recovering a bundle by hand", taken from the document itself. */
function recipe(): string {
  const doc = readFileSync(path.resolve(__dirname, '../../../docs/bundle-format.md'), 'utf8');
  const section = doc.slice(doc.indexOf('### Recovering a bundle by hand'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('recipe not found');
  return block.split('\n').filter((line) => line.trim() && !line.startsWith('banhchi ') && !line.startsWith('F=')).join('\n');
}

describe('recovering a bundle by hand with age', () => {
  it('`keys identity` writes an identity file after the passphrase, and the documented age recipe reads the bundle', async () => {
    const national = await makeOffice('national', 'National', null);
    const province = await makeOffice('province', 'Province', national);
    await enrol(national, [province]);
    addDemo(province, 2, 3);
    const bundle = await exportOne(province);
    const dir = tempDir();
    const identity = path.join(dir, 'national.identity');

    process.env.BANHCHI_PASSPHRASE = 'wrong passphrase';
    const refused = await cli('keys', 'identity', '--db', national.file, '--out', identity);
    expect(refused.code).toBe(1);
    expect(() => statSync(identity)).toThrow();

    process.env.BANHCHI_PASSPHRASE = PASS;
    const written = await cli('keys', 'identity', '--db', national.file, '--out', identity);
    expect(written.code, written.err).toBe(0);
    expect(written.out).toContain('age -d -i');
    expect(statSync(identity).mode & 0o777).toBe(0o600);
    expect(readFileSync(identity, 'utf8')).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/m);
    const again = await cli('keys', 'identity', '--db', national.file, '--out', identity, '--lang', 'km');
    expect(again.code).toBe(1);
    expect(again.err).toContain('មានរួចហើយ');
    delete process.env.BANHCHI_PASSPHRASE;

    const script = `set -euo pipefail\ncd "${dir}"\nF="${bundle}"\n${recipe()}\n`;
    const manifest = JSON.parse(execFileSync('bash', ['-c', script], { encoding: 'utf8' })) as { recordCount: number; sender: string };
    expect(manifest.sender).toBe(province.id);
    const lines = readFileSync(path.join(dir, 'records.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { entity: string; origin: string });
    expect(lines).toHaveLength(manifest.recordCount);
    expect(lines.filter((l) => l.entity === 'person')).toHaveLength(6);
    expect(new Set(lines.map((l) => l.origin))).toEqual(new Set([province.id]));
  }, 120_000);
});
