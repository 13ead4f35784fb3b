import { AppError } from '../../../shared/errors.js';
import type { HandlerTable } from '../../backend/context.js';
import { alertsFor } from '../../db/alerts.js';
import { insertRecord, nowIso, updateRecord } from '../../db/changes.js';
import { linksOf } from '../../db/owners.js';
import { decodeCursor, pageOf } from '../../db/paging.js';
import { communeCodes } from '../../db/places.js';
import { getPremisesRow, listPremisesRows, premisesEntity, toPremises, type PremisesRow } from '../../db/premises.js';
import { matchExpression, searchDocs } from '../../db/search.js';
import { staysOfPremises } from '../../db/stays.js';
import { recordPremisesAction } from '../cases/premises-actions.js';
import { columns, newId, notFound, today } from './common.js';
import { departAllFrom, moveAllFrom } from './stays.js';

const FIELDS = {
  nameLatin: 'name_latin', nameKm: 'name_km', type: 'type', village: 'village', street: 'street', houseNo: 'house_no',
  latitude: 'latitude', longitude: 'longitude', rooms: 'rooms', beds: 'beds', businessRegNo: 'business_reg_no', phone: 'phone',
};

type Op = 'premises.create' | 'premises.update' | 'premises.close' | 'premises.reopen' | 'premises.get' | 'premises.list';

function load(db: Parameters<typeof getPremisesRow>[0], id: string): PremisesRow {
  return getPremisesRow(db, id) ?? notFound('premises', id);
}

export const premisesHandlers: Pick<HandlerTable, Op> = {
  'premises.create': (ctx, request) => {
    const id = newId();
    ctx.db.transaction(() => {
      const values = { ...columns(request, FIELDS), ...communeCodes(ctx.db, request.communeCode), status: 'open', pledge_status: 'none', created_at: nowIso() };
      insertRecord(ctx.writer(), premisesEntity, id, values);
    })();
    return toPremises(ctx.db, load(ctx.db, id));
  },

  'premises.update': (ctx, request) => {
    const { id, patch } = request;
    ctx.db.transaction(() => {
      load(ctx.db, id);
      const values = { ...columns(patch, FIELDS), ...(patch.communeCode ? communeCodes(ctx.db, patch.communeCode) : {}) };
      updateRecord(ctx.writer(), premisesEntity, id, values);
    })();
    return toPremises(ctx.db, load(ctx.db, id));
  },

  'premises.close': (ctx, request) =>
    ctx.db.transaction(() => {
      const row = load(ctx.db, request.id);
      if (row.status === 'permanently_closed') throw new AppError('registration.premises.alreadyClosed', { name: row.name_latin });
      // No one is left "staying" at a closed premises: they depart, or move elsewhere, in the same transaction.
      const staying = staysOfPremises(ctx.db, request.id, true, 10_000).length;
      if (staying > 0 && !request.guests) throw new AppError('stays.closeGuestsStaying', { count: staying });
      if (request.guests?.action === 'depart') departAllFrom(ctx, request.id, request.guests.at);
      if (request.guests?.action === 'move') moveAllFrom(ctx, request.id, request.guests.toPremisesId, request.guests.at);
      updateRecord(ctx.writer(), premisesEntity, request.id, { status: request.status, closed_on: request.date, close_reason: request.reason });
      recordPremisesAction(ctx, {
        premisesId: request.id, action: request.status === 'permanently_closed' ? 'closed_permanently' : 'closed_temporarily',
        onDate: request.date, legalReason: request.reason, operationId: request.operationId,
      });
      return toPremises(ctx.db, load(ctx.db, request.id));
    })(),

  'premises.reopen': (ctx, request) =>
    ctx.db.transaction(() => {
      const row = load(ctx.db, request.id);
      if (row.status === 'open') return toPremises(ctx.db, row);
      updateRecord(ctx.writer(), premisesEntity, request.id, { status: 'open', closed_on: null, close_reason: '' });
      recordPremisesAction(ctx, {
        premisesId: request.id, action: 'reopened', onDate: request.date ?? today(ctx.db), legalReason: request.reason ?? '', operationId: request.operationId,
      });
      return toPremises(ctx.db, load(ctx.db, request.id));
    })(),

  'premises.get': (ctx, request) => ({
    premises: toPremises(ctx.db, load(ctx.db, request.id)),
    owners: linksOf(ctx.db, 'premises_id', request.id),
    staysNow: staysOfPremises(ctx.db, request.id, true, 10_000),
    staysBefore: staysOfPremises(ctx.db, request.id, false),
    alerts: alertsFor(ctx.db, today(ctx.db, request), { premisesId: request.id }),
  }),

  'premises.list': (ctx, request) => {
    const after = decodeCursor(request.cursor);
    let ids: string[] | undefined;
    if (request.query?.trim()) {
      const match = matchExpression(request.query);
      ids = match ? searchDocs(ctx.db, match, ['premises'], 0, 5000).map((d) => d.record_id) : [];
    }
    const rows = listPremisesRows(ctx.db, {
      unitCode: request.unitCode, type: request.type, status: request.status, ids,
      noSignedPledge: request.alert === 'no_signed_pledge', after: after ? String(after[0]) : null, limit: request.limit,
    });
    return pageOf(rows, request.limit, (row) => toPremises(ctx.db, row), (row) => [row.id]);
  },
};
