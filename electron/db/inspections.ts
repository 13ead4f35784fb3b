import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { InspectionPerson, InspectionSummary, Referral } from '../../shared/contract/campaigns.js';
import { daysBetween } from '../../shared/local-time.js';
import type { EntitySpec } from './changes.js';

/** Inspections of sites, the persons found on them, and referrals to other authorities. */

export const inspectionEntity: EntitySpec = {
  entity: 'inspection',
  table: 'inspection',
  columns: [
    'campaign_id', 'target_kind', 'target_id', 'reason', 'planned_on', 'inspected_on', 'status', 'team', 'premises_findings', 'outcome',
    'outcome_note', 'doc_no', 'created_at',
  ],
};

export const inspectionPersonEntity: EntitySpec = {
  entity: 'inspection_person',
  table: 'inspection_person',
  columns: ['inspection_id', 'person_id', 'finding', 'permit_no', 'receipt_no', 'note', 'proof_due', 'proof_status', 'proof_on', 'proof_ref', 'action_taken'],
};

export const referralEntity: EntitySpec = {
  entity: 'referral',
  table: 'referral',
  columns: ['inspection_id', 'authority', 'grounds', 'urgent', 'referred_on', 'note', 'acknowledged', 'created_at'],
};

export interface InspectionRow {
  id: string; revision: number; origin_office: string; campaign_id: string | null; target_kind: 'premises' | 'employer'; target_id: string;
  reason: InspectionSummary['reason']; planned_on: string; inspected_on: string | null; status: 'planned' | 'done'; team: string;
  premises_findings: string; outcome: InspectionSummary['outcome']; outcome_note: string; doc_no: string; created_at: string;
}

interface SummaryRow extends InspectionRow {
  campaign_title: string | null; site_name: string | null; site_name_km: string | null; commune_code: string | null;
  persons_found: number; proof_pending: number;
}

const SUMMARY = `SELECT i.*, c.title AS campaign_title,
    coalesce(e.name_latin, p.name_latin) AS site_name, coalesce(e.name_km, p.name_km) AS site_name_km,
    coalesce(e.commune_code, p.commune_code) AS commune_code,
    (SELECT count(*) FROM inspection_person ip WHERE ip.inspection_id = i.id) AS persons_found,
    (SELECT count(*) FROM inspection_person ip WHERE ip.inspection_id = i.id AND ip.proof_status = 'pending') AS proof_pending
  FROM inspection i
  LEFT JOIN campaign c ON c.id = i.campaign_id
  LEFT JOIN employer e ON i.target_kind = 'employer' AND e.id = i.target_id
  LEFT JOIN premises p ON i.target_kind = 'premises' AND p.id = i.target_id`;

function toSummary(row: SummaryRow): InspectionSummary {
  return {
    id: row.id, campaignId: row.campaign_id, campaignTitle: row.campaign_title, targetKind: row.target_kind, targetId: row.target_id,
    siteName: row.site_name ?? '', siteNameKm: row.site_name_km ?? '', communeCode: row.commune_code ?? '', reason: row.reason,
    plannedOn: row.planned_on, inspectedOn: row.inspected_on, status: row.status, outcome: row.outcome,
    personsFound: row.persons_found, proofPending: row.proof_pending,
  };
}

export function getInspectionRow(db: Database, id: string): InspectionRow | undefined {
  return db.prepare('SELECT * FROM inspection WHERE id = ?').get(id) as InspectionRow | undefined;
}

export function inspectionSummary(db: Database, id: string): InspectionSummary | undefined {
  const row = db.prepare(`${SUMMARY} WHERE i.id = ?`).get(id) as SummaryRow | undefined;
  return row ? toSummary(row) : undefined;
}

export function listInspections(db: Database, filter: {
  campaignId?: string | undefined; status?: string | undefined; proofPending?: boolean | undefined; after: [string, string] | null; limit: number;
}): InspectionSummary[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.campaignId) { where.push('i.campaign_id = ?'); params.push(filter.campaignId); }
  if (filter.status) { where.push('i.status = ?'); params.push(filter.status); }
  if (filter.proofPending !== undefined) {
    where.push(`${filter.proofPending ? '' : 'NOT '}EXISTS (SELECT 1 FROM inspection_person ip WHERE ip.inspection_id = i.id AND ip.proof_status = 'pending')`);
  }
  if (filter.after) { where.push('(i.planned_on, i.id) > (?, ?)'); params.push(...filter.after); }
  const rows = db.prepare(`${SUMMARY} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.planned_on, i.id LIMIT ?`)
    .all(...params, filter.limit) as SummaryRow[];
  return rows.map(toSummary);
}

interface PersonFoundRow {
  id: string; revision: number; person_id: string; finding: InspectionPerson['finding']; permit_no: string; receipt_no: string; note: string;
  proof_due: string | null; proof_status: InspectionPerson['proofStatus']; proof_on: string | null; proof_ref: string; action_taken: string;
  person_name: string; nationality: string; passport_no: string; birth_date: string; inspection_id: string;
}

export function getInspectionPersonRow(db: Database, id: string): (PersonFoundRow & { origin_office: string }) | undefined {
  return db.prepare('SELECT * FROM inspection_person WHERE id = ?').get(id) as (PersonFoundRow & { origin_office: string }) | undefined;
}

export function personsFound(db: Database, inspectionId: string, today: string): InspectionPerson[] {
  const rows = db.prepare(`SELECT ip.*, trim(p.surname || ' ' || p.given_names) AS person_name, p.nationality, p.passport_no, p.birth_date
    FROM inspection_person ip JOIN person p ON p.id = ip.person_id WHERE ip.inspection_id = ? ORDER BY p.surname, p.given_names, ip.id`)
    .all(inspectionId) as PersonFoundRow[];
  return rows.map((r) => ({
    id: r.id, personId: r.person_id, personName: r.person_name, nationality: r.nationality, passportNo: r.passport_no, birthDate: r.birth_date,
    finding: r.finding, permitNo: r.permit_no, receiptNo: r.receipt_no, note: r.note, proofDue: r.proof_due, proofStatus: r.proof_status,
    proofOn: r.proof_on, proofRef: r.proof_ref, actionTaken: r.action_taken,
    proofDays: r.proof_status === 'pending' && r.proof_due ? daysBetween(today, r.proof_due) : null,
  }));
}

interface ReferralRow {
  id: string; inspection_id: string; authority: Referral['authority']; grounds: Referral['grounds']; urgent: number; referred_on: string;
  note: string; acknowledged: number;
}

export function toReferral(row: ReferralRow): Referral {
  return {
    id: row.id, inspectionId: row.inspection_id, authority: row.authority, grounds: row.grounds, urgent: row.urgent === 1,
    referredOn: row.referred_on, note: row.note, acknowledged: row.acknowledged === 1,
  };
}

export function getReferral(db: Database, id: string): Referral | undefined {
  const row = db.prepare('SELECT * FROM referral WHERE id = ?').get(id) as ReferralRow | undefined;
  return row ? toReferral(row) : undefined;
}

export function referralsOf(db: Database, inspectionId: string): Referral[] {
  return (db.prepare('SELECT * FROM referral WHERE inspection_id = ? ORDER BY referred_on, id').all(inspectionId) as ReferralRow[]).map(toReferral);
}

/** The declaration of a site in a campaign (its first), for comparing with what was found. */
export function declarationFor(db: Database, campaignId: string, targetId: string): string | null {
  return (db.prepare('SELECT id FROM declaration WHERE campaign_id = ? AND target_id = ? ORDER BY received_on, id LIMIT 1').pluck()
    .get(campaignId, targetId) as string | undefined) ?? null;
}

/**
 * The next inspection number of this office: `INS/` + office unit code + year + sequence
 * (`INS/12/2026/00001`), like receipt numbers. The unit code keeps two offices' numbers apart (the
 * office above holds both); the sequence counts only this office's own inspections of that year.
 */
export function nextDocNo(db: Database, officeId: string, unitCode: string, year: string): string {
  const prefix = `INS/${unitCode || '00'}/${year}/`;
  const last = db.prepare('SELECT max(CAST(substr(doc_no, ?) AS INTEGER)) FROM inspection WHERE origin_office = ? AND substr(doc_no, 1, ?) = ?')
    .pluck().get(prefix.length + 1, officeId, prefix.length, prefix) as number | null;
  return `${prefix}${String((last ?? 0) + 1).padStart(5, '0')}`;
}
