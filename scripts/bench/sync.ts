/**
 * Sync database benchmark: `npx tsx scripts/bench/sync.ts [changes…]` (default 10,000 and 100,000).
 * Export of N changes from a commune, import at its province (verify, stage, apply in one
 * transaction), against a bare-SQLite insert of the same rows. Target: import ≥ 1/3 of bare rate.
 * The import runs in a child process (scripts/bench/sync-import-child.ts) so its peak resident memory
 * above the idle process is its own; target: flat in the bundle size, within 30 MiB.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { LOCAL_OPERATOR } from '../../shared/actor.js';
import { createLocalBackend, type Backend } from '../../electron/backend/backend.js';
import { insertRecord, type Row } from '../../electron/db/changes.js';
import { officeEntity } from '../../electron/db/office.js';
import { openDatabase, type Database } from '../../electron/db/open.js';
import { syncedEntity } from '../../electron/sync/entities.js';
import '../bench-data/key.js';

process.env.BANHCHI_KEY_WORK_FACTOR = '10';
const PASS = 'bench passphrase';
const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'sync-import-child.ts');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const root = mkdtempSync(join(tmpdir(), 'banhchi-sync-bench-'));

interface Office {
  id: string;
  file: string;
  db: Database;
  backend: Backend;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bench glue over many ops
  call: (op: string, input: unknown) => Promise<any>;
}

async function office(name: string, level: 'commune' | 'province' | 'national', parent: Office | null): Promise<Office> {
  const file = join(root, `${name}-${uuidv7()}.db`);
  const db = openDatabase(file);
  const id = uuidv7();
  insertRecord({ db, actor: LOCAL_OPERATOR, originOffice: id }, officeEntity, id, { level, unit_code: '12', name, created_at: '2026-01-01T00:00:00Z' });
  const backend = createLocalBackend(db);
  const call = async (op: string, input: unknown) => {
    const r = await backend.call(op, input, LOCAL_OPERATOR);
    if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  await call('sync.keysCreate', { passphrase: PASS, parentOfficeId: parent?.id ?? null });
  return { id, file, db, backend, call };
}

function demo(o: Office, changes: number): void {
  const person = syncedEntity(o.db, 'person')?.spec;
  const stay = syncedEntity(o.db, 'stay')?.spec;
  if (!person || !stay) throw new Error('registration tables missing');
  const premises = syncedEntity(o.db, 'premises')?.spec;
  if (!premises) throw new Error('premises table missing');
  const ctx = { db: o.db, actor: LOCAL_OPERATOR, originOffice: o.id };
  const premisesId = uuidv7();
  o.db.transaction(() => {
    insertRecord(ctx, premises, premisesId, {
      name_latin: 'Bench Guesthouse', type: 'guesthouse', province_code: '12', district_code: '1201', commune_code: '120101',
      pledge_status: 'none', created_at: '2026-01-02T00:00:00Z',
    });
    for (let i = 0; i < changes / 2; i += 1) {
      const id = uuidv7();
      const passport = `P${String(i).padStart(9, '0')}`;
      insertRecord(ctx, person, id, {
        surname: `SURNAME${i % 997}`, given_names: 'ANNA MARIA', sex: i % 2 ? 'M' : 'F', birth_date: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
        nationality: 'FRA', passport_no: passport, issuing_state: 'FRA', passport_expiry: '2031-05-01', visa_expiry: '2026-12-01',
        source: 'demo', name_key: `anna maria surname${i % 997}`, passport_key: passport, created_at: '2026-01-02T00:00:00Z',
      });
      insertRecord(ctx, stay, uuidv7(), { person_id: id, premises_id: premisesId, room: String(i % 300), arrived_at: '2026-01-03T10:00:00Z', reported_at: '2026-01-03T12:00:00Z' });
    }
  })();
}

/** The same rows, straight into a fresh database: no change log, no checks. */
function bare(source: Database): { ms: number; rows: number } {
  const db = openDatabase(join(root, `bare-${uuidv7()}.db`));
  let rows = 0;
  const t = performance.now();
  db.transaction(() => {
    for (const table of ['person', 'stay']) {
      const all = source.prepare(`SELECT * FROM ${table}`).all() as Row[];
      const cols = Object.keys(all[0] ?? {});
      const insert = db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      for (const row of all) insert.run(...cols.map((c) => row[c]));
      rows += all.length;
    }
  })();
  const ms = performance.now() - t;
  db.close();
  return { ms, rows };
}

async function peakRss<T>(work: () => Promise<T>): Promise<[T, number, number]> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t = performance.now();
  const result = await work();
  const ms = performance.now() - t;
  clearInterval(timer);
  return [result, ms, Math.max(peak, process.memoryUsage().rss)];
}

const mib = (n: number) => `${(n / 1048576).toFixed(0)} MiB`;
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en');

const rows: string[] = [];
try {
  for (const n of sizes.length > 0 ? sizes : [10_000, 100_000]) {
    const national = await office('national', 'national', null);
    const province = await office('province', 'province', national);
    const commune = await office('commune', 'commune', province);
    for (const o of [province, commune]) await national.call('sync.directoryAdd', { card: (await o.call('sync.keyCard', { passphrase: PASS })).qrPayload });
    const nationalCard = await national.call('sync.keyCard', { passphrase: PASS });
    const { signed } = await national.call('sync.directorySign', { passphrase: PASS });
    for (const o of [province, commune]) {
      await o.call('sync.directoryAdd', { card: nationalCard.qrPayload });
      await o.call('sync.directoryImport', { fileName: 'directory.json', json: signed });
    }
    demo(commune, n);
    const dir = join(root, `out-${n}`);
    mkdirSync(dir);
    global.gc?.();
    const [exported, exportMs, exportRss] = await peakRss(() => commune.call('sync.export', { passphrase: PASS, dir }));
    await province.backend.close();
    const child = JSON.parse(execFileSync(process.execPath, [...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), '--expose-gc', '--import', 'tsx', CHILD, province.file, exported.files[0]], {
      encoding: 'utf8', env: { ...process.env, BANHCHI_PASSPHRASE: PASS }, maxBuffer: 1 << 20,
    })) as { status: string; error: unknown; before: number; peak: number; ms: number; method: string };
    if (child.status !== 'applied') throw new Error(JSON.stringify(child));
    if (process.env.BENCH_DEBUG) console.error(JSON.stringify(child));
    const importMs = child.ms;
    const baseline = bare(commune.db);
    const size = statSync(exported.files[0]).size;
    const ratio = (n / importMs) / (baseline.rows / baseline.ms);
    rows.push(
      `| ${n.toLocaleString('en')} | export (changes/s) | ${rate(n, exportMs)} | | | bundle ${mib(size)}, peak RSS ${mib(exportRss)} |`,
      `| ${n.toLocaleString('en')} | import: verify, stage, apply (changes/s) | ${rate(n, importMs)} | ${rate(baseline.rows, baseline.ms)} | ${ratio.toFixed(2)} | target ≥ 0.33 |`,
      `| ${n.toLocaleString('en')} | import peak memory above the idle process (child, ${child.method}) | +${mib(child.peak - child.before)} | | | target ≤ 30 MiB and flat; idle ${mib(child.before)}, peak ${mib(child.peak)} |`,
    );
    for (const o of [national, commune]) await o.backend.close();
  }
  console.log(`| changes | figure | Banhchi | bare SQLite insert | ratio | note |\n|---:|---|---:|---:|---:|---|\n${rows.join('\n')}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
