import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Passport } from '../../shared/contract/persons.js';
import type { EntitySpec } from './changes.js';
import type { PersonRow } from './persons.js';

/** Every passport a person has shown (migration 41); the current one is also in the person's own columns. */
export const passportEntity: EntitySpec = {
  entity: 'passport',
  table: 'passport',
  columns: ['person_id', 'passport_no', 'issuing_state', 'issued_on', 'expires_on', 'status', 'replaced_on', 'created_at'],
};

export interface PassportRow {
  id: string; revision: number; person_id: string; passport_no: string; issuing_state: string; issued_on: string | null;
  expires_on: string; status: 'current' | 'previous'; replaced_on: string | null; created_at: string;
}

export function toPassport(row: PassportRow): Passport {
  return {
    id: row.id, passportNo: row.passport_no, issuingState: row.issuing_state, issued: row.issued_on, expiry: row.expires_on,
    current: row.status === 'current', replacedOn: row.replaced_on,
  };
}

/** Newest first. */
export function passportsOf(db: Database, personId: string): PassportRow[] {
  return db.prepare('SELECT * FROM passport WHERE person_id = ? ORDER BY created_at DESC, id DESC').all(personId) as PassportRow[];
}

/** The row of the person's current passport, when one is on record (a person from a not-yet-upgraded office may have none). */
export function currentPassportRow(db: Database, personId: string): PassportRow | undefined {
  return db.prepare("SELECT * FROM passport WHERE person_id = ? AND status = 'current' ORDER BY created_at DESC LIMIT 1").get(personId) as PassportRow | undefined;
}

/** A person who once showed this passport (nationality and birth date as the identity key), even if it was since renewed. */
export function findByFormerPassport(db: Database, nationality: string, passportNo: string, birthDate: string): PersonRow | undefined {
  return db.prepare(
    `SELECT p.* FROM passport d JOIN person p ON p.id = d.person_id
     WHERE d.passport_no = ? AND p.nationality = ? AND p.birth_date = ? ORDER BY p.merged_into IS NOT NULL LIMIT 1`,
  ).get(passportNo, nationality, birthDate) as PersonRow | undefined;
}

/** Passport numbers of a person for the search index: current and former. */
export function passportNumbersOf(db: Database, personId: string): string[] {
  return (db.prepare('SELECT passport_no FROM passport WHERE person_id = ?').all(personId) as { passport_no: string }[]).map((r) => r.passport_no);
}
