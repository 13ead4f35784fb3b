import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors.js';
import type { HandlerTable } from '../../backend/context.js';
import { insertRecord, nowIso, updateRecord, type WriteContext } from '../../db/changes.js';
import { getPersonRow } from '../../db/persons.js';
import { getPremisesRow } from '../../db/premises.js';
import { getStay, instant, isLate, openStayOf, stayEntity } from '../../db/stays.js';
import { newId, notFound } from './common.js';

type Op = 'stays.arrive' | 'stays.move' | 'stays.depart' | 'stays.update';

function checkPerson(db: Database, personId: string) {
  const person = getPersonRow(db, personId) ?? notFound('person', personId);
  if (person.merged_into) throw new AppError('registration.person.merged', { id: person.id, into: person.merged_into });
}

function checkPremises(db: Database, premisesId: string) {
  const premises = getPremisesRow(db, premisesId) ?? notFound('premises', premisesId);
  if (premises.status === 'permanently_closed') throw new AppError('registration.premises.closed', { name: premises.name_latin });
}

function checkTimes(arrivedAt: string, reportedAt: string) {
  if (instant(reportedAt) < instant(arrivedAt)) throw new AppError('registration.stay.reportedBeforeArrival', { arrivedAt, reportedAt });
}

function start(db: Database, writer: WriteContext, input: { personId: string; premisesId: string; room: string; arrivedAt: string; reportedAt?: string | undefined }) {
  const reportedAt = input.reportedAt ?? nowIso();
  checkTimes(input.arrivedAt, reportedAt);
  const id = newId();
  insertRecord(writer, stayEntity, id, {
    person_id: input.personId, premises_id: input.premisesId, room: input.room, arrived_at: input.arrivedAt,
    reported_at: reportedAt, departed_on: null, late: isLate(input.arrivedAt, reportedAt) ? 1 : 0,
  });
  return getStay(db, id) ?? notFound('stay', id);
}

export const staysHandlers: Pick<HandlerTable, Op> = {
  'stays.arrive': (ctx, request) =>
    ctx.db.transaction(() => {
      checkPerson(ctx.db, request.personId);
      checkPremises(ctx.db, request.premisesId);
      const open = openStayOf(ctx.db, request.personId);
      if (open) throw new AppError('registration.stay.alreadyStaying', { premises: open.premisesName, since: open.arrivedAt.slice(0, 10) });
      return start(ctx.db, ctx.writer(), request);
    })(),

  'stays.move': (ctx, request) =>
    ctx.db.transaction(() => {
      checkPerson(ctx.db, request.personId);
      checkPremises(ctx.db, request.toPremisesId);
      const open = openStayOf(ctx.db, request.personId);
      if (!open) throw new AppError('registration.stay.notStaying');
      if (open.premisesId === request.toPremisesId) throw new AppError('registration.stay.samePremises', { premises: open.premisesName });
      const departedOn = request.arrivedAt.slice(0, 10);
      if (departedOn < open.arrivedAt.slice(0, 10)) throw new AppError('registration.stay.departBeforeArrival', { arrivedAt: open.arrivedAt, departedOn });
      updateRecord(ctx.writer(), stayEntity, open.id, { departed_on: departedOn });
      const started = start(ctx.db, ctx.writer(), { ...request, premisesId: request.toPremisesId });
      return { ended: getStay(ctx.db, open.id) ?? notFound('stay', open.id), started };
    })(),

  'stays.depart': (ctx, request) =>
    ctx.db.transaction(() => {
      const stay = getStay(ctx.db, request.stayId) ?? notFound('stay', request.stayId);
      if (stay.departedOn) throw new AppError('registration.stay.alreadyDeparted', { date: stay.departedOn });
      if (request.departedOn < stay.arrivedAt.slice(0, 10)) throw new AppError('registration.stay.departBeforeArrival', { arrivedAt: stay.arrivedAt, departedOn: request.departedOn });
      updateRecord(ctx.writer(), stayEntity, stay.id, { departed_on: request.departedOn });
      return getStay(ctx.db, stay.id) ?? notFound('stay', stay.id);
    })(),

  'stays.update': (ctx, request) =>
    ctx.db.transaction(() => {
      const stay = getStay(ctx.db, request.stayId) ?? notFound('stay', request.stayId);
      const arrivedAt = request.arrivedAt ?? stay.arrivedAt;
      const reportedAt = request.reportedAt ?? stay.reportedAt;
      checkTimes(arrivedAt, reportedAt);
      updateRecord(ctx.writer(), stayEntity, stay.id, {
        room: request.room ?? stay.room, arrived_at: arrivedAt, reported_at: reportedAt, late: isLate(arrivedAt, reportedAt) ? 1 : 0,
      });
      return getStay(ctx.db, stay.id) ?? notFound('stay', stay.id);
    })(),
};
