import type { Actor } from '../../../../shared/actor.js';
import { buildTd3 } from '../../../../shared/mrz.js';
import { personFields, premises, registerBackend } from '../registration/fixtures.js';

export const COMMUNE_OFFICER: Actor = { id: 'u-commune', kind: 'user', role: 'commune-officer' };
export const PROVINCIAL_OFFICER: Actor = { id: 'u-province', kind: 'user', role: 'provincial-officer' };
export const CLERK: Actor = { id: 'u-clerk', kind: 'user', role: 'clerk' };

type T = Awaited<ReturnType<typeof registerBackend>>;

/** The seed 004 story at one commune: a hotline complaint about a hotel, then a raid and rescue. */
export async function hotlineCase(t: T) {
  const hotel = await premises(t, 'Frangipani Hotel', 'សណ្ឋាគារចំប៉ា');
  const complaint = await t.ok('complaints.create', {
    receivedAt: '2026-03-03T21:15', channel: 'hotline', reporterName: 'Chan Sopheap', reporterContact: '012 345 678',
    premisesId: hotel.id, category: 'human_trafficking', urgency: 'immediate', narrative: 'People held for ransom on the third floor.',
  });
  return { hotel, complaint };
}

/** A foreigner's passport fields and MRZ (a valid TD3) for registering someone found. */
export function passport(n: number, overrides: Partial<ReturnType<typeof personFields>> = {}) {
  const fields = personFields({ surname: `TESTER${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[n] ?? 'Z'}`, passportNo: `P${String(1000000 + n)}`, nationality: 'MYS', issuingState: 'MYS', sex: n % 2 ? 'M' : 'F', ...overrides });
  const mrz = buildTd3({
    documentCode: 'P', issuingState: fields.issuingState, surname: fields.surname, givenNames: fields.givenNames ?? '', documentNumber: fields.passportNo,
    nationality: fields.nationality, birthDate: fields.birthDate, sex: fields.sex, expiryDate: fields.passportExpiry,
  });
  return { fields, mrz };
}

export { personFields, premises, registerBackend };
