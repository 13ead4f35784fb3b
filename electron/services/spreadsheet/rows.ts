import type { z } from 'zod';
import { dateOrDateTime, employmentInput, personFields } from '../../../shared/contract/registration-schemas.js';
import {
  IMPORT_EMPLOYMENT_FIELDS, IMPORT_PERSON_FIELDS, IMPORT_STAY_FIELDS,
  type ColumnMapping, type ImportField, type ImportTarget,
} from '../../../shared/contract/spreadsheet.js';
import type { ErrorDetail } from '../../../shared/errors.js';
import { textProblem } from '../../../shared/text-input.js';
import { staysOps } from '../../../shared/contract/stays.js';

/** The room as `stays.arrive` takes it. */
const stayRoom = staysOps['stays.arrive'].request.shape.room;

/** What one valid row becomes; the request bodies of `persons.register`, `stays.arrive`, `employment.record`. */
export interface RowPlan {
  row: number;
  person: z.output<typeof personFields>;
  stay?: { room: string; arrivedAt: string; reportedAt?: string };
  employment?: Omit<z.output<typeof employmentInput>, never>;
}

const DATE_FIELDS = new Set<ImportField>([
  'birthDate', 'passportIssued', 'passportExpiry', 'visaExpiry', 'entryDate', 'arrivedAt', 'reportedAt', 'startDate', 'workPermitExpiry',
]);
const SEX: Record<string, string> = { m: 'M', male: 'M', f: 'F', female: 'F', x: 'X', '<': 'X', ប្រុស: 'M', ស្រី: 'F' };
const WORK_STATUS: Record<string, string> = {
  'valid permit': 'valid_permit', 'valid work permit': 'valid_permit', permit: 'valid_permit',
  'application submitted': 'application_submitted', receipt: 'application_submitted',
  'no permit': 'no_permit', none: 'no_permit', exempt: 'exempt',
};

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included). */
function excelSerialToIso(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

/** YYYY-MM-DD, DD/MM/YYYY, DD.MM.YYYY, DD-MM-YYYY or an Excel date serial; anything else is left for the schema to refuse. */
export function normaliseDate(value: string): string {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}([T ].*)?$/.test(v)) return v.length === 10 ? v : v.replace(' ', 'T');
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (dmy) return `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}`;
  if (/^\d{4,5}(\.\d+)?$/.test(v)) {
    const serial = Number(v);
    if (serial > 0 && serial < 2_958_466) return excelSerialToIso(serial);
  }
  return v;
}

function isRealDate(iso: string): boolean {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso.slice(0, 10);
}

function cell(cells: string[], mapping: ColumnMapping, field: ImportField): string | undefined {
  const index = mapping[field];
  if (index === undefined || index === null) return undefined;
  const value = (cells[index] ?? '').trim();
  if (value === '') return undefined;
  if (DATE_FIELDS.has(field)) return normaliseDate(value);
  if (field === 'sex') return SEX[value.toLowerCase()] ?? value.toUpperCase();
  if (field === 'workStatus') return WORK_STATUS[value.toLowerCase().replace(/_/g, ' ')] ?? value.toLowerCase();
  if (field === 'nationality' || field === 'issuingState' || field === 'visaType') return value.toUpperCase();
  if (field === 'passportNo') return value.toUpperCase().replace(/\s+/g, '');
  return value;
}

function pick(cells: string[], mapping: ColumnMapping, fields: readonly ImportField[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const value = cell(cells, mapping, field);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/** Which fields a target needs mapped before any row is read. */
export function requiredFields(target: ImportTarget): ImportField[] {
  const person: ImportField[] = ['surname', 'sex', 'birthDate', 'nationality', 'passportNo', 'passportExpiry'];
  if (target.kind === 'stays') return [...person, 'arrivedAt'];
  if (target.kind === 'employment') return [...person, 'startDate', 'workStatus'];
  return person;
}

function issuesToDetails(row: number, issues: z.core.$ZodIssue[], raw: Record<string, string>): ErrorDetail[] {
  return issues.map((issue): ErrorDetail => {
    const field = String(issue.path[0] ?? '-');
    const value = raw[field];
    if (value === undefined) return { code: 'spreadsheet.row.missing', params: { row, field } };
    return { code: 'spreadsheet.row.invalid', params: { row, field, value: value.slice(0, 60) } };
  });
}

/**
 * Turns one sheet row into a plan, checking it with the same schemas as manual registration.
 * The registration service checks the rest (codes, date order) when the plan is applied.
 */
export function planRow(row: number, cells: string[], mapping: ColumnMapping, target: ImportTarget): RowPlan | ErrorDetail[] {
  const raw = pick(cells, mapping, IMPORT_PERSON_FIELDS);
  if (raw.issuingState === undefined && raw.nationality !== undefined) raw.issuingState = raw.nationality;
  const errors: ErrorDetail[] = [];
  for (const field of DATE_FIELDS) {
    const value = raw[field];
    if (value !== undefined && /^\d{4}-\d{2}-\d{2}/.test(value) && !isRealDate(value)) {
      errors.push({ code: 'spreadsheet.row.invalid', params: { row, field, value } });
    }
  }
  // As at the boundary: emoji and control characters refused, Limon text refused in Khmer fields.
  for (const [field, value] of Object.entries(raw)) {
    const problem = textProblem(field, value);
    if (problem) errors.push({ code: 'spreadsheet.row.rejected', params: { row, reason: problem.code, ...problem.params } });
  }
  const person = personFields.safeParse(raw);
  if (!person.success) {
    const reported = new Set(errors.map((e) => e.params?.field));
    errors.push(...issuesToDetails(row, person.error.issues, raw).filter((e) => !reported.has(e.params?.field)));
  }
  const plan: Partial<RowPlan> = { row };
  if (target.kind === 'stays') {
    const stay = pick(cells, mapping, IMPORT_STAY_FIELDS);
    if (!stay.arrivedAt) errors.push({ code: 'spreadsheet.row.missing', params: { row, field: 'arrivedAt' } });
    for (const field of ['arrivedAt', 'reportedAt'] as const) {
      const value = stay[field];
      if (value !== undefined && (!dateOrDateTime.safeParse(value).success || !isRealDate(value))) {
        errors.push({ code: 'spreadsheet.row.invalid', params: { row, field, value } });
      }
    }
    if (stay.room !== undefined && !stayRoom.safeParse(stay.room).success) {
      errors.push({ code: 'spreadsheet.row.invalid', params: { row, field: 'room', value: stay.room.slice(0, 60) } });
    }
    plan.stay = { room: stay.room ?? '', arrivedAt: stay.arrivedAt ?? '', ...(stay.reportedAt ? { reportedAt: stay.reportedAt } : {}) };
  } else if (target.kind === 'employment') {
    const rawJob = pick(cells, mapping, IMPORT_EMPLOYMENT_FIELDS);
    const job = employmentInput.safeParse(rawJob);
    if (!job.success) errors.push(...issuesToDetails(row, job.error.issues, rawJob));
    else plan.employment = job.data;
  }
  if (errors.length > 0 || !person.success) return errors;
  plan.person = person.data;
  return plan as RowPlan;
}
