import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Actor } from '../../../shared/actor.js';
import type { CasePerson, Complaint } from '../../../shared/contract/cases.js';
import type { ChangeEntry } from '../../../shared/contract/common.js';
import { actorHas } from '../../../shared/permissions.js';
import { personName, type CasePersonRow } from '../../db/cases.js';

/**
 * Sensitive records (a complaint's named reporter, a possible victim found in an operation) are
 * redacted here, in the backend, for every reader without `sensitive.read`: the screens, the CLI
 * and the history of a record all get the same answer. Counts stay visible (statistics).
 */
export function mayReadSensitive(actor: Actor): boolean {
  return actorHas(actor, 'sensitive.read');
}

export function complaintFor(actor: Actor, complaint: Complaint): Complaint {
  if (!complaint.sensitive || mayReadSensitive(actor)) return complaint;
  return { ...complaint, reporterName: '', reporterContact: '', redacted: true };
}

export function casePersonFor(db: Database, actor: Actor, row: CasePersonRow): CasePerson {
  if (row.sensitive === 1 && !mayReadSensitive(actor)) return { id: row.id, operationId: row.operation_id, redacted: true, sensitive: true };
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

/** `history.forRecord` for a reader: sensitive fields left out of the before/after of each change. */
export function historyFor(actor: Actor, entity: string, entries: ChangeEntry[]): ChangeEntry[] {
  if (mayReadSensitive(actor)) return entries;
  if (entity === 'complaint') {
    return entries.map((e) => ({ ...e, before: keep(e.before, (c) => !REPORTER_COLUMNS.includes(c)), after: keep(e.after, (c) => !REPORTER_COLUMNS.includes(c)) }));
  }
  if (entity === 'case_person' && entries.some((e) => e.after?.sensitive === 1 || e.before?.sensitive === 1)) {
    return entries.map((e) => ({ ...e, before: keep(e.before, (c) => CASE_PERSON_SHOWN.has(c)), after: keep(e.after, (c) => CASE_PERSON_SHOWN.has(c)) }));
  }
  return entries;
}
