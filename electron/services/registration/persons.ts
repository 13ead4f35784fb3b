import { AppError } from '../../../shared/errors.js';
import type { HandlerTable } from '../../backend/context.js';
import { alertsFor } from '../../db/alerts.js';
import { insertRecord, nowIso, updateRecord } from '../../db/changes.js';
import { reviewsOf, toReviews } from '../../db/duplicates.js';
import { employmentsOf } from '../../db/employers.js';
import { decodeCursor, pageOf } from '../../db/paging.js';
import { findByIdentity, getPersonRow, listPersons, personEntity, summaries, toPerson, type PersonRow } from '../../db/persons.js';
import { staysOfPerson } from '../../db/stays.js';
import { listAlerts } from '../../db/alerts.js';
import { newId, notFound, today } from './common.js';
import { checkMrz, derivedKeys, normalisePerson, personColumns, queueDuplicates } from './identity.js';

type Op = 'persons.register' | 'persons.update' | 'persons.get' | 'persons.list';

function load(db: Parameters<typeof getPersonRow>[0], id: string): PersonRow {
  return getPersonRow(db, id) ?? notFound('person', id);
}

/** A merged record leads to the person it was merged into. */
function live(db: Parameters<typeof getPersonRow>[0], row: PersonRow): PersonRow {
  let current = row;
  for (let hops = 0; current.merged_into && hops < 20; hops++) current = getPersonRow(db, current.merged_into) ?? current;
  return current;
}

export const personsHandlers: Pick<HandlerTable, Op> = {
  'persons.register': (ctx, request) => {
    const day = today(ctx.db, request);
    if (request.source === 'mrz' && request.mrz) checkMrz(request.mrz, day);
    const fields = normalisePerson(request.fields, day);
    return ctx.db.transaction(() => {
      const existing = findByIdentity(ctx.db, fields.nationality, fields.passportNo, fields.birthDate);
      if (existing) return { status: 'existing' as const, person: toPerson(live(ctx.db, existing)), possibleDuplicates: [] };
      const id = newId();
      const values = personColumns(fields);
      const keys = derivedKeys({ surname: fields.surname, given_names: fields.givenNames ?? '', passport_no: fields.passportNo });
      insertRecord(ctx.writer(), personEntity, id, { ...values, source: request.source, merged_into: null, ...keys, created_at: nowIso() });
      const row = load(ctx.db, id);
      const duplicates = queueDuplicates(ctx.db, ctx.writer(), row);
      return { status: 'created' as const, person: toPerson(row), possibleDuplicates: summaries(ctx.db, duplicates) };
    })();
  },

  'persons.update': (ctx, request) => {
    const day = today(ctx.db, request);
    return ctx.db.transaction(() => {
      const current = load(ctx.db, request.id);
      if (current.merged_into) throw new AppError('registration.person.merged', { id: current.id, into: current.merged_into });
      const patch = normalisePerson(request.patch, day, current);
      const next = { ...current, ...personColumns(patch) } as PersonRow;
      const other = findByIdentity(ctx.db, next.nationality, next.passport_no, next.birth_date);
      if (other && other.id !== current.id) throw new AppError('registration.person.identityTaken', { passportNo: next.passport_no, nationality: next.nationality });
      const changed = updateRecord(ctx.writer(), personEntity, request.id, { ...personColumns(patch), ...derivedKeys(next) });
      const row = load(ctx.db, request.id);
      if (changed) {
        queueDuplicates(ctx.db, ctx.writer(), row);
      }
      return toPerson(row);
    })();
  },

  'persons.get': (ctx, request) => {
    const row = load(ctx.db, request.id);
    return {
      person: toPerson(row),
      stays: staysOfPerson(ctx.db, row.id),
      employments: employmentsOf(ctx.db, 'person_id', row.id),
      alerts: alertsFor(ctx.db, today(ctx.db, request), { personId: row.id }),
      duplicates: toReviews(ctx.db, reviewsOf(ctx.db, row.id)),
    };
  },

  'persons.list': (ctx, request) => {
    const after = decodeCursor(request.cursor);
    let ids: string[] | undefined;
    if (request.alert) {
      // Alert filters go through the alert index ranges, then the list order applies.
      const alerts = listAlerts(ctx.db, { today: today(ctx.db, request), kinds: [request.alert], scope: request.unitCode ? { unitCode: request.unitCode } : {}, after: null, limit: 10_000 });
      ids = [...new Set(alerts.map((a) => a.personId).filter((id) => id !== null))];
    }
    const rows = listPersons(ctx.db, {
      unitCode: request.unitCode, nationality: request.nationality, status: request.status, premisesId: request.premisesId,
      employerId: request.employerId, ids, after, limit: request.limit,
    });
    return pageOf(rows, request.limit, (s) => s, (s) => [s.surname, s.givenNames, s.id]);
  },
};
