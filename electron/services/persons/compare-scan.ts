import type { Database } from 'better-sqlite3-multiple-ciphers';
import { personFieldName, type PersonFields } from '../../../shared/contract/registration.js';
import type { ScanMatch } from '../../../shared/contract/persons.js';
import type { HandlerTable } from '../../backend/context.js';
import { findByFormerPassport } from '../../db/passports.js';
import { findByIdentity, nameKey, toPerson, type PersonRow } from '../../db/persons.js';
import { today } from '../registration/common.js';
import { normalisePerson, PERSON_FIELDS } from '../registration/identity.js';
import { survivorOf } from './merged.js';

type Scanned = Partial<Record<keyof PersonFields, string | boolean | null | undefined>>;
const PASSPORT_FIELDS = new Set(['passportNo', 'issuingState', 'passportIssued', 'passportExpiry']);

/** What the scan adds or changes: fields it has a value for that differ from the register. */
function differences(row: PersonRow, scanned: Scanned, kind: ScanMatch['kind']): ScanMatch['differences'] {
  const out: ScanMatch['differences'] = [];
  for (const field of personFieldName.options) {
    // A former passport is history: its fields must not replace the current passport's.
    if (kind === 'former_passport' && PASSPORT_FIELDS.has(field)) continue;
    const value = scanned[field];
    if (value === undefined || value === null || value === '' || value === false) continue;
    const stored = row[PERSON_FIELDS[field]];
    const registered = field === 'diplomatic' ? stored === 1 : (stored as string | null);
    if (registered !== value) out.push({ field, registered, scanned: value });
  }
  return out;
}

function normalised(fields: Scanned, day: string): Scanned {
  try {
    return normalisePerson(fields as Partial<Record<keyof PersonFields, unknown>>, day) as Scanned;
  } catch {
    // Compare what can be compared; registering will say what is wrong with the rest.
    return fields;
  }
}

export function compareScan(db: Database, input: Scanned, day: string): ScanMatch[] {
  const fields = normalised(input, day);
  const { nationality, passportNo, birthDate, surname, givenNames } = fields;
  if (typeof nationality !== 'string' || typeof passportNo !== 'string' || typeof birthDate !== 'string') return [];
  const exact = findByIdentity(db, nationality, passportNo, birthDate);
  if (exact) {
    const survivor = survivorOf(db, exact);
    const kind = survivor.passport_no === passportNo ? 'same_passport' : 'former_passport';
    return [{ kind, person: toPerson(survivor), differences: differences(survivor, fields, kind) }];
  }
  const former = findByFormerPassport(db, nationality, passportNo, birthDate);
  if (former) {
    const survivor = survivorOf(db, former);
    return [{ kind: 'former_passport', person: toPerson(survivor), differences: differences(survivor, fields, 'former_passport') }];
  }
  if (typeof surname !== 'string') return [];
  const key = nameKey(surname, typeof givenNames === 'string' ? givenNames : '');
  const rows = db.prepare('SELECT * FROM person WHERE name_key = ? AND birth_date = ? AND nationality = ? AND merged_into IS NULL ORDER BY id LIMIT 5')
    .all(key, birthDate, nationality) as PersonRow[];
  return rows.map((row) => ({ kind: 'new_passport' as const, person: toPerson(row), differences: differences(row, fields, 'new_passport') }));
}

export const compareScanHandlers: Pick<HandlerTable, 'persons.compareScan'> = {
  'persons.compareScan': (ctx, request) => ({ matches: compareScan(ctx.db, request.fields, today(ctx.db, request)) }),
};
