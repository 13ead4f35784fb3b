/**
 * Reports benchmark: `npx tsx scripts/bench/reports.ts [--persons 1000000] [--runs 20] [--db FILE]` (or `npm run bench -- --only reports`).
 * Makes a national register of that many foreigners (scripts/bench-data/national.ts: premises, stays, employers,
 * employment written with SQL, the triggers filling the report facts and counts as they would in the app), or with
 * `--db` works on a copy of a register made once by scripts/bench-data/make-national.ts (the copy is upgraded to
 * this schema, and the upgrade timed). Then times every report, nationally, for one province and for one nationality
 * where it takes them:
 * - Banhchi: `reports.run` through the backend boundary (parse, permission, SQL, labels, totals);
 * - bare SQL: the report's query functions alone on the same connection (no boundary, labels or totals);
 * - plain join: the same count written on the record tables without the fact table (one run, for comparison).
 * Last, registration with and without migration 59's counting triggers (alternating batches of `persons.register` +
 * `stays.arrive` through the backend on the same register): the cost of keeping the counts.
 * Writes the table into docs/benchmarks.md between reports markers.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_OPERATOR } from '../../shared/actor.js';
import { REPORTS } from '../../shared/reports/index.js';
import { createLocalBackend } from '../../electron/backend/backend.js';
import { openDatabase } from '../../electron/db/open.js';
import { migrations } from '../../electron/db/migrations/index.js';
import { REPORT_QUERIES, resolveFilters } from '../../electron/services/reports/index.js';
import { fillNational } from '../bench-data/national.js';
import '../bench-data/key.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GAZETTEER = path.resolve(ROOT, '../shared/data/cambodia-admin-units.csv');
const TODAY = '2026-11-30';
const arg = (name: string) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : undefined; };
const persons = Number(arg('--persons') ?? 1_000_000);
const runs = Number(arg('--runs') ?? 20);
const source = arg('--db');
const pct = (values: number[], p: number) => { const s = [...values].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!; };
const time = (run: () => unknown) => { const t = performance.now(); run(); return performance.now() - t; };

/** The naive form of the foreigner counts, on the record tables: what the fact table replaces. */
const PLAIN: Record<string, string> = {
  'foreigners-by-nationality': 'SELECT p.nationality, count(*) FROM stay s JOIN person p ON p.id = s.person_id WHERE s.departed_on IS NULL GROUP BY p.nationality',
  'foreigners-by-unit': 'SELECT substr(pr.commune_code, 1, 2), count(*) FROM stay s JOIN premises pr ON pr.id = s.premises_id WHERE s.departed_on IS NULL GROUP BY 1',
  'foreigners-by-premises-type': 'SELECT pr.type, count(*) FROM stay s JOIN premises pr ON pr.id = s.premises_id WHERE s.departed_on IS NULL GROUP BY 1',
  'foreigners-by-visa-type': 'SELECT p.visa_type, count(*) FROM stay s JOIN person p ON p.id = s.person_id WHERE s.departed_on IS NULL GROUP BY 1',
  timeliness: `SELECT substr(pr.commune_code, 1, 2), substr(s.arrived_at, 1, 7), count(*), sum(s.late) FROM stay s JOIN premises pr ON pr.id = s.premises_id
    WHERE s.arrived_at >= '2025-12-01' AND s.arrived_at < '2026-12' GROUP BY 1, 2`,
};

const dir = mkdtempSync(path.join(tmpdir(), 'banhchi-bench-reports-'));
const lines: string[] = [];
try {
  const file = path.join(dir, 'national.db');
  let made: unknown = null;
  let fillMs = 0;
  const upgrade: string[] = [];
  if (source) {
    process.env.BANHCHI_DB_KEY = readFileSync(`${source}.key`, 'utf8').trim();
    copyFileSync(source, file);
    // Time each migration the copy still needs (migration 59 fills the counts from 1,000,000 stays).
    for (const m of migrations) {
      const up = m.up.bind(m);
      (m as { up: typeof m.up }).up = (db) => { const t0 = performance.now(); up(db); upgrade.push(`${m.version} ${m.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`); };
    }
  }
  let t = performance.now();
  const db = openDatabase(file);
  const openMs = performance.now() - t;
  if (source) process.stderr.write(`upgrade of ${source}: ${(openMs / 1000).toFixed(1)} s in all (${upgrade.join('; ') || 'nothing to do'})\n`);
  const backend = createLocalBackend(db);
  const call = async (op: string, input: unknown) => {
    const r = await backend.call(op, input, LOCAL_OPERATOR);
    if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  if (!source) {
    await call('gazetteer.import', { fileName: 'units.csv', csv: readFileSync(GAZETTEER, 'utf8') });
    t = performance.now();
    made = fillNational(db, { persons, today: TODAY });
    fillMs = performance.now() - t;
    process.stderr.write(`register: ${persons} foreigners, ${JSON.stringify(made)} in ${(fillMs / 1000).toFixed(0)} s\n`);
  }
  lines.push('| report | filter | rows | Banhchi p50 (ms) | Banhchi p95 (ms) | bare SQL p95 (ms) | plain join, no fact table (ms) |', '|---|---|---:|---:|---:|---:|---:|');
  for (const report of REPORTS) {
    const variants: [string, Record<string, string>][] = [['national', {}]];
    if (report.params.includes('unit')) variants.push(['province 12', { unit: '12' }]);
    if (report.params.includes('nationality')) variants.push(['nationality CHN', { nationality: 'CHN' }]);
    for (const [label, extra] of variants) {
      const request = { name: report.name, today: TODAY, ...extra };
      const service: number[] = [];
      const bare: number[] = [];
      let rows = 0;
      const query = REPORT_QUERIES[report.name]!;
      const filters = resolveFilters(db, report, request);
      for (let i = 0; i < runs; i++) {
        t = performance.now();
        const result = (await call('reports.run', request)) as { tables: { rows: unknown[] }[] };
        service.push(performance.now() - t);
        rows = result.tables.reduce((n, x) => n + x.rows.length, 0);
        bare.push(time(() => query(db, filters)));
      }
      const plainSql = label === 'national' ? PLAIN[report.name] : undefined;
      const plain = plainSql ? time(() => db.prepare(plainSql).all()).toFixed(0) : '';
      lines.push(`| ${report.name} | ${label} | ${rows} | ${pct(service, 50).toFixed(0)} | ${pct(service, 95).toFixed(0)} | ${pct(bare, 95).toFixed(0)} | ${plain} |`);
      process.stderr.write(`${lines[lines.length - 1]}\n`);
    }
  }

  // Employers against the quota before migration 64 (each employer's current jobs summed from report_employment) and
  // after (migration 64's row per employer), alternating on the same connection: the ratio is this run's, noise shared.
  const cap = 0.1;
  const beforeSql = `SELECT substr(commune_code, 1, 2) AS k, count(*) AS employers, sum(workforce) AS workforce, sum(declared) AS foreignDeclared,
      sum(registered) AS foreignRegistered, sum(CAST(workforce * ${cap} AS INTEGER)) AS allowed, sum(max(declared, registered) > workforce * ${cap}) AS overQuota
    FROM (SELECT m.commune_code, m.workforce_total AS workforce, max(0, m.workforce_total - m.cambodian_count) AS declared,
      coalesce((SELECT sum(n) FROM report_employment r WHERE r.employer_id = m.id), 0) AS registered FROM employer m) GROUP BY k ORDER BY k`;
  const beforeOverSql = `SELECT id, name_latin, workforce, max(declared, registered) - CAST(workforce * ${cap} AS INTEGER) AS excess
    FROM (SELECT m.id, m.name_latin, m.workforce_total AS workforce, max(0, m.workforce_total - m.cambodian_count) AS declared,
      coalesce((SELECT sum(n) FROM report_employment r WHERE r.employer_id = m.id), 0) AS registered FROM employer m)
    WHERE max(declared, registered) > workforce * ${cap} ORDER BY excess DESC, name_latin LIMIT 200`;
  const quota = REPORT_QUERIES['employers-quota']!;
  const quotaFilters = resolveFilters(db, REPORTS.find((r) => r.name === 'employers-quota')!, { name: 'employers-quota', today: TODAY });
  const before: number[] = [];
  const after: number[] = [];
  for (let i = 0; i < runs; i++) {
    before.push(time(() => { db.prepare(beforeSql).all(); db.prepare(beforeOverSql).all(); }));
    after.push(time(() => quota(db, quotaFilters)));
  }
  const quotaLine = `Employers against the quota, national, ${runs} alternating runs on this register: the report's two queries as before migration 64 (each employer's current jobs summed from \`report_employment\`, by unit and for the 200 furthest over) p50 ${pct(before, 50).toFixed(0)} ms, p95 ${pct(before, 95).toFixed(0)} ms; the whole report's queries on migration 64's row per employer p50 ${pct(after, 50).toFixed(0)} ms, p95 ${pct(after, 95).toFixed(0)} ms (p95 ratio after/before ${(pct(after, 95) / pct(before, 95)).toFixed(2)}).`;
  process.stderr.write(`${quotaLine}\n`);
  lines.push('', quotaLine);

  // Registration with and without the counting triggers: alternating batches on the same register.
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'report_counts_%' OR name LIKE 'report_premises_%')").all() as { name: string; sql: string }[];
  const premisesIds = db.prepare('SELECT id FROM premises ORDER BY random() LIMIT 400').pluck().all() as string[];
  let serial = 0;
  const register = async () => {
    serial++;
    const passportNo = `B${String(serial).padStart(8, '0')}`;
    const { person } = (await call('persons.register', { today: TODAY, fields: { surname: `BENCH${serial}`, givenNames: 'ANNA', sex: 'F', birthDate: '1980-02-02', nationality: 'CHN',
      passportNo, issuingState: 'CHN', passportExpiry: '2030-01-01', visaType: 'EB', visaNo: '', visaExpiry: '2027-01-01', entryDate: '2026-11-01' } })) as { person: { id: string } };
    await call('stays.arrive', { personId: person.id, premisesId: premisesIds[serial % premisesIds.length], arrivedAt: '2026-11-29T08:00' });
  };
  const withCounts: number[] = [];
  const without: number[] = [];
  for (let round = 0; round < 6; round++) {
    for (const on of [true, false]) {
      if (!on) for (const tr of triggers) db.exec(`DROP TRIGGER ${tr.name}`);
      t = performance.now();
      for (let i = 0; i < 40; i++) await register();
      (on ? withCounts : without).push((performance.now() - t) / 40);
      if (!on) for (const tr of triggers) db.exec(tr.sql);
    }
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const registration = `Registration (\`persons.register\` + \`stays.arrive\` through the backend, 6 alternating batches of 40 on this register): ${mean(withCounts).toFixed(1)} ms per foreigner with migration 59's counting triggers, ${mean(without).toFixed(1)} ms without them (ratio ${(mean(withCounts) / mean(without)).toFixed(2)}).`;
  process.stderr.write(`${registration}\n`);
  lines.push('', registration);
  if (source) lines.push('', `Upgrade of the ${persons.toLocaleString('en-US')}-foreigner register to this schema: ${(openMs / 1000).toFixed(1)} s (${upgrade.join('; ')}).`);
  await backend.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const command = `npx tsx scripts/bench/reports.ts --persons ${persons} --runs ${runs}${source ? ` --db ${source}` : ''}`;
const notes = `A national register of ${persons.toLocaleString('en-US')} foreigners (200 premises and 50 employers per 1,000, one stay each plus an earlier one for one in ten, a quarter departed, two in five employed)${source ? `, made once by \`scripts/bench-data/make-national.ts\` and copied for this run` : ''}; ${runs} runs of each report and filter. Banhchi: \`reports.run\` through the backend boundary; bare SQL: the report's query functions alone on the same connection (reading migration 59's counts per district where they answer the filters); plain join: the same count on the record tables without migration 55's fact table or 59's counts, one run. Target: every report p95 < 1,000 ms. Measured on 2 shared cores while other sessions ran tests: timings are noisy.`;
const section = `<!-- reports:start -->\n## Reports\n\n\`${command}\` (${new Date().toISOString().slice(0, 10)}, ${process.platform}, Node ${process.version})\n\n${notes}\n\n${lines.join('\n')}\n<!-- reports:end -->`;
process.stdout.write(`${section}\n`);
const doc = path.join(ROOT, 'docs/benchmarks.md');
const current = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Benchmarks\n';
const marked = /<!-- reports:start -->[\s\S]*<!-- reports:end -->/;
writeFileSync(doc, marked.test(current) ? current.replace(marked, section) : `${current.trimEnd()}\n\n${section}\n`);
