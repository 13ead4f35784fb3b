/** Receiving offices for the insider corpus (test/fixtures/insider): a database per case, copied from a template. */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCAL_OPERATOR } from '../../../shared/actor.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { AppError } from '../../../shared/errors.js';
import { insertRecord } from '../../../electron/db/changes.js';
import { officeEntity } from '../../../electron/db/office.js';
import { openDatabase, type Database } from '../../../electron/db/open.js';
import { installDirectory, trustNational } from '../../../electron/sync/directory.js';
import { parseKeyCard } from '../../../electron/sync/format/index.js';
import { fileSource, importBundle, type ImportOptions, type ImportResult } from '../../../electron/sync/import.js';
import type { UnlockedKeys } from '../../../electron/sync/keystore.js';
import type { InsiderCase } from '../../fixtures/insider/cases.js';
import { directory, INSIDER_DIR, loadOffices, type InsiderOffice, type OfficeName } from '../../fixtures/insider/offices.js';

export interface Corpus {
  bases: Record<'P' | 'N', string[]>;
  cases: Omit<InsiderCase, 'make'>[];
}

export const corpus = JSON.parse(readFileSync(`${INSIDER_DIR}corpus.json`, 'utf8')) as Corpus;
export const bundlePath = (name: string) => path.join(INSIDER_DIR, 'bundles', name);

export interface Receiver {
  name: 'P' | 'N';
  template: string;
  keys: UnlockedKeys;
}

export interface InsiderWorld {
  offices: Record<OfficeName, InsiderOffice>;
  dir: string;
  receivers: Record<'P' | 'N', Receiver>;
  cleanup(): void;
}

/** SHA-256 of the database file and its WAL, after a checkpoint: "byte-identical" means this is equal. */
export function fileHash(db: Database): string {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const hash = createHash('sha256').update(readFileSync(db.name));
  if (existsSync(`${db.name}-wal`)) hash.update(readFileSync(`${db.name}-wal`));
  return hash.digest('hex');
}

export function importOptions(db: Database, receiver: Receiver, receiptDir: string | null = null): ImportOptions {
  return { keys: receiver.keys, writer: { db, actor: LOCAL_OPERATOR }, receiptDir };
}

export async function makeWorld(): Promise<InsiderWorld> {
  const offices = await loadOffices();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'banhchi-insider-'));
  const receiver = async (name: 'P' | 'N'): Promise<Receiver> => {
    const me = offices[name];
    const template = path.join(dir, `${name}-template.db`);
    const db = openDatabase(template);
    insertRecord({ db, actor: LOCAL_OPERATOR, originOffice: me.id }, officeEntity, me.id, {
      level: me.level, unit_code: me.unitCode, name: me.name, created_at: '2026-01-01T00:00:00.000Z',
    });
    trustNational(db, parseKeyCard(offices.N.card.qrPayload));
    db.transaction(() => installDirectory(db, directory(offices), 'directory.json'))();
    const keys: UnlockedKeys = { current: me.keys, identities: [me.keys.ageIdentity], card: me.card };
    const result: Receiver = { name, template, keys };
    for (const base of corpus.bases[name]) {
      const imported = await importBundle(db, fileSource(bundlePath(base)), importOptions(db, result));
      if (imported.status !== 'applied') throw new Error(`${base}: ${imported.status}`);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return result;
  };
  const receivers = { P: await receiver('P'), N: await receiver('N') };
  return { offices, dir, receivers, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let copies = 0;
/** A fresh copy of a receiver's database. */
export function openCopy(world: InsiderWorld, name: 'P' | 'N'): Database {
  const file = path.join(world.dir, `${name}-${++copies}.db`);
  copyFileSync(world.receivers[name].template, file);
  return openDatabase(file);
}

export type Outcome = { ok: true; result: ImportResult } | { ok: false; error: AppErrorShape };

export async function tryImport(db: Database, receiver: Receiver, source: Parameters<typeof importBundle>[1], receiptDir: string | null = null): Promise<Outcome> {
  try {
    return { ok: true, result: await importBundle(db, source, importOptions(db, receiver, receiptDir)) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toShape() };
    throw error;
  }
}

/** Each invalid change of a refusal as entity.field:reason. */
export function problemsOf(error: AppErrorShape): string[] {
  return (error.details ?? []).map((d) => `${d.params?.entity}.${d.params?.field}:${d.code.replace(/^recordCheck\./, '')}`);
}
