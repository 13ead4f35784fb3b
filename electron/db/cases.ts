import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CaseOperation, Complaint, PremisesAction, Suspect } from '../../shared/contract/cases.js';
import type { EntitySpec } from './changes.js';

/** Complaints, operations, persons found, suspects and premises actions: record tables and reads. */

export const complaintEntity: EntitySpec = {
  entity: 'complaint',
  table: 'complaint',
  columns: [
    'received_at', 'channel', 'anonymous', 'reporter_name', 'reporter_contact', 'premises_id', 'person_id', 'about', 'category',
    'urgency', 'narrative', 'unit_code', 'status', 'assigned_to', 'operation_id', 'inspection_id', 'closed_on', 'close_reason',
    'close_note', 'sensitive', 'created_at',
  ],
};
export const operationEntity: EntitySpec = {
  entity: 'operation',
  table: 'operation',
  columns: ['held_on', 'kind', 'lead_unit', 'partners', 'premises_id', 'target', 'unit_code', 'summary', 'created_at'],
};
export const casePersonEntity: EntitySpec = {
  entity: 'case_person',
  table: 'case_person',
  columns: [
    'operation_id', 'person_id', 'described', 'sex', 'nationality', 'declared_victim', 'identified_as', 'referred_to', 'no_return',
    'note', 'sensitive', 'created_at',
  ],
};
export const suspectEntity: EntitySpec = {
  entity: 'case_suspect',
  table: 'case_suspect',
  columns: ['operation_id', 'person_id', 'name', 'sex', 'nationality', 'charged_on', 'court_on', 'note', 'created_at'],
};
export const premisesActionEntity: EntitySpec = {
  entity: 'premises_action',
  table: 'premises_action',
  columns: ['premises_id', 'action', 'on_date', 'legal_reason', 'operation_id', 'created_at'],
};

export interface ComplaintRow {
  id: string; revision: number; origin_office: string; received_at: string; channel: Complaint['channel']; anonymous: number;
  reporter_name: string; reporter_contact: string; premises_id: string | null; person_id: string | null; about: string;
  category: Complaint['category']; urgency: Complaint['urgency']; narrative: string; unit_code: string; status: Complaint['status'];
  assigned_to: string; operation_id: string | null; inspection_id: string | null; closed_on: string | null;
  close_reason: Complaint['closeReason']; close_note: string; sensitive: number; created_at: string;
}
export interface OperationRow {
  id: string; revision: number; origin_office: string; held_on: string; kind: CaseOperation['kind']; lead_unit: string; partners: string;
  premises_id: string | null; target: string; unit_code: string; summary: string; created_at: string;
}
export interface CasePersonRow {
  id: string; revision: number; operation_id: string; person_id: string | null; described: string; sex: 'M' | 'F' | 'X';
  nationality: string; declared_victim: number; identified_as: 'trafficking' | 'detention' | 'forced_labour' | null;
  referred_to: string; no_return: number; note: string; sensitive: number; created_at: string;
}
export interface SuspectRow {
  id: string; revision: number; operation_id: string; person_id: string | null; name: string; sex: 'M' | 'F' | 'X'; nationality: string;
  charged_on: string | null; court_on: string | null; note: string; created_at: string;
}
interface PremisesActionRow {
  id: string; premises_id: string; action: PremisesAction['action']; on_date: string; legal_reason: string; operation_id: string | null;
  created_at: string;
}

function premisesName(db: Database, id: string | null): string | null {
  if (!id) return null;
  return (db.prepare('SELECT name_latin FROM premises WHERE id = ?').get(id) as { name_latin: string } | undefined)?.name_latin ?? null;
}

export function personName(db: Database, id: string | null): string | null {
  if (!id) return null;
  const row = db.prepare('SELECT surname, given_names FROM person WHERE id = ?').get(id) as { surname: string; given_names: string } | undefined;
  return row ? [row.surname, row.given_names].filter(Boolean).join(' ') : null;
}

export function getComplaintRow(db: Database, id: string): ComplaintRow | undefined {
  return db.prepare('SELECT * FROM complaint WHERE id = ?').get(id) as ComplaintRow | undefined;
}

/** The full record; `services/cases/protect.ts` redacts it for readers without `sensitive.read`. */
export function toComplaint(db: Database, row: ComplaintRow): Complaint {
  return {
    id: row.id, revision: row.revision, receivedAt: row.received_at, channel: row.channel, anonymous: row.anonymous === 1,
    reporterName: row.reporter_name, reporterContact: row.reporter_contact, sensitive: row.sensitive === 1, redacted: false,
    premisesId: row.premises_id, premisesName: premisesName(db, row.premises_id), personId: row.person_id,
    personName: personName(db, row.person_id), about: row.about, category: row.category, urgency: row.urgency,
    narrative: row.narrative, unitCode: row.unit_code, status: row.status, assignedTo: row.assigned_to, operationId: row.operation_id,
    inspectionId: row.inspection_id, closedOn: row.closed_on, closeReason: row.close_reason, closeNote: row.close_note,
    originOffice: row.origin_office, createdAt: row.created_at,
  };
}

export interface PeriodFilter { from?: string | undefined; to?: string | undefined; unitCode?: string | undefined }

function periodWhere(filter: PeriodFilter, dateExpr: string, unitExpr: string, where: string[], params: (string | number)[]): void {
  if (filter.from) { where.push(`${dateExpr} >= ?`); params.push(filter.from); }
  if (filter.to) { where.push(`${dateExpr} <= ?`); params.push(filter.to); }
  if (filter.unitCode) { where.push(`substr(${unitExpr}, 1, ?) = ?`); params.push(filter.unitCode.length, filter.unitCode); }
}

/** Newest first: keyset on (received_at, id). */
export function listComplaintRows(
  db: Database,
  filter: PeriodFilter & { status?: string | undefined; category?: string | undefined; premisesId?: string | undefined; after: [string, string] | null; limit: number },
): ComplaintRow[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  periodWhere(filter, 'substr(received_at, 1, 10)', 'unit_code', where, params);
  if (filter.status) { where.push('status = ?'); params.push(filter.status); }
  if (filter.category) { where.push('category = ?'); params.push(filter.category); }
  if (filter.premisesId) { where.push('premises_id = ?'); params.push(filter.premisesId); }
  if (filter.after) { where.push('(received_at, id) < (?, ?)'); params.push(...filter.after); }
  const sql = `SELECT * FROM complaint ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC, id DESC LIMIT ?`;
  return db.prepare(sql).all(...params, filter.limit + 1) as ComplaintRow[];
}

export function complaintsOfOperation(db: Database, operationId: string): ComplaintRow[] {
  return db.prepare('SELECT * FROM complaint WHERE operation_id = ? ORDER BY received_at, id').all(operationId) as ComplaintRow[];
}

export function getOperationRow(db: Database, id: string): OperationRow | undefined {
  return db.prepare('SELECT * FROM operation WHERE id = ?').get(id) as OperationRow | undefined;
}

export function toOperation(db: Database, row: OperationRow): CaseOperation {
  const counts = db.prepare(`
    SELECT count(*) AS found, coalesce(sum(declared_victim), 0) AS declared, count(identified_as) AS identified
    FROM case_person WHERE operation_id = ?`).get(row.id) as { found: number; declared: number; identified: number };
  const suspects = db.prepare('SELECT count(*) AS n, count(charged_on) AS charged FROM case_suspect WHERE operation_id = ?')
    .get(row.id) as { n: number; charged: number };
  return {
    id: row.id, revision: row.revision, heldOn: row.held_on, kind: row.kind, leadUnit: row.lead_unit, partners: row.partners,
    premisesId: row.premises_id, premisesName: premisesName(db, row.premises_id), target: row.target, unitCode: row.unit_code,
    summary: row.summary, personsFound: counts.found, declaredVictims: counts.declared, identifiedVictims: counts.identified,
    suspects: suspects.n, suspectsCharged: suspects.charged, originOffice: row.origin_office, createdAt: row.created_at,
  };
}

/** Newest first: keyset on (held_on, id). */
export function listOperationRows(
  db: Database, filter: PeriodFilter & { premisesId?: string | undefined; after: [string, string] | null; limit: number },
): OperationRow[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  periodWhere(filter, 'held_on', 'unit_code', where, params);
  if (filter.premisesId) { where.push('premises_id = ?'); params.push(filter.premisesId); }
  if (filter.after) { where.push('(held_on, id) < (?, ?)'); params.push(...filter.after); }
  const sql = `SELECT * FROM operation ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY held_on DESC, id DESC LIMIT ?`;
  return db.prepare(sql).all(...params, filter.limit + 1) as OperationRow[];
}

export function getCasePersonRow(db: Database, id: string): CasePersonRow | undefined {
  return db.prepare('SELECT * FROM case_person WHERE id = ?').get(id) as CasePersonRow | undefined;
}

export function casePersonRows(db: Database, operationId: string): CasePersonRow[] {
  return db.prepare('SELECT * FROM case_person WHERE operation_id = ? ORDER BY created_at, id').all(operationId) as CasePersonRow[];
}

export function getSuspectRow(db: Database, id: string): SuspectRow | undefined {
  return db.prepare('SELECT * FROM case_suspect WHERE id = ?').get(id) as SuspectRow | undefined;
}

export function toSuspect(row: SuspectRow): Suspect {
  return {
    id: row.id, revision: row.revision, operationId: row.operation_id, personId: row.person_id, name: row.name, sex: row.sex,
    nationality: row.nationality, chargedOn: row.charged_on, courtOn: row.court_on, note: row.note,
  };
}

export function suspectsOf(db: Database, operationId: string): Suspect[] {
  return (db.prepare('SELECT * FROM case_suspect WHERE operation_id = ? ORDER BY created_at, id').all(operationId) as SuspectRow[]).map(toSuspect);
}

function toPremisesAction(db: Database, row: PremisesActionRow): PremisesAction {
  return {
    id: row.id, premisesId: row.premises_id, premisesName: premisesName(db, row.premises_id), action: row.action, onDate: row.on_date,
    legalReason: row.legal_reason, operationId: row.operation_id, createdAt: row.created_at,
  };
}

export function premisesActionsOf(db: Database, premisesId: string): PremisesAction[] {
  return (db.prepare('SELECT * FROM premises_action WHERE premises_id = ? ORDER BY on_date DESC, created_at DESC, id DESC')
    .all(premisesId) as PremisesActionRow[]).map((r) => toPremisesAction(db, r));
}

export function premisesActionsOfOperation(db: Database, operationId: string): PremisesAction[] {
  return (db.prepare('SELECT * FROM premises_action WHERE operation_id = ? ORDER BY on_date, created_at, id')
    .all(operationId) as PremisesActionRow[]).map((r) => toPremisesAction(db, r));
}
