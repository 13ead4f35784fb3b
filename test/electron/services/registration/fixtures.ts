import { readFileSync } from 'node:fs';
import type { PersonFields } from '../../../../shared/contract/registration.js';
import { GAZETTEER_CSV, testBackend } from '../../../helpers/db.js';

export const TODAY = '2026-03-01';
export const COMMUNE = '120101';

/** A test backend with the gazetteer imported. */
export async function registerBackend() {
  const t = testBackend();
  await t.ok('gazetteer.import', { fileName: 'units.csv', csv: readFileSync(GAZETTEER_CSV, 'utf8') });
  return t;
}

export function personFields(overrides: Partial<PersonFields> = {}): PersonFields {
  return {
    surname: 'Eriksson', givenNames: 'Anna Maria', sex: 'F', birthDate: '1974-08-12', nationality: 'SWE', passportNo: 'L898902C3',
    issuingState: 'SWE', passportExpiry: '2030-04-15', visaType: 'EB', visaNo: 'V123', visaExpiry: '2026-12-31', entryDate: '2026-01-10',
    ...overrides,
  };
}

export async function premises(t: Awaited<ReturnType<typeof registerBackend>>, name = 'Golden Lotus Hotel', nameKm = 'សណ្ឋាគារផ្កាឈូកមាស') {
  return t.ok('premises.create', { nameLatin: name, nameKm, type: 'hotel', communeCode: COMMUNE, village: 'Phum 1', street: 'Street 51', houseNo: '12' });
}
