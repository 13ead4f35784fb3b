import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Office } from '../../shared/contract/foundation.js';
import { AppError } from '../../shared/errors.js';
import { nowIso } from '../db/changes.js';
import {
  decryptKeyFile, encryptKeyFile, generateOfficeKeys, makeKeyCard, signingKeyId,
  type KeyCard, type KeyFileOptions, type OfficeKeys, type OfficePublicKeys,
} from './format/index.js';

/**
 * The office's keys live in the database only as an age scrypt key file (encrypted under the
 * passphrase chosen at creation); the passphrase itself is never stored.
 */
interface KeyRow {
  id: string;
  created_at: string;
  signing_fingerprint: string;
  encryption_fingerprint: string;
  public_json: string;
  secret_file: Buffer;
  active: number;
}

export function activeKeyRow(db: Database): KeyRow | undefined {
  return db.prepare('SELECT * FROM sync_key WHERE active = 1 ORDER BY created_at DESC LIMIT 1').get() as KeyRow | undefined;
}

export function ownPublicKeys(db: Database): OfficePublicKeys | null {
  const row = activeKeyRow(db);
  return row ? (JSON.parse(row.public_json) as KeyCard) : null;
}

export function requireOffice(office: Office | null): Office {
  if (!office) throw new AppError('syncdb.noOffice');
  return office;
}

export async function createKeys(
  db: Database, office: Office, passphrase: string, parentOfficeId: string | null, options: KeyFileOptions = {},
): Promise<KeyCard> {
  if (activeKeyRow(db)) throw new AppError('syncdb.keysExist');
  if (passphrase.length < 8) throw new AppError('syncdb.weakPassphrase', { min: 8 });
  if (office.level !== 'national' && !parentOfficeId) throw new AppError('syncdb.parentRequired');
  const keys = await generateOfficeKeys(office.id);
  const card = makeKeyCard(keys, {
    level: office.level, unitCode: office.unitCode, name: office.name, parentOfficeId: office.level === 'national' ? null : parentOfficeId,
  });
  const file = await encryptKeyFile(keys, passphrase, options);
  db.prepare(
    `INSERT INTO sync_key (id, created_at, signing_fingerprint, encryption_fingerprint, public_json, secret_file, active)
     VALUES (?, ?, ?, ?, ?, ?, 1)`,
  ).run(signingKeyId(keys.signingPublic), nowIso(), card.signingKeyId, card.ageKeyId, JSON.stringify(card), Buffer.from(file));
  return card;
}

export interface UnlockedKeys {
  current: OfficeKeys;
  /** age identities of this and older keys, to read bundles made for an earlier key. */
  identities: string[];
  card: KeyCard;
}

export async function unlockKeys(db: Database, passphrase: string | undefined): Promise<UnlockedKeys> {
  const rows = db.prepare('SELECT * FROM sync_key ORDER BY active DESC, created_at DESC').all() as KeyRow[];
  const active = rows[0];
  if (!active || active.active !== 1) throw new AppError('syncdb.noKeys');
  if (!passphrase) throw new AppError('syncdb.passphraseNeeded');
  const current = await decryptKeyFile(new Uint8Array(active.secret_file), passphrase, 'office key');
  const identities = [current.ageIdentity];
  for (const row of rows.slice(1)) {
    try {
      identities.push((await decryptKeyFile(new Uint8Array(row.secret_file), passphrase, 'office key')).ageIdentity);
    } catch {
      // An older key under another passphrase: bundles for it cannot be read here.
    }
  }
  return { current, identities, card: JSON.parse(active.public_json) as KeyCard };
}

/** A fresh card for printing or export (re-signed, so it needs the keys). */
export function cardFor(keys: UnlockedKeys): KeyCard {
  const { level, unitCode, name, parentOfficeId } = keys.card;
  return makeKeyCard(keys.current, { level, unitCode, name, parentOfficeId });
}

/**
 * The text of an age identity file holding this office's age identities (current first, then older
 * ones), so `age -d -i <file>` decrypts bundles sent to the office without Banhchi.
 */
export function ageIdentityFile(keys: UnlockedKeys, createdAt: string): string {
  const lines = [`# Banhchi office ${keys.current.officeId}: age identities, written ${createdAt}`, `# public key: ${keys.current.ageRecipient}`];
  return `${[...lines, ...keys.identities].join('\n')}\n`;
}
