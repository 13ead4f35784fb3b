import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError, type AppErrorShape } from '../../shared/errors.js';
import { nowIso, type WriteContext } from '../db/changes.js';
import { now } from '../backend/clock.js';
import { applyStaged, sequenceVerdict } from './apply.js';
import { authorityOf, requireNationalSender } from './authority.js';
import { checkDirectory, installDirectory, keyLookup } from './directory.js';
import { readBundle, type BundleSource, type ReceiptEntry, type OpenedBundle, type ReferenceItem, type SignedDirectory } from './format/index.js';
import type { UnlockedKeys } from './keystore.js';
import { requireParentSender } from './downward.js';
import { dropHeld, findHeld, heldLimits, holdBundle, listHeld, type HeldLimits } from './held.js';
import { writeReceipt, applyReceipt, receiptWritten } from './receipts.js';
import { openSignedChange, SIGNED_CHANGE } from './relay.js';
import { clearStage, stageChanges, type ReadChange } from './stage.js';
import { bundleIdUse, peer } from './state.js';
import { emptySummary, type ApplySummary, type IncomingBundle } from './types.js';

export type ImportStatus = 'applied' | 'already' | 'covered' | 'held' | 'dry-run' | 'acknowledged' | 'error';

export interface ImportResult {
  file: string;
  status: ImportStatus;
  from: string;
  kind: string;
  seq: number;
  /** For a held bundle: the sequence number still missing. */
  waitingFor: number | null;
  /** Applied ahead of lost bundles it carried every change of (their sequence numbers); null otherwise. */
  stoodInFor: { from: number; to: number } | null;
  summary: ApplySummary;
  receipt: string | null;
  /** The bundle was applied but its receipt could not be written: why (the changes stay applied). */
  receiptError: AppErrorShape | null;
  /** Why a released held bundle was refused (status 'error'); null otherwise. */
  error: AppErrorShape | null;
  /** Held bundles that could be applied after this one. */
  released: ImportResult[];
  /** The bundle says it was written more than a day after now here: the sender's clock is probably wrong. */
  senderClockAhead: { createdAt: string; days: number } | null;
}

const DAY_MS = 86_400_000;

/** A bundle written "in the future" by this office's clock: how far, when it is more than a day (bundles are often carried for days, never ahead). */
function clockAhead(createdAt: string): ImportResult['senderClockAhead'] {
  const ahead = Date.parse(createdAt) - now();
  return Number.isFinite(ahead) && ahead > DAY_MS ? { createdAt, days: Math.ceil(ahead / DAY_MS) } : null;
}

export interface ImportOptions {
  keys: UnlockedKeys;
  writer: Omit<WriteContext, 'originOffice'>;
  dryRun?: boolean;
  /** Where to write the signed receipt; none when null. */
  receiptDir?: string | null;
  /** Records read and checked so far, of the bundle's total. */
  onProgress?: (records: number, total: number) => void;
  /** Bounds on held bundles and sequence jumps; settings or defaults otherwise. */
  heldLimits?: Partial<HeldLimits>;
}

/** Alerts (a sequence number reused with other content) go to a file next to the database, so a rejected bundle leaves the database untouched. */
export function alertFile(db: Database): string {
  return `${db.name}-sync-alerts.jsonl`;
}

function alert(db: Database, entry: Record<string, unknown>): void {
  if (db.memory) return;
  appendFileSync(alertFile(db), `${JSON.stringify({ at: nowIso(), ...entry })}\n`);
}

/** A reference bundle of nothing but signed records from above is the campaigns stream (types.ts `stream`). */
function streamOf(kind: IncomingBundle['kind'], counts: Record<string, number>): IncomingBundle['stream'] {
  if (kind !== 'reference') return kind;
  const types = Object.keys(counts).filter((type) => (counts[type] ?? 0) > 0);
  return types.length === 1 && types[0] === SIGNED_CHANGE ? 'campaigns' : 'reference';
}

function describe(opened: OpenedBundle): IncomingBundle {
  const h = opened.header;
  return {
    bundleId: h.bundleId, from: h.sender, kind: h.kind, stream: streamOf(h.kind, opened.manifest.counts), seq: h.sequence, prevHash: h.previousHash ?? '', hash: opened.bundleHash,
    fileName: opened.fileName, range: opened.manifest.changeRange ?? null,
  };
}

/** Verifies one bundle file completely, then applies it (or holds it, or reports it already imported). */
export async function importBundle(db: Database, source: BundleSource, options: ImportOptions): Promise<ImportResult> {
  const opened = await readBundle(source, { keys: keyLookup(db), identities: options.keys.identities });
  try {
    return await importOpened(db, source, opened, options);
  } finally {
    await opened.close(); // the decrypted spool
  }
}

async function importOpened(db: Database, source: BundleSource, opened: OpenedBundle, options: ImportOptions): Promise<ImportResult> {
  const bundle = describe(opened);
  const self = options.keys.current.officeId;
  const result: ImportResult = {
    file: bundle.fileName, status: 'applied', from: bundle.from, kind: bundle.kind, seq: bundle.seq,
    waitingFor: null, stoodInFor: null, summary: emptySummary(), receipt: null, receiptError: null, error: null, released: [],
    senderClockAhead: clockAhead(opened.header.createdAt),
  };
  if (bundle.kind === 'receipt') {
    if (!options.dryRun) await applyReceipt(db, opened as OpenedBundle<'receipt'>, bundle, self);
    return { ...result, status: options.dryRun ? 'dry-run' : 'acknowledged' };
  }
  // Authorisation before anything else: reference data only from the national office.
  const authority = authorityOf(db, bundle.from);
  // A reference bundle from another office than the national one carries only records made above this office
  // (campaigns), and only from the office directly above (downward.ts; stage.ts refuses anything else in it).
  if (bundle.kind === 'reference' && !authority.national) requireParentSender(db, self, bundle.from, bundle.fileName);
  else if (bundle.kind === 'reference') requireNationalSender(authority, bundle.fileName, bundle.from);
  const limits = heldLimits(db, options.heldLimits);
  const verdict = sequenceVerdict(db, bundle, limits.maxAhead);
  if (verdict.status === 'reused') {
    if (!options.dryRun) alert(db, { kind: 'sequenceReused', file: bundle.fileName, from: bundle.from, seq: bundle.seq, hash: bundle.hash });
    throw new AppError('syncdb.sequenceReused', { file: bundle.fileName, office: bundle.from, seq: bundle.seq });
  }
  if (verdict.status === 'stale') {
    throw new AppError(bundle.stream === 'campaigns' ? 'syncdb.staleCampaigns' : 'syncdb.staleReference', { file: bundle.fileName, seq: bundle.seq, last: verdict.last });
  }
  if (verdict.status === 'jump') {
    throw new AppError('synctrust.sequenceJump', { file: bundle.fileName, office: bundle.from, seq: bundle.seq, last: verdict.last, max: verdict.max });
  }
  // A lost bundle that arrives after a later one carried its changes: nothing to apply, nothing written.
  if (verdict.status === 'covered') return { ...result, status: 'covered' };
  if (verdict.status === 'already' || verdict.status === 'held') {
    // A replay changes nothing; only a receipt that was never written is written now.
    const missing = verdict.status === 'already' && !options.dryRun && !receiptWritten(db, bundle);
    return { ...result, status: verdict.status, ...(missing ? await receiptFor(db, options, bundle) : {}) };
  }
  const used = bundleIdUse(db, bundle.bundleId);
  if (used) {
    throw new AppError('synctrust.bundleIdReused', { file: bundle.fileName, bundleId: bundle.bundleId, office: used.from_office, seq: used.seq });
  }
  if (verdict.status === 'gap') {
    if (options.dryRun) return { ...result, status: 'held', waitingFor: verdict.expected };
    const file = 'path' in source ? readFileSync(source.path) : Buffer.from(source.bytes);
    holdBundle(db, { from_office: bundle.from, kind: bundle.kind, seq: bundle.seq, bundle_id: bundle.bundleId, hash: bundle.hash,
      file_name: bundle.fileName, file, held_at: nowIso() }, limits);
    // The receipt tells the sender what is missing and how far it got here, so its next bundle can close the gap.
    const from = peer(db, bundle.from, bundle.kind);
    const missing = { from: verdict.expected, to: bundle.seq - 1, appliedUpTo: from?.last_change_to ?? 0 };
    return { ...result, status: 'held', waitingFor: verdict.expected, ...(await receiptFor(db, options, bundle, missing)) };
  }
  const lastSeq = peer(db, bundle.from, bundle.stream)?.last_seq ?? 0;
  if (bundle.kind === 'changes' && bundle.seq > lastSeq + 1) result.stoodInFor = { from: lastSeq + 1, to: bundle.seq - 1 };
  let directory: SignedDirectory | null = null;
  try {
    const onDirectory = (d: SignedDirectory) => {
      if (!authority.national) throw new AppError('synctrust.referenceFromBelow', { file: bundle.fileName, office: bundle.from });
      directory = d;
    };
    const changes = bundle.kind === 'reference' ? referenceChanges(opened as OpenedBundle<'reference'>, onDirectory) : (opened as OpenedBundle<'changes'>).records();
    await stageChanges(db, changes as AsyncIterable<ReadChange>, { fileName: bundle.fileName, self, kind: bundle.kind, from: bundle.from, authority },
      (n) => options.onProgress?.(n, opened.manifest.recordCount));
    const signed = directory as SignedDirectory | null;
    if (signed) checkDirectory(db, signed, bundle.fileName);
    result.summary = applyStaged(db, bundle, {
      self, writer: options.writer, dryRun: options.dryRun ?? false, now: nowIso(),
      extra: signed ? () => installDirectory(db, signed, bundle.fileName) : undefined,
    });
  } finally {
    clearStage(db);
  }
  if (options.dryRun) return { ...result, status: 'dry-run' };
  // Committed. What follows has its own outcome and never turns this one into a failure.
  dropHeld(db, bundle.from, bundle.kind, bundle.seq);
  // Held bundles this one stood in for carry nothing new.
  for (const h of listHeld(db)) if (h.from_office === bundle.from && h.kind === bundle.kind && h.seq < bundle.seq) dropHeld(db, h.from_office, h.kind, h.seq);
  Object.assign(result, await receiptFor(db, options, bundle));
  const next = findHeld(db, bundle.from, bundle.kind, bundle.seq + 1) ?? nextHeldAfter(db, bundle);
  if (next) {
    try {
      result.released.push(await importBundle(db, { bytes: new Uint8Array(next.file), name: next.file_name }, options));
    } catch (error) {
      result.released.push({
        ...result, file: next.file_name, status: 'error', seq: next.seq, stoodInFor: null, summary: emptySummary(), receipt: null, receiptError: null,
        released: [], error: shapeOf(error, next.file_name),
      });
    }
  }
  return result;
}

/** The earliest bundle still held from the same sender: it may carry everything since this one (format 2). */
function nextHeldAfter(db: Database, bundle: IncomingBundle) {
  const later = listHeld(db).filter((h) => h.from_office === bundle.from && h.kind === bundle.kind && h.seq > bundle.seq).sort((a, b) => a.seq - b.seq)[0];
  return later ? findHeld(db, later.from_office, later.kind, later.seq) : undefined;
}

async function receiptFor(db: Database, options: ImportOptions, bundle: IncomingBundle,
  missing?: ReceiptEntry['missing']): Promise<Pick<ImportResult, 'receipt' | 'receiptError'>> {
  try {
    return { receipt: await writeReceipt(db, options, bundle, missing), receiptError: null };
  } catch (error) {
    return { receipt: null, receiptError: shapeOf(error, bundle.fileName, 'synctrust.receiptFailed') };
  }
}

function shapeOf(error: unknown, file: string, code = 'syncdb.unexpected'): AppErrorShape {
  const shape = error instanceof AppError ? error.toShape() : { code, params: { reason: (error as Error).message } };
  return { ...shape, params: { file, ...(shape.params ?? {}) } };
}

/** A reference bundle: record changes from the national office, the key directory, and campaigns signed by their maker. */
async function* referenceChanges(opened: OpenedBundle<'reference'>, onDirectory: (d: SignedDirectory) => void): AsyncIterable<ReadChange> {
  let line = 0;
  for await (const item of opened.records() as AsyncIterable<ReferenceItem>) {
    line += 1;
    if (item.type === 'directory') onDirectory(item.data as SignedDirectory);
    else if (item.type === 'change') yield item.data as ReadChange;
    else if (item.type === SIGNED_CHANGE) yield openSignedChange(item.data, opened.fileName, line);
    else throw new AppError('syncdb.unknownReference', { file: opened.fileName, type: String(item.type) });
  }
}

export function fileSource(file: string): BundleSource {
  return { path: path.resolve(file) };
}
