import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Actor } from '../../../shared/actor.js';
import type { CasePerson, Complaint } from '../../../shared/contract/cases.js';
import type { ChangeEntry } from '../../../shared/contract/common.js';
import { actorHas } from '../../../shared/permissions.js';
import type { HandlerContext } from '../../backend/context.js';
import { personName, type CasePersonRow } from '../../db/cases.js';

/**
 * Sensitive records (a complaint's named reporter, a possible victim found in an operation) are
 * redacted here, in the backend, for every reader without `sensitive.read`: the screens, the CLI
 * and the history of a record all get the same answer. Counts stay visible (statistics).
 */
export function mayReadSensitive(actor: Actor): boolean {
  return actorHas(actor, 'sensitive.read');
}

/** Who reads: the actor, and where a read of a sensitive record is noted for the audit chain. */
export type Reader = Pick<HandlerContext, 'actor' | 'auditRead'>;

/** A complaint as this reader may see it; a sensitive one shown whole is a logged read. */
export function complaintFor(reader: Reader, complaint: Complaint): Complaint {
  if (!complaint.sensitive) return complaint;
  if (!mayReadSensitive(reader.actor)) return { ...complaint, reporterName: '', reporterContact: '', redacted: true };
  reader.auditRead('complaint', complaint.id);
  return complaint;
}

/** A person found in an operation as this reader may see it; a possible victim shown whole is a logged read. */
export function casePersonFor(db: Database, reader: Reader, row: CasePersonRow): CasePerson {
  if (row.sensitive === 1 && !mayReadSensitive(reader.actor)) return { id: row.id, operationId: row.operation_id, redacted: true, sensitive: true };
  if (row.sensitive === 1) reader.auditRead('case_person', row.id);
  return {
    id: row.id, operationId: row.operation_id, redacted: false, revision: row.revision, personId: row.person_id,
    personName: personName(db, row.person_id), described: row.described, sex: row.sex, nationality: row.nationality,
    declaredVictim: row.declared_victim === 1, identifiedAs: row.identified_as, referredTo: row.referred_to,
    noReturn: row.no_return === 1, note: row.note, sensitive: row.sensitive === 1,
  };
}

const REPORTER_COLUMNS = ['reporter_name', 'reporter_contact'];
/** What of a possible victim's record history a reader without the capability may see. */
const CASE_PERSON_SHOWN = new Set(['operation_id', 'sensitive', 'created_at']);

function keep(values: Record<string, unknown> | null, shown: (column: string) => boolean): Record<string, unknown> | null {
  if (values === null) return null;
  return Object.fromEntries(Object.entries(values).filter(([column]) => shown(column)));
}

/** `history.forRecord` for a reader: sensitive fields left out of the before/after of each change (shown whole: a logged read). */
export function historyFor(reader: Reader, entity: string, recordId: string, entries: ChangeEntry[]): ChangeEntry[] {
  if (mayReadSensitive(reader.actor)) {
    if (sensitiveHistory(entity, entries)) reader.auditRead(entity, recordId);
    return entries;
  }
  if (entity === 'complaint') {
    return entries.map((e) => ({ ...e, before: keep(e.before, (c) => !REPORTER_COLUMNS.includes(c)), after: keep(e.after, (c) => !REPORTER_COLUMNS.includes(c)) }));
  }
  if (entity === 'case_person' && sensitiveHistory(entity, entries)) {
    return entries.map((e) => ({ ...e, before: keep(e.before, (c) => CASE_PERSON_SHOWN.has(c)), after: keep(e.after, (c) => CASE_PERSON_SHOWN.has(c)) }));
  }
  return entries;
}

/** A complaint's history naming its reporter, or a possible victim's history. */
function sensitiveHistory(entity: string, entries: ChangeEntry[]): boolean {
  const named = (values: Record<string, unknown> | null) => REPORTER_COLUMNS.some((c) => typeof values?.[c] === 'string' && values[c] !== '');
  if (entity === 'complaint') return entries.some((e) => named(e.before) || named(e.after));
  if (entity === 'case_person') return entries.some((e) => e.after?.sensitive === 1 || e.before?.sensitive === 1);
  return false;
}
