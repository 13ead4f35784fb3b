import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Campaign, CampaignsOp, Declaration } from '../../../shared/contract/campaigns.js';
import { checkQuota, QUOTA_CATEGORIES } from '../../../shared/campaigns/quota.js';
import { AppError } from '../../../shared/errors.js';
import type { HandlerContext, HandlerTable } from '../../backend/context.js';
import {
  campaignDays, campaignEntity, countTargets, declarationEntity, declarationWorkerEntity, declaredState, getCampaignRow, getDeclarationRow,
  listTargets, SECTOR_SEPARATOR, targetKindOf, targetsQuery, toTarget, workforceOf, type CampaignRow, type TargetRow,
} from '../../db/campaigns.js';
import { insertRecord, nowIso, readRecord, updateRecord } from '../../db/changes.js';
import { employerEntity, employmentEntity } from '../../db/employers.js';
import { decodeCursor, pageOf } from '../../db/paging.js';
import { getPersonRow } from '../../db/persons.js';
import { placeNames } from '../../db/places.js';
import { premisesEntity } from '../../db/premises.js';
import { newId, notFound, today } from '../registration/common.js';
import { officeNames } from '../sync-views.js';

type Op = Extract<CampaignsOp, 'campaigns.create' | 'campaigns.close' | 'campaigns.list' | 'campaigns.get' | 'campaigns.targets' | 'declarations.record' | 'declarations.get'>;

export function loadCampaign(db: Database, id: string): CampaignRow {
  return getCampaignRow(db, id) ?? notFound('campaign', id);
}

export function toCampaign(ctx: HandlerContext, row: CampaignRow, day: string): Campaign {
  return {
    id: row.id, revision: row.revision, kind: row.kind, title: row.title, legalReference: row.legal_reference,
    scopeUnits: row.scope_units.split(' ').filter(Boolean), startDate: row.start_date, deadline: row.deadline,
    targetTypes: row.target_types.split(' ').filter(Boolean) as Campaign['targetTypes'],
    targetSectors: row.target_sectors.split(SECTOR_SEPARATOR).filter(Boolean), status: row.status, originOffice: row.origin_office,
    originOfficeName: officeNames(ctx.db)(row.origin_office),
    own: row.origin_office === ctx.office()?.id, createdAt: row.created_at, daysLeft: campaignDays(row, day),
    counts: countTargets(ctx.db, row, day).all,
  };
}

/** A campaign is changed only by the office that made it (sync would refuse the change anywhere else). */
function requireOwn(ctx: HandlerContext, row: CampaignRow): void {
  if (row.origin_office !== ctx.office()?.id) throw new AppError('campaigns.notOwn', { title: row.title });
}

export function findTarget(db: Database, campaign: CampaignRow, targetId: string, day: string): TargetRow | undefined {
  const q = targetsQuery(campaign, day);
  return db.prepare(`SELECT * FROM (${q.sql}) WHERE id = ?`).get(...q.params, targetId) as TargetRow | undefined;
}

interface WorkerRow {
  id: string; person_id: string; category: 'office' | 'skilled' | 'unskilled'; work_status: Declaration['workers'][number]['workStatus'];
  permit_no: string; receipt_no: string; permit_expiry: string | null; person_name: string; nationality: string; passport_no: string;
}

export function workersOf(db: Database, declarationId: string): WorkerRow[] {
  return db.prepare(`SELECT w.*, trim(p.surname || ' ' || p.given_names) AS person_name, p.nationality, p.passport_no
    FROM declaration_worker w JOIN person p ON p.id = w.person_id WHERE w.declaration_id = ? ORDER BY p.surname, p.given_names, w.id`)
    .all(declarationId) as WorkerRow[];
}

export function toDeclaration(db: Database, id: string): Declaration {
  const row = getDeclarationRow(db, id) ?? notFound('declaration', id);
  const campaign = loadCampaign(db, row.campaign_id);
  const target = db.prepare(`SELECT name_latin FROM ${row.target_kind} WHERE id = ?`).pluck().get(row.target_id) as string | undefined;
  const workers = workersOf(db, id);
  const perCategory = Object.fromEntries(QUOTA_CATEGORIES.map((c) => [c, workers.filter((w) => w.category === c).length]));
  const mismatch = row.target_kind === 'employer' && row.status === 'declared' && workers.length > 0 && (
    perCategory.office !== row.office_foreign || perCategory.skilled !== row.skilled_foreign || perCategory.unskilled !== row.unskilled_foreign);
  return {
    id: row.id, revision: row.revision, campaignId: row.campaign_id, targetKind: row.target_kind, targetId: row.target_id, targetName: target ?? '',
    receivedOn: row.received_on, status: row.status, exemptReason: row.exempt_reason, ...workforceOf(row), pledgeSigned: row.pledge_signed === 1,
    note: row.note, state: declaredState(campaign, row), quota: checkQuota(workforceOf(row)),
    workers: workers.map((w) => ({
      id: w.id, personId: w.person_id, personName: w.person_name, nationality: w.nationality, passportNo: w.passport_no, category: w.category,
      workStatus: w.work_status, permitNo: w.permit_no, receiptNo: w.receipt_no, permitExpiry: w.permit_expiry,
    })),
    workerCountMismatch: mismatch,
  };
}

/**
 * The units of a campaign must exist and lie under the office that makes it: a province campaigns in its
 * province, the national office anywhere in the country. A commune makes none.
 */
function checkScope(ctx: HandlerContext, units: string[]): void {
  const office = ctx.office();
  if (!office) throw new AppError('campaigns.noOffice');
  if (office.level === 'commune') throw new AppError('campaigns.notAtCommune');
  const known = ctx.db.prepare('SELECT 1 FROM admin_unit WHERE id = ?').pluck();
  for (const unit of units) {
    if (!known.get(unit)) throw new AppError('campaigns.unknownUnit', { code: unit });
    if (office.level !== 'national' && !unit.startsWith(office.unitCode)) throw new AppError('campaigns.outsideOffice', { code: unit });
  }
}

/**
 * The employment a declared worker's facts go to: updated when the person already works for this employer
 * and the record is this office's, created otherwise. Everything through the change log.
 */
function recordEmployment(ctx: HandlerContext, employerId: string, receivedOn: string, worker: {
  personId: string; workStatus: string; permitNo: string; receiptNo: string; permitExpiry?: string | null | undefined;
}): void {
  const self = ctx.office()?.id;
  const open = ctx.db.prepare('SELECT id, origin_office FROM employment WHERE person_id = ? AND employer_id = ? AND end_date IS NULL ORDER BY start_date DESC LIMIT 1')
    .get(worker.personId, employerId) as { id: string; origin_office: string } | undefined;
  const facts = {
    work_status: worker.workStatus, work_permit_no: worker.permitNo, receipt_no: worker.receiptNo, work_permit_expiry: worker.permitExpiry ?? null,
  };
  if (open && open.origin_office === self) {
    updateRecord(ctx.writer(), employmentEntity, open.id, facts);
  } else if (!open) {
    insertRecord(ctx.writer(), employmentEntity, newId(), {
      person_id: worker.personId, employer_id: employerId, job_title: '', start_date: receivedOn, end_date: null, employment_card_no: '', ...facts,
    });
  }
}

export const campaignHandlers: Pick<HandlerTable, Op> = {
  'campaigns.create': (ctx, request) => {
    if (request.deadline < request.startDate) {
      throw new AppError('campaigns.deadlineBeforeStart', { start: request.startDate, deadline: request.deadline });
    }
    const units = [...new Set(request.scopeUnits)];
    checkScope(ctx, units);
    const id = newId();
    insertRecord(ctx.writer(), campaignEntity, id, {
      kind: request.kind, title: request.title, legal_reference: request.legalReference, scope_units: units.join(' '),
      start_date: request.startDate, deadline: request.deadline,
      target_types: request.kind === 'premises_pledge' ? [...new Set(request.targetTypes)].join(' ') : '',
      target_sectors: request.kind === 'employer_declaration'
        ? [...new Set(request.targetSectors.map((s) => s.replaceAll(SECTOR_SEPARATOR, ' ').trim()))].join(SECTOR_SEPARATOR) : '',
      status: 'open', created_at: nowIso(),
    });
    return toCampaign(ctx, loadCampaign(ctx.db, id), today(ctx.db));
  },

  'campaigns.close': (ctx, request) => {
    const row = loadCampaign(ctx.db, request.id);
    requireOwn(ctx, row);
    updateRecord(ctx.writer(), campaignEntity, row.id, { status: 'closed' });
    return toCampaign(ctx, loadCampaign(ctx.db, row.id), today(ctx.db));
  },

  'campaigns.list': (ctx, request) => {
    const after = decodeCursor(request.cursor);
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (request.status) { where.push('status = ?'); params.push(request.status); }
    // Newest deadline first.
    if (after) { where.push('(deadline, id) < (?, ?)'); params.push(String(after[0]), String(after[1])); }
    const rows = ctx.db.prepare(`SELECT * FROM campaign ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY deadline DESC, id DESC LIMIT ?`)
      .all(...params, request.limit + 1) as CampaignRow[];
    const day = today(ctx.db, request);
    return pageOf(rows, request.limit, (row) => toCampaign(ctx, row, day), (row) => [row.deadline, row.id]);
  },

  'campaigns.get': (ctx, request) => {
    const row = loadCampaign(ctx.db, request.id);
    const day = today(ctx.db, request);
    const { byCommune } = countTargets(ctx.db, row, day);
    return {
      campaign: toCampaign(ctx, row, day),
      byCommune: [...byCommune.entries()].map(([communeCode, counts]) => {
        const declared = counts.on_time + counts.late;
        return { communeCode, ...placeNames(ctx.db, communeCode), ...counts, timeliness: declared > 0 ? counts.on_time / declared : null };
      }),
    };
  },

  'campaigns.targets': (ctx, request) => {
    const row = loadCampaign(ctx.db, request.id);
    const day = today(ctx.db, request);
    const after = decodeCursor(request.cursor);
    const rows = listTargets(ctx.db, row, day, { state: request.state, unitCode: request.communeCode, afterId: after ? String(after[0]) : null, limit: request.limit + 1 });
    return pageOf(rows, request.limit, (r) => toTarget(ctx.db, row, r, day), (r) => [r.id]);
  },

  'declarations.record': (ctx, request) => {
    const id = newId();
    ctx.db.transaction(() => {
      const campaign = loadCampaign(ctx.db, request.campaignId);
      if (campaign.status === 'closed') throw new AppError('campaigns.closed', { title: campaign.title });
      const day = today(ctx.db);
      if (request.receivedOn > day) throw new AppError('campaigns.receivedInFuture', { date: request.receivedOn });
      if (request.receivedOn < campaign.start_date) throw new AppError('campaigns.receivedBeforeStart', { date: request.receivedOn, start: campaign.start_date });
      const target = findTarget(ctx.db, campaign, request.targetId, day);
      if (!target) throw new AppError('campaigns.notTarget', { title: campaign.title });
      if (target.declaration_id) throw new AppError('campaigns.alreadyDeclared', { name: target.name_latin, date: target.received_on ?? '' });
      const kind = targetKindOf(campaign);
      const workers = request.status === 'declared' && kind === 'employer' ? request.workers : [];
      const seen = new Set<string>();
      for (const worker of workers) {
        const person = getPersonRow(ctx.db, worker.personId) ?? notFound('person', worker.personId);
        if (person.merged_into) throw new AppError('registration.person.merged', { id: person.id, into: person.merged_into });
        if (seen.has(person.id)) throw new AppError('campaigns.workerTwice', { name: `${person.surname} ${person.given_names}`.trim() });
        seen.add(person.id);
      }
      const counts = request.status === 'exempt'
        ? { office_km: 0, office_foreign: 0, skilled_km: 0, skilled_foreign: 0, unskilled_km: 0, unskilled_foreign: 0 }
        : {
            office_km: request.officeKm, office_foreign: request.officeForeign, skilled_km: request.skilledKm, skilled_foreign: request.skilledForeign,
            unskilled_km: request.unskilledKm, unskilled_foreign: request.unskilledForeign,
          };
      insertRecord(ctx.writer(), declarationEntity, id, {
        campaign_id: campaign.id, target_kind: kind, target_id: target.id, received_on: request.receivedOn, status: request.status,
        exempt_reason: request.status === 'exempt' ? request.exemptReason : '', ...counts, pledge_signed: request.pledgeSigned ? 1 : 0,
        note: request.note, created_at: nowIso(),
      });
      for (const worker of workers) {
        insertRecord(ctx.writer(), declarationWorkerEntity, newId(), {
          declaration_id: id, person_id: worker.personId, category: worker.category, work_status: worker.workStatus, permit_no: worker.permitNo,
          receipt_no: worker.receiptNo, permit_expiry: worker.permitExpiry ?? null,
        });
        recordEmployment(ctx, target.id, request.receivedOn, worker);
      }
      const self = ctx.office()?.id;
      // The declared facts go on the target's own record when this office holds it.
      if (request.status === 'declared' && kind === 'employer' && readRecord(ctx.db, employerEntity, target.id)?.origin_office === self) {
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        if (total > 0) {
          updateRecord(ctx.writer(), employerEntity, target.id, {
            workforce_total: total, cambodian_count: counts.office_km + counts.skilled_km + counts.unskilled_km,
          });
        }
      }
      if (request.pledgeSigned && kind === 'premises' && readRecord(ctx.db, premisesEntity, target.id)?.origin_office === self) {
        updateRecord(ctx.writer(), premisesEntity, target.id, { pledge_status: 'signed' });
      }
    })();
    return toDeclaration(ctx.db, id);
  },

  'declarations.get': (ctx, request) => toDeclaration(ctx.db, request.id),
};
