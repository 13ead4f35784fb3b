import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors.js';
import { getPersonRow, type PersonRow } from '../../db/persons.js';

/** The record a merged one leads to (following merges of merges), or the record itself. */
export function survivorOf(db: Database, row: PersonRow): PersonRow {
  let current = row;
  for (let hops = 0; current.merged_into && hops < 20; hops++) current = getPersonRow(db, current.merged_into) ?? current;
  return current;
}

/** A merged-away record is read-only: its changes belong on the record it was merged into. */
export function refuseMerged(db: Database, row: PersonRow): void {
  if (!row.merged_into) return;
  const survivor = survivorOf(db, row);
  throw new AppError('persons.merged', { name: `${row.surname} ${row.given_names}`.trim(), into: `${survivor.surname} ${survivor.given_names}`.trim() });
}

export function survivorId(db: Database, id: string): string {
  const row = getPersonRow(db, id);
  return row ? survivorOf(db, row).id : id;
}
