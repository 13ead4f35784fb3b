import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Person, PersonSummary } from '../../shared/contract/registration.js';
import { nationalityEquivalents } from '../../shared/display.js';
import { confusableKey, toMrzName } from '../../shared/mrz.js';
import type { EntitySpec } from './changes.js';
import { unitColumn } from './premises.js';
import { stmt } from './statements.js';

export const personEntity: EntitySpec = {
  entity: 'person',
  table: 'person',
  columns: [
    'surname', 'given_names', 'name_km', 'sex', 'birth_date', 'nationality', 'passport_no', 'issuing_state', 'passport_issued',
    'passport_expiry', 'visa_type', 'visa_no', 'visa_expiry', 'entry_date', 'entry_point', 'diplomatic', 'phone', 'note',
    'source', 'merged_into', 'name_key', 'passport_key', 'created_at',
  ],
};

export interface PersonRow {
  id: string; revision: number; surname: string; given_names: string; name_km: string; sex: Person['sex'];
  birth_date: string; nationality: string; passport_no: string; issuing_state: string; passport_issued: string | null;
  passport_expiry: string; visa_type: Person['visaType']; visa_no: string; visa_expiry: string | null; entry_date: string | null;
  entry_point: string; diplomatic: number; phone: string; note: string; source: Person['source']; merged_into: string | null;
  name_key: string; passport_key: string; created_at: string;
}

/** Name parts folded and sorted: "ANNA MARIA ERIKSSON" whatever the order or accents. */
export function nameKey(surname: string, givenNames: string): string {
  return toMrzName(`${surname} ${givenNames}`).split(' ').filter(Boolean).sort().join(' ');
}

export function passportKey(passportNo: string): string {
  return confusableKey(passportNo);
}

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id, revision: row.revision, surname: row.surname, givenNames: row.given_names, nameKm: row.name_km, sex: row.sex,
    birthDate: row.birth_date, nationality: row.nationality, passportNo: row.passport_no, issuingState: row.issuing_state,
    passportIssued: row.passport_issued, passportExpiry: row.passport_expiry, visaType: row.visa_type, visaNo: row.visa_no,
    visaExpiry: row.visa_expiry, entryDate: row.entry_date, entryPoint: row.entry_point, diplomatic: row.diplomatic === 1,
    phone: row.phone, note: row.note, source: row.source, mergedInto: row.merged_into, createdAt: row.created_at,
  };
}

const SUMMARY_SELECT = `SELECT p.id, p.surname, p.given_names, p.name_km, p.sex, p.birth_date, p.nationality, p.passport_no,
  p.passport_expiry, p.diplomatic, p.merged_into, s.premises_id AS current_premises_id, pr.name_latin AS current_premises_name
  FROM person p
  LEFT JOIN stay s ON s.id = (SELECT id FROM stay WHERE person_id = p.id AND departed_on IS NULL ORDER BY arrived_at DESC LIMIT 1)
  LEFT JOIN premises pr ON pr.id = s.premises_id`;

interface SummaryRow {
  id: string; surname: string; given_names: string; name_km: string; sex: Person['sex']; birth_date: string; nationality: string;
  passport_no: string; passport_expiry: string; diplomatic: number; merged_into: string | null;
  current_premises_id: string | null; current_premises_name: string | null;
}

function toSummary(row: SummaryRow): PersonSummary {
  return {
    id: row.id, surname: row.surname, givenNames: row.given_names, nameKm: row.name_km, sex: row.sex, birthDate: row.birth_date,
    nationality: row.nationality, passportNo: row.passport_no, passportExpiry: row.passport_expiry, diplomatic: row.diplomatic === 1,
    currentPremisesId: row.current_premises_id, currentPremisesName: row.current_premises_name, mergedInto: row.merged_into,
  };
}

export function getPersonRow(db: Database, id: string): PersonRow | undefined {
  return stmt(db, 'SELECT * FROM person WHERE id = ?').get(id) as PersonRow | undefined;
}

/** Summaries in the order of `ids`. */
export function summaries(db: Database, ids: string[]): PersonSummary[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`${SUMMARY_SELECT} WHERE p.id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as SummaryRow[];
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return ids.map((id) => byId.get(id)).filter((s) => s !== undefined);
}

/** The person with this passport: Germany's MRZ `D` and a typed `DEU` are the same nationality. */
export function findByIdentity(db: Database, nationality: string, passportNo: string, birthDate: string): PersonRow | undefined {
  const codes = nationalityEquivalents(nationality);
  return db
    .prepare(`SELECT * FROM person WHERE nationality IN (${codes.map(() => '?').join(', ')}) AND passport_no = ? AND birth_date = ? ORDER BY merged_into IS NOT NULL LIMIT 1`)
    .get(...codes, passportNo, birthDate) as PersonRow | undefined;
}

/** Other live persons that may be the same one: same names and birth date, or passport equal up to O/0 I/1 B/8. */
export function possibleDuplicates(db: Database, person: PersonRow): { id: string; reason: 'same_name_birth' | 'similar_passport' }[] {
  const found = new Map<string, 'same_name_birth' | 'similar_passport'>();
  const byKey = stmt(db, 'SELECT id FROM person WHERE passport_key = ? AND id <> ? AND merged_into IS NULL LIMIT 50').all(person.passport_key, person.id) as { id: string }[];
  for (const row of byKey) found.set(row.id, 'similar_passport');
  const byName = stmt(db, 'SELECT id FROM person WHERE name_key = ? AND birth_date = ? AND id <> ? AND merged_into IS NULL LIMIT 50').all(person.name_key, person.birth_date, person.id) as { id: string }[];
  for (const row of byName) if (!found.has(row.id)) found.set(row.id, 'same_name_birth');
  return [...found].map(([id, reason]) => ({ id, reason }));
}

export interface PersonFilter {
  unitCode?: string | undefined; nationality?: string | undefined; status: 'present' | 'departed' | 'all';
  premisesId?: string | undefined; employerId?: string | undefined; ids?: string[] | undefined;
  after: (string | number)[] | null; limit: number;
}

/** Keyset on (surname, given names, id): the person_list / person_nationality indexes. */
export function listPersons(db: Database, filter: PersonFilter) {
  const where = ['p.merged_into IS NULL'];
  const params: (string | number)[] = [];
  if (filter.nationality) {
    // `D` and `DEU` are both Germany: a filter by either finds both.
    const codes = nationalityEquivalents(filter.nationality);
    where.push(`p.nationality IN (${codes.map(() => '?').join(', ')})`);
    params.push(...codes);
  }
  if (filter.ids) { where.push(`p.id IN (${filter.ids.map(() => '?').join(', ') || "''"})`); params.push(...filter.ids); }
  const openStay = 'SELECT 1 FROM stay s WHERE s.person_id = p.id AND s.departed_on IS NULL';
  if (filter.status === 'present') where.push(`EXISTS (${openStay})`);
  if (filter.status === 'departed') where.push(`NOT EXISTS (${openStay}) AND EXISTS (SELECT 1 FROM stay s WHERE s.person_id = p.id)`);
  if (filter.premisesId) { where.push(`EXISTS (${openStay} AND s.premises_id = ?)`); params.push(filter.premisesId); }
  if (filter.employerId) {
    where.push('EXISTS (SELECT 1 FROM employment e WHERE e.person_id = p.id AND e.employer_id = ? AND e.end_date IS NULL)');
    params.push(filter.employerId);
  }
  if (filter.unitCode) {
    where.push(`EXISTS (${openStay} AND s.premises_id IN (SELECT id FROM premises WHERE ${unitColumn(filter.unitCode)} = ?))`);
    params.push(filter.unitCode);
  }
  if (filter.after) { where.push('(p.surname, p.given_names, p.id) > (?, ?, ?)'); params.push(...filter.after); }
  const sql = `${SUMMARY_SELECT} WHERE ${where.join(' AND ')} ORDER BY p.surname, p.given_names, p.id LIMIT ?`;
  const rows = db.prepare(sql).all(...params, filter.limit + 1) as SummaryRow[];
  return rows.map(toSummary);
}
