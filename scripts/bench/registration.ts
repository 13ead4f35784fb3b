/**
 * Registration benchmark: `npx tsx scripts/bench/registration.ts [--sizes 100000,1000000]`.
 * Each size runs in its own process (so peak RSS is that size's own): a demo register made through the
 * service and the change-log write path, against plain prepared inserts of the same record rows in one
 * transaction; search and list timings through the backend against the bare SQL query on the same file.
 * Writes the table into docs/benchmarks.md between registration markers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_OPERATOR } from '../../shared/actor.js';
import { createLocalBackend } from '../../electron/backend/backend.js';
import { keyFromEnvironment } from '../../electron/db/db-key.js';
import { connect, openDatabase } from '../../electron/db/open.js';
import { matchExpression } from '../../electron/db/search.js';
import '../bench-data/key.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GAZETTEER = path.resolve(ROOT, '../shared/data/cambodia-admin-units.csv');
const TABLES = ['premises', 'owner', 'premises_owner', 'person', 'stay', 'employer', 'employment'];
const TODAY = '2026-03-01';

interface Result { size: number; figures: [string, number, number, string][] }

const arg = (name: string) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : undefined; };
const pct = (values: number[], p: number) => { const s = [...values].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!; };
const time = (run: () => unknown) => { const t = performance.now(); run(); return performance.now() - t; };
let peakRss = 0;
const sampleRss = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };

async function one(size: number): Promise<Result> {
  const dir = mkdtempSync(path.join(tmpdir(), 'banhchi-bench-'));
  try {
    const file = path.join(dir, 'register.db');
    const db = openDatabase(file);
    const backend = createLocalBackend(db);
    const call = async (op: string, input: unknown) => {
      const r = await backend.call(op, input, LOCAL_OPERATOR);
      if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
      return r.value as Record<string, unknown>;
    };
    await call('gazetteer.import', { fileName: 'units.csv', csv: readFileSync(GAZETTEER, 'utf8') });
    backend.onProgress(sampleRss);
    peakRss = 0;
    const t0 = performance.now();
    await call('registration.demo', { persons: size, today: TODAY, jobId: '00000000-0000-4000-8000-000000000001' });
    const demoMs = performance.now() - t0;
    const demoRss = peakRss;

    // Bare: the same record rows, plain prepared inserts, one transaction, same schema (no change log, no search index).
    const bareFile = path.join(dir, 'bare.db');
    openDatabase(bareFile).close();
    const bare = connect(bareFile, keyFromEnvironment()!);
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = NORMAL');
    peakRss = 0;
    let rows = 0;
    const bareMs = time(() => bare.transaction(() => {
      for (const table of TABLES) {
        const cols = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
        const insert = bare.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
        for (const row of db.prepare(`SELECT * FROM ${table}`).raw().iterate()) {
          insert.run(...(row as unknown[]));
          if (++rows % 20_000 === 0) sampleRss();
        }
      }
    })());
    const bareRss = peakRss;

    // Search: names, passport numbers and prefixes through the backend vs the bare FTS query.
    const sample = db.prepare('SELECT surname, given_names, passport_no FROM person ORDER BY random() LIMIT 200').all() as { surname: string; given_names: string; passport_no: string }[];
    const queries = {
      names: sample.map((p) => `${p.given_names.split(' ')[0]} ${p.surname}`),
      passports: sample.map((p) => p.passport_no),
      prefixes: sample.map((p) => `${p.surname.slice(0, 3).toLowerCase()} ${p.given_names.slice(0, 2).toLowerCase()}`),
    };
    const bareSearch = db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid LIMIT 21');
    const figures: Result['figures'] = [];
    const demoRate = (size / demoMs) * 1000;
    const bareRate = (size / bareMs) * 1000;
    figures.push(['demo insert (persons/s; bare: same rows, plain inserts)', demoRate, bareRate, 'higher is better']);
    for (const [kind, list] of Object.entries(queries)) {
      const service: number[] = [];
      const raw: number[] = [];
      for (const query of list) {
        const t = performance.now();
        await call('persons.search', { query, limit: 20 });
        service.push(performance.now() - t);
        const expression = matchExpression(query)!;
        raw.push(time(() => bareSearch.all(expression)));
      }
      figures.push([`search ${kind} p50 (ms)`, pct(service, 50), pct(raw, 50), ''], [`search ${kind} p95 (ms)`, pct(service, 95), pct(raw, 95), 'target < 30 at 1M']);
    }
    // List: 100 consecutive pages of 50 foreigners in name order.
    const listTimes: number[] = [];
    let cursor: unknown = null;
    for (let i = 0; i < 100; i++) {
      const t = performance.now();
      const page = await call('persons.list', { limit: 50, cursor });
      listTimes.push(performance.now() - t);
      cursor = page.nextCursor;
    }
    const bareList = db.prepare('SELECT id, surname, given_names FROM person WHERE merged_into IS NULL AND (surname, given_names, id) > (?, ?, ?) ORDER BY surname, given_names, id LIMIT 51');
    const rawList: number[] = [];
    let key: [string, string, string] = ['', '', ''];
    for (let i = 0; i < 100; i++) {
      const t = performance.now();
      const page = bareList.all(...key) as { id: string; surname: string; given_names: string }[];
      rawList.push(performance.now() - t);
      const last = page[49]!;
      key = [last.surname, last.given_names, last.id];
    }
    figures.push(['list page of 50 p50 (ms)', pct(listTimes, 50), pct(rawList, 50), ''], ['list page of 50 p95 (ms)', pct(listTimes, 95), pct(rawList, 95), '']);
    db.pragma('wal_checkpoint(TRUNCATE)');
    bare.pragma('wal_checkpoint(TRUNCATE)');
    figures.push(['bytes on disk per foreigner', statSync(file).size / size, statSync(bareFile).size / size, 'bare has no change log or search index']);
    figures.push(['peak RSS (MiB)', demoRss / 1048576, bareRss / 1048576, '']);
    await backend.close();
    bare.close();
    return { size, figures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const NOTES = 'Banhchi: `registration.demo` through the backend boundary, services and the change-log write path, with the FTS5 search index; bare: the same record rows (7 tables) copied with plain prepared INSERTs into the same schema in one transaction, without change log or search index. Search: 200 random foreigners each, through `persons.search` vs the bare `search_fts MATCH` on the same file. List: 100 consecutive keyset pages of `persons.list` vs the bare index query. Measured on 2 shared cores while other test suites ran: timings are noisy.';

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));

function table(results: Result[]): string {
  const lines = ['| foreigners | figure | Banhchi | bare SQLite | ratio | note |', '|---:|---|---:|---:|---:|---|'];
  for (const r of results) {
    for (const [name, ours, bare, note] of r.figures) lines.push(`| ${r.size.toLocaleString('en-US')} | ${name} | ${fmt(ours)} | ${fmt(bare)} | ${(ours / bare).toFixed(2)} | ${note} |`);
  }
  return lines.join('\n');
}

if (arg('--one')) {
  process.stdout.write(`${JSON.stringify(await one(Number(arg('--one'))))}\n`);
} else {
  const sizes = (arg('--sizes') ?? '100000,1000000').split(',').map(Number);
  const results: Result[] = [];
  for (const size of sizes) {
    const out = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--one', String(size)], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
    results.push(JSON.parse(out.trim().split('\n').pop()!) as Result);
  }
  const command = `npm run bench -- --sizes ${sizes.join(',')}`;
  const section = `<!-- registration:start -->\n## Registration\n\n\`${command}\` (${new Date().toISOString().slice(0, 10)}, ${process.platform}, Node ${process.version})\n\n${NOTES}\n\n${table(results)}\n<!-- registration:end -->`;
  process.stdout.write(`${section}\n`);
  const doc = path.join(ROOT, 'docs/benchmarks.md');
  const current = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Benchmarks\n';
  const marked = /<!-- registration:start -->[\s\S]*<!-- registration:end -->/;
  writeFileSync(doc, marked.test(current) ? current.replace(marked, section) : `${current.trimEnd()}\n\n${section}\n`);
}
