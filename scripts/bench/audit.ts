/**
 * Audit overhead: `npx tsx scripts/bench/audit.ts [opens]` (or `npm run bench -- --only audit`).
 * On one encrypted register of 1,000 foreigners, opens a person's record `opens` times (default
 * 10,000) through the backend as a signed-in user (each open appends to the audit chain) and as
 * Banhchi itself (the system actor, never audited: the same boundary, handler and query without the
 * audit entry), in alternating blocks so both meet the same cache and load. Prints the mean and p95
 * per open, the CPU time per open (steadier than the clock when other work shares the machine), the
 * ratios, the bytes the chain adds per entry, and how long `audit verify` takes over the chain just written. Writes the table into docs/benchmarks.md between audit markers.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { SYSTEM_ACTOR, type Actor } from '../../shared/actor.js';
import { createLocalBackend } from '../../electron/backend/backend.js';
import { verifyChains } from '../../electron/db/audit.js';
import { openDatabase } from '../../electron/db/open.js';
import '../bench-data/key.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GAZETTEER = path.resolve(ROOT, '../shared/data/cambodia-admin-units.csv');
const CLERK: Actor = { id: 'bench-clerk', kind: 'user', role: 'clerk' };
const BLOCK = 500;

const opens = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10_000);
const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;

const dir = mkdtempSync(path.join(tmpdir(), 'banhchi-bench-audit-'));
try {
  const file = path.join(dir, 'register.db');
  const db = openDatabase(file);
  const backend = createLocalBackend(db);
  const call = async (op: string, input: unknown, actor: Actor) => {
    const r = await backend.call(op, input, actor);
    if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  await call('gazetteer.import', { fileName: 'units.csv', csv: readFileSync(GAZETTEER, 'utf8') }, SYSTEM_ACTOR);
  await call('registration.demo', { persons: 1000, today: '2026-03-01', jobId: '00000000-0000-4000-8000-000000000002' }, SYSTEM_ACTOR);
  const ids = db.prepare('SELECT id FROM person ORDER BY random()').pluck().all() as string[];
  db.pragma('wal_checkpoint(TRUNCATE)');
  const sizeBefore = statSync(file).size;

  const times: Record<'audited' | 'plain', number[]> = { audited: [], plain: [] };
  // CPU time (user + system, this process) per arm: less swayed than the clock by other work on a shared machine.
  const cpuMs: Record<'audited' | 'plain', number> = { audited: 0, plain: 0 };
  // Warm-up: statements prepared, pages cached.
  for (let i = 0; i < 200; i += 1) await call('persons.get', { id: ids[i % ids.length] }, SYSTEM_ACTOR);
  for (let done = 0; done < opens; done += BLOCK) {
    for (const kind of done % (2 * BLOCK) === 0 ? (['audited', 'plain'] as const) : (['plain', 'audited'] as const)) {
      const actor = kind === 'audited' ? CLERK : SYSTEM_ACTOR;
      const cpu0 = process.cpuUsage();
      for (let i = done; i < Math.min(done + BLOCK, opens); i += 1) {
        const t0 = performance.now();
        await call('persons.get', { id: ids[i % ids.length] }, actor);
        times[kind].push(performance.now() - t0);
      }
      const cpu = process.cpuUsage(cpu0);
      cpuMs[kind] += (cpu.user + cpu.system) / 1000;
    }
  }
  const entries = db.prepare('SELECT count(*) FROM audit_entry').pluck().get() as number;
  if (entries !== opens) throw new Error(`expected ${opens} audit entries, found ${entries}`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const bytesPerEntry = (statSync(file).size - sizeBefore) / entries;
  const v0 = performance.now();
  const reports = verifyChains(db);
  const verifyMs = performance.now() - v0;
  if (reports.some((r) => r.broken)) throw new Error('the chain does not verify');
  await backend.close();

  const ratio = mean(times.audited) / mean(times.plain);
  const table = [
    `Opening a person's record (\`persons.get\` through the backend, encrypted register of 1,000 foreigners), ${opens.toLocaleString('en')} times each way, in alternating blocks of ${BLOCK}:`,
    '',
    '| | mean | p95 | CPU per open |',
    '|---|---|---|---|',
    `| without audit (system actor) | ${us(mean(times.plain))} | ${us(pct(times.plain, 95))} | ${us(cpuMs.plain / times.plain.length)} |`,
    `| with audit (user actor: one chain entry per open) | ${us(mean(times.audited))} | ${us(pct(times.audited, 95))} | ${us(cpuMs.audited / times.audited.length)} |`,
    `| ratio with / without | ${ratio.toFixed(2)}× | ${(pct(times.audited, 95) / pct(times.plain, 95)).toFixed(2)}× | ${(cpuMs.audited / times.audited.length / (cpuMs.plain / times.plain.length)).toFixed(2)}× |`,
    '',
    `Load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (${cpus().length} cores).`,
    '',
    `The chain adds about ${Math.round(bytesPerEntry)} bytes per entry to the database (entry, indexes and its change-log row). ` +
      `\`audit verify\` over ${entries.toLocaleString('en')} entries: ${verifyMs.toFixed(0)} ms.`,
  ].join('\n');
  process.stdout.write(`${table}\n`);

  const doc = path.join(ROOT, 'docs/benchmarks.md');
  if (existsSync(doc) && !process.argv.includes('--no-write')) {
    const text = readFileSync(doc, 'utf8');
    const block = `<!-- audit:start -->\n## Audit of reads\n\n${table}\n<!-- audit:end -->`;
    const next = /<!-- audit:start -->[\s\S]*<!-- audit:end -->/.test(text)
      ? text.replace(/<!-- audit:start -->[\s\S]*<!-- audit:end -->/, block)
      : `${text.trimEnd()}\n\n${block}\n`;
    writeFileSync(doc, next);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
