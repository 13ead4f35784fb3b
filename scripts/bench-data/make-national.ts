/**
 * Writes a national register once, to reuse across benchmark runs:
 * `npx tsx scripts/bench-data/make-national.ts --out /work/bench-data/national-1m.db [--persons 1000000] [--today 2026-11-30]`.
 * The file is encrypted with the key in `<out>.key` (made here, 32 random bytes in hex); the
 * reports benchmark reads it with `--db <out>` and works on a copy, so the file stays at the schema
 * version it was made with (an upgrade can be timed on each copy).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { LOCAL_OPERATOR } from '../../shared/actor.js';
import { createLocalBackend } from '../../electron/backend/backend.js';
import { openDatabase } from '../../electron/db/open.js';
import { fillNational } from './national.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GAZETTEER = path.resolve(ROOT, '../shared/data/cambodia-admin-units.csv');
const arg = (name: string) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : undefined; };
const out = arg('--out');
if (!out) throw new Error('--out FILE');
if (existsSync(out)) throw new Error(`${out} exists: it is made once and reused`);
const persons = Number(arg('--persons') ?? 1_000_000);
const today = arg('--today') ?? '2026-11-30';
const key = randomBytes(32).toString('hex');
writeFileSync(`${out}.key`, key, { mode: 0o600 });
process.env.BANHCHI_DB_KEY = key;
const db = openDatabase(out);
const backend = createLocalBackend(db);
const r = await backend.call('gazetteer.import', { fileName: 'units.csv', csv: readFileSync(GAZETTEER, 'utf8') }, LOCAL_OPERATOR);
if (!r.ok) throw new Error(JSON.stringify(r.error));
const t = performance.now();
const made = fillNational(db, { persons, today });
db.pragma('wal_checkpoint(TRUNCATE)');
const version = db.pragma('user_version', { simple: true });
await backend.close();
process.stdout.write(`${out}: schema ${version}, ${persons} foreigners, ${JSON.stringify(made)}, today ${today}, ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
