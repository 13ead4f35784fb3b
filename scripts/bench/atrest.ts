/**
 * Encryption benchmark: `npx tsx scripts/bench/atrest.ts [--size 100000]` (or `npm run bench -- --only atrest`).
 * The same work on a plain register and on an encrypted one (ChaCha20-Poly1305 pages), each in its
 * own process, one after the other in one run: registration (`registration.demo` through the backend
 * and the change-log write path) and search (200 names, 200 passport numbers, 200 prefixes through
 * `persons.search`, each followed by opening the first hit, audited). Prints the figures and the encrypted/plain ratio (goal ≤ 1.3) and writes them
 * into docs/benchmarks.md between atrest markers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_OPERATOR } from '../../shared/actor.js';
import { createLocalBackend } from '../../electron/backend/backend.js';
import { openDatabase } from '../../electron/db/open.js';
import '../bench-data/key.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GAZETTEER = path.resolve(ROOT, '../shared/data/cambodia-admin-units.csv');
const TODAY = '2026-03-01';
type Mode = 'plain' | 'encrypted';
type Figures = Record<string, number>;

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

async function one(mode: Mode, size: number): Promise<Figures> {
  const dir = mkdtempSync(path.join(tmpdir(), `banhchi-bench-${mode}-`));
  try {
    const file = path.join(dir, 'register.db');
    const db = openDatabase(file, mode === 'plain' ? { key: 'plain' } : {});
    const backend = createLocalBackend(db);
    const call = async (op: string, input: unknown) => {
      const r = await backend.call(op, input, LOCAL_OPERATOR);
      if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
      return r.value as Record<string, unknown>;
    };
    await call('gazetteer.import', { fileName: 'units.csv', csv: readFileSync(GAZETTEER, 'utf8') });
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await call('registration.demo', { persons: size, today: TODAY, jobId: '00000000-0000-4000-8000-000000000001' });
    const registerMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const sample = db.prepare('SELECT surname, given_names, passport_no FROM person ORDER BY random() LIMIT 200').all() as {
      surname: string;
      given_names: string;
      passport_no: string;
    }[];
    const queries = [
      ...sample.map((p) => `${p.given_names.split(' ')[0]} ${p.surname}`),
      ...sample.map((p) => p.passport_no),
      ...sample.map((p) => `${p.surname.slice(0, 3).toLowerCase()} ${p.given_names.slice(0, 2).toLowerCase()}`),
    ];
    const times: number[] = [];
    const opens: number[] = [];
    for (const query of queries) {
      const t = performance.now();
      const found = (await call('persons.search', { query, limit: 20 })) as { items: { entity: string; id: string }[] };
      times.push(performance.now() - t);
      // Opening the first person found, as a clerk would: the record's page, audited (one chain entry each).
      const first = found.items.find((hit) => hit.entity === 'person');
      if (!first) continue;
      const o = performance.now();
      await call('persons.get', { id: first.id, today: TODAY });
      opens.push(performance.now() - o);
    }
    if (opens.length < queries.length / 2) throw new Error(`only ${opens.length} of ${queries.length} searches found someone`);
    await backend.close();
    const head = readFileSync(file).subarray(0, 15).toString('latin1');
    if ((head === 'SQLite format 3') !== (mode === 'plain')) throw new Error(`the ${mode} register is not ${mode}`);
    return {
      'registration (persons/s)': (size / registerMs) * 1000,
      'registration total (s)': registerMs / 1000,
      // User + system CPU of this process: steadier than the clock when other work shares the machine.
      'registration CPU (s)': (cpu.user + cpu.system) / 1e6,
      'search p50 (ms)': pct(times, 50),
      'search p95 (ms)': pct(times, 95),
      'search total of 600 (ms)': times.reduce((a, b) => a + b, 0),
      'open a found record, audited, p50 (ms)': pct(opens, 50),
      'open a found record, audited, p95 (ms)': pct(opens, 95),
      'file size (MiB)': statSync(file).size / 1048576,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));

if (arg('--one')) {
  process.stdout.write(`${JSON.stringify(await one(arg('--one') as Mode, Number(arg('--size'))))}\n`);
} else {
  const size = Number(arg('--size') ?? 100_000);
  const run = (mode: Mode) => {
    const out = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--one', mode, '--size', String(size)], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return JSON.parse(out.trim().split('\n').pop()!) as Figures;
  };
  const plain = run('plain');
  const encrypted = run('encrypted');
  // Ratio of cost: time figures encrypted/plain; for a rate (persons/s) plain/encrypted. ≤ 1.3 is the goal.
  const lines = [`| ${size.toLocaleString('en-US')} foreigners | plain | encrypted | slowdown |`, '|---|---:|---:|---:|'];
  for (const name of Object.keys(plain)) {
    const [p, e] = [plain[name]!, encrypted[name]!];
    const ratio = name.includes('persons/s') ? p / e : e / p;
    lines.push(`| ${name} | ${fmt(p)} | ${fmt(e)} | ${ratio.toFixed(2)}× |`);
  }
  const command = `npm run bench -- --only atrest (npx tsx scripts/bench/atrest.ts --size ${size})`;
  const section = `<!-- atrest:start -->\n## Encryption at rest\n\n\`${command}\` (${new Date().toISOString().slice(0, 10)}, ${process.platform}, Node ${process.version})\n\nThe same registration (\`registration.demo\`: services, change log, search index) and 600 searches through \`persons.search\`, each followed by opening the first person it found (\`persons.get\`, audited: one chain entry per open), on a plain register and on an encrypted one (SQLite3MC ChaCha20-Poly1305 pages), each in its own process, in one run. Slowdown = encrypted cost / plain cost; the goal is ≤ 1.3×. Timings are noisy on a shared machine (load average at the end of the run: ${loadavg().map((l) => l.toFixed(1)).join(', ')}, ${cpus().length} cores); CPU time is steadier than the clock.\n\n${lines.join('\n')}\n<!-- atrest:end -->`;
  process.stdout.write(`${section}\n`);
  const doc = path.join(ROOT, 'docs/benchmarks.md');
  const current = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Benchmarks\n';
  const marked = /<!-- atrest:start -->[\s\S]*<!-- atrest:end -->/;
  writeFileSync(doc, marked.test(current) ? current.replace(marked, section) : `${current.trimEnd()}\n\n${section}\n`);
}
