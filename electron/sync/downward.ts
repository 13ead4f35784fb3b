import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.js';
import { APP_VERSION } from '../../shared/version.js';
import { nowIso, type Row } from '../db/changes.js';
import { schemaVersion } from '../db/open.js';
import { currentDirectory, directoryEntry } from './directory.js';
import { recipientsFor } from './export.js';
import { writeBundle, type ReferenceItem } from './format/index.js';
import type { UnlockedKeys } from './keystore.js';
import { relayedRecords, SIGNED_CHANGE, signChange, type SignedChange } from './relay.js';
import { lastSent } from './state.js';

/**
 * Records that travel DOWN from the office that made them to the offices under it: a province's (or the
 * national office's) declaration campaigns, to the communes in their scope. They go as a snapshot in a
 * `reference`-kind bundle addressed to one office below, so an office applies any newer one and never
 * needs the ones before. An office accepts them from the office directly above it (or the national office)
 * and from nobody else; everything else in such a bundle is refused (see stage.ts).
 * Each campaign is signed by the office that made it, so a province passes the national office's campaigns on
 * to its communes exactly as the national office signed them (relay.ts).
 * Results (declarations, inspections) travel up as ordinary changes.
 */
export const DOWNWARD_ENTITIES = new Set(['campaign']);

/** Levels that may make campaigns: a campaign from anywhere else is refused. */
const CAMPAIGN_LEVELS = new Set(['province', 'national']);

/** The office's level in the key directory, or undefined when it is not in it. */
function levelOf(db: Database, officeId: string): string | undefined {
  return directoryEntry(db, officeId)?.level;
}

/**
 * Why a downward record may not be taken from this bundle, or null when it may: in a `changes` bundle (going up)
 * it must have been made by a province or the national office, and no commune takes it that way; in a
 * `reference` bundle from an office other than the national one, the sender must be the office directly above.
 */
export function downwardRefusal(db: Database, change: { entity: string; origin: string }, ctx: { kind: 'changes' | 'reference'; from: string; self: string; national: boolean }): string | null {
  if (!DOWNWARD_ENTITIES.has(change.entity)) return null;
  const originLevel = levelOf(db, change.origin);
  if (!originLevel || !CAMPAIGN_LEVELS.has(originLevel)) return 'synctrust.campaignOrigin';
  if (ctx.kind === 'changes' && levelOf(db, ctx.self) === 'commune') return 'synctrust.campaignNotFromAbove';
  if (ctx.kind === 'reference' && !ctx.national && directoryEntry(db, ctx.self)?.parentOfficeId !== ctx.from) return 'synctrust.campaignNotFromAbove';
  return null;
}

/** A reference bundle from an office that is not the national one: only from the office directly above this one. */
export function requireParentSender(db: Database, self: string, sender: string, file: string): void {
  if (directoryEntry(db, self)?.parentOfficeId !== sender) throw new AppError('synctrust.referenceFromBelow', { file, office: sender });
}

const covers = (scopeUnits: string, unitCode: string) => scopeUnits.split(' ').some((u) => u && (unitCode.startsWith(u) || u.startsWith(unitCode)));

/** This office's campaigns, each signed by it, then the ones it passes on from above, as their maker signed them. */
function* campaignItems(rows: Row[], relayed: SignedChange[], keys: UnlockedKeys): Generator<ReferenceItem> {
  const self = keys.current.officeId;
  for (const { id, origin_office: _o, revision, ...data } of rows) {
    const change = { entity: 'campaign', op: Number(revision) === 1 ? 'insert' as const : 'update' as const, id: String(id), origin: self, rev: Number(revision), actor: 'campaign', at: nowIso(), data };
    yield { type: SIGNED_CHANGE, data: signChange(change, keys.current) };
  }
  for (const signed of relayed) yield { type: SIGNED_CHANGE, data: signed };
}

export interface DownwardResult {
  files: string[];
  /** Offices a bundle was written for. */
  offices: string[];
  /** Campaign records written, over all bundles. */
  records: number;
}

/**
 * One bundle per office directly below (or those named) whose unit is in the scope of one of this office's
 * campaigns, holding those campaigns. Offices with no campaign in scope get nothing.
 */
export async function exportDownward(db: Database, keys: UnlockedKeys, dir: string, only: string[] = []): Promise<DownwardResult> {
  const self = keys.current.officeId;
  if (keys.card.level === 'commune') throw new AppError('campaigns.nothingBelow');
  const children = (currentDirectory(db)?.entries ?? [])
    .filter((e) => e.parentOfficeId === self && e.status === 'active' && (only.length === 0 || only.includes(e.officeId)));
  const campaigns = db.prepare('SELECT * FROM campaign WHERE origin_office = ? ORDER BY id').all(self) as (Row & { scope_units: string })[];
  // Campaigns of the offices above, kept as they signed them.
  const fromAbove = relayedRecords<{ scope_units: string }>(db, 'campaign', 'campaign', self);
  const result: DownwardResult = { files: [], offices: [], records: 0 };
  for (const child of [...new Map(children.map((c) => [c.officeId, c])).values()]) {
    const rows = campaigns.filter((c) => covers(c.scope_units, child.unitCode));
    const relayed = fromAbove.filter((r) => covers(r.row.scope_units, child.unitCode)).map((r) => r.signed);
    if (rows.length + relayed.length === 0) continue;
    const previous = lastSent(db, 'reference');
    const seq = (previous?.seq ?? 0) + 1;
    const written = await writeBundle(dir, {
      kind: 'reference', sender: keys.current, recipients: recipientsFor(db, [child.officeId]), sequence: seq,
      previousHash: previous?.hash ?? null, directoryVersion: currentDirectory(db)?.version ?? 0, appVersion: APP_VERSION,
      schemaVersion: schemaVersion(db), records: campaignItems(rows, relayed, keys),
    });
    db.prepare(
      `INSERT INTO sync_sent (kind, seq, bundle_id, hash, to_office, change_from, change_to, change_count, file_name, created_at)
       VALUES ('reference', ?, ?, ?, ?, 0, 0, ?, ?, ?)`,
    ).run(seq, written.header.bundleId, written.bundleHash, child.officeId, written.manifest.recordCount, written.fileName, nowIso());
    result.files.push(written.path);
    result.offices.push(child.officeId);
    result.records += rows.length + relayed.length;
  }
  return result;
}
