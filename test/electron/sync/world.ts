import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { LOCAL_OPERATOR } from '../../../shared/actor.js';
import type { OpName, OpRequest, OpResponse } from '../../../shared/contract/index.js';
import { createLocalBackend, type Backend } from '../../../electron/backend/backend.js';
import { deleteRecord, insertRecord, updateRecord, type Row, type WriteContext } from '../../../electron/db/changes.js';
import { officeEntity } from '../../../electron/db/office.js';
import type { Database } from '../../../electron/db/open.js';
import { syncedEntity } from '../../../electron/sync/entities.js';
import { freshDb, tempDir } from '../../helpers/db.js';

process.env.BANHCHI_KEY_WORK_FACTOR = '10';
export const PASS = 'correct horse battery';

export interface Office {
  id: string;
  level: 'commune' | 'province' | 'national';
  name: string;
  db: Database;
  file: string;
  backend: Backend;
  /** Folder this office writes bundles and receipts to. */
  out: string;
  ok<N extends OpName>(op: N, input: OpRequest<N>): Promise<OpResponse<N>>;
  writer(): WriteContext;
}

export async function makeOffice(level: Office['level'], name: string, parent: Office | null, unitCode = level === 'national' ? '' : '12'): Promise<Office> {
  const { db, file } = freshDb();
  const id = uuidv7();
  insertRecord({ db, actor: LOCAL_OPERATOR, originOffice: id }, officeEntity, id, { level, unit_code: unitCode, name, created_at: '2026-01-01T00:00:00Z' });
  const backend = createLocalBackend(db);
  const out = path.join(tempDir(), 'out');
  mkdirSync(out);
  const office: Office = {
    id, level, name, db, file, backend, out,
    async ok(op, input) {
      const result = await backend.call(op, input, LOCAL_OPERATOR);
      if (!result.ok) throw new Error(`${name} ${op}: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    writer: () => ({ db, actor: LOCAL_OPERATOR, originOffice: id }),
  };
  await office.ok('sync.keysCreate', { passphrase: PASS, parentOfficeId: parent?.id ?? null });
  return office;
}

/** National signs a directory of every office's card and each office installs it. */
export async function enrol(national: Office, others: Office[]): Promise<void> {
  const nationalCard = await national.ok('sync.keyCard', { passphrase: PASS });
  for (const office of others) {
    const card = await office.ok('sync.keyCard', { passphrase: PASS });
    await national.ok('sync.directoryAdd', { card: card.qrPayload });
  }
  const { signed } = await national.ok('sync.directorySign', { passphrase: PASS });
  for (const office of others) {
    await office.ok('sync.directoryAdd', { card: nationalCard.qrPayload });
    await office.ok('sync.directoryImport', { fileName: 'directory.json', json: signed });
  }
}

const spec = (db: Database, entity: string) => {
  const found = syncedEntity(db, entity);
  if (!found) throw new Error(`no table for ${entity}`);
  return found.spec;
};

let counter = 0;
/** Demo records through the write path: premises, persons and their stays. */
export function addDemo(office: Office, premisesCount: number, personsPerPremises: number): void {
  const ctx = office.writer();
  office.db.transaction(() => {
    for (let p = 0; p < premisesCount; p += 1) {
      const premisesId = uuidv7();
      insertRecord(ctx, spec(office.db, 'premises'), premisesId, {
        name_latin: `Guesthouse ${office.name} ${p}`, type: 'guesthouse', province_code: '12', district_code: '1201', commune_code: '120101',
        pledge_status: 'none', created_at: '2026-01-02T00:00:00Z',
      });
      for (let i = 0; i < personsPerPremises; i += 1) {
        counter += 1;
        const personId = uuidv7();
        const passport = `P${String(counter).padStart(8, '0')}${office.id.slice(-4).toUpperCase()}`;
        insertRecord(ctx, spec(office.db, 'person'), personId, {
          surname: `DOE${counter}`, given_names: 'JANE', sex: 'F', birth_date: '1990-01-01', nationality: 'FRA', passport_no: passport,
          issuing_state: 'FRA', passport_expiry: '2030-01-01', source: 'demo', name_key: `doe${counter} jane`, passport_key: passport,
          created_at: '2026-01-02T00:00:00Z', visa_expiry: '2026-06-01',
        });
        insertRecord(ctx, spec(office.db, 'stay'), uuidv7(), {
          person_id: personId, premises_id: premisesId, arrived_at: '2026-01-03T10:00:00Z', reported_at: '2026-01-03T12:00:00Z',
        });
      }
    }
  })();
}

/** One round of edits: extend some visas, let some guests leave, delete one stay. */
export function editRound(office: Office, round: number): void {
  const ctx = office.writer();
  const persons = office.db.prepare('SELECT id FROM person WHERE origin_office = ? ORDER BY id').pluck().all(office.id) as string[];
  const stays = office.db.prepare('SELECT id FROM stay WHERE origin_office = ? ORDER BY id').pluck().all(office.id) as string[];
  office.db.transaction(() => {
    persons.filter((_, i) => i % 3 === round % 3).forEach((id) => updateRecord(ctx, spec(office.db, 'person'), id, { visa_expiry: `2027-0${(round % 9) + 1}-01`, note: `round ${round}` }));
    stays.filter((_, i) => i % 4 === round % 4).forEach((id) => updateRecord(ctx, spec(office.db, 'stay'), id, { departed_on: `2026-02-0${(round % 9) + 1}` }));
    if (stays.length > 0) deleteRecord(ctx, spec(office.db, 'stay'), stays[round % stays.length] as string);
  })();
}

// Office rows are reference data: they do not travel up (offices are known from the key directory).
const SYNCED = ['premises', 'person', 'stay'];

/** Record count and content hash per origin office, over the synced tables. */
export function contentByOrigin(db: Database, origins?: string[]): Record<string, { count: number; hash: string }> {
  const out: Record<string, { count: number; hash: string; h?: ReturnType<typeof createHash> }> = {};
  for (const table of SYNCED) {
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY origin_office, id`).all() as Row[]) {
      const origin = String(row.origin_office);
      if (origins && !origins.includes(origin)) continue;
      const entry = (out[origin] ??= { count: 0, hash: '', h: createHash('sha256') });
      entry.count += 1;
      entry.h?.update(`${table}:${JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`);
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, { count: v.count, hash: v.h?.digest('hex') ?? '' }]));
}

/** Everything a bundle import may change, without local clock columns. */
export function registerDump(db: Database): string {
  const parts: string[] = [];
  for (const table of [...SYNCED, 'sync_peer', 'sync_origin', 'sync_conflict', 'sync_shadow']) {
    parts.push(JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()));
  }
  parts.push(JSON.stringify(db.prepare('SELECT entity, record_id, op, actor, at, origin_office, revision, before_json, after_json FROM change_log ORDER BY seq').all()));
  parts.push(JSON.stringify(db.prepare('SELECT bundle_id, from_office, seq, hash, kind, inserted, updated, deleted, skipped FROM sync_received ORDER BY from_office, seq').all()));
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

export function bundlesIn(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.bchb')).map((n) => path.join(dir, n));
}

/** Exports one bundle from `office`; returns its path. */
export async function exportOne(office: Office): Promise<string> {
  const dir = path.join(office.out, `b${Date.now()}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  const result = await office.ok('sync.export', { passphrase: PASS, dir });
  if (result.status !== 'written' || !result.files[0]) throw new Error(`${office.name}: nothing exported`);
  return result.files[0];
}

export async function importAll(office: Office, files: string[], receiptDir: string | null = null) {
  return office.ok('sync.import', { passphrase: PASS, paths: files, receiptDir });
}
