import type { PersonFields } from '../../shared/contract/registration.js';

/**
 * A passport scanned on the registration screen that belongs to someone registered: kept while the
 * person page shows the differences (hash routes carry no form data). Lost on reload, harmlessly.
 */
export interface PendingScan {
  personId: string;
  fields: PersonFields;
  mrz?: { line1: string; line2: string; line3?: string } | undefined;
}

let pending: PendingScan | undefined;

export function setPendingScan(scan: PendingScan): void {
  pending = scan;
}

export function pendingScanFor(personId: string): PendingScan | undefined {
  return pending?.personId === personId ? pending : undefined;
}

export function clearPendingScan(): void {
  pending = undefined;
}
