import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors.js';
import { insertRecord, nowIso, readRecord, updateRecord, type WriteContext } from '../../db/changes.js';
import { currentPassportRow, findByFormerPassport, passportEntity } from '../../db/passports.js';
import { findByIdentity, type PersonRow } from '../../db/persons.js';
import { newId } from '../registration/common.js';

/**
 * The passport rows beside a person. The person's own columns hold the current passport; these rows
 * keep every passport shown. A person whose rows are missing (imported in bulk, or from an office not
 * yet upgraded) gets them written the first time a passport of theirs changes.
 */

/** The first passport of a newly registered person: its id is the person's (as migration 41 does). */
export function recordFirstPassport(writer: WriteContext, person: PersonRow): void {
  insertRecord(writer, passportEntity, person.id, {
    person_id: person.id, passport_no: person.passport_no, issuing_state: person.issuing_state, issued_on: person.passport_issued,
    expires_on: person.passport_expiry, status: 'current', replaced_on: null, created_at: person.created_at,
  });
}

/** The row standing for the person's current passport, written from the person's columns if it is missing. */
export function ensureCurrentPassport(db: Database, writer: WriteContext, person: PersonRow): string {
  const current = currentPassportRow(db, person.id);
  if (current) return current.id;
  const id = readRecord(db, passportEntity, person.id) ? newId() : person.id;
  insertRecord(writer, passportEntity, id, {
    person_id: person.id, passport_no: person.passport_no, issuing_state: person.issuing_state, issued_on: person.passport_issued,
    expires_on: person.passport_expiry, status: 'current', replaced_on: null, created_at: person.created_at,
  });
  return id;
}

/** A correction of the current passport (persons.update) is carried to its row. */
export function correctCurrentPassport(db: Database, writer: WriteContext, before: PersonRow, after: PersonRow): void {
  const changed = ['passport_no', 'issuing_state', 'passport_issued', 'passport_expiry'].some((c) => before[c as keyof PersonRow] !== after[c as keyof PersonRow]);
  if (!changed) return;
  const id = ensureCurrentPassport(db, writer, before);
  updateRecord(writer, passportEntity, id, {
    passport_no: after.passport_no, issuing_state: after.issuing_state, issued_on: after.passport_issued, expires_on: after.passport_expiry,
  });
}

/** The old passport becomes previous (replaced on `day`) and the new one current. */
export function replacePassport(
  db: Database, writer: WriteContext, person: PersonRow,
  next: { passportNo: string; issuingState: string; passportIssued: string | null; passportExpiry: string }, day: string,
): void {
  const oldId = ensureCurrentPassport(db, writer, person);
  updateRecord(writer, passportEntity, oldId, { status: 'previous', replaced_on: day });
  insertRecord(writer, passportEntity, newId(), {
    person_id: person.id, passport_no: next.passportNo, issuing_state: next.issuingState, issued_on: next.passportIssued,
    expires_on: next.passportExpiry, status: 'current', replaced_on: null, created_at: nowIso(),
  });
}

/** Refuses a passport number that identifies someone else (current or former passport); `self` may hold it. */
export function checkPassportFree(db: Database, self: string, nationality: string, passportNo: string, birthDate: string): void {
  const other = [findByIdentity(db, nationality, passportNo, birthDate), findByFormerPassport(db, nationality, passportNo, birthDate)]
    .find((row) => row !== undefined && row.id !== self);
  if (other) throw new AppError('registration.person.identityTaken', { passportNo, nationality });
}
