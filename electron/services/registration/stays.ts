import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors.js';
import { instantOf, toOfficeDateTime } from '../../../shared/local-time.js';
import type { HandlerContext, HandlerTable } from '../../backend/context.js';
import { now } from '../../backend/clock.js';
import { deleteRecord, insertRecord, nowIso, updateRecord, type WriteContext } from '../../db/changes.js';
import { findByIdentity, getPersonRow, personEntity, toPerson, type PersonRow } from '../../db/persons.js';
import { getPremisesRow } from '../../db/premises.js';
import { officeZone } from '../../db/settings.js';
import { getStay, isLate, openStayOf, stayEntity } from '../../db/stays.js';
import type { Stay } from '../../../shared/contract/registration.js';
import { newId, notFound } from './common.js';
import { checkMrz, derivedKeys, normalisePerson, personColumns, queueDuplicates } from './identity.js';

type Op = 'stays.arrive' | 'stays.move' | 'stays.checkIn' | 'stays.depart' | 'stays.undoDeparture' | 'stays.correct' | 'stays.delete';

/** A minute of tolerance for a clock a little ahead of the backend's (a browser, another PC). */
const CLOCK_SKEW_MS = 60_000;

/** The office's clock and zone for one request. */
interface Clock { zone: string; now: number }
const clockOf = (db: Database): Clock => ({ zone: officeZone(db), now: now() });

type TimeKind = 'arrival' | 'departure' | 'report';
const cap = (kind: TimeKind) => kind[0]!.toUpperCase() + kind.slice(1);

/** Reads a typed time in the office's zone; refuses unreadable and future times. Returns the stored form. */
function readTime(value: string, kind: TimeKind, clock: Clock): { at: number; stored: string } {
  const at = instantOf(value, clock.zone);
  if (Number.isNaN(at)) throw new AppError(`stays.badTime${cap(kind)}`, { value });
  if (at > clock.now + CLOCK_SKEW_MS) throw new AppError(`stays.future${cap(kind)}`, { value: shown(at, clock), now: shown(clock.now, clock) });
  return { at, stored: toOfficeDateTime(at, clock.zone) };
}

/** `2026-03-01 06:30` in the office's zone, for messages. */
function shown(at: number, clock: Clock): string {
  return toOfficeDateTime(at, clock.zone).slice(0, 16).replace('T', ' ');
}

function checkOrder(arrivedAt: number, later: number, kind: 'departure' | 'report', clock: Clock) {
  if (later < arrivedAt) throw new AppError(`stays.beforeArrival${cap(kind)}`, { value: shown(later, clock), arrival: shown(arrivedAt, clock) });
}

function checkPerson(db: Database, personId: string): PersonRow {
  const person = getPersonRow(db, personId) ?? notFound('person', personId);
  if (person.merged_into) throw new AppError('registration.person.merged', { id: person.id, into: person.merged_into });
  return person;
}

function checkPremises(db: Database, premisesId: string) {
  const premises = getPremisesRow(db, premisesId) ?? notFound('premises', premisesId);
  if (premises.status === 'permanently_closed') throw new AppError('registration.premises.closed', { name: premises.name_latin });
  // Closed pending investigation (cases): no new stays until it is reopened.
  if (premises.status === 'temporarily_closed') throw new AppError('cases.premisesClosedTemporarily', { name: premises.name_latin, date: premises.closed_on ?? '' });
  return premises;
}

function load(db: Database, id: string): Stay {
  return getStay(db, id) ?? notFound('stay', id);
}

/** Records a stay; the report time is the backend's clock now. */
function start(db: Database, writer: WriteContext, clock: Clock, input: { personId: string; premisesId: string; room: string; arrivedAt: number }) {
  const reportedAt = toOfficeDateTime(clock.now, clock.zone);
  const arrivedAt = toOfficeDateTime(input.arrivedAt, clock.zone);
  const id = newId();
  insertRecord(writer, stayEntity, id, {
    person_id: input.personId, premises_id: input.premisesId, room: input.room, arrived_at: arrivedAt,
    reported_at: reportedAt, departed_on: null, departed_at: null, late: isLate(arrivedAt, reportedAt, clock.zone) ? 1 : 0, change_reason: '',
  });
  return load(db, id);
}

/** Ends a stay at an instant already checked against the clock. */
export function endStay(writer: WriteContext, stay: Stay, departedAt: number, clock: Clock): Stay {
  checkOrder(instantOf(stay.arrivedAt, clock.zone), departedAt, 'departure', clock);
  const stored = toOfficeDateTime(departedAt, clock.zone);
  updateRecord(writer, stayEntity, stay.id, { departed_at: stored, departed_on: stored.slice(0, 10) });
  return load(writer.db, stay.id);
}

/** Ends every open stay at a premises (closing it), at one time. */
export function departAllFrom(ctx: HandlerContext, premisesId: string, departedAt: string): number {
  const clock = clockOf(ctx.db);
  const at = readTime(departedAt, 'departure', clock).at;
  const open = ctx.db.prepare('SELECT id FROM stay WHERE premises_id = ? AND departed_on IS NULL').all(premisesId) as { id: string }[];
  for (const { id } of open) endStay(ctx.writer(), load(ctx.db, id), at, clock);
  return open.length;
}

/** Moves every open stay at a premises to another one, arriving there at the given time. */
export function moveAllFrom(ctx: HandlerContext, premisesId: string, toPremisesId: string, arrivedAt: string): number {
  const clock = clockOf(ctx.db);
  if (toPremisesId === premisesId) throw new AppError('stays.closeSameTarget');
  checkPremises(ctx.db, toPremisesId);
  const at = readTime(arrivedAt, 'arrival', clock).at;
  const open = ctx.db.prepare('SELECT id FROM stay WHERE premises_id = ? AND departed_on IS NULL').all(premisesId) as { id: string }[];
  for (const { id } of open) {
    const stay = endStay(ctx.writer(), load(ctx.db, id), at, clock);
    start(ctx.db, ctx.writer(), clock, { personId: stay.personId, premisesId: toPremisesId, room: stay.room, arrivedAt: at });
  }
  return open.length;
}

/** A merged record leads to the person it was merged into. */
function live(db: Database, row: PersonRow): PersonRow {
  let current = row;
  for (let hops = 0; current.merged_into && hops < 20; hops++) current = getPersonRow(db, current.merged_into) ?? current;
  return current;
}

export const staysHandlers: Pick<HandlerTable, Op> = {
  'stays.arrive': (ctx, request) =>
    ctx.db.transaction(() => {
      const clock = clockOf(ctx.db);
      checkPerson(ctx.db, request.personId);
      checkPremises(ctx.db, request.premisesId);
      const open = openStayOf(ctx.db, request.personId);
      if (open) throw new AppError('registration.stay.alreadyStaying', { premises: open.premisesName, since: open.arrivedAt.slice(0, 10) });
      const { at } = readTime(request.arrivedAt, 'arrival', clock);
      return start(ctx.db, ctx.writer(), clock, { ...request, arrivedAt: at });
    })(),

  'stays.move': (ctx, request) =>
    ctx.db.transaction(() => {
      const clock = clockOf(ctx.db);
      checkPerson(ctx.db, request.personId);
      checkPremises(ctx.db, request.toPremisesId);
      const { at } = readTime(request.arrivedAt, 'arrival', clock);
      const open = openStayOf(ctx.db, request.personId);
      if (!open) throw new AppError('registration.stay.notStaying');
      if (open.premisesId === request.toPremisesId) throw new AppError('registration.stay.samePremises', { premises: open.premisesName });
      const ended = endStay(ctx.writer(), open, at, clock);
      const started = start(ctx.db, ctx.writer(), clock, { personId: request.personId, premisesId: request.toPremisesId, room: request.room, arrivedAt: at });
      return { ended, started };
    })(),

  'stays.checkIn': (ctx, request) => {
    const clock = clockOf(ctx.db);
    const day = toOfficeDateTime(clock.now, clock.zone).slice(0, 10);
    if (request.mrz) checkMrz(request.mrz, day);
    const fields = normalisePerson(request.fields, day);
    return ctx.db.transaction(() => {
      const premises = checkPremises(ctx.db, request.premisesId);
      const { at } = readTime(request.arrivedAt, 'arrival', clock);
      const found = findByIdentity(ctx.db, fields.nationality, fields.passportNo, fields.birthDate);
      let person: PersonRow;
      if (found) person = live(ctx.db, found);
      else {
        const id = newId();
        const keys = derivedKeys({ surname: fields.surname, given_names: fields.givenNames ?? '', passport_no: fields.passportNo });
        insertRecord(ctx.writer(), personEntity, id, { ...personColumns(fields), source: request.mrz ? 'mrz' : 'manual', merged_into: null, ...keys, created_at: nowIso() });
        person = getPersonRow(ctx.db, id) ?? notFound('person', id);
        queueDuplicates(ctx.db, ctx.writer(), person);
      }
      const open = openStayOf(ctx.db, person.id);
      if (open?.premisesId === premises.id) throw new AppError('stays.checkInAlreadyHere', { name: open.personName, since: shown(instantOf(open.arrivedAt, clock.zone), clock) });
      const ended = open ? endStay(ctx.writer(), open, at, clock) : null;
      const stay = start(ctx.db, ctx.writer(), clock, { personId: person.id, premisesId: premises.id, room: request.room, arrivedAt: at });
      return { person: toPerson(person), personStatus: found ? 'existing' as const : 'created' as const, stay, ended };
    })();
  },

  'stays.depart': (ctx, request) =>
    ctx.db.transaction(() => {
      const clock = clockOf(ctx.db);
      const stay = load(ctx.db, request.stayId);
      if (stay.departedAt || stay.departedOn) throw new AppError('registration.stay.alreadyDeparted', { date: stay.departedOn ?? '' });
      const { at } = readTime(request.departedAt, 'departure', clock);
      return endStay(ctx.writer(), stay, at, clock);
    })(),

  'stays.undoDeparture': (ctx, request) =>
    ctx.db.transaction(() => {
      const stay = load(ctx.db, request.stayId);
      if (!stay.departedOn) throw new AppError('stays.undoNotDeparted');
      const open = openStayOf(ctx.db, stay.personId);
      if (open) throw new AppError('stays.undoStayingElsewhere', { premises: open.premisesName });
      updateRecord(ctx.writer(), stayEntity, stay.id, { departed_on: null, departed_at: null, change_reason: request.reason });
      return load(ctx.db, stay.id);
    })(),

  'stays.correct': (ctx, request) =>
    ctx.db.transaction(() => {
      const clock = clockOf(ctx.db);
      const stay = load(ctx.db, request.stayId);
      const arrived = request.arrivedAt ? readTime(request.arrivedAt, 'arrival', clock) : { at: instantOf(stay.arrivedAt, clock.zone), stored: stay.arrivedAt };
      const reported = request.reportedAt ? readTime(request.reportedAt, 'report', clock) : { at: instantOf(stay.reportedAt, clock.zone), stored: stay.reportedAt };
      if (request.departedAt && !stay.departedOn) throw new AppError('stays.correctNotDeparted');
      const departed = request.departedAt ? readTime(request.departedAt, 'departure', clock) : null;
      checkOrder(arrived.at, reported.at, 'report', clock);
      if (departed) checkOrder(arrived.at, departed.at, 'departure', clock);
      else if (stay.departedAt) checkOrder(arrived.at, instantOf(stay.departedAt, clock.zone), 'departure', clock);
      const room = request.room ?? stay.room;
      const same = room === stay.room && arrived.stored === stay.arrivedAt && reported.stored === stay.reportedAt && (!departed || departed.stored === stay.departedAt);
      if (same) throw new AppError('stays.correctNothing');
      updateRecord(ctx.writer(), stayEntity, stay.id, {
        room,
        arrived_at: arrived.stored,
        reported_at: reported.stored,
        ...(departed ? { departed_at: departed.stored, departed_on: departed.stored.slice(0, 10) } : {}),
        late: isLate(arrived.stored, reported.stored, clock.zone) ? 1 : 0,
        change_reason: request.reason,
      });
      return load(ctx.db, stay.id);
    })(),

  'stays.delete': (ctx, request) =>
    ctx.db.transaction(() => {
      const stay = load(ctx.db, request.stayId);
      // The reason goes into the history first; the deletion then keeps the last values in the log.
      updateRecord(ctx.writer(), stayEntity, stay.id, { change_reason: request.reason });
      deleteRecord(ctx.writer(), stayEntity, stay.id);
      return { stayId: stay.id };
    })(),
};
