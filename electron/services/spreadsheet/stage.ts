import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { openScratch, type Database } from '../../db/open.js';
import type { RowPlan } from './rows.js';

/** Rows kept in memory before the stage moves to disk: a commune's sheet, not a national register's. */
const IN_MEMORY_ROWS = 25_000;
/** Rows written to the scratch file per transaction. */
const SPILL_BATCH = 2_000;

/**
 * Valid rows wait between the streaming read (async) and the one synchronous commit transaction. Up to
 * `IN_MEMORY_ROWS` they stay in memory; a bigger sheet moves to a scratch SQLite file, so memory stays flat
 * whatever its size.
 */
export class Stage {
  private readonly register: Database;
  /** Created at the first spill; encrypted with the register's key, like every file holding personal data. */
  private scratch: { file: string; db: Database; insert: Statement } | null = null;
  private pending: RowPlan[] = [];
  count = 0;

  constructor(register: Database, private readonly inMemoryRows = IN_MEMORY_ROWS) {
    this.register = register;
  }

  /** Adds a valid row; repeated identities are found by `repeats` once every row is in. */
  add(plan: RowPlan): void {
    this.pending.push(plan);
    this.count += 1;
    if (this.scratch ? this.pending.length >= SPILL_BATCH : this.pending.length > this.inMemoryRows) this.spill();
  }

  private spill(): void {
    if (this.pending.length === 0) return;
    if (!this.scratch) {
      const file = path.join(os.tmpdir(), `banhchi-import-${uuidv4()}.sqlite`);
      const db = openScratch(this.register, file);
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      // The identity key is indexed once, after the last row (`repeats`): cheaper than keeping an index up to date.
      db.exec('CREATE TABLE plan (row INTEGER PRIMARY KEY, key TEXT NOT NULL, json TEXT NOT NULL)');
      this.scratch = { file, db, insert: db.prepare('INSERT INTO plan (row, key, json) VALUES (?, ?, ?)') };
    }
    const { db, insert } = this.scratch;
    const batch = this.pending;
    this.pending = [];
    db.transaction(() => {
      for (const plan of batch) insert.run(plan.row, identityKey(plan), JSON.stringify(plan));
    })();
  }

  /** Each row whose person (identity key) an earlier row already has, with that first row; in row order. */
  repeats(): { row: number; first: number }[] {
    if (!this.scratch) {
      const first = new Map<string, number>();
      const found: { row: number; first: number }[] = [];
      for (const plan of this.pending) {
        const key = identityKey(plan);
        const earlier = first.get(key);
        if (earlier === undefined) first.set(key, plan.row);
        else found.push({ row: plan.row, first: earlier });
      }
      return found;
    }
    this.spill();
    return this.scratch.db.prepare(`
      SELECT p.row, f.first FROM (SELECT key, min(row) AS first FROM plan GROUP BY key HAVING count(*) > 1) f
      JOIN plan p ON p.key = f.key AND p.row <> f.first ORDER BY p.row`).all() as { row: number; first: number }[];
  }

  /** The staged rows in sheet order. */
  *plans(): Generator<RowPlan> {
    if (!this.scratch) {
      yield* this.pending;
      return;
    }
    this.spill();
    for (const json of this.scratch.db.prepare('SELECT json FROM plan ORDER BY row').pluck().iterate()) {
      yield JSON.parse(json as string) as RowPlan;
    }
  }

  /** Whether the rows moved to a scratch file (for tests). */
  get onDisk(): boolean {
    return this.scratch !== null;
  }

  dispose(): void {
    this.pending = [];
    if (!this.scratch) return;
    if (this.scratch.db.open) this.scratch.db.close();
    rmSync(this.scratch.file, { force: true });
  }
}

/** One person per (nationality, passport number, birth date). */
function identityKey(plan: RowPlan): string {
  return `${plan.person.nationality}|${plan.person.passportNo}|${plan.person.birthDate}`;
}
