import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { OpName } from '../../shared/contract/index.js';
import type { AuditRead } from '../db/audit.js';
import { personOfStay, personsOfInspection, personsOnPremises, premisesOfCommune, workersOfEmployer } from '../db/audit-targets.js';

type Fields = Record<string, unknown>;
/** The person ids an answered call showed: from its request, its answer, or the document's own selection. */
type Reader = (db: Database, request: Fields, response: Fields) => string[];

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const ids = (...values: unknown[]): string[] => values.map(text).filter((v): v is string => v !== null);
const list = (value: unknown): string[] => (Array.isArray(value) ? ids(...value) : []);
const field = (value: unknown, key: string): unknown => (value && typeof value === 'object' ? (value as Fields)[key] : undefined);

/**
 * Operations that show a person's record to someone: opening it, printing a document with it,
 * exporting it. Lists and searches (a page of names) are not reads of a record; bundles moved between
 * offices are recorded in the sync history. Features add their rows here; sensitive case records
 * are noted by the handlers themselves (`ctx.auditRead`, services/cases/protect.ts).
 */
export const AUDITED_READS: Partial<Record<OpName, Reader>> = {
  'persons.get': (_db, _request, response) => ids(field(response.person, 'id')),
  // Registering someone already registered shows that person's record.
  'persons.register': (_db, _request, response) => (response.status === 'existing' ? ids(field(response.person, 'id')) : []),
  'persons.compareScan': (_db, _request, response) => (Array.isArray(response.matches) ? response.matches.map((m) => field(field(m, 'person'), 'id')) : []).filter((v): v is string => typeof v === 'string'),
  'passports.list': (_db, request) => ids(request.personId),
  'duplicates.compare': (_db, request) => ids(request.aId, request.bId),
  'history.forRecord': (_db, request) => (request.entity === 'person' ? ids(request.recordId) : []),
  'print.receipt': (db, request) => personOfStay(db, String(request.stayId)),
  'print.pledge': (db, request) => personsOnPremises(db, String(request.premisesId)),
  'print.declarationCard': (db, request) => (request.blank || !text(request.employerId) ? [] : workersOfEmployer(db, String(request.employerId))),
  'print.inspectionReport': (db, request) => personsOfInspection(db, String(request.inspectionId)),
  'print.batch': (db, request) => {
    if (request.kind === 'pledges') return text(request.communeCode) ? premisesOfCommune(db, String(request.communeCode)).flatMap((id) => personsOnPremises(db, id)) : [];
    if (request.kind === 'declarationCards') return list(request.employerIds).flatMap((id) => workersOfEmployer(db, id));
    return list(request.stayIds).flatMap((id) => personOfStay(db, id));
  },
};

/** The reads an answered call made: its operation's persons, then what its handler noted. */
export function auditedReads(db: Database, op: OpName, request: unknown, response: unknown, noted: readonly { entity: string; recordId: string }[]): AuditRead[] {
  const reader = AUDITED_READS[op];
  const persons = reader ? reader(db, (request ?? {}) as Fields, (response ?? {}) as Fields) : [];
  const seen = new Set<string>();
  const out: AuditRead[] = [];
  for (const read of [...persons.map((recordId) => ({ entity: 'person', recordId })), ...noted]) {
    const key = `${read.entity}:${read.recordId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ operation: op, entity: read.entity, recordId: read.recordId });
  }
  return out;
}
