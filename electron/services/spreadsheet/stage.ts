import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { openScratch, type Database } from '../../db/open.js';
import type { RowPlan } from './rows.js';

/**
 * Valid rows wait on disk in a scratch SQLite file between the streaming read (async) and the one
 * synchronous commit transaction, so memory stays flat whatever the size of the sheet.
 */
export class Stage {
  private readonly file = path.join(os.tmpdir(), `banhchi-import-${uuidv4()}.sqlite`);
  /** Encrypted with the register's key, like every file holding personal data. */
  private readonly db: Database;
  private readonly insert;
  private readonly findKey;
  private pending: RowPlan[] = [];
  private readonly pendingKeys = new Map<string, number>();
  count = 0;

  constructor(register: Database) {
    this.db = openScratch(register, this.file);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.exec('CREATE TABLE plan (row INTEGER PRIMARY KEY, key TEXT NOT NULL, json TEXT NOT NULL); CREATE INDEX plan_key ON plan(key)');
    this.insert = this.db.prepare('INSERT INTO plan (row, key, json) VALUES (?, ?, ?)');
    this.findKey = this.db.prepare('SELECT row FROM plan WHERE key = ? LIMIT 1').pluck();
  }

  /** Adds a valid row; returns the row number of an earlier row with the same identity key, if any. */
  add(plan: RowPlan): number | undefined {
    const key = identityKey(plan);
    const earlier = this.pendingKeys.get(key) ?? (this.findKey.get(key) as number | undefined);
    if (earlier !== undefined) return earlier;
    this.pending.push(plan);
    this.pendingKeys.set(key, plan.row);
    this.count += 1;
    if (this.pending.length >= 2000) this.flush();
    return undefined;
  }

  flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.pendingKeys.clear();
    this.db.transaction(() => {
      for (const plan of batch) this.insert.run(plan.row, identityKey(plan), JSON.stringify(plan));
    })();
  }

  *plans(): Generator<RowPlan> {
    this.flush();
    for (const json of this.db.prepare('SELECT json FROM plan ORDER BY row').pluck().iterate()) {
      yield JSON.parse(json as string) as RowPlan;
    }
  }

  dispose(): void {
    if (this.db.open) this.db.close();
    rmSync(this.file, { force: true });
  }
}

/** One person per (nationality, passport number, birth date). */
function identityKey(plan: RowPlan): string {
  return `${plan.person.nationality}|${plan.person.passportNo}|${plan.person.birthDate}`;
}
