import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.js';
import { syncFile } from './files.js';
import { connect } from './open.js';

/** Test hook: the conversion waits here (ms) between steps, so a test can kill it mid-way. */
const PAUSE_MS = Number(process.env.BANHCHI_TEST_CONVERT_PAUSE_MS ?? 0);

/**
 * Converts a plain database (a version before encryption) into an encrypted one, in place, once.
 *
 * Crash-safe by construction: the plain file is not changed (beyond folding its WAL in) until an
 * encrypted copy has been written, synced and verified beside it; one rename then replaces it.
 * Killed at any point, the next start finds either the whole plain file (and converts again,
 * discarding the unfinished copy) or the whole encrypted one.
 *
 * The copy is `VACUUM … INTO` from an encrypted connection with the plain file attached without
 * a key: SQLite3MC encrypts the copy with the connection's key. (The backup API cannot change
 * the reserved bytes per page an encrypted file needs, and rekeying in place rewrites the one
 * file the office has.)
 */
export function encryptPlainDatabase(file: string, key: Buffer, options: { nativeBinding?: string | undefined; maxVersion: number }): void {
  const { nativeBinding } = options;
  const next = `${file}.encrypting`;
  const scratch = `${file}.encrypting-scratch`;
  for (const leftover of [next, scratch, `${scratch}-journal`]) rmSync(leftover, { force: true });

  // 1. Fold the write-ahead log into the file, so the file alone holds every commit.
  const plain = connect(file, 'plain', { nativeBinding });
  let counts: Map<string, number>;
  let version: number;
  try {
    version = plain.pragma('user_version', { simple: true }) as number;
    // A newer version's file is refused before anything is written to it, even the checkpoint.
    if (version > options.maxVersion) throw new AppError('db.newerVersion', { file, version, supported: options.maxVersion });
    plain.pragma('wal_checkpoint(TRUNCATE)');
    counts = tableCounts(plain);
  } finally {
    plain.close();
  }
  pause();

  // 2. The encrypted copy, synced to disk.
  const copier = connect(scratch, key, { nativeBinding });
  try {
    copier.prepare(`ATTACH DATABASE ? AS plain KEY ''`).run(file);
    copier.prepare('VACUUM plain INTO ?').run(next);
  } finally {
    copier.close();
    rmSync(scratch, { force: true });
  }
  syncFile(next);
  pause();

  // 3. Verify before replacing anything: opens with the key, intact, same version, same rows.
  const check = connect(next, key, { readonly: true, nativeBinding });
  try {
    const integrity = check.pragma('integrity_check', { simple: true });
    const same = (check.pragma('user_version', { simple: true }) as number) === version && sameCounts(tableCounts(check), counts);
    if (integrity !== 'ok' || !same) throw new AppError('atrest.conversionFailed', { file });
  } finally {
    check.close();
  }
  pause();

  // 4. One rename replaces the plain file; the directory entry is synced so the rename survives a power cut.
  renameSync(next, file);
  syncFile(path.dirname(file));
  for (const side of [`${file}-wal`, `${file}-shm`]) rmSync(side, { force: true });
}

function tableCounts(db: ReturnType<typeof connect>): Map<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return new Map(tables.map((name) => [name, db.prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`).pluck().get() as number]));
}

function sameCounts(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...a].every(([name, n]) => b.get(name) === n);
}

function pause(): void {
  if (PAUSE_MS > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, PAUSE_MS);
}
