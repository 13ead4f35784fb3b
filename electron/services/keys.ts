import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DEFAULT_REMINDER_DAYS, REMINDER_SETTING, type BackupEntry, type KeysOp } from '../../shared/contract/keys.js';
import { AppError } from '../../shared/errors.js';
import { daysBetween, officeNow, officeToday } from '../../shared/local-time.js';
import type { HandlerContext, HandlerTable } from '../backend/context.js';
import { now } from '../backend/clock.js';
import { verify } from '@node-rs/argon2';
import { readSecret, userById, userNames } from '../db/accounts.js';
import { rotateKey } from '../db/rotate.js';
import { createBackup, restoreBackup, verifyBackup, type BackupSecrets } from '../db/backup.js';
import { insertRecord, nowIso, readRecord, updateRecord } from '../db/changes.js';
import { keyCheck } from '../db/db-key.js';
import { keyStatus, makeRecoveryKey } from '../db/key-wraps.js';
import { keyOf, openDatabase } from '../db/open.js';
import { officeInfo } from '../db/print.js';
import { officeZone, settingEntity } from '../db/settings.js';
import { Composer } from '../print/compose.js';
import { renderRecoverySheet, type RecoverySheetData } from '../print/documents/recovery.js';
import type { PrintLang } from '../print/strings.js';
import { loadShaper } from '../print/shaper.js';

/** How many of the last backups the backup screen lists. */
const LISTED = 10;

interface LogRow {
  created_at: string;
  created_local: string;
  name: string;
  place: string | null;
  persons: number;
  bytes: number;
  actor: string;
}

function backupLog(ctx: Pick<HandlerContext, 'db'>, limit = LISTED): LogRow[] {
  return ctx.db.prepare('SELECT created_at, created_local, name, place, persons, bytes, actor FROM backup_log ORDER BY created_at DESC, id DESC LIMIT ?').all(limit) as LogRow[];
}

function recordBackup(db: HandlerContext['db'], row: LogRow): void {
  db.prepare('INSERT INTO backup_log (created_at, created_local, name, place, persons, bytes, actor) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(row.created_at, row.created_local, row.name, row.place, row.persons, row.bytes, row.actor);
}

/** The reminder in days, or null when the administrator turned it off. */
export function reminderDays(ctx: Pick<HandlerContext, 'db'>): number | null {
  const value = readRecord(ctx.db, settingEntity, REMINDER_SETTING)?.value;
  if (value === 'off') return null;
  const days = Number(value);
  return Number.isInteger(days) && days >= 1 ? days : DEFAULT_REMINDER_DAYS;
}

/**
 * Whether the reminder is due: no backup for more than `reminderDays` days, counted from the last
 * backup, or from the office's set-up when there has never been one.
 */
export function backupStatus(ctx: Pick<HandlerContext, 'db' | 'office'>) {
  const zone = officeZone(ctx.db);
  const today = officeToday(zone, now());
  const rows = backupLog(ctx);
  const names = userNames(ctx.db, rows.map((r) => r.actor));
  const backups: BackupEntry[] = rows.map((r) => ({
    created: r.created_at, createdLocal: r.created_local, name: r.name, place: r.place, persons: r.persons, bytes: r.bytes,
    byNameEn: names.get(r.actor)?.en ?? '', byNameKm: names.get(r.actor)?.km ?? '',
  }));
  const days = reminderDays(ctx);
  const last = rows[0]?.created_local.slice(0, 10) ?? null;
  const daysSince = last ? daysBetween(last, today) : null;
  const since = last ?? ctx.office()?.createdAt?.slice(0, 10) ?? null;
  const due = days !== null && since !== null && daysBetween(since, today) > days;
  return { backups, reminderDays: days, daysSince, due };
}

export const keysHandlers: Pick<HandlerTable, KeysOp> = {
  // The backend runs only once the register is open: the transport answers these while it is locked (backend/locked.ts).
  'keys.unlockState': () => ({ locked: false }),
  'keys.unlock': () => {
    throw new AppError('keys.notUnlockable');
  },

  'keys.status': (ctx) => keyStatus(ctx.db),

  'keys.recoverySheet': async (ctx, request) => {
    await loadShaper();
    const office = officeInfo(ctx.db, ctx.office());
    const made = officeNow(officeZone(ctx.db), now());
    const recoveryKey = makeRecoveryKey(ctx.db, nowIso());
    return recoverySheet(request.lang, { office, made, recoveryKey, fingerprint: keyCheck(keyOf(ctx.db)) }, request.out);
  },

  'keys.rotate': async (ctx, request) => {
    if (!ctx.replaceDatabase) throw new AppError('keys.cannotRotateHere');
    // The acting administrator's own password, checked like a sign-in: it seals the new key.
    const user = userById(ctx.db, ctx.actor.id);
    const secret = user ? readSecret(ctx.db, user.id) : null;
    const label = user?.username ?? 'administrator';
    if (secret ? !(await verify(secret.passwordHash, request.password)) : ctx.actor.kind === 'user') throw new AppError('keys.wrongPassword');
    await loadShaper();
    const office = officeInfo(ctx.db, ctx.office());
    const made = officeNow(officeZone(ctx.db), now());
    const newKey = request.newKeyHex ? Buffer.from(request.newKeyHex, 'hex') : undefined;
    const osWrap = request.osBackend && request.osDataBase64 ? { backend: request.osBackend, data: Buffer.from(request.osDataBase64, 'base64') } : undefined;
    let rotated: ReturnType<typeof rotateKey> | undefined;
    ctx.replaceDatabase((file, key) => {
      rotated = rotateKey(file, key, { label, passphrase: request.password, now: nowIso(), newKey, osWrap });
      return rotated.key;
    });
    return recoverySheet(request.lang, { office, made, recoveryKey: rotated!.recoveryKey, fingerprint: keyCheck(rotated!.key) });
  },

  'backup.status': (ctx) => backupStatus(ctx),

  'backup.create': (ctx, request) => {
    const zone = officeZone(ctx.db);
    const created = nowIso();
    const local = officeNow(zone, now());
    // From the page: written beside the register, handed back as bytes (saved by a dialog or a download), removed here.
    const folder = request.to ?? path.join(path.dirname(ctx.db.name), `.banhchi-backup-out-${randomUUID()}`);
    if (!request.to) mkdirSync(folder, { mode: 0o700 });
    try {
      const summary = createBackup(ctx.db, folder, created, local);
      const base64 = request.to ? null : readFileSync(summary.file).toString('base64');
      const name = path.basename(summary.file);
      recordBackup(ctx.db, { created_at: created, created_local: local, name, place: request.to ?? null, persons: summary.persons, bytes: summary.bytes, actor: ctx.actor.id });
      return { name, created, persons: summary.persons, bytes: summary.bytes, schemaVersion: summary.schemaVersion, office: summary.office, place: request.to ? summary.file : null, base64 };
    } finally {
      if (!request.to) rmSync(folder, { recursive: true, force: true });
    }
  },

  'backup.restore': (ctx, request) => {
    if (!ctx.replaceDatabase) throw new AppError('backup.cannotRestoreHere');
    const dir = path.dirname(ctx.db.name);
    let file = request.file;
    const upload = file === undefined;
    if (upload) {
      if (!request.base64) throw new AppError('backup.notBackup', { file: request.name ?? '' });
      file = path.join(dir, `.banhchi-restore-${randomUUID()}.bkp`);
      writeFileSync(file, Buffer.from(request.base64, 'base64'), { mode: 0o600 });
    }
    const shown = request.name ?? path.basename(file!);
    const secrets: BackupSecrets = {
      key: keyOf(ctx.db),
      passphrase: request.passphrase || undefined,
      passphraseLabel: request.username || undefined,
      recoveryKey: request.recoveryKey || undefined,
    };
    try {
      // Verified completely before anything is closed or replaced.
      try {
        verifyBackup(file!, secrets, dir);
      } catch (error) {
        throw named(error, file!, shown);
      }
      // The list of backups is this PC's, not the backup's: it goes over to the restored register.
      const log = backupLog(ctx, 10_000).reverse();
      let summary: ReturnType<typeof restoreBackup> | undefined;
      ctx.replaceDatabase((dbFile, key) => {
        summary = restoreBackup(dbFile, file!, key, secrets);
        const restored = openDatabase(dbFile, { key, convertPlain: false });
        try {
          restored.transaction(() => {
            const known = new Set((restored.prepare('SELECT created_at || name FROM backup_log').pluck().all() as string[]));
            for (const row of log) if (!known.has(row.created_at + row.name)) recordBackup(restored, row);
          })();
        } finally {
          restored.close();
        }
      });
      const s = summary!;
      return { name: shown, created: s.created, persons: s.persons, bytes: s.bytes, schemaVersion: s.schemaVersion, office: s.office };
    } finally {
      if (upload) rmSync(file!, { force: true });
    }
  },

  'backup.setReminder': (ctx, request) => {
    const writer = ctx.writer();
    const value = request.days === null ? 'off' : String(request.days);
    if (readRecord(ctx.db, settingEntity, REMINDER_SETTING)) updateRecord(writer, settingEntity, REMINDER_SETTING, { value });
    else insertRecord(writer, settingEntity, REMINDER_SETTING, { value });
    return { days: request.days };
  },
};

async function recoverySheet(lang: PrintLang, data: RecoverySheetData, out?: string) {
  const c = new Composer(lang);
  renderRecoverySheet(c, data);
  const pages = c.pages;
  const pdf = await c.finish();
  if (out) {
    try {
      writeFileSync(out, pdf, { mode: 0o600 });
    } catch (error) {
      throw new AppError('print.cannotWrite', { file: out, reason: (error as Error).message });
    }
  }
  return { pdfBase64: out ? null : pdf.toString('base64'), path: out ?? null, pages, bytes: pdf.length, documents: 1, docNo: null, receiptNo: null };
}

/** Errors about the uploaded copy name the file the person chose, not the temporary one. */
function named(error: unknown, file: string, shown: string): unknown {
  if (error instanceof AppError && error.params && error.params.file === file) {
    return new AppError(error.code, { ...error.params, file: shown }, error.details);
  }
  return error;
}
