import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { LOCAL_OPERATOR, type Actor } from '../../shared/actor.js';
import type { OpName, OpRequest, OpResponse } from '../../shared/contract/index.js';
import type { Result } from '../../shared/errors.js';
import { createLocalBackend, type Backend } from '../../electron/backend/backend.js';
import { openDatabase, type Database } from '../../electron/db/open.js';

export const SHARED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');
export const GAZETTEER_CSV = path.join(SHARED_DIR, 'data/cambodia-admin-units.csv');

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/** A fresh directory removed after the test. */
export function tempDir(prefix = 'banhchi-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh, migrated database file, closed after the test. */
export function freshDb(): { db: Database; file: string } {
  const file = path.join(tempDir(), 'banhchi.db');
  const db = openDatabase(file);
  cleanups.push(() => {
    if (db.open) db.close();
  });
  return { db, file };
}

export interface TestBackend {
  db: Database;
  file: string;
  backend: Backend;
  /** Calls an operation and returns its result. */
  call<N extends OpName>(op: N, input: OpRequest<N>, actor?: Actor): Promise<Result<OpResponse<N>>>;
  /** Calls an operation and fails the test unless it succeeds. */
  ok<N extends OpName>(op: N, input: OpRequest<N>, actor?: Actor): Promise<OpResponse<N>>;
}

export function testBackend(): TestBackend {
  const { db, file } = freshDb();
  const backend = createLocalBackend(db);
  const call = <N extends OpName>(op: N, input: OpRequest<N>, actor: Actor = LOCAL_OPERATOR) =>
    backend.call(op, input, actor) as Promise<Result<OpResponse<N>>>;
  return {
    db,
    file,
    backend,
    call,
    async ok(op, input, actor) {
      const result = await call(op, input, actor);
      if (!result.ok) throw new Error(`${op} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
  };
}
