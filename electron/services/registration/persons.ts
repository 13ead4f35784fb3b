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
import { findByFormerPassport } from '../../db/passports.js';
import { checkPassportFree, correctCurrentPassport, recordFirstPassport } from '../persons/passport-records.js';
import { refuseMerged, survivorOf } from '../persons/merged.js';
import { checkMrz, derivedKeys, normalisePerson, personColumns, queueDuplicates } from './identity.js';

type Op = 'persons.register' | 'persons.update' | 'persons.get' | 'persons.list';

function load(db: Parameters<typeof getPersonRow>[0], id: string): PersonRow {
  return getPersonRow(db, id) ?? notFound('person', id);
}

export const personsHandlers: Pick<HandlerTable, Op> = {
  'persons.register': (ctx, request) => {
    const day = today(ctx.db, request);
    if (request.source === 'mrz' && request.mrz) checkMrz(request.mrz, day);
    const fields = normalisePerson(request.fields, day);
    return ctx.db.transaction(() => {
      // A passport the person held before (since renewed) finds them too.
      const existing = findByIdentity(ctx.db, fields.nationality, fields.passportNo, fields.birthDate)
        ?? findByFormerPassport(ctx.db, fields.nationality, fields.passportNo, fields.birthDate);
      if (existing) return { status: 'existing' as const, person: toPerson(survivorOf(ctx.db, existing)), possibleDuplicates: [] };
      const id = newId();
      const values = personColumns(fields);
      const keys = derivedKeys({ surname: fields.surname, given_names: fields.givenNames ?? '', passport_no: fields.passportNo });
      insertRecord(ctx.writer(), personEntity, id, { ...values, source: request.source, merged_into: null, ...keys, created_at: nowIso() });
      const row = load(ctx.db, id);
      recordFirstPassport(ctx.writer(), row);
      const duplicates = queueDuplicates(ctx.db, ctx.writer(), row);
      return { status: 'created' as const, person: toPerson(row), possibleDuplicates: summaries(ctx.db, duplicates) };
    })();
  },

  'persons.update': (ctx, request) => {
    const day = today(ctx.db, request);
    return ctx.db.transaction(() => {
      const current = load(ctx.db, request.id);
      refuseMerged(ctx.db, current);
      const patch = normalisePerson(request.patch, day, current);
      const next = { ...current, ...personColumns(patch) } as PersonRow;
      checkPassportFree(ctx.db, current.id, next.nationality, next.passport_no, next.birth_date);
      const changed = updateRecord(ctx.writer(), personEntity, request.id, { ...personColumns(patch), ...derivedKeys(next) });
      const row = load(ctx.db, request.id);
      if (changed) {
        correctCurrentPassport(ctx.db, ctx.writer(), current, row);
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
