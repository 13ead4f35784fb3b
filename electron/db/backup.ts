import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { keyCheck } from './db-key.js';
import { syncFile } from './files.js';
import { readKeyStore, unwrapKey, type KeyStore } from './key-store.js';
import { latestSchemaVersion } from './migrations/index.js';
import { connect, keyOf, openDatabase, type Database } from './open.js';

/**
 * A backup is one file: a magic line, one JSON line (what it is, the SHA-256 of the body, the
 * key's fingerprint and the key wrapped by the office passphrase and the recovery key — never the
 * OS wrap, which only opens on this PC), then the body: the register as an encrypted SQLite file
 * made by `VACUUM INTO` (the backup API cannot copy an encrypted file, research §3.1).
 * Whoever finds the USB stick holds ChaCha20-Poly1305 pages and scrypt-protected wraps.
 */
const MAGIC = 'BANHCHI-BACKUP 1\n';
const MAX_HEADER = 64 * 1024;

const headerSchema = z.object({
  format: z.literal('banhchi-backup'),
  version: z.literal(1),
  created: z.string(),
  schemaVersion: z.number().int(),
  office: z.string(),
  persons: z.number().int(),
  check: z.string(),
  wraps: z.array(z.unknown()),
  size: z.number().int(),
  sha256: z.string(),
});
export type BackupHeader = z.infer<typeof headerSchema>;

export interface BackupSummary {
  file: string;
  created: string;
  schemaVersion: number;
  office: string;
  persons: number;
  bytes: number;
}

/**
 * `banhchi-backup-2026-11-30-0615.bkp`, from the office's local time; the `n`th backup of the same
 * minute in one folder is `banhchi-backup-2026-11-30-0615-n.bkp` (n ≥ 2).
 */
export function backupFileName(localNow: string, n = 1): string {
  const stamp = localNow.slice(0, 16).replace('T', '-').replace(':', '');
  return `banhchi-backup-${stamp}${n > 1 ? `-${n}` : ''}.bkp`;
}

/**
 * Claims a backup name no file in `dir` has yet: the first of the minute's names that can be created
 * exclusively (`wx`), so a second backup in the same minute, from this process or another, never
 * replaces the first. The claimed (empty) file is replaced by the finished backup's rename.
 */
function claimBackupName(dir: string, localNow: string): string {
  for (let n = 1; ; n += 1) {
    const file = path.join(dir, backupFileName(localNow, n));
    try {
      closeSync(openSync(file, 'wx'));
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function officeName(db: Database): string {
  try {
    return (db.prepare('SELECT name FROM office LIMIT 1').pluck().get() as string | undefined) ?? '';
  } catch {
    return '';
  }
}

/** Writes an encrypted backup of the open register into `dir`; verifies it before saying it is done. */
export function createBackup(db: Database, dir: string, created: string, localNow: string): BackupSummary {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new AppError('backup.noFolder', { folder: dir });
  const body = path.join(dir, `.banhchi-backup-${randomUUID()}.partial`);
  let final: string | undefined;
  let partial: string | undefined;
  try {
    final = claimBackupName(dir, localNow);
    partial = `${final}.partial`;
    db.prepare('VACUUM INTO ?').run(body);
    const bytes = statSync(body).size;
    const sha256 = hashFile(body);
    const store = readKeyStore(db.name);
    const header: BackupHeader = {
      format: 'banhchi-backup',
      version: 1,
      created,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      office: officeName(db),
      persons: tableCount(db, 'person'),
      check: keyCheck(keyOf(db)),
      wraps: (store?.wraps ?? []).filter((w) => w.kind !== 'os'),
      size: bytes,
      sha256,
    };
    writeFileSync(partial, `${MAGIC}${JSON.stringify(header)}\n`);
    appendFile(partial, body);
    syncFile(partial);
    renameSync(partial, final);
    syncFile(dir);
  } catch (error) {
    if (partial) rmSync(partial, { force: true });
    // The claimed name is given back (still the empty claim: the rename did not happen).
    if (final && existsSync(final) && statSync(final).size === 0) rmSync(final, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('backup.cannotWrite', { folder: dir, reason: (error as Error).message });
  } finally {
    rmSync(body, { force: true });
  }
  return verifyBackup(final, { key: keyOf(db) }).summary;
}

function tableCount(db: Database, table: string): number {
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } catch {
    return 0;
  }
}

function hashFile(file: string, start = 0, length?: number): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    let at = start;
    const end = length === undefined ? statSync(file).size : start + length;
    while (at < end) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, end - at), at);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function appendFile(target: string, source: string): void {
  const out = openSync(target, 'a');
  const input = openSync(source, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let n = readSync(input, buffer); n > 0; n = readSync(input, buffer)) writeSync(out, buffer, 0, n);
  } finally {
    closeSync(input);
    closeSync(out);
  }
}

/** Reads the header; refuses anything that is not a whole Banhchi backup (wrong file, cut short, altered). */
export function readBackupHeader(file: string): { header: BackupHeader; bodyStart: number } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw new AppError('backup.unreadable', { file });
  }
  try {
    const head = Buffer.alloc(MAX_HEADER);
    const n = readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, n).toString('latin1');
    if (!text.startsWith(MAGIC)) throw new AppError('backup.notBackup', { file });
    const end = text.indexOf('\n', MAGIC.length);
    if (end < 0) throw new AppError('backup.damaged', { file });
    let header: BackupHeader;
    try {
      header = headerSchema.parse(JSON.parse(head.subarray(MAGIC.length, end).toString('utf8')));
    } catch {
      throw new AppError('backup.damaged', { file });
    }
    const bodyStart = end + 1;
    if (statSync(file).size !== bodyStart + header.size || hashFile(file, bodyStart, header.size) !== header.sha256) {
      throw new AppError('backup.damaged', { file });
    }
    return { header, bodyStart };
  } finally {
    closeSync(fd);
  }
}

export interface BackupSecrets {
  /** The key of this installation: opens backups made here. */
  key?: Buffer | undefined;
  /** Opens a backup made elsewhere (or before a key change), through the wraps it carries. */
  passphrase?: string | undefined;
  passphraseLabel?: string | undefined;
  recoveryKey?: string | undefined;
}

/** The key that opens a backup: this installation's, or one unwrapped by a passphrase or the recovery key. */
function backupKey(header: BackupHeader, secrets: BackupSecrets): Buffer {
  if (secrets.key && keyCheck(secrets.key) === header.check) return secrets.key;
  const store = { format: 'banhchi-db-keys', version: 1, check: header.check, wraps: header.wraps } as KeyStore;
  if (secrets.recoveryKey) return unwrapKey(store, 'recovery', secrets.recoveryKey);
  if (secrets.passphrase) return unwrapKey(store, 'passphrase', secrets.passphrase, secrets.passphraseLabel);
  throw new AppError('backup.otherKey');
}

function extractBody(file: string, bodyStart: number, size: number, to: string): void {
  const input = openSync(file, 'r');
  const out = openSync(to, 'w', 0o600);
  try {
    const buffer = Buffer.alloc(1 << 20);
    let at = bodyStart;
    while (at < bodyStart + size) {
      const n = readSync(input, buffer, 0, Math.min(buffer.length, bodyStart + size - at), at);
      if (n === 0) break;
      writeSync(out, buffer, 0, n);
      at += n;
    }
  } finally {
    closeSync(input);
    closeSync(out);
  }
  syncFile(to);
}

/** Opens the body with its key and checks it: whole (integrity_check), not from a newer version. */
function checkBody(file: string, body: string, key: Buffer, header: BackupHeader): void {
  let db: Database;
  try {
    db = connect(body, key, { readonly: true });
  } catch {
    throw new AppError('backup.damaged', { file });
  }
  try {
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new AppError('backup.damaged', { file });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestSchemaVersion) throw new AppError('db.newerVersion', { file, version, supported: latestSchemaVersion });
    if (version !== header.schemaVersion) throw new AppError('backup.damaged', { file });
  } finally {
    db.close();
  }
}

/** Verifies a backup completely (header, hash, key, integrity) without touching any register. */
export function verifyBackup(file: string, secrets: BackupSecrets, scratchDir = path.dirname(file)): { summary: BackupSummary; key: Buffer } {
  const { header, bodyStart } = readBackupHeader(file);
  const key = backupKey(header, secrets);
  const body = path.join(scratchDir, `.banhchi-verify-${randomUUID()}.db`);
  try {
    extractBody(file, bodyStart, header.size, body);
    checkBody(file, body, key, header);
  } finally {
    rmSync(body, { force: true });
  }
  return {
    key,
    summary: { file, created: header.created, schemaVersion: header.schemaVersion, office: header.office, persons: header.persons, bytes: statSync(file).size },
  };
}

const SIDES = ['', '-wal', '-shm'];

/** How many registers replaced by a restore are kept beside the register (each a whole, encrypted copy). */
export const KEEP_BEFORE_RESTORE = 2;

/**
 * The registers earlier restores replaced, oldest first: `<db>.before-restore.1`, `.2`, … (and
 * `<db>.before-restore`, the single name earlier versions used, as the oldest).
 */
export function beforeRestoreCopies(dbFile: string): { file: string; n: number }[] {
  const base = `${path.basename(dbFile)}.before-restore`;
  const copies: { file: string; n: number }[] = [];
  for (const name of readdirSync(path.dirname(dbFile))) {
    if (name === base) copies.push({ file: path.join(path.dirname(dbFile), name), n: 0 });
    const match = name.startsWith(`${base}.`) ? /^(\d+)$/.exec(name.slice(base.length + 1)) : null;
    if (match) copies.push({ file: path.join(path.dirname(dbFile), name), n: Number(match[1]) });
  }
  return copies.sort((a, b) => a.n - b.n);
}

function removeRegisterFiles(file: string): void {
  for (const side of SIDES) rmSync(`${file}${side}`, { force: true });
}

export interface RestoreSummary extends BackupSummary {
  /** Where the register that was replaced is kept. */
  previous: string;
}

/**
 * Replaces the register `dbFile` (closed) by the backup, keeping the previous register beside it
 * (`<db>.before-restore.N`, still encrypted, N one more than the last) until the restored one has
 * opened; if it does not, the previous one is put back. Once it has, only the last
 * KEEP_BEFORE_RESTORE replaced registers stay (a second restore soon after the first, say of the
 * wrong file, still leaves the register from before both). The restored file takes this
 * installation's key (`key`), so the OS key store and the passphrases of this PC keep opening it.
 */
export function restoreBackup(dbFile: string, file: string, key: Buffer, secrets: BackupSecrets): RestoreSummary {
  const { summary, key: fromKey } = verifyBackup(file, { ...secrets, key }, path.dirname(dbFile));
  const { header, bodyStart } = readBackupHeader(file);
  const incoming = `${dbFile}.restoring`;
  const previous = `${dbFile}.before-restore.${(beforeRestoreCopies(dbFile).at(-1)?.n ?? 0) + 1}`;
  rmSync(incoming, { force: true });
  try {
    extractBody(file, bodyStart, header.size, incoming);
    if (!fromKey.equals(key)) {
      // Key rotation's WAL-safe procedure (docs/encryption.md): the copy is in rollback mode, rekeyed in one connection.
      const db = connect(incoming, fromKey);
      try {
        db.pragma('journal_mode = DELETE');
        db.rekey(key);
      } finally {
        db.close();
      }
    }
    checkBody(file, incoming, key, header);
  } catch (error) {
    rmSync(incoming, { force: true });
    throw error;
  }
  removeRegisterFiles(previous);
  for (const side of SIDES) if (existsSync(`${dbFile}${side}`)) renameSync(`${dbFile}${side}`, `${previous}${side}`);
  renameSync(incoming, dbFile);
  syncFile(path.dirname(dbFile));
  try {
    openDatabase(dbFile, { key, convertPlain: false }).close();
  } catch (error) {
    removeRegisterFiles(dbFile);
    for (const side of SIDES) if (existsSync(`${previous}${side}`)) renameSync(`${previous}${side}`, `${dbFile}${side}`);
    throw error;
  }
  // The restored register opens: older replaced registers than the last few go.
  for (const copy of beforeRestoreCopies(dbFile).slice(0, -KEEP_BEFORE_RESTORE)) removeRegisterFiles(copy.file);
  return { ...summary, previous };
}
