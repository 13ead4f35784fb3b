import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { PersonFields } from '../../../shared/contract/registration.js';
import { AppError, type ErrorDetail } from '../../../shared/errors.js';
import { cleanDocumentNumber, parseMrz, toMrzName } from '../../../shared/mrz.js';
import { isNationalityCode } from '../../../shared/reference/nationalities.js';
import type { WriteContext } from '../../db/changes.js';
import { insertRecord, nowIso } from '../../db/changes.js';
import { duplicateReviewEntity } from '../../db/duplicates.js';
import { nameKey, passportKey, possibleDuplicates, type PersonRow } from '../../db/persons.js';
import { columns, newId } from './common.js';

export const PERSON_FIELDS = {
  surname: 'surname', givenNames: 'given_names', nameKm: 'name_km', sex: 'sex', birthDate: 'birth_date', nationality: 'nationality',
  passportNo: 'passport_no', issuingState: 'issuing_state', passportIssued: 'passport_issued', passportExpiry: 'passport_expiry',
  visaType: 'visa_type', visaNo: 'visa_no', visaExpiry: 'visa_expiry', entryDate: 'entry_date', entryPoint: 'entry_point',
  diplomatic: 'diplomatic', phone: 'phone', note: 'note',
} as const;

type Fields = Partial<Record<keyof PersonFields, unknown>>;

/** MRZ-form names, clean passport number; throws one error listing every problem with the fields. */
export function normalisePerson<T extends Fields>(fields: T, today: string, current?: PersonRow): T {
  const out: Fields = { ...fields };
  const problems: ErrorDetail[] = [];
  const bad = (code: string, params: Record<string, string | number>) => problems.push({ code: `registration.person.${code}`, params });
  for (const field of ['surname', 'givenNames'] as const) {
    if (typeof out[field] !== 'string') continue;
    const folded = toMrzName(out[field] as string);
    if (folded === '' && (field === 'surname' || (out[field] as string).trim() !== '')) bad('nameNotLatin', { field, value: out[field] as string });
    out[field] = folded;
  }
  if (typeof out.passportNo === 'string') {
    out.passportNo = cleanDocumentNumber(out.passportNo);
    if (!/^[A-Z0-9]{3,20}$/.test(out.passportNo as string)) bad('badPassportNo', { value: out.passportNo as string });
  }
  for (const field of ['nationality', 'issuingState'] as const) {
    if (typeof out[field] === 'string' && !isNationalityCode(out[field] as string)) bad('unknownCode', { field, value: out[field] as string });
  }
  const date = (field: 'birthDate' | 'passportIssued' | 'passportExpiry' | 'visaExpiry' | 'entryDate'): string | null => {
    const value = out[field] !== undefined ? out[field] : current?.[PERSON_FIELDS[field]];
    return typeof value === 'string' ? value : null;
  };
  for (const field of ['birthDate', 'passportIssued', 'passportExpiry', 'visaExpiry', 'entryDate'] as const) {
    const value = date(field);
    if (value !== null && Number.isNaN(Date.parse(`${value}T00:00:00Z`))) bad('badDate', { field, value });
  }
  const birth = date('birthDate');
  const issued = date('passportIssued');
  const expiry = date('passportExpiry');
  if (birth && birth > today) bad('birthInFuture', { value: birth });
  if (issued && expiry && expiry <= issued) bad('expiryBeforeIssue', { issued, expiry });
  if (birth && issued && issued < birth) bad('issuedBeforeBirth', { issued, birth });
  if (birth && expiry && expiry <= birth) bad('expiryBeforeBirth', { expiry, birth });
  const entry = date('entryDate');
  if (entry && entry > today) bad('entryInFuture', { value: entry });
  if (problems.length > 0) throw new AppError('registration.person.invalid', { count: problems.length }, problems);
  return out as T;
}

/**
 * A registration by MRZ is refused when the lines fail: the form must not carry a misread document.
 * A date that passes its check digit but is no calendar day (29 February in a common year) is what the
 * issuer printed, not a misread: the lines stand and the form carries the date the person entered.
 */
export function checkMrz(mrz: { line1: string; line2: string; line3?: string | undefined }, today: string): void {
  const result = parseMrz([mrz.line1, mrz.line2, mrz.line3 ?? ''], today);
  const problems = result.problems.filter((p) => p.code !== 'mrz.impossibleDate');
  if (problems.length === 0 && result.checks.every((c) => c.valid)) return;
  const details: ErrorDetail[] = [
    ...problems,
    ...result.checks.filter((c) => !c.valid).map((c) => ({ code: 'mrz.checkFailed', params: { field: c.field, expected: c.expected, found: c.found } })),
  ];
  throw new AppError('registration.person.mrzInvalid', { count: details.length }, details);
}

export function personColumns(fields: Fields) {
  const values = columns(fields, PERSON_FIELDS);
  return values;
}

export function derivedKeys(row: Pick<PersonRow, 'surname' | 'given_names' | 'passport_no'>) {
  return { name_key: nameKey(row.surname, row.given_names), passport_key: passportKey(row.passport_no) };
}

/** Queues a review for each possible duplicate of `person` not already queued; returns their ids. */
export function queueDuplicates(db: Database, writer: WriteContext, person: PersonRow): string[] {
  if (person.merged_into) return [];
  const found = possibleDuplicates(db, person);
  for (const { id, reason } of found) {
    const [a, b] = id < person.id ? [id, person.id] : [person.id, id];
    const queued = db.prepare('SELECT 1 FROM duplicate_review WHERE person_a = ? AND person_b = ?').get(a, b);
    if (!queued) insertRecord(writer, duplicateReviewEntity, newId(), { person_a: a, person_b: b, reason, status: 'open', note: '', created_at: nowIso(), decided_by: null, decided_at: null });
  }
  return found.map((f) => f.id);
}
