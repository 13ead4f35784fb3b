import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.js';
import { currentDirectory, nationalTrust } from './directory.js';

/**
 * Who may send what. An office sends its own records and, relaying, those of the offices under
 * it in the key directory's hierarchy (a province its communes; the national office everything).
 * Reference data (gazetteer, code lists, offices, the key directory) comes only from the national
 * office, the one whose key is pinned here. Authentication (the bundle's signature) is checked by
 * the reader before this; this is authorisation.
 */
export interface Authority {
  /** The sending office may send records made at `origin`. */
  maySend(origin: string): boolean;
  /** The sending office is the national office. */
  national: boolean;
}

const MAX_DEPTH = 8;

export function authorityOf(db: Database, sender: string): Authority {
  const entries = currentDirectory(db)?.entries ?? [];
  // Revoked entries stay in the hierarchy: records made before the revocation are still relayed.
  const parentOf = new Map(entries.map((e) => [e.officeId, e.parentOfficeId ?? null]));
  const trust = nationalTrust(db);
  return {
    national: trust !== null && trust.officeId === sender,
    maySend(origin) {
      if (origin === sender) return true;
      let at: string | null | undefined = origin;
      for (let depth = 0; depth < MAX_DEPTH && at; depth += 1) {
        at = parentOf.get(at);
        if (at === sender) return true;
      }
      return false;
    },
  };
}

/** Entities whose records are only ever added: a change that alters or removes one is refused whole. */
export const APPEND_ONLY_ENTITIES = new Set(['audit_entry']);

/**
 * The audit chain's entries (db/audit.ts) are written once by their office. Together with `maySend`
 * (an office sends only its own entries and, relaying, those of the offices under it), no office's
 * keys can add to, change or remove another office's chain; and not even its own past entries.
 */
export function appendOnlyRefusal(entity: string, op: string): string | null {
  return APPEND_ONLY_ENTITIES.has(entity) && op !== 'insert' ? 'synctrust.appendOnly' : null;
}

/** A reference bundle (or any reference data) from an office other than the national one is refused whole. */
export function requireNationalSender(authority: Authority, file: string, sender: string): void {
  if (!authority.national) throw new AppError('synctrust.referenceFromBelow', { file, office: sender });
}

/** Stored origins reference records may have: shipped with the app, or from the national office. */
export const BUILTIN_ORIGIN = 'builtin';
