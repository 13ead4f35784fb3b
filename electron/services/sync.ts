import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.js';
import type { HandlerContext, HandlerTable } from '../backend/context.js';
import {
  addCard, checkDirectory, currentDirectory, currentSigned, installDirectory, nationalTrust, revokeEntry, signNextDirectory,
} from '../sync/directory.js';
import { exportChanges, pendingCount } from '../sync/export.js';
import { inspectBundle, type SignedDirectory } from '../sync/format/index.js';
import { heldUsage } from '../sync/held.js';
import { importBundle, type ImportResult } from '../sync/import.js';
import { cardFor, createKeys, ownPublicKeys, requireOffice, unlockKeys, type UnlockedKeys } from '../sync/keystore.js';
import { exportReference } from '../sync/reference.js';
import type { ImportResultView } from '../../shared/contract/sync.js';
import { emptySummary } from '../sync/types.js';
import { readAlerts, syncViewHandlers } from './sync-views.js';

type SyncOp =
  | 'sync.status' | 'sync.keysCreate' | 'sync.keyCard' | 'sync.directoryAdd' | 'sync.directoryRevoke' | 'sync.directorySign'
  | 'sync.directoryImport' | 'sync.directoryExport' | 'sync.export' | 'sync.import' | 'sync.inspect';

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

function failed(file: string, error: unknown): ImportResultView {
  const shape = error instanceof AppError ? error.toShape() : { code: 'syncdb.unexpected', params: { file, reason: (error as Error).message } };
  return {
    file, status: 'error', from: '', kind: '', seq: 0, waitingFor: null, summary: emptySummary(), receipt: null, receiptError: null,
    error: { code: shape.code, params: { file, ...(shape.params ?? {}) }, ...(shape.details ? { details: shape.details } : {}) }, released: [],
  };
}

function view(result: ImportResult): ImportResultView {
  return { ...result, released: result.released.map(view) };
}

async function keysOf(ctx: HandlerContext, passphrase: string): Promise<UnlockedKeys> {
  requireOffice(ctx.office());
  return unlockKeys(ctx.db, passphrase);
}

export const syncHandlers: Pick<HandlerTable, SyncOp | keyof typeof syncViewHandlers> = {
  ...syncViewHandlers,

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

  'sync.directoryAdd': (ctx, request) => {
    let qr = request.card.trim();
    if (qr.startsWith('{')) {
      try {
        qr = String((JSON.parse(qr) as { qrPayload?: unknown }).qrPayload ?? '');
      } catch {
        throw new AppError('sync.badKeyCard', { file: 'key card' });
      }
    }
    return addCard(ctx.db, qr);
  },

  'sync.directoryRevoke': (ctx, request) => ({ revoked: revokeEntry(ctx.db, request.officeId, request.afterSequence) }),

  'sync.directorySign': async (ctx, request) => {
    const keys = await keysOf(ctx, request.passphrase);
    const signed = signNextDirectory(ctx.db, keys.current);
    return { version: currentDirectory(ctx.db)?.version ?? 0, signed: JSON.stringify(signed) };
  },

  'sync.directoryImport': (ctx, request) => {
    let signed: SignedDirectory;
    try {
      signed = JSON.parse(request.json) as SignedDirectory;
    } catch {
      throw new AppError('sync.badDirectory', { file: request.fileName });
    }
    const { directory } = checkDirectory(ctx.db, signed, request.fileName);
    const status = ctx.db.transaction(() => installDirectory(ctx.db, signed, request.fileName))();
    return { status, version: directory.version };
  },

  'sync.directoryExport': (ctx) => {
    const signed = currentSigned(ctx.db);
    if (!signed) throw new AppError('syncdb.noDirectory');
    return { version: currentDirectory(ctx.db)?.version ?? 0, signed: JSON.stringify(signed) };
  },

  'sync.export': async (ctx, request) => {
    const keys = await keysOf(ctx, request.passphrase);
    if (request.reference) {
      const files = await exportReference(ctx.db, keys, request.dir, request.offices);
      return { status: files.length > 0 ? 'written' : 'nothing', files, seq: 0, changes: 0, size: 0 };
    }
    const result = await exportChanges(ctx.db, keys, request.dir, (done, total) => ctx.progress(done, total, 'sync.progress.export'));
    return { status: result.status, files: result.file ? [result.file] : [], seq: result.seq, changes: result.changes, size: result.size };
  },

  'sync.import': async (ctx, request) => {
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
        results.push(view(await importBundle(ctx.db, source, options)));
      } catch (error) {
        results.push(failed(file, error));
      }
      ctx.progress(results.length, total, 'sync.progress.import');
    };
    for (const { path: p } of paths) await run(path.basename(p), { path: p });
    for (const file of request.files) await run(file.name, { bytes: new Uint8Array(Buffer.from(file.base64, 'base64')), name: file.name });
    return results;
  },

  'sync.inspect': async (_ctx, request) => {
    const { header, bundleHash, size } = await inspectBundle({ path: request.path });
    return { header: { ...header }, bundleHash, size };
  },
};

/** Tests and benches may lower the key file's scrypt work factor; the app uses the default. */
function keyFileOptions(): { workFactor?: number } {
  const factor = Number(process.env.BANHCHI_KEY_WORK_FACTOR);
  return Number.isInteger(factor) && factor >= 10 && factor <= 20 ? { workFactor: factor } : {};
}
