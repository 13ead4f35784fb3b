import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.js';
import { nowIso } from '../db/changes.js';
import {
  compareDirectory, directoryLookup, parseKeyCard, signDirectory, verifyDirectory,
  type DirectoryEntry, type KeyDirectory, type KeyLookup, type OfficeKeys, type OfficePublicKeys, type SignedDirectory,
} from './format/index.js';

/** The signed key directory in effect, the pinned national key, and (at the national office) the next directory's entries. */

export function currentSigned(db: Database): SignedDirectory | null {
  const row = db.prepare('SELECT signed_json FROM sync_directory ORDER BY version DESC LIMIT 1').pluck().get() as string | undefined;
  return row ? (JSON.parse(row) as SignedDirectory) : null;
}

export function currentDirectory(db: Database): KeyDirectory | null {
  const signed = currentSigned(db);
  return signed ? (JSON.parse(signed.body) as KeyDirectory) : null;
}

export function nationalTrust(db: Database): OfficePublicKeys | null {
  const row = db.prepare('SELECT card_json FROM sync_trust LIMIT 1').pluck().get() as string | undefined;
  return row ? (JSON.parse(row) as OfficePublicKeys) : null;
}

/** Pins the national office's public key: the anchor every directory is checked against. */
export function trustNational(db: Database, card: OfficePublicKeys): void {
  const existing = nationalTrust(db);
  if (existing && existing.signingKey !== card.signingKey) throw new AppError('syncdb.otherNationalKey', { office: existing.name });
  db.prepare('INSERT OR IGNORE INTO sync_trust (office_id, signing_key, card_json) VALUES (?, ?, ?)').run(card.officeId, card.signingKey, JSON.stringify(card));
}

/** Checks a signed directory and returns what it would do; `install` stores it (same transaction as the caller's). */
export function checkDirectory(db: Database, signed: SignedDirectory, fileName: string): { directory: KeyDirectory; verdict: 'newer' | 'same' } {
  const trust = nationalTrust(db);
  if (!trust) throw new AppError('syncdb.noNationalKey', { file: fileName });
  const directory = verifyDirectory(signed, trust.signingKey, fileName);
  return { directory, verdict: compareDirectory(currentDirectory(db), directory, fileName) };
}

export function installDirectory(db: Database, signed: SignedDirectory, fileName: string): 'newer' | 'same' {
  const { directory, verdict } = checkDirectory(db, signed, fileName);
  if (verdict === 'newer') {
    db.prepare('INSERT INTO sync_directory (version, signed_json, imported_at) VALUES (?, ?, ?)').run(directory.version, JSON.stringify(signed), nowIso());
  }
  return verdict;
}

/** Key lookups for the reader: the directory in effect, or just the pinned national key before the first one. */
export function keyLookup(db: Database): KeyLookup {
  const directory = currentDirectory(db);
  if (directory) return directoryLookup(directory);
  const trust = nationalTrust(db);
  const entries: DirectoryEntry[] = trust ? [{ ...trust, status: 'active', revokedAfterSequence: null }] : [];
  return directoryLookup({ version: 0, issuedAt: '', issuer: trust?.officeId ?? '', issuerKeyId: trust?.signingKeyId ?? '', entries });
}

export function directoryEntry(db: Database, officeId: string): DirectoryEntry | undefined {
  return currentDirectory(db)?.entries.find((e) => e.officeId === officeId && e.status === 'active');
}

/** Adds a checked public key card to the next directory (national office); the national card is also pinned. */
export function addCard(db: Database, qrPayload: string): OfficePublicKeys {
  const card = parseKeyCard(qrPayload);
  if (card.level === 'national') trustNational(db, card);
  db.prepare('INSERT OR REPLACE INTO sync_directory_entry (office_id, signing_key_id, entry_json) VALUES (?, ?, ?)').run(
    card.officeId, card.signingKeyId, JSON.stringify({ ...card, status: 'active', revokedAfterSequence: null } satisfies DirectoryEntry),
  );
  return card;
}

export function revokeEntry(db: Database, officeId: string, afterSequence: number | null): number {
  const rows = db.prepare('SELECT signing_key_id, entry_json FROM sync_directory_entry WHERE office_id = ?').all(officeId) as { signing_key_id: string; entry_json: string }[];
  for (const row of rows) {
    const entry = { ...(JSON.parse(row.entry_json) as DirectoryEntry), status: 'revoked' as const, revokedAfterSequence: afterSequence };
    db.prepare('UPDATE sync_directory_entry SET entry_json = ? WHERE office_id = ? AND signing_key_id = ?').run(JSON.stringify(entry), officeId, row.signing_key_id);
  }
  return rows.length;
}

/** Signs the next directory version with every added card and installs it here. */
export function signNextDirectory(db: Database, nationalKeys: OfficeKeys): SignedDirectory {
  const trust = nationalTrust(db);
  if (!trust || trust.officeId !== nationalKeys.officeId) throw new AppError('syncdb.notNational');
  const entries = (db.prepare('SELECT entry_json FROM sync_directory_entry ORDER BY office_id, signing_key_id').pluck().all() as string[])
    .map((json) => JSON.parse(json) as DirectoryEntry);
  const version = (currentDirectory(db)?.version ?? 0) + 1;
  const signed = signDirectory(
    { version, issuedAt: nowIso(), issuer: trust.officeId, issuerKeyId: trust.signingKeyId, entries }, nationalKeys,
  );
  db.transaction(() => installDirectory(db, signed, 'directory'))();
  return signed;
}
