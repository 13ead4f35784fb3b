import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open.js';
import { tempDir } from '../../helpers/db.js';
import { addDemo, enrol, exportOne, importAll, makeOffice, PASS } from './world.js';

const CHILD = path.join(__dirname, 'import-child.ts');

/** Runs the import in a child; kills it `killAfter` ms after it is ready (never, when null). Returns ms from ready to exit. */
function runChild(db: string, bundle: string, killAfter: number | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, bundle, PASS], { stdio: ['ignore', 'pipe', 'pipe'] });
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
      else resolve(Date.now() - readyAt);
    });
  });
}

describe('sync: killing the importing process', () => {
  it('leaves the bundle fully applied or not at all, 50 times', async () => {
    const national = await makeOffice('national', 'National', null);
    const province = await makeOffice('province', 'Province', national);
    const commune = await makeOffice('commune', 'Commune', province);
    await enrol(national, [province, commune]);
    addDemo(commune, 20, 20);
    const bundle = await exportOne(commune);
    const persons = commune.db.prepare('SELECT count(*) FROM person').pluck().get() as number;
    province.db.pragma('wal_checkpoint(TRUNCATE)');
    await province.backend.close();
    const dir = tempDir();
    const template = path.join(dir, 'template.db');
    copyFileSync(province.file, template);

    const full = path.join(dir, 'full.db');
    copyFileSync(template, full);
    const duration = await runChild(full, bundle, null);

    const outcomes = { applied: 0, none: 0 };
    for (let i = 0; i < 50; i += 1) {
      const file = path.join(dir, `k${i}.db`);
      copyFileSync(template, file);
      await runChild(file, bundle, Math.floor(duration * (0.3 + Math.random() * 0.8)));
      const db = openDatabase(file);
      expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      const seq = db.prepare('SELECT coalesce(max(last_seq), 0) FROM sync_peer').pluck().get() as number;
      const count = db.prepare('SELECT count(*) FROM person').pluck().get() as number;
      const received = db.prepare('SELECT count(*) FROM sync_received').pluck().get() as number;
      if (seq === 1) {
        expect([count, received]).toEqual([persons, 1]);
        outcomes.applied += 1;
      } else {
        expect([seq, count, received]).toEqual([0, 0, 0]);
        outcomes.none += 1;
      }
      db.close();
      const again = openDatabase(file);
      const { createLocalBackend } = await import('../../../electron/backend/backend.js');
      const office = { ...province, db: again, backend: createLocalBackend(again) };
      office.ok = async (op, input) => {
        const result = await office.backend.call(op, input, { id: 'test', kind: 'cli' });
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        return result.value as never;
      };
      const [result] = await importAll(office, [bundle]);
      expect(['applied', 'already']).toContain(result?.status);
      expect(again.prepare('SELECT count(*) FROM person').pluck().get()).toBe(persons);
      await office.backend.close();
    }
    console.log(`kill test: import ${duration} ms; outcomes`, outcomes);
    expect(outcomes.applied + outcomes.none).toBe(50);
    // 51 child processes and 50 imports: about 6.5 min alone at load 6 on 2 cores, more beside the other test files.
  }, 1_200_000);
});
