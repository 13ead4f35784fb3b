import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../electron/cli/program.js';
import { GAZETTEER_CSV, tempDir } from '../../helpers/db.js';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await runCli(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

async function ok(...args: string[]): Promise<string> {
  const r = await cli(...args);
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.err}`);
  return r.out;
}

afterEach(() => {
  delete process.env.BANHCHI_PASSPHRASE;
});

describe('banhchi keys / directory / bundle / receipt', () => {
  it('carries a commune register to its province from the command line', async () => {
    process.env.BANHCHI_PASSPHRASE = 'a long cli passphrase';
    process.env.BANHCHI_KEY_WORK_FACTOR = '10';
    const dir = tempDir();
    const db = (name: string) => path.join(dir, `${name}.db`);
    const id = async (name: string) => (JSON.parse(await ok('info', '--db', db(name), '--json')) as { office: { id: string } }).office.id;
    await ok('init', '--db', db('n'), '--level', 'national', '--unit', '00', '--name', 'National');
    await ok('init', '--db', db('p'), '--level', 'province', '--unit', '12', '--name', 'Phnom Penh');
    await ok('gazetteer', 'import', GAZETTEER_CSV, '--db', db('c'));
    await ok('init', '--db', db('c'), '--level', 'commune', '--unit', '120101', '--name', 'Commune');
    await ok('keys', 'init', '--db', db('n'));
    await ok('keys', 'init', '--db', db('p'), '--parent', await id('n'));
    await ok('keys', 'init', '--db', db('c'), '--parent', await id('p'));
    for (const name of ['n', 'p', 'c']) await ok('keys', 'export-public', '--db', db(name), '--out', path.join(dir, `${name}.card`));
    await ok('directory', 'add', '--db', db('n'), path.join(dir, 'p.card'));
    await ok('directory', 'add', '--db', db('n'), path.join(dir, 'c.card'));
    expect(await ok('directory', 'sign', '--db', db('n'))).toContain('version 1');
    await ok('directory', 'export', '--db', db('n'), '--out', path.join(dir, 'dir.json'));
    for (const name of ['p', 'c']) {
      await ok('directory', 'add', '--db', db(name), path.join(dir, 'n.card'));
      await ok('directory', 'import', '--db', db(name), path.join(dir, 'dir.json'));
    }
    await ok('keys', 'card', '--db', db('c'), '--out', path.join(dir, 'card.pdf'));
    expect(readFileSync(path.join(dir, 'card.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    await ok('demo', '--db', db('c'), '--persons', '20');
    const usb = path.join(dir, 'usb');
    const file = (await ok('bundle', 'export', '--db', db('c'), '--out', usb)).trim();
    expect(path.basename(file)).toMatch(/^banhchi-[0-9a-f-]+\.bchb$/);
    expect(await ok('bundle', 'inspect', file)).toContain('sequence: 1');
    expect(await ok('bundle', 'import', '--db', db('p'), '--dry-run', file)).toContain('person: +20');
    expect(await ok('bundle', 'import', '--db', db('p'), usb)).toContain('bundle 1 applied');
    const receipts = readdirSync(usb).map((n) => path.join(usb, n)).filter((f) => f !== file);
    expect(receipts).toHaveLength(1);
    // The province's receipt sits on the same stick: importing the folder again leaves it alone.
    expect(await ok('bundle', 'import', '--db', db('p'), usb)).toContain('already imported');
    expect(await ok('receipt', 'import', '--db', db('c'), ...receipts)).toContain('acknowledged');
    expect(await ok('bundle', 'export', '--db', db('c'), '--out', usb)).toContain('Nothing to send');

    const junk = path.join(dir, 'junk.bchb');
    writeFileSync(junk, 'not a bundle');
    const bad = await cli('bundle', 'import', '--db', db('p'), junk);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('junk.bchb');
    expect(bad.err).toContain('1 file(s) were rejected');
    delete process.env.BANHCHI_PASSPHRASE;
  }, 60_000);
});
