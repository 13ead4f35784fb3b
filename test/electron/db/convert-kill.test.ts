import { spawn } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connect, fileState, openDatabase } from '../../../electron/db/open.js';
import { tempDir } from '../../helpers/db.js';

const CHILD = path.join(__dirname, 'convert-child.ts');
/** A plain register written by the schema-30 release (the version before encryption). */
const RELEASED = path.resolve(__dirname, '../../fixtures/db/schema-30.db');
const PAUSE_MS = 150;

/** Runs the conversion in a child, killed `killAfter` ms after it started (never, when null). Returns ms it ran. */
function runChild(file: string, killAfter: number | null): Promise<{ ms: number; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BANHCHI_TEST_CONVERT_PAUSE_MS: String(PAUSE_MS) },
    });
    let readyAt = 0;
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (!readyAt && d.toString().includes('ready')) {
        readyAt = Date.now();
        if (killAfter !== null) setTimeout(() => child.kill('SIGKILL'), killAfter);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`child failed (${code}): ${err}`));
      else resolve({ ms: Date.now() - readyAt, killed: signal === 'SIGKILL' });
    });
  });
}

function counts(file: string, key: 'plain' | Buffer) {
  const db = connect(file, key, { readonly: true });
  try {
    return ['person', 'stay', 'premises', 'change_log'].map((t) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number);
  } finally {
    db.close();
  }
}

describe('converting a plain database: killing the process mid-way loses nothing', () => {
  it('leaves the plain file whole or the encrypted one whole, 12 times, and the next start finishes the job', async () => {
    const dir = tempDir();
    const expected = counts(RELEASED, 'plain');
    expect(expected[0]).toBeGreaterThan(0);

    const full = path.join(dir, 'full.db');
    copyFileSync(RELEASED, full);
    const { ms: duration } = await runChild(full, null);
    expect(fileState(full)).toBe('encrypted');

    const seen = { plain: 0, encrypted: 0 };
    for (let i = 0; i < 12; i += 1) {
      const file = path.join(dir, `k${i}.db`);
      copyFileSync(RELEASED, file);
      // Spread over the whole conversion (three pauses of PAUSE_MS between its steps), a few just after it.
      await runChild(file, Math.floor((duration * (i + 0.5)) / 11));
      const state = fileState(file);
      expect(['plain', 'encrypted']).toContain(state);
      seen[state as 'plain' | 'encrypted'] += 1;
      if (state === 'plain') expect(counts(file, 'plain')).toEqual(expected);
      // The next start converts (again, or not at all) and finds every record.
      const db = openDatabase(file);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
      expect(fileState(file)).toBe('encrypted');
      expect(existsSync(`${file}.encrypting`)).toBe(false);
      const again = openDatabase(file);
      expect(['person', 'stay', 'premises'].map((t) => again.prepare(`SELECT count(*) FROM ${t}`).pluck().get())).toEqual(expected.slice(0, 3));
      again.close();
    }
    // The kills landed both before and after the rename.
    expect(seen.plain).toBeGreaterThan(0);
    expect(seen.encrypted).toBeGreaterThan(0);
  }, 240_000);
});
