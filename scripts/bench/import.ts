/**
 * Spreadsheet import benchmark: `npx tsx scripts/bench/import.ts [--sizes 10000,100000]` (or `npm run bench -- --only import`).
 * For each size and format (CSV, XLSX) a child process (so peak RSS is that run's own) streams a generated sheet
 * to disk, imports it into a fresh database through `spreadsheet.import` (read and check every row, then the one
 * commit transaction through the change-log write path and the search index), then inserts the same person rows
 * into another fresh database with one plain prepared INSERT in one transaction: the bare baseline, same run.
 * Prints a markdown table (rows/s end to end and of the save phase alone, ratios, peak RSS) and writes it into
 * docs/benchmarks.md between import markers.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_OPERATOR } from '../../shared/actor.js';
import { createLocalBackend } from '../../electron/backend/backend.js';
import { keyFromEnvironment } from '../../electron/db/db-key.js';
import { connect, openDatabase } from '../../electron/db/open.js';
import { suggestMapping } from '../../electron/services/spreadsheet/mapping.js';
import { PERSON_HEADERS, personRow, toCsv, writeXlsxStream } from '../../test/helpers/sheets.js';
import '../bench-data/key.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const JOB = '00000000-0000-4000-8000-0000000000aa';

interface Run {
  size: number; kind: 'csv' | 'xlsx'; fileBytes: number;
  readMs: number; saveMs: number; totalMs: number; bareMs: number; peakRssMiB: number;
  /** CPU time (user + system) of the same phases: steadier than wall time on a machine doing other work. */
  readCpuMs: number; saveCpuMs: number; bareCpuMs: number;
  /** The rows the import wrote (person, change log, search index) inserted again as plain INSERTs: the floor. */
  writesMs: number; writesCpuMs: number;
}

/** This process's CPU time so far, in ms. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const arg = (name: string) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : undefined; };
const mib = (bytes: number) => bytes / 1048576;

async function writeCsvStream(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(toCsv([PERSON_HEADERS]));
  for (let i = 0; i < count; i += 1000) {
    const chunk = toCsv(Array.from({ length: Math.min(1000, count - i) }, (_, j) => personRow(i + j)));
    if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function one(size: number, kind: 'csv' | 'xlsx'): Promise<Run> {
  const dir = mkdtempSync(path.join(tmpdir(), 'banhchi-bench-import-'));
  try {
    const sheet = path.join(dir, `persons.${kind}`);
    if (kind === 'csv') await writeCsvStream(sheet, size);
    else await writeXlsxStream(sheet, PERSON_HEADERS, size, personRow);

    const file = path.join(dir, 'import.db');
    const db = openDatabase(file);
    const backend = createLocalBackend(db);
    let peak = 0;
    let saveStarted = 0;
    let saveStartedCpu = 0;
    backend.onProgress((event) => {
      peak = Math.max(peak, process.memoryUsage().rss);
      if (event.stage === 'progress.saving' && saveStarted === 0) {
        saveStarted = performance.now();
        saveStartedCpu = cpuMs();
      }
    });
    const t0 = performance.now();
    const t0Cpu = cpuMs();
    const result = await backend.call('spreadsheet.import', {
      source: { path: sheet }, target: { kind: 'persons' }, mapping: suggestMapping(PERSON_HEADERS), jobId: JOB,
    }, LOCAL_OPERATOR);
    const end = performance.now();
    const endCpu = cpuMs();
    if (!result.ok) throw new Error(`spreadsheet.import: ${JSON.stringify(result.error)}`);
    const created = (result.value as { personsCreated: number }).personsCreated;
    if (created !== size) throw new Error(`imported ${created} of ${size} rows`);
    // The kernel's high-water mark catches what progress sampling misses (e.g. the commit of the transaction).
    peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);

    // Bare: the same person rows, one plain prepared INSERT, one transaction, same schema and indexes.
    const bareFile = path.join(dir, 'bare.db');
    openDatabase(bareFile).close();
    const bare = connect(bareFile, keyFromEnvironment()!);
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = NORMAL');
    const rows = db.prepare('SELECT * FROM person').raw().all() as unknown[][];
    const cols = (db.prepare('PRAGMA table_info(person)').all() as { name: string }[]).map((c) => c.name);
    const insert = bare.prepare(`INSERT INTO person (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    const b0 = performance.now();
    const b0Cpu = cpuMs();
    bare.transaction(() => {
      for (const row of rows) insert.run(row);
    })();
    const bareMs = performance.now() - b0;
    const bareCpuMs = cpuMs() - b0Cpu;
    bare.close();

    // Floor: every row the import wrote (person, change log, search document and tokens), copied into another fresh
    // database with plain prepared INSERTs in one transaction. No reading, checking or computing: what any import
    // that keeps the change log and the search index must at least write.
    const floorFile = path.join(dir, 'floor.db');
    openDatabase(floorFile).close();
    const floor = connect(floorFile, keyFromEnvironment()!);
    floor.pragma('journal_mode = WAL');
    floor.pragma('synchronous = NORMAL');
    const personCols = (db.prepare('PRAGMA table_info(person)').all() as { name: string }[]).map((c) => c.name);
    const logCols = (db.prepare('PRAGMA table_info(change_log)').all() as { name: string }[]).map((c) => c.name).filter((c) => c !== 'seq');
    const people = db.prepare(`SELECT ${personCols.join(', ')} FROM person`).raw().all() as unknown[][];
    const logs = db.prepare(`SELECT ${logCols.join(', ')} FROM change_log WHERE entity = 'person' ORDER BY seq`).raw().all() as unknown[][];
    const docs = db.prepare(`SELECT d.entity, d.record_id, f.tokens FROM search_doc d JOIN search_fts f ON f.rowid = d.rowid WHERE d.entity = 'person' ORDER BY d.rowid`).raw().all() as [string, string, string][];
    const insertPerson = floor.prepare(`INSERT INTO person (${personCols.join(', ')}) VALUES (${personCols.map(() => '?').join(', ')})`);
    const insertLog = floor.prepare(`INSERT INTO change_log (${logCols.join(', ')}) VALUES (${logCols.map(() => '?').join(', ')})`);
    const insertDoc = floor.prepare('INSERT INTO search_doc (entity, record_id) VALUES (?, ?)');
    const insertTokens = floor.prepare('INSERT INTO search_fts (rowid, tokens) VALUES (?, ?)');
    const f0 = performance.now();
    const f0Cpu = cpuMs();
    floor.transaction(() => {
      // Row by row, interleaved as the import writes them.
      for (let i = 0; i < people.length; i++) {
        insertPerson.run(people[i]);
        if (logs[i]) insertLog.run(logs[i]);
        const doc = docs[i];
        if (doc) insertTokens.run(insertDoc.run(doc[0], doc[1]).lastInsertRowid, doc[2]);
      }
    })();
    const writesMs = performance.now() - f0;
    const writesCpuMs = cpuMs() - f0Cpu;
    floor.close();
    await backend.close();
    return {
      size, kind, fileBytes: statSync(sheet).size, readMs: saveStarted - t0, saveMs: end - saveStarted, totalMs: end - t0, bareMs,
      peakRssMiB: mib(peak), readCpuMs: saveStartedCpu - t0Cpu, saveCpuMs: endCpu - saveStartedCpu, bareCpuMs, writesMs, writesCpuMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));

function table(runs: Run[]): string {
  const lines = [
    '| rows | file | figure | Banhchi | bare SQLite | ratio | note |',
    '|---:|---|---|---:|---:|---:|---|',
  ];
  for (const r of runs) {
    const rate = (ms: number) => (r.size / ms) * 1000;
    const bare = rate(r.bareMs);
    const head = `| ${r.size.toLocaleString('en-US')} | ${r.kind.toUpperCase()} ${fmt(r.fileBytes / 1048576)} MiB`;
    lines.push(`${head} | import, end to end (rows/s) | ${fmt(rate(r.totalMs))} | ${fmt(bare)} | ${(rate(r.totalMs) / bare).toFixed(2)} | target ≥ 0.33; read ${fmt(r.readMs)} ms + save ${fmt(r.saveMs)} ms |`);
    lines.push(`${head} | import, save phase only (rows/s) | ${fmt(rate(r.saveMs))} | ${fmt(bare)} | ${(rate(r.saveMs) / bare).toFixed(2)} | person + change log + search index, duplicate check |`);
    const cpuRate = (ms: number) => (r.size / ms) * 1000;
    lines.push(`${head} | import, end to end, by CPU time (rows/s) | ${fmt(cpuRate(r.readCpuMs + r.saveCpuMs))} | ${fmt(cpuRate(r.bareCpuMs))} | ${(r.bareCpuMs / (r.readCpuMs + r.saveCpuMs)).toFixed(2)} | the same, CPU time of this process (steadier on a busy machine) |`);
    lines.push(`${head} | the rows it writes (person, change log, search), plain INSERTs, by CPU time (rows/s) | ${fmt(cpuRate(r.writesCpuMs))} | ${fmt(cpuRate(r.bareCpuMs))} | ${(r.bareCpuMs / r.writesCpuMs).toFixed(2)} | the floor: no reading, checking or computing |`);
    lines.push(`${head} | peak RSS (MiB) | ${fmt(r.peakRssMiB)} |  |  | whole process, generation included |`);
  }
  return lines.join('\n');
}

if (arg('--one')) {
  process.stdout.write(`${JSON.stringify(await one(Number(arg('--one')), arg('--kind') === 'xlsx' ? 'xlsx' : 'csv'))}\n`);
} else {
  const sizes = (arg('--sizes') ?? '10000,100000').split(',').map(Number);
  const runs: Run[] = [];
  for (const size of sizes) {
    for (const kind of ['csv', 'xlsx'] as const) {
      const out = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--one', String(size), '--kind', kind], {
        encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'],
      });
      runs.push(JSON.parse(out.trim().split('\n').pop()!) as Run);
    }
  }
  const command = `npx tsx scripts/bench/import.ts --sizes ${sizes.join(',')}`;
  const section = `<!-- import:start -->\n## Spreadsheet import\n\n\`${command}\` (${new Date().toISOString().slice(0, 10)}, ${process.platform}, Node ${process.version})\n\n${table(runs)}\n<!-- import:end -->`;
  process.stdout.write(`${section}\n`);
  const doc = path.join(ROOT, 'docs/benchmarks.md');
  const current = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Benchmarks\n';
  const marked = /<!-- import:start -->[\s\S]*<!-- import:end -->/;
  writeFileSync(doc, marked.test(current) ? current.replace(marked, section) : `${current.trimEnd()}\n\n${section}\n`);
}
