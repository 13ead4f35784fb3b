import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Complaint, TimelineEntry } from '../../../shared/contract/cases.js';
import { AppError } from '../../../shared/errors.js';
import { toOfficeDateTime } from '../../../shared/local-time.js';
import type { HandlerContext, HandlerTable } from '../../backend/context.js';
import {
  complaintEntity, getComplaintRow, getOperationRow, listComplaintRows, premisesActionsOfOperation, toComplaint, toOperation,
  type ComplaintRow,
} from '../../db/cases.js';
import { insertRecord, nowIso, updateRecord } from '../../db/changes.js';
import { recordHistory } from '../../db/history.js';
import { decodeCursor, pageOf } from '../../db/paging.js';
import { officeZone } from '../../db/settings.js';
import { newId, notFound } from '../registration/common.js';
import { checkPerson, notFuture, officeTime, unitOf } from './common.js';
import { complaintFor } from './protect.js';

type Op = 'complaints.create' | 'complaints.triage' | 'complaints.close' | 'complaints.get' | 'complaints.list';

function load(db: Database, id: string): ComplaintRow {
  return getComplaintRow(db, id) ?? notFound('complaint', id);
}

function shown(ctx: HandlerContext, id: string): Complaint {
  return complaintFor(ctx, toComplaint(ctx.db, load(ctx.db, id)));
}

/** Links a complaint to an operation (an operation acting on it): assigned unless closed. */
export function linkToOperation(ctx: HandlerContext, complaintId: string, operationId: string): void {
  const row = load(ctx.db, complaintId);
  if (row.status === 'closed') throw new AppError('cases.complaintClosed', { date: row.closed_on ?? '' });
  updateRecord(ctx.writer(), complaintEntity, complaintId, { operation_id: operationId, status: 'assigned' });
}

/** The office's local date-time of a change-log instant. */
function localAt(db: Database, at: string): string {
  const instant = Date.parse(at);
  return Number.isNaN(instant) ? at : toOfficeDateTime(instant, officeZone(db));
}

/**
 * A complaint's story, from its change history (received, assigned, linked, closed) and the
 * operation it led to (held, what was found, what was done to the premises).
 */
function timeline(db: Database, row: ComplaintRow): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const change of recordHistory(db, 'complaint', row.id)) {
    const after = change.after ?? {};
    if (change.op === 'insert') {
      entries.push({ at: String(after.received_at ?? row.received_at), kind: 'received', detail: { channel: String(after.channel ?? row.channel) } });
      continue;
    }
    const at = localAt(db, change.at);
    if (typeof after.assigned_to === 'string' && after.assigned_to) entries.push({ at, kind: 'assigned', detail: { to: after.assigned_to } });
    if (typeof after.operation_id === 'string') entries.push({ at, kind: 'linkedOperation', detail: { operationId: after.operation_id } });
    if (typeof after.inspection_id === 'string') entries.push({ at, kind: 'linkedInspection', detail: { inspectionId: after.inspection_id } });
    if (after.status === 'closed') {
      entries.push({ at, kind: 'closed', detail: { reason: String(after.close_reason ?? row.close_reason ?? ''), note: String(after.close_note ?? '') } });
    }
  }
  const operation = row.operation_id ? getOperationRow(db, row.operation_id) : undefined;
  if (operation) {
    const op = toOperation(db, operation);
    entries.push({ at: op.heldOn, kind: 'operation', detail: { kind: op.kind, leadUnit: op.leadUnit, partners: op.partners } });
    entries.push({
      at: op.heldOn, kind: 'outcome',
      detail: {
        found: String(op.personsFound), declared: String(op.declaredVictims), identified: String(op.identifiedVictims),
        suspects: String(op.suspects), charged: String(op.suspectsCharged),
      },
    });
    for (const action of premisesActionsOfOperation(db, operation.id)) {
      entries.push({ at: action.onDate, kind: 'premisesAction', detail: { action: action.action, premises: action.premisesName ?? '', reason: action.legalReason } });
    }
  }
  // Stable: entries of one moment keep the order they happened in.
  return entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.at.slice(0, 16).localeCompare(b.e.at.slice(0, 16)) || a.i - b.i).map(({ e }) => e);
}

export const complaintsHandlers: Pick<HandlerTable, Op> = {
  'complaints.create': (ctx, request) => {
    const receivedAt = officeTime(ctx.db, request.receivedAt, 'receivedAt');
    if (request.anonymous && (request.reporterName || request.reporterContact)) throw new AppError('cases.anonymousNamed');
    if (!request.premisesId && !request.personId && !request.about) throw new AppError('cases.complaintAboutWhat');
    const id = newId();
    ctx.db.transaction(() => {
      checkPerson(ctx.db, request.personId);
      insertRecord(ctx.writer(), complaintEntity, id, {
        received_at: receivedAt, channel: request.channel, anonymous: request.anonymous ? 1 : 0, reporter_name: request.reporterName,
        reporter_contact: request.reporterContact, premises_id: request.premisesId ?? null, person_id: request.personId ?? null,
        about: request.about, category: request.category, urgency: request.urgency, narrative: request.narrative,
        unit_code: unitOf(ctx, request.premisesId), status: 'received', assigned_to: '', operation_id: null, inspection_id: null,
        closed_on: null, close_reason: null, close_note: '', sensitive: request.reporterName || request.reporterContact ? 1 : 0,
        created_at: nowIso(),
      });
    })();
    return shown(ctx, id);
  },

  'complaints.triage': (ctx, request) => {
    ctx.db.transaction(() => {
      const row = load(ctx.db, request.id);
      if (row.status === 'closed') throw new AppError('cases.complaintClosed', { date: row.closed_on ?? '' });
      if (request.operationId && !getOperationRow(ctx.db, request.operationId)) notFound('operation', request.operationId);
      const patch: Record<string, string | null> = {};
      if (request.assignedTo !== undefined) patch.assigned_to = request.assignedTo;
      if (request.operationId !== undefined) patch.operation_id = request.operationId;
      if (request.inspectionId !== undefined) patch.inspection_id = request.inspectionId;
      const assigned = (patch.assigned_to ?? row.assigned_to) || (patch.operation_id ?? row.operation_id) || (patch.inspection_id ?? row.inspection_id);
      patch.status = assigned ? 'assigned' : 'received';
      updateRecord(ctx.writer(), complaintEntity, request.id, patch);
    })();
    return shown(ctx, request.id);
  },

  'complaints.close': (ctx, request) => {
    ctx.db.transaction(() => {
      const row = load(ctx.db, request.id);
      if (row.status === 'closed') throw new AppError('cases.complaintClosed', { date: row.closed_on ?? '' });
      notFuture(ctx.db, request.date, 'closedOn');
      if (request.date < row.received_at.slice(0, 10)) throw new AppError('cases.closedBeforeReceived', { received: row.received_at.slice(0, 10) });
      if (request.reason === 'other' && !request.note) throw new AppError('cases.closeNoteRequired');
      updateRecord(ctx.writer(), complaintEntity, request.id, { status: 'closed', closed_on: request.date, close_reason: request.reason, close_note: request.note });
    })();
    return shown(ctx, request.id);
  },

  'complaints.get': (ctx, request) => {
    const row = load(ctx.db, request.id);
    const operation = row.operation_id ? getOperationRow(ctx.db, row.operation_id) : undefined;
    return {
      complaint: complaintFor(ctx, toComplaint(ctx.db, row)),
      operation: operation ? toOperation(ctx.db, operation) : null,
      timeline: timeline(ctx.db, row),
    };
  },

  'complaints.list': (ctx, request) => {
    const after = decodeCursor(request.cursor);
    const rows = listComplaintRows(ctx.db, {
      from: request.from, to: request.to, unitCode: request.unitCode, status: request.status, category: request.category,
      premisesId: request.premisesId, after: after ? [String(after[0]), String(after[1])] : null, limit: request.limit,
    });
    return pageOf(rows, request.limit, (row) => complaintFor(ctx, toComplaint(ctx.db, row)), (row) => [row.received_at, row.id]);
  },
};
