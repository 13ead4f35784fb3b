import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.js';
import { keyCheck, newDatabaseKey } from './db-key.js';
import { syncFile } from './files.js';
import { emptyKeyStore, keyStoreFile, readKeyStore, withNewRecovery, withOsWrap, withPassphrase, writeKeyStoreFile } from './key-store.js';
import { MIN_PASSPHRASE } from './key-wraps.js';
import { connect } from './open.js';


const rotatingFile = (dbFile: string) => `${dbFile}.rotating`;
const nextStoreFile = (dbFile: string) => `${keyStoreFile(dbFile)}.next`;

/** Test hook: BANHCHI_TEST_ROTATE_FAIL_AFTER=n stops the rotation after step n (1–4), as a crash there would. */
function step(n: number): void {
  if (Number(process.env.BANHCHI_TEST_ROTATE_FAIL_AFTER ?? 0) === n) throw new Error(`rotation stopped after step ${n} (test)`);
}

/**
 * Finishes or undoes a key rotation a crash interrupted; called before the key store is read.
 * While `<db>.rotating` exists the register was not replaced: the new copy and its key store are
 * dropped (the old key still opens the old register). Once it is gone the register was replaced:
 * the new key store takes the old one's place.
 */
export function settleRotation(dbFile: string): void {
  const next = nextStoreFile(dbFile);
  if (existsSync(rotatingFile(dbFile))) {
    for (const leftover of [rotatingFile(dbFile), `${rotatingFile(dbFile)}-journal`, next]) rmSync(leftover, { force: true });
    return;
  }
  if (existsSync(next)) {
    renameSync(next, keyStoreFile(dbFile));
    syncFile(path.dirname(dbFile));
  }
}

export interface RotateOptions {
  /** The administrator doing it: their passphrase seals the new key (other administrators' wraps are dropped). */
  label: string;
  passphrase: string;
  /** When, for the new recovery wrap. */
  now: string;
  /** The new key, when the caller made it (the app's main process, which also seals it with the OS key store). */
  newKey?: Buffer | undefined;
  /** The new key sealed by the OS key store (the app); without it the register has no OS wrap until it is next opened by hand. */
  osWrap?: { backend: string; data: Buffer } | undefined;
}

/**
 * Changes the register's key (closed: nothing else may have it open) and remakes every wrap at
 * once. The documented WAL-safe procedure runs on a copy: `wal_checkpoint(TRUNCATE)`, `VACUUM INTO`
 * a copy (rollback journal), `journal_mode=DELETE` → `rekey` on the copy, verify it with the new key;
 * the new key store is written beside the old one; then one rename replaces the register and one
 * the key store. Stopped anywhere, `settleRotation` leaves either the old key with the old
 * register or the new key with the new one. Returns the new key and the new recovery key (for the sheet).
 */
export function rotateKey(dbFile: string, oldKey: Buffer, options: RotateOptions): { key: Buffer; recoveryKey: string } {
  if (options.passphrase.length < MIN_PASSPHRASE) throw new AppError('atrest.passphraseTooShort', { min: MIN_PASSPHRASE });
  settleRotation(dbFile);
  const store = readKeyStore(dbFile);
  if (!store || store.check !== keyCheck(oldKey)) throw new AppError('atrest.wrongKey', { file: dbFile });
  const key = options.newKey ?? newDatabaseKey();
  const copy = rotatingFile(dbFile);

  // 1. The register folded into its file, and a copy of it with the old key.
  const live = connect(dbFile, oldKey);
  let version: number;
  let counts: number;
  try {
    live.pragma('wal_checkpoint(TRUNCATE)');
    version = live.pragma('user_version', { simple: true }) as number;
    counts = rowCount(live);
    live.prepare('VACUUM INTO ?').run(copy);
  } finally {
    live.close();
  }
  step(1);

  // 2. The copy rekeyed (m4heshd/better-sqlite3-multiple-ciphers#91: never in WAL mode), synced and verified.
  const rekeying = connect(copy, oldKey);
  try {
    rekeying.pragma('journal_mode = DELETE');
    rekeying.rekey(key);
  } finally {
    rekeying.close();
  }
  syncFile(copy);
  const check = connect(copy, key, { readonly: true });
  try {
    if (check.pragma('integrity_check', { simple: true }) !== 'ok' || check.pragma('user_version', { simple: true }) !== version || rowCount(check) !== counts) {
      throw new AppError('atrest.conversionFailed', { file: dbFile });
    }
  } finally {
    check.close();
  }
  step(2);

  // 3. Every wrap of the new key, in a key store beside the old one.
  let next = withPassphrase(emptyKeyStore(key), key, options.label, options.passphrase);
  const made = withNewRecovery(next, key, options.now);
  next = made.store;
  if (options.osWrap) next = withOsWrap(next, options.osWrap.backend, options.osWrap.data);
  writeKeyStoreFile(nextStoreFile(dbFile), next);
  step(3);

  // 4. The register replaced (one rename), then 5. the key store (one rename).
  for (const side of [`${dbFile}-wal`, `${dbFile}-shm`]) rmSync(side, { force: true });
  renameSync(copy, dbFile);
  syncFile(path.dirname(dbFile));
  step(4);
  settleRotation(dbFile);
  return { key, recoveryKey: made.recoveryKey };
}

function rowCount(db: ReturnType<typeof connect>): number {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  return tables.reduce((sum, name) => sum + (db.prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`).pluck().get() as number), 0);
}
