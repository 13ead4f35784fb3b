import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { OpResponse } from '../../../shared/contract/index.js';
import { AppError } from '../../../shared/errors.js';
import type { HandlerTable } from '../../backend/context.js';
import {
  casePersonEntity, casePersonRows, complaintsOfOperation, getCasePersonRow, getOperationRow, getSuspectRow, listOperationRows,
  operationEntity, personName, premisesActionsOf, premisesActionsOfOperation, suspectEntity, suspectsOf, toComplaint, toOperation,
  toSuspect, type CasePersonRow, type OperationRow,
} from '../../db/cases.js';
import { insertRecord, nowIso, updateRecord } from '../../db/changes.js';
import { decodeCursor, pageOf } from '../../db/paging.js';
import { getPersonRow } from '../../db/persons.js';
import { getPremisesRow } from '../../db/premises.js';
import { newId, notFound } from '../registration/common.js';
import { personsHandlers } from '../registration/persons.js';
import { checkPerson, notFuture, unitOf } from './common.js';
import { linkToOperation } from './complaints.js';
import { casePersonFor, complaintFor } from './protect.js';

type Op =
  | 'operations.create' | 'operations.get' | 'operations.list' | 'operations.addPerson' | 'operations.updatePerson'
  | 'operations.addSuspect' | 'operations.updateSuspect' | 'cases.premisesActions';

function load(db: Database, id: string): OperationRow {
  return getOperationRow(db, id) ?? notFound('operation', id);
}

function loadPerson(db: Database, id: string): CasePersonRow {
  return getCasePersonRow(db, id) ?? notFound('case_person', id);
}

/** A possible victim: declared themselves one, or identified as one. */
function sensitiveOf(row: { declared_victim: number; identified_as: string | null }): number {
  return row.declared_victim === 1 || row.identified_as !== null ? 1 : 0;
}

function checkDates(db: Database, heldOn: string, chargedOn: string | null | undefined, courtOn: string | null | undefined): void {
  if (chargedOn) {
    notFuture(db, chargedOn, 'chargedOn');
    if (chargedOn < heldOn) throw new AppError('cases.chargedBeforeOperation', { date: heldOn });
  }
  if (courtOn) {
    notFuture(db, courtOn, 'courtOn');
    if (!chargedOn) throw new AppError('cases.courtWithoutCharge');
    if (courtOn < chargedOn) throw new AppError('cases.courtBeforeCharge', { date: chargedOn });
  }
}

export const operationsHandlers: Pick<HandlerTable, Op> = {
  'operations.create': (ctx, request) => {
    notFuture(ctx.db, request.heldOn, 'heldOn');
    if (!request.premisesId && !request.target) throw new AppError('cases.operationTarget');
    const id = newId();
    ctx.db.transaction(() => {
      insertRecord(ctx.writer(), operationEntity, id, {
        held_on: request.heldOn, kind: request.kind, lead_unit: request.leadUnit, partners: request.partners,
        premises_id: request.premisesId ?? null, target: request.target, unit_code: unitOf(ctx, request.premisesId),
        summary: request.summary, created_at: nowIso(),
      });
      for (const complaintId of new Set(request.complaintIds)) linkToOperation(ctx, complaintId, id);
    })();
    return toOperation(ctx.db, load(ctx.db, id));
  },

  'operations.get': (ctx, request) => {
    const row = load(ctx.db, request.id);
    return {
      operation: toOperation(ctx.db, row),
      persons: casePersonRows(ctx.db, row.id).map((p) => casePersonFor(ctx.db, ctx, p)),
      suspects: suspectsOf(ctx.db, row.id),
      complaints: complaintsOfOperation(ctx.db, row.id).map((c) => complaintFor(ctx, toComplaint(ctx.db, c))),
      premisesActions: premisesActionsOfOperation(ctx.db, row.id),
    };
  },

  'operations.list': (ctx, request) => {
    const after = decodeCursor(request.cursor);
    const rows = listOperationRows(ctx.db, {
      from: request.from, to: request.to, unitCode: request.unitCode, premisesId: request.premisesId,
      after: after ? [String(after[0]), String(after[1])] : null, limit: request.limit,
    });
    return pageOf(rows, request.limit, (row) => toOperation(ctx.db, row), (row) => [row.held_on, row.id]);
  },

  'operations.addPerson': (ctx, request) => ctx.db.transaction(() => {
    load(ctx.db, request.operationId);
    const found = request.found;
    let person: { id: string | null; sex: 'M' | 'F' | 'X'; nationality: string; described: string };
    if (found.how === 'registered') {
      const row = getPersonRow(ctx.db, found.personId) ?? notFound('person', found.personId);
      person = { id: row.id, sex: row.sex, nationality: row.nationality, described: '' };
    } else if (found.how === 'register') {
      // The register's own path: checks the MRZ, finds the person by passport or registers them.
      const registered = personsHandlers['persons.register'](ctx, { fields: found.fields, source: found.source, mrz: found.mrz }) as OpResponse<'persons.register'>;
      person = { id: registered.person.id, sex: registered.person.sex, nationality: registered.person.nationality, described: '' };
    } else {
      person = { id: null, sex: found.sex, nationality: found.nationality, described: found.described };
    }
    if (person.id && casePersonRows(ctx.db, request.operationId).some((p) => p.person_id === person.id)) {
      throw new AppError('cases.personAlreadyFound');
    }
    const values = {
      operation_id: request.operationId, person_id: person.id, described: person.described, sex: person.sex, nationality: person.nationality,
      declared_victim: request.declaredVictim ? 1 : 0, identified_as: request.identifiedAs, referred_to: request.referredTo,
      no_return: request.noReturn ? 1 : 0, note: request.note, created_at: nowIso(),
    };
    const id = newId();
    insertRecord(ctx.writer(), casePersonEntity, id, { ...values, sensitive: sensitiveOf(values) });
    return casePersonFor(ctx.db, ctx, loadPerson(ctx.db, id));
  })(),

  'operations.updatePerson': (ctx, request) => {
    ctx.db.transaction(() => {
      const row = loadPerson(ctx.db, request.id);
      const { patch } = request;
      const next = {
        declared_victim: patch.declaredVictim === undefined ? row.declared_victim : patch.declaredVictim ? 1 : 0,
        identified_as: patch.identifiedAs === undefined ? row.identified_as : patch.identifiedAs,
        referred_to: patch.referredTo ?? row.referred_to,
        no_return: patch.noReturn === undefined ? row.no_return : patch.noReturn ? 1 : 0,
        note: patch.note ?? row.note,
      };
      // Once a possible victim, always protected: the record's history holds what was entered.
      updateRecord(ctx.writer(), casePersonEntity, row.id, { ...next, sensitive: Math.max(row.sensitive, sensitiveOf(next)) });
    })();
    return casePersonFor(ctx.db, ctx, loadPerson(ctx.db, request.id));
  },

  'operations.addSuspect': (ctx, request) => {
    const operation = load(ctx.db, request.operationId);
    checkPerson(ctx.db, request.personId);
    const name = request.name || personName(ctx.db, request.personId ?? null) || '';
    if (!name) throw new AppError('cases.suspectName');
    checkDates(ctx.db, operation.held_on, request.chargedOn, request.courtOn);
    const id = newId();
    insertRecord(ctx.writer(), suspectEntity, id, {
      operation_id: operation.id, person_id: request.personId ?? null, name, sex: request.sex, nationality: request.nationality,
      charged_on: request.chargedOn ?? null, court_on: request.courtOn ?? null, note: request.note, created_at: nowIso(),
    });
    return toSuspect(getSuspectRow(ctx.db, id) ?? notFound('case_suspect', id));
  },

  'operations.updateSuspect': (ctx, request) => {
    ctx.db.transaction(() => {
      const row = getSuspectRow(ctx.db, request.id) ?? notFound('case_suspect', request.id);
      const chargedOn = request.patch.chargedOn === undefined ? row.charged_on : request.patch.chargedOn;
      const courtOn = request.patch.courtOn === undefined ? row.court_on : request.patch.courtOn;
      checkDates(ctx.db, load(ctx.db, row.operation_id).held_on, chargedOn, courtOn);
      updateRecord(ctx.writer(), suspectEntity, row.id, { charged_on: chargedOn, court_on: courtOn, note: request.patch.note ?? row.note });
    })();
    return toSuspect(getSuspectRow(ctx.db, request.id) ?? notFound('case_suspect', request.id));
  },

  'cases.premisesActions': (ctx, request) => {
    if (!getPremisesRow(ctx.db, request.premisesId)) notFound('premises', request.premisesId);
    return premisesActionsOf(ctx.db, request.premisesId);
  },
};
