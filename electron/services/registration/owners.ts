import { AppError } from '../../../shared/errors.js';
import type { HandlerTable } from '../../backend/context.js';
import { deleteRecord, insertRecord, nowIso, updateRecord } from '../../db/changes.js';
import { getLink, getOwnerRow, linksOf, ownerEntity, premisesOwnerEntity, toOwner, type OwnerRow } from '../../db/owners.js';
import { decodeCursor, pageOf } from '../../db/paging.js';
import { getPremisesRow } from '../../db/premises.js';
import { matchExpression, searchDocs } from '../../db/search.js';
import { columns, newId, notFound } from './common.js';

const FIELDS = {
  surname: 'surname', givenNames: 'given_names', nameKm: 'name_km', sex: 'sex', birthDate: 'birth_date',
  nationality: 'nationality', idKind: 'id_kind', idNumber: 'id_number', phone: 'phone',
};

type Op = 'owners.create' | 'owners.update' | 'owners.get' | 'owners.list' | 'owners.link' | 'owners.unlink';

function load(db: Parameters<typeof getOwnerRow>[0], id: string): OwnerRow {
  return getOwnerRow(db, id) ?? notFound('owner', id);
}

export const ownersHandlers: Pick<HandlerTable, Op> = {
  'owners.create': (ctx, request) => {
    const id = newId();
    ctx.db.transaction(() => {
      if (request.premisesId && !getPremisesRow(ctx.db, request.premisesId)) notFound('premises', request.premisesId);
      insertRecord(ctx.writer(), ownerEntity, id, { ...columns(request, FIELDS), created_at: nowIso() });
      if (request.premisesId) {
        insertRecord(ctx.writer(), premisesOwnerEntity, newId(), { owner_id: id, premises_id: request.premisesId, role: request.role ?? 'owner', since: null });
      }
    })();
    return toOwner(load(ctx.db, id));
  },

  'owners.update': (ctx, request) => {
    ctx.db.transaction(() => {
      load(ctx.db, request.id);
      updateRecord(ctx.writer(), ownerEntity, request.id, columns(request.patch, FIELDS));
    })();
    return toOwner(load(ctx.db, request.id));
  },

  'owners.get': (ctx, request) => ({ owner: toOwner(load(ctx.db, request.id)), premises: linksOf(ctx.db, 'owner_id', request.id) }),

  'owners.list': (ctx, request) => {
    const after = decodeCursor(request.cursor);
    const where: string[] = [];
    const params: string[] = [];
    if (request.query?.trim()) {
      const match = matchExpression(request.query);
      const ids = match ? searchDocs(ctx.db, match, ['owner'], 0, 5000).map((d) => d.record_id) : [];
      where.push(`id IN (${ids.map(() => '?').join(', ') || "''"})`);
      params.push(...ids);
    }
    if (request.premisesId) { where.push('id IN (SELECT owner_id FROM premises_owner WHERE premises_id = ?)'); params.push(request.premisesId); }
    if (after) { where.push('id > ?'); params.push(String(after[0])); }
    const rows = ctx.db.prepare(`SELECT * FROM owner ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`).all(...params, request.limit + 1) as OwnerRow[];
    return pageOf(rows, request.limit, toOwner, (row) => [row.id]);
  },

  'owners.link': (ctx, request) => {
    const id = newId();
    ctx.db.transaction(() => {
      load(ctx.db, request.ownerId);
      if (!getPremisesRow(ctx.db, request.premisesId)) notFound('premises', request.premisesId);
      const existing = linksOf(ctx.db, 'owner_id', request.ownerId).find((l) => l.premisesId === request.premisesId && l.role === request.role);
      if (existing) throw new AppError('registration.owner.alreadyLinked', { owner: existing.ownerName, premises: existing.premisesName, role: request.role });
      insertRecord(ctx.writer(), premisesOwnerEntity, id, { owner_id: request.ownerId, premises_id: request.premisesId, role: request.role, since: request.since ?? null });
    })();
    return getLink(ctx.db, id) ?? notFound('premises_owner', id);
  },

  'owners.unlink': (ctx, request) => {
    if (!getLink(ctx.db, request.linkId)) notFound('premises_owner', request.linkId);
    deleteRecord(ctx.writer(), premisesOwnerEntity, request.linkId);
    return { linkId: request.linkId };
  },
};
