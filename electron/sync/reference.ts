import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.js';
import { APP_VERSION } from '../../shared/version.js';
import { nowIso, type Row } from '../db/changes.js';
import { schemaVersion } from '../db/open.js';
import { currentDirectory, currentSigned } from './directory.js';
import { REFERENCE_ENTITIES, syncedEntity } from './entities.js';
import { recipientsFor } from './export.js';
import { writeBundle, type ReferenceItem } from './format/index.js';
import type { UnlockedKeys } from './keystore.js';
import { lastSent } from './state.js';

/** The age format takes a few recipients per file; offices beyond that get their own bundle. */
const RECIPIENTS_PER_BUNDLE = 4;

function* referenceItems(db: Database, self: string): Generator<ReferenceItem> {
  const signed = currentSigned(db);
  if (signed) yield { type: 'directory', data: signed };
  for (const entity of REFERENCE_ENTITIES) {
    // Offices travel in the signed key directory, not as rows.
    if (entity === 'office') continue;
    const spec = syncedEntity(db, entity)?.spec;
    if (!spec) continue;
    const rows = db.prepare(`SELECT * FROM ${spec.table} ORDER BY id`).all() as Row[];
    for (const { id, origin_office: _o, revision, ...data } of rows) {
      yield { type: 'change', data: { entity, op: Number(revision) === 1 ? 'insert' : 'update', id, origin: self, rev: Number(revision), actor: 'reference', at: '', data } };
    }
  }
}

/** National office: whole reference snapshot (key directory, gazetteer, code-list versions) for the offices below. */
export async function exportReference(db: Database, keys: UnlockedKeys, dir: string, offices: string[]): Promise<string[]> {
  if (keys.card.level !== 'national') throw new AppError('syncdb.notNational');
  const targets = offices.length > 0 ? offices : (currentDirectory(db)?.entries ?? [])
    .filter((e) => e.status === 'active' && e.officeId !== keys.current.officeId).map((e) => e.officeId);
  const unique = [...new Set(targets)];
  const files: string[] = [];
  for (let i = 0; i < unique.length; i += RECIPIENTS_PER_BUNDLE) {
    const group = unique.slice(i, i + RECIPIENTS_PER_BUNDLE);
    const previous = lastSent(db, 'reference');
    const seq = (previous?.seq ?? 0) + 1;
    const written = await writeBundle(dir, {
      kind: 'reference', sender: keys.current, recipients: recipientsFor(db, group), sequence: seq,
      previousHash: previous?.hash ?? null, directoryVersion: currentDirectory(db)?.version ?? 0, appVersion: APP_VERSION,
      schemaVersion: schemaVersion(db), records: referenceItems(db, keys.current.officeId),
    });
    db.prepare(
      `INSERT INTO sync_sent (kind, seq, bundle_id, hash, to_office, change_from, change_to, change_count, file_name, created_at)
       VALUES ('reference', ?, ?, ?, ?, 0, 0, ?, ?, ?)`,
    ).run(seq, written.header.bundleId, written.bundleHash, group.join(' '), written.manifest.recordCount, written.fileName, nowIso());
    files.push(written.path);
  }
  return files;
}
