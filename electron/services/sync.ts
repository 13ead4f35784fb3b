import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.js';
import type { OpParsedRequest } from '../../shared/contract/index.js';
import type { HandlerContext, HandlerTable } from '../backend/context.js';
import {
  addCard, currentDirectory, currentSigned, nationalTrust, revokeEntry, signNextDirectory,
} from '../sync/directory.js';
import { exportChanges, pendingCount } from '../sync/export.js';
import { inspectBundle } from '../sync/format/index.js';
import { heldUsage } from '../sync/held.js';
import { importBundle, type ImportResult } from '../sync/import.js';
import { cardFor, createKeys, ownPublicKeys, requireOffice, unlockKeys, type UnlockedKeys } from '../sync/keystore.js';
import { exportReference } from '../sync/reference.js';
import type { ImportResultView } from '../../shared/contract/sync.js';
import { appErrorWithOfficeNames, withOfficeNames } from '../sync/office-label.js';
import { emptySummary } from '../sync/types.js';
import { syncSetupHandlers } from './sync-setup.js';
import { markWritten, readAlerts, syncViewHandlers } from './sync-views.js';

type SyncOp =
  | 'sync.status' | 'sync.keysCreate' | 'sync.keyCard' | 'sync.directoryRevoke' | 'sync.directorySign'
  | 'sync.directoryExport' | 'sync.export' | 'sync.import' | 'sync.inspect';

/**
 * The page never names a file: bundles it exports and receipts for bundles it imports are made in a
 * private temporary folder and handed back as bytes, for the page to save through a dialog or a download.
 */
async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'banhchi-out-'));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const asFile = (file: string) => ({ name: path.basename(file), base64: readFileSync(file).toString('base64') });

/** Bundle files in a folder (a USB stick), or the file itself. */
export function bundleFiles(target: string): { path: string; inFolder: boolean }[] {
  let stat;
  try {
    stat = statSync(target);
  } catch (error) {
    throw new AppError('syncdb.cannotRead', { file: target, reason: (error as Error).message });
  }
  if (!stat.isDirectory()) return [{ path: target, inFolder: false }];
  return readdirSync(target).filter((name) => name.endsWith('.bchb')).sort().map((name) => ({ path: path.join(target, name), inFolder: true }));
}

/**
 * Orders files by sender, kind and sequence so consecutive bundles apply without being held.
 * Files in a folder that are not encrypted for this office (bundles and receipts for others on
 * the same stick) are left alone.
 */
async function inOrder(files: { path: string; inFolder: boolean }[], ownKeyId: string): Promise<{ path: string; key: string }[]> {
  const keyed = await Promise.all(files.map(async (f) => {
    try {
      const { header } = await inspectBundle({ path: f.path });
      if (f.inFolder && !header.recipients.includes(ownKeyId)) return null;
      return { path: f.path, key: `${header.kind === 'receipt' ? 1 : 0}|${header.sender}|${header.kind}|${String(header.sequence).padStart(12, '0')}` };
    } catch {
      return { path: f.path, key: `2|${f.path}` };
    }
  }));
  return keyed.filter((k): k is { path: string; key: string } => k !== null).sort((a, b) => a.key.localeCompare(b.key));
}

function failed(db: Database, file: string, error: unknown): ImportResultView {
  const shape = error instanceof AppError ? error.toShape() : { code: 'syncdb.unexpected', params: { file, reason: (error as Error).message } };
  return {
    file, status: 'error', from: '', kind: '', seq: 0, waitingFor: null, summary: emptySummary(), receipt: null, receiptError: null,
    error: withOfficeNames(db, { code: shape.code, params: { file, ...(shape.params ?? {}) }, ...(shape.details ? { details: shape.details } : {}) }), released: [],
  };
}

function view(db: Database, result: ImportResult, receiptsAsBytes: boolean): ImportResultView {
  const receiptFile = receiptsAsBytes && result.receipt ? asFile(result.receipt) : null;
  return {
    ...result, receipt: receiptFile ? receiptFile.name : result.receipt, receiptFile,
    ...(result.error ? { error: withOfficeNames(db, result.error) } : {}),
    ...(result.receiptError ? { receiptError: withOfficeNames(db, result.receiptError) } : {}),
    released: result.released.map((r) => view(db, r, receiptsAsBytes)),
  };
}

/** Offices named as people know them, never by id, in every message a sync operation ends with (office-label.ts). */
function namingOffices<T extends object>(handlers: T): T {
  return Object.fromEntries(Object.entries(handlers).map(([op, handler]) => [op, async (ctx: HandlerContext, request: unknown) => {
    try {
      return await (handler as (ctx: HandlerContext, request: unknown) => unknown)(ctx, request);
    } catch (error) {
      throw error instanceof AppError ? appErrorWithOfficeNames(ctx.db, error) : error;
    }
  }])) as T;
}

async function keysOf(ctx: HandlerContext, passphrase: string): Promise<UnlockedKeys> {
  requireOffice(ctx.office());
  return unlockKeys(ctx.db, passphrase);
}

export const syncHandlers: Pick<HandlerTable, SyncOp | keyof typeof syncViewHandlers | keyof typeof syncSetupHandlers> = namingOffices({
  ...syncViewHandlers,
  ...syncSetupHandlers,

  'sync.status': (ctx) => {
    const self = ctx.office()?.id ?? '';
    const count = (sql: string) => ctx.db.prepare(sql).pluck().get() as number;
    return {
      keys: ownPublicKeys(ctx.db) as ReturnType<typeof ownPublicKeys> & { createdAt: string; qrPayload: string } | null,
      directoryVersion: currentDirectory(ctx.db)?.version ?? 0,
      nationalTrusted: nationalTrust(ctx.db) !== null,
      pendingChanges: self ? pendingCount(ctx.db, self) : 0,
      held: heldUsage(ctx.db).count,
      openConflicts: count("SELECT count(*) FROM sync_conflict WHERE status = 'open'"),
      alerts: readAlerts(ctx.db).length,
    };
  },

  'sync.keysCreate': async (ctx, request) => {
    const office = requireOffice(ctx.office());
    const card = await createKeys(ctx.db, office, request.passphrase, request.parentOfficeId, keyFileOptions());
    if (office.level === 'national') addCard(ctx.db, card.qrPayload);
    return card;
  },

  'sync.keyCard': async (ctx, request) => cardFor(await keysOf(ctx, request.passphrase)),

  'sync.directoryRevoke': (ctx, request) => ({ revoked: revokeEntry(ctx.db, request.officeId, request.afterSequence) }),

  'sync.directorySign': async (ctx, request) => {
    const keys = await keysOf(ctx, request.passphrase);
    const signed = signNextDirectory(ctx.db, keys.current);
    return { version: currentDirectory(ctx.db)?.version ?? 0, signed: JSON.stringify(signed) };
  },

  'sync.directoryExport': (ctx) => {
    const signed = currentSigned(ctx.db);
    if (!signed) throw new AppError('syncdb.noDirectory');
    return { version: currentDirectory(ctx.db)?.version ?? 0, signed: JSON.stringify(signed) };
  },

  'sync.export': async (ctx, request) => {
    const keys = await keysOf(ctx, request.passphrase);
    const write = async (dir: string) => {
      if (request.reference) {
        const files = await exportReference(ctx.db, keys, dir, request.offices);
        return { status: files.length > 0 ? 'written' as const : 'nothing' as const, files, seq: 0, changes: 0, size: 0 };
      }
      const result = await exportChanges(ctx.db, keys, dir, (done, total) => ctx.progress(done, total, 'sync.progress.export'));
      return { status: result.status, files: result.file ? [result.file] : [], seq: result.seq, changes: result.changes, size: result.size };
    };
    if (request.dir) {
      const written = await write(request.dir);
      markWritten(ctx.db, written.files.map((f) => path.basename(f)), path.resolve(request.dir));
      return { ...written, bundles: [] };
    }
    return inTempDir(async (dir) => {
      const written = await write(dir);
      return { ...written, files: written.files.map((f) => path.basename(f)), bundles: written.files.map(asFile) };
    });
  },

  'sync.import': async (ctx, request) => {
    // Bundles given as bytes with no receipt folder: receipts come back as bytes too.
    const receiptsAsBytes = request.receiptDir === null && request.files.length > 0 && !request.dryRun;
    if (receiptsAsBytes) return inTempDir((dir) => importAll(ctx, { ...request, receiptDir: dir }, true));
    return importAll(ctx, request, false);
  },

  'sync.inspect': async (_ctx, request) => {
    const { header, bundleHash, size } = await inspectBundle({ path: request.path });
    return { header: { ...header }, bundleHash, size };
  },
});

async function importAll(ctx: HandlerContext, request: OpParsedRequest<'sync.import'>, receiptsAsBytes: boolean): Promise<ImportResultView[]> {
    const keys = await keysOf(ctx, request.passphrase);
    const options = {
      keys, writer: { db: ctx.db, actor: ctx.actor }, dryRun: request.dryRun, receiptDir: request.receiptDir,
      onProgress: (done: number, total: number) => {
        if (ctx.cancelled()) throw new AppError('syncdb.cancelled', { file: '-' });
        ctx.progress(done, total, 'sync.progress.import');
      },
    };
    const results: ImportResultView[] = [];
    const paths = await inOrder(request.paths.flatMap(bundleFiles), keys.card.ageKeyId);
    const total = paths.length + request.files.length;
    const run = async (file: string, source: Parameters<typeof importBundle>[1]) => {
      try {
        results.push(view(ctx.db, await importBundle(ctx.db, source, options), receiptsAsBytes));
      } catch (error) {
        results.push(failed(ctx.db, file, error));
      }
      ctx.progress(results.length, total, 'sync.progress.import');
    };
    for (const { path: p } of paths) await run(path.basename(p), { path: p });
    for (const file of request.files) await run(file.name, { bytes: new Uint8Array(Buffer.from(file.base64, 'base64')), name: file.name });
    return results;
}

/** Tests and benches may lower the key file's scrypt work factor; the app uses the default. */
function keyFileOptions(): { workFactor?: number } {
  const factor = Number(process.env.BANHCHI_KEY_WORK_FACTOR);
  return Number.isInteger(factor) && factor >= 10 && factor <= 20 ? { workFactor: factor } : {};
}
