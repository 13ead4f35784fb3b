import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.js';
import { writeFileAtomic } from './crypto/keys.js';
import { SENT_MARK_NAME } from '../db/sent-mark.js';
import { pluckStmt, stmt } from '../db/statements.js';

/**
 * Every `changes` bundle this office sends is kept, as written (signed and encrypted to the offices
 * above, so nothing readable lies beside the database), in `<db>-outbox/` until the office above
 * acknowledges it. A stick lost on the way is then not a lost bundle: History writes the same file again.
 * A later bundle carries the same changes anyway (format 2); writing again is for when nothing new was made.
 */
export function outboxDir(db: Database): string | null {
  return db.memory || db.name === '' ? null : `${db.name}-outbox`;
}

/** Keeps a copy of a bundle just written. */
export async function keepSent(db: Database, file: string): Promise<void> {
  const dir = outboxDir(db);
  if (!dir) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(path.join(dir, path.basename(file)), readFileSync(file), 0o600);
}

/** The kept copy of a sent bundle, if it is still kept. */
export function keptBundle(db: Database, fileName: string): string | null {
  const dir = outboxDir(db);
  const name = path.basename(fileName);
  if (!dir || name !== fileName) return null;
  const file = path.join(dir, name);
  return existsSync(file) ? file : null;
}

/** Removes the copies the office above has acknowledged (and any left by an interrupted write). */
export function dropAcknowledged(db: Database): number {
  const dir = outboxDir(db);
  if (!dir || !existsSync(dir)) return 0;
  const waiting = new Set(
    pluckStmt(db, "SELECT file_name FROM sync_sent WHERE kind = 'changes' AND acked_at IS NULL").all() as string[],
  );
  let dropped = 0;
  for (const name of readdirSync(dir)) {
    // The last-sent mark stays: it is what a register restored from an older backup carries on from.
    if (waiting.has(name) || name === SENT_MARK_NAME) continue;
    rmSync(path.join(dir, name), { force: true });
    dropped += 1;
  }
  return dropped;
}

/** A sent, unacknowledged bundle to write again: its kept file, or a clear refusal. */
export function bundleToWriteAgain(db: Database, fileName: string): { file: string; seq: number } {
  const row = stmt(db, "SELECT seq, acked_at FROM sync_sent WHERE kind = 'changes' AND file_name = ?").get(fileName) as
    | { seq: number; acked_at: string | null }
    | undefined;
  if (!row) throw new AppError('syncdb.notSentHere', { file: fileName });
  if (row.acked_at) throw new AppError('syncdb.alreadyAcknowledged', { file: fileName, seq: row.seq });
  const file = keptBundle(db, fileName);
  if (!file) throw new AppError('syncdb.bundleNotKept', { file: fileName, seq: row.seq });
  return { file, seq: row.seq };
}
