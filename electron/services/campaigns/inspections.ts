import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  PROOF_DAYS, URGENT_GROUNDS, type CampaignsOp, type InspectionDetail, type InspectionPerson,
} from '../../../shared/contract/campaigns.js';
import { AppError } from '../../../shared/errors.js';
import { addDays } from '../../../shared/local-time.js';
import type { HandlerContext, HandlerTable } from '../../backend/context.js';
import { listTargets, overQuota, type CampaignRow } from '../../db/campaigns.js';
import { insertRecord, nowIso, readRecord, updateRecord } from '../../db/changes.js';
import { employmentEntity } from '../../db/employers.js';
import {
  declarationFor, getInspectionPersonRow, getInspectionRow, getReferral, inspectionEntity, inspectionPersonEntity, inspectionSummary,
  listInspections, nextDocNo, personsFound, referralEntity, referralsOf, type InspectionRow,
} from '../../db/inspections.js';
import { decodeCursor, pageOf } from '../../db/paging.js';
import { getPersonRow } from '../../db/persons.js';
import { placeNames } from '../../db/places.js';
import { newId, notFound, today } from '../registration/common.js';
import { loadCampaign, workersOf } from './campaigns.js';

type Op = Extract<CampaignsOp,
  'inspections.plan' | 'inspections.create' | 'inspections.record' | 'inspections.proof' | 'inspections.refer' | 'referrals.acknowledge'
  | 'inspections.get' | 'inspections.list'>;

function load(db: Database, id: string): InspectionRow {
  return getInspectionRow(db, id) ?? notFound('inspection', id);
}

/** What a finding on site says about work status, in the terms of a declaration card. */
const FINDING_STATUS: Record<InspectionPerson['finding'], string> = {
  permit_valid: 'valid_permit', application_receipt: 'application_submitted', no_permit: 'no_permit', exempt: 'exempt', diplomat: 'exempt',
};

/** The declared facts against the inspected ones: who was declared but not found, found but not declared, or found with another status. */
function differences(db: Database, declarationId: string | null, persons: InspectionPerson[]): InspectionDetail['differences'] {
  if (!declarationId) return [];
  const declared = workersOf(db, declarationId);
  const out: InspectionDetail['differences'] = [];
  const found = new Map(persons.map((p) => [p.personId, p]));
  for (const worker of declared) {
    const person = found.get(worker.person_id);
    if (!person) out.push({ kind: 'not_found', personId: worker.person_id, personName: worker.person_name, declared: worker.work_status, found: '' });
    else if (FINDING_STATUS[person.finding] !== worker.work_status) {
      out.push({ kind: 'status_differs', personId: worker.person_id, personName: worker.person_name, declared: worker.work_status, found: person.finding });
    }
  }
  const declaredIds = new Set(declared.map((w) => w.person_id));
  for (const person of persons) {
    if (!declaredIds.has(person.personId)) out.push({ kind: 'not_declared', personId: person.personId, personName: person.personName, declared: '', found: person.finding });
  }
  const row = db.prepare('SELECT office_foreign + skilled_foreign + unskilled_foreign AS foreign_count FROM declaration WHERE id = ?').get(declarationId) as { foreign_count: number };
  const foreignFound = persons.filter((p) => p.finding !== 'diplomat').length;
  if (persons.length > 0 && row.foreign_count !== foreignFound) {
    out.push({ kind: 'headcount_differs', personId: null, personName: '', declared: String(row.foreign_count), found: String(foreignFound) });
  }
  return out;
}

export function inspectionDetail(db: Database, id: string, day: string): InspectionDetail {
  const row = load(db, id);
  const summary = inspectionSummary(db, id) ?? notFound('inspection', id);
  const persons = personsFound(db, id, day);
  const declarationId = row.campaign_id ? declarationFor(db, row.campaign_id, row.target_id) : null;
  const site = db.prepare(`SELECT village, street, house_no FROM ${row.target_kind} WHERE id = ?`).get(row.target_id) as
    { village: string; street: string; house_no: string } | undefined;
  return {
    inspection: {
      ...summary, team: row.team.split('\n').filter(Boolean), premisesFindings: row.premises_findings, outcomeNote: row.outcome_note,
      docNo: row.doc_no, revision: row.revision, ...(summary.communeCode ? placeNames(db, summary.communeCode) : { placeLatin: '', placeKm: '' }),
      address: site ? [site.house_no, site.street, site.village].filter(Boolean).join(', ') : '',
    },
    persons,
    referrals: referralsOf(db, id),
    declarationId,
    differences: row.status === 'done' ? differences(db, declarationId, persons) : [],
  };
}

function insertInspection(ctx: HandlerContext, values: {
  campaignId: string | null; targetKind: 'premises' | 'employer'; targetId: string; reason: InspectionRow['reason']; plannedOn: string;
}): string {
  const id = newId();
  insertRecord(ctx.writer(), inspectionEntity, id, {
    campaign_id: values.campaignId, target_kind: values.targetKind, target_id: values.targetId, reason: values.reason, planned_on: values.plannedOn,
    inspected_on: null, status: 'planned', team: '', premises_findings: '', outcome: '', outcome_note: '', doc_no: '', created_at: nowIso(),
  });
  return id;
}

function addReferral(ctx: HandlerContext, inspectionId: string, values: { authority: string; grounds: string; note: string; on: string }): string {
  const id = newId();
  const urgent = (URGENT_GROUNDS as readonly string[]).includes(values.grounds) ? 1 : 0;
  insertRecord(ctx.writer(), referralEntity, id, {
    inspection_id: inspectionId, authority: values.authority, grounds: values.grounds, urgent, referred_on: values.on, note: values.note,
    acknowledged: 0, created_at: nowIso(),
  });
  return id;
}

/** A site matches a planning rule. */
function matches(campaign: CampaignRow, rules: string[], row: Parameters<typeof overQuota>[0]): string | null {
  for (const rule of rules) {
    if (rule === 'late' && row.state === 'late') return 'late';
    if (rule === 'missing' && row.state === 'missing') return 'missing';
    if (rule === 'over_quota' && overQuota(row)) return 'over_quota';
    if (rule === 'no_pledge' && row.state !== 'exempt' && row.pledged !== 1) return 'no_pledge';
  }
  void campaign;
  return null;
}

/** Employment facts found on site go to the employment record this office holds (proof of an application included). */
function updateEmployment(ctx: HandlerContext, employerId: string, personId: string, facts: Record<string, string | null>): void {
  const open = ctx.db.prepare('SELECT id FROM employment WHERE person_id = ? AND employer_id = ? AND end_date IS NULL ORDER BY start_date DESC LIMIT 1')
    .pluck().get(personId, employerId) as string | undefined;
  if (open && readRecord(ctx.db, employmentEntity, open)?.origin_office === ctx.office()?.id) updateRecord(ctx.writer(), employmentEntity, open, facts);
}

export const inspectionHandlers: Pick<HandlerTable, Op> = {
  'inspections.plan': (ctx, request) => {
    const campaign = loadCampaign(ctx.db, request.campaignId);
    const day = today(ctx.db, request);
    const created: string[] = [];
    let already = 0;
    ctx.db.transaction(() => {
      let after: string | null = null;
      for (;;) {
        const rows = listTargets(ctx.db, campaign, day, { afterId: after, limit: 1000 });
        if (rows.length === 0) break;
        for (const row of rows) {
          after = row.id;
          const reason = matches(campaign, request.rules, row);
          if (!reason) continue;
          if (row.inspections > 0) { already += 1; continue; }
          created.push(insertInspection(ctx, { campaignId: campaign.id, targetKind: row.kind, targetId: row.id, reason: reason as InspectionRow['reason'], plannedOn: request.plannedOn }));
        }
      }
    })();
    return { planned: created.length, alreadyPlanned: already, inspections: created.map((id) => inspectionSummary(ctx.db, id) ?? notFound('inspection', id)) };
  },

  'inspections.create': (ctx, request) => {
    const table = request.targetKind;
    if (!ctx.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(request.targetId)) notFound(table, request.targetId);
    if (request.campaignId) loadCampaign(ctx.db, request.campaignId);
    const id = insertInspection(ctx, { campaignId: request.campaignId, targetKind: request.targetKind, targetId: request.targetId, reason: 'ad_hoc', plannedOn: request.plannedOn });
    return inspectionSummary(ctx.db, id) ?? notFound('inspection', id);
  },

  'inspections.record': (ctx, request) => {
    const day = today(ctx.db, request);
    ctx.db.transaction(() => {
      const row = load(ctx.db, request.id);
      if (row.status === 'done') throw new AppError('inspections.alreadyRecorded', { date: row.inspected_on ?? '' });
      if (row.origin_office !== ctx.office()?.id) throw new AppError('inspections.notOwn');
      if (request.inspectedOn > day) throw new AppError('inspections.inFuture', { date: request.inspectedOn });
      const seen = new Set<string>();
      for (const person of request.persons) {
        const found = getPersonRow(ctx.db, person.personId) ?? notFound('person', person.personId);
        if (seen.has(found.id)) throw new AppError('campaigns.workerTwice', { name: `${found.surname} ${found.given_names}`.trim() });
        seen.add(found.id);
        if (person.finding === 'application_receipt' && !person.receiptNo) {
          throw new AppError('inspections.receiptMissing', { name: `${found.surname} ${found.given_names}`.trim() });
        }
      }
      updateRecord(ctx.writer(), inspectionEntity, row.id, {
        inspected_on: request.inspectedOn, status: 'done', team: request.team.join('\n'), premises_findings: request.premisesFindings,
        outcome: request.outcome, outcome_note: request.outcomeNote, doc_no: nextDocNo(ctx.db, row.origin_office, ctx.office()?.unitCode ?? '', request.inspectedOn.slice(0, 4)),
      });
      for (const person of request.persons) {
        const noPermit = person.finding === 'no_permit';
        insertRecord(ctx.writer(), inspectionPersonEntity, newId(), {
          inspection_id: row.id, person_id: person.personId, finding: person.finding, permit_no: person.permitNo, receipt_no: person.receiptNo,
          note: person.note, proof_due: noPermit ? addDays(request.inspectedOn, PROOF_DAYS) : null, proof_status: noPermit ? 'pending' : 'none',
          proof_on: null, proof_ref: '', action_taken: '',
        });
        if (row.target_kind === 'employer' && person.finding !== 'diplomat') {
          const facts: Record<string, string | null> = { work_status: FINDING_STATUS[person.finding] };
          if (person.permitNo) facts.work_permit_no = person.permitNo;
          if (person.receiptNo) facts.receipt_no = person.receiptNo;
          updateEmployment(ctx, row.target_id, person.personId, facts);
        }
      }
      // Evidence of trafficking, labour exploitation or sex trade goes at once to the commission and the police command.
      for (const grounds of new Set(request.evidence)) {
        for (const authority of ['commission', 'police']) addReferral(ctx, row.id, { authority, grounds, note: '', on: request.inspectedOn });
      }
      for (const referral of request.referrals) {
        const duplicate = request.evidence.includes(referral.grounds as never) && (referral.authority === 'commission' || referral.authority === 'police');
        if (!duplicate) addReferral(ctx, row.id, { ...referral, on: request.inspectedOn });
      }
    })();
    return inspectionDetail(ctx.db, request.id, day);
  },

  'inspections.proof': (ctx, request) => {
    const day = today(ctx.db, request);
    const person = getInspectionPersonRow(ctx.db, request.inspectionPersonId) ?? notFound('inspection_person', request.inspectionPersonId);
    ctx.db.transaction(() => {
      if (person.proof_status !== 'pending') throw new AppError('inspections.proofNotPending');
      if (person.origin_office !== ctx.office()?.id) throw new AppError('inspections.notOwn');
      if (request.date > day) throw new AppError('inspections.inFuture', { date: request.date });
      if (request.result === 'received' && !request.reference) throw new AppError('inspections.proofReference');
      if (request.result === 'action' && !request.action) throw new AppError('inspections.actionMissing');
      if (request.result === 'action' && person.proof_due && request.date <= person.proof_due) {
        throw new AppError('inspections.deadlineNotPassed', { due: person.proof_due });
      }
      updateRecord(ctx.writer(), inspectionPersonEntity, person.id, {
        proof_status: request.result, proof_on: request.date, proof_ref: request.result === 'received' ? request.reference : '',
        action_taken: request.result === 'action' ? request.action : '',
      });
      const inspection = load(ctx.db, person.inspection_id);
      if (request.result === 'received' && inspection.target_kind === 'employer') {
        updateEmployment(ctx, inspection.target_id, person.person_id, { work_status: 'application_submitted', receipt_no: request.reference });
      }
    })();
    return inspectionDetail(ctx.db, person.inspection_id, day);
  },

  'inspections.refer': (ctx, request) => {
    const row = load(ctx.db, request.inspectionId);
    const id = addReferral(ctx, row.id, { authority: request.authority, grounds: request.grounds, note: request.note, on: today(ctx.db, request) });
    return getReferral(ctx.db, id) ?? notFound('referral', id);
  },

  'referrals.acknowledge': (ctx, request) => {
    const referral = getReferral(ctx.db, request.id) ?? notFound('referral', request.id);
    if (readRecord(ctx.db, referralEntity, referral.id)?.origin_office !== ctx.office()?.id) throw new AppError('inspections.notOwn');
    updateRecord(ctx.writer(), referralEntity, referral.id, { acknowledged: 1 });
    return getReferral(ctx.db, request.id) ?? notFound('referral', request.id);
  },

  'inspections.get': (ctx, request) => inspectionDetail(ctx.db, request.id, today(ctx.db, request)),

  'inspections.list': (ctx, request) => {
    const after = decodeCursor(request.cursor);
    const rows = listInspections(ctx.db, {
      campaignId: request.campaignId, status: request.status, proofPending: request.proofPending,
      after: after ? [String(after[0]), String(after[1])] : null, limit: request.limit + 1,
    });
    return pageOf(rows, request.limit, (r) => r, (r) => [r.plannedOn, r.id]);
  },
};
