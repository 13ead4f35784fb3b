import { AppError } from '../../../shared/errors.js';
import type { HandlerTable } from '../../backend/context.js';
import { alertsFor } from '../../db/alerts.js';
import { insertRecord, nowIso, updateRecord } from '../../db/changes.js';
import { employerEntity, employmentEntity, employmentsOf, getEmployerRow, getEmployment, toEmployer, type EmployerRow } from '../../db/employers.js';
import { decodeCursor, pageOf } from '../../db/paging.js';
import { getPersonRow } from '../../db/persons.js';
import { communeCodes } from '../../db/places.js';
import { unitColumn } from '../../db/premises.js';
import { matchExpression, searchDocs } from '../../db/search.js';
import { columns, newId, notFound, today } from './common.js';

const EMPLOYER_FIELDS = {
  nameLatin: 'name_latin', nameKm: 'name_km', registrationNo: 'registration_no', sector: 'sector', village: 'village', street: 'street',
  houseNo: 'house_no', workforceTotal: 'workforce_total', cambodianCount: 'cambodian_count', phone: 'phone',
};
const EMPLOYMENT_FIELDS = {
  jobTitle: 'job_title', startDate: 'start_date', endDate: 'end_date', workPermitNo: 'work_permit_no', workPermitExpiry: 'work_permit_expiry',
  employmentCardNo: 'employment_card_no', workStatus: 'work_status', receiptNo: 'receipt_no',
};

type Op = 'employers.create' | 'employers.update' | 'employers.get' | 'employers.list' | 'employment.record' | 'employment.update' | 'employment.end';

function load(db: Parameters<typeof getEmployerRow>[0], id: string): EmployerRow {
  return getEmployerRow(db, id) ?? notFound('employer', id);
}

function checkWorkforce(total: number, cambodian: number) {
  if (cambodian > total) throw new AppError('registration.employer.badWorkforce', { total, cambodian });
}

function checkDates(start: string, end: string | null | undefined) {
  if (end && end < start) throw new AppError('registration.employment.endBeforeStart', { start, end });
}

export const employersHandlers: Pick<HandlerTable, Op> = {
  'employers.create': (ctx, request) => {
    checkWorkforce(request.workforceTotal, request.cambodianCount);
    const id = newId();
    ctx.db.transaction(() => {
      insertRecord(ctx.writer(), employerEntity, id, { ...columns(request, EMPLOYER_FIELDS), ...communeCodes(ctx.db, request.communeCode), created_at: nowIso() });
    })();
    return toEmployer(ctx.db, load(ctx.db, id));
  },

  'employers.update': (ctx, request) => {
    ctx.db.transaction(() => {
      const current = load(ctx.db, request.id);
      checkWorkforce(request.patch.workforceTotal ?? current.workforce_total, request.patch.cambodianCount ?? current.cambodian_count);
      const values = { ...columns(request.patch, EMPLOYER_FIELDS), ...(request.patch.communeCode ? communeCodes(ctx.db, request.patch.communeCode) : {}) };
      updateRecord(ctx.writer(), employerEntity, request.id, values);
    })();
    return toEmployer(ctx.db, load(ctx.db, request.id));
  },

  'employers.get': (ctx, request) => ({
    employer: toEmployer(ctx.db, load(ctx.db, request.id)),
    employments: employmentsOf(ctx.db, 'employer_id', request.id),
    alerts: alertsFor(ctx.db, today(ctx.db, request), { employerId: request.id }),
  }),

  'employers.list': (ctx, request) => {
    const after = decodeCursor(request.cursor);
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (request.unitCode) { where.push(`${unitColumn(request.unitCode)} = ?`); params.push(request.unitCode); }
    if (request.query?.trim()) {
      const match = matchExpression(request.query);
      const ids = match ? searchDocs(ctx.db, match, ['employer'], 0, 5000).map((d) => d.record_id) : [];
      where.push(`id IN (${ids.map(() => '?').join(', ') || "''"})`);
      params.push(...ids);
    }
    if (after) { where.push('id > ?'); params.push(String(after[0])); }
    const limit = request.overCap === undefined ? request.limit + 1 : 5000;
    const rows = ctx.db.prepare(`SELECT * FROM employer ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`).all(...params, limit) as EmployerRow[];
    const employers = rows.map((row) => toEmployer(ctx.db, row)).filter((e) => request.overCap === undefined || e.overCap === request.overCap);
    return pageOf(employers, request.limit, (e) => e, (e) => [e.id]);
  },

  'employment.record': (ctx, request) => {
    checkDates(request.startDate, request.endDate);
    const id = newId();
    ctx.db.transaction(() => {
      const person = getPersonRow(ctx.db, request.personId) ?? notFound('person', request.personId);
      if (person.merged_into) throw new AppError('registration.person.merged', { id: person.id, into: person.merged_into });
      load(ctx.db, request.employerId);
      insertRecord(ctx.writer(), employmentEntity, id, {
        person_id: request.personId, employer_id: request.employerId, end_date: null, work_permit_expiry: null, ...columns(request, EMPLOYMENT_FIELDS),
      });
    })();
    return getEmployment(ctx.db, id) ?? notFound('employment', id);
  },

  'employment.update': (ctx, request) => {
    ctx.db.transaction(() => {
      const current = getEmployment(ctx.db, request.id) ?? notFound('employment', request.id);
      checkDates(request.patch.startDate ?? current.startDate, request.patch.endDate === undefined ? current.endDate : request.patch.endDate);
      updateRecord(ctx.writer(), employmentEntity, request.id, columns(request.patch, EMPLOYMENT_FIELDS));
    })();
    return getEmployment(ctx.db, request.id) ?? notFound('employment', request.id);
  },

  'employment.end': (ctx, request) => {
    ctx.db.transaction(() => {
      const current = getEmployment(ctx.db, request.id) ?? notFound('employment', request.id);
      if (current.endDate) throw new AppError('registration.employment.alreadyEnded', { date: current.endDate });
      checkDates(current.startDate, request.endDate);
      updateRecord(ctx.writer(), employmentEntity, request.id, { end_date: request.endDate });
    })();
    return getEmployment(ctx.db, request.id) ?? notFound('employment', request.id);
  },
};
