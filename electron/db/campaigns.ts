import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Campaign, CampaignTarget, StateCounts, TargetState } from '../../shared/contract/campaigns.js';
import { checkQuota, type Workforce } from '../../shared/campaigns/quota.js';
import { daysBetween } from '../../shared/local-time.js';
import type { EntitySpec } from './changes.js';
import { placeNames } from './places.js';

/**
 * Campaigns and the declarations received for them. A campaign's targets are not stored: they are the
 * employers (or premises of the targeted types) whose address lies in its scope, so one registered
 * after the campaign started is a target at once. Each target's state comes from its first declaration.
 */

export const campaignEntity: EntitySpec = {
  entity: 'campaign',
  table: 'campaign',
  columns: ['kind', 'title', 'legal_reference', 'scope_units', 'start_date', 'deadline', 'target_types', 'target_sectors', 'status', 'created_at'],
};

export const declarationEntity: EntitySpec = {
  entity: 'declaration',
  table: 'declaration',
  columns: [
    'campaign_id', 'target_kind', 'target_id', 'received_on', 'status', 'exempt_reason', 'office_km', 'office_foreign', 'skilled_km',
    'skilled_foreign', 'unskilled_km', 'unskilled_foreign', 'pledge_signed', 'note', 'created_at',
  ],
};

export const declarationWorkerEntity: EntitySpec = {
  entity: 'declaration_worker',
  table: 'declaration_worker',
  columns: ['declaration_id', 'person_id', 'category', 'work_status', 'permit_no', 'receipt_no', 'permit_expiry'],
};

export interface CampaignRow {
  id: string; revision: number; origin_office: string; kind: Campaign['kind']; title: string; legal_reference: string; scope_units: string;
  start_date: string; deadline: string; target_types: string; target_sectors: string; status: 'open' | 'closed'; created_at: string;
}

export interface DeclarationRow {
  id: string; revision: number; origin_office: string; campaign_id: string; target_kind: 'premises' | 'employer'; target_id: string;
  received_on: string; status: 'declared' | 'exempt'; exempt_reason: string; office_km: number; office_foreign: number; skilled_km: number;
  skilled_foreign: number; unskilled_km: number; unskilled_foreign: number; pledge_signed: number; note: string; created_at: string;
}

export const SECTOR_SEPARATOR = '|';

export function getCampaignRow(db: Database, id: string): CampaignRow | undefined {
  return db.prepare('SELECT * FROM campaign WHERE id = ?').get(id) as CampaignRow | undefined;
}

export function getDeclarationRow(db: Database, id: string): DeclarationRow | undefined {
  return db.prepare('SELECT * FROM declaration WHERE id = ?').get(id) as DeclarationRow | undefined;
}

export function workforceOf(row: Pick<DeclarationRow, 'office_km' | 'office_foreign' | 'skilled_km' | 'skilled_foreign' | 'unskilled_km' | 'unskilled_foreign'>): Workforce {
  return {
    officeKm: row.office_km, officeForeign: row.office_foreign, skilledKm: row.skilled_km, skilledForeign: row.skilled_foreign,
    unskilledKm: row.unskilled_km, unskilledForeign: row.unskilled_foreign,
  };
}

export const targetKindOf = (campaign: Pick<CampaignRow, 'kind'>): 'premises' | 'employer' =>
  campaign.kind === 'employer_declaration' ? 'employer' : 'premises';

/** The state a declaration received on `receivedOn` gives its target. */
export function declaredState(campaign: Pick<CampaignRow, 'deadline'>, declaration: Pick<DeclarationRow, 'status' | 'received_on'>): TargetState {
  if (declaration.status === 'exempt') return 'exempt';
  return declaration.received_on <= campaign.deadline ? 'on_time' : 'late';
}

interface Query { sql: string; params: (string | number)[] }

/**
 * One row per target of the campaign at `today`: kind, id, names, commune, the first declaration and the
 * state. Every target table read is an index range on its unit columns.
 */
export function targetsQuery(campaign: CampaignRow, today: string): Query {
  const kind = targetKindOf(campaign);
  const table = kind;
  const units = campaign.scope_units.split(' ').filter(Boolean);
  const byLevel = (digits: number) => units.filter((u) => u.length === digits);
  const scope: string[] = [];
  const params: (string | number)[] = [];
  for (const [column, digits] of [['province_code', 2], ['district_code', 4], ['commune_code', 6]] as const) {
    const codes = byLevel(digits);
    if (codes.length > 0) {
      scope.push(`t.${column} IN (${codes.map(() => '?').join(', ')})`);
      params.push(...codes);
    }
  }
  const where = [`(${scope.join(' OR ') || '0'})`];
  if (kind === 'premises') {
    where.push("t.status <> 'permanently_closed'");
    const types = campaign.target_types.split(' ').filter(Boolean);
    if (types.length > 0) { where.push(`t.type IN (${types.map(() => '?').join(', ')})`); params.push(...types); }
  } else {
    const sectors = campaign.target_sectors.split(SECTOR_SEPARATOR).map((s) => s.trim().toLowerCase()).filter(Boolean);
    if (sectors.length > 0) { where.push(`lower(trim(t.sector)) IN (${sectors.map(() => '?').join(', ')})`); params.push(...sectors); }
  }
  const pledge = kind === 'premises' ? "(d.pledge_signed = 1 OR t.pledge_status = 'signed')" : 'coalesce(d.pledge_signed, 0) = 1';
  const sql = `
    SELECT x.*, CASE
        WHEN x.decl_status = 'exempt' THEN 'exempt'
        WHEN x.declaration_id IS NOT NULL AND x.received_on <= ? THEN 'on_time'
        WHEN x.declaration_id IS NOT NULL THEN 'late'
        WHEN ? <= ? THEN 'not_yet'
        ELSE 'missing' END AS state
    FROM (
      SELECT '${kind}' AS kind, t.id AS id, t.name_latin AS name_latin, t.name_km AS name_km, t.commune_code AS commune_code,
        d.id AS declaration_id, d.received_on AS received_on, d.status AS decl_status, coalesce(${pledge}, 0) AS pledged,
        d.office_km, d.office_foreign, d.skilled_km, d.skilled_foreign, d.unskilled_km, d.unskilled_foreign,
        (SELECT count(*) FROM inspection i WHERE i.campaign_id = ? AND i.target_id = t.id) AS inspections
      FROM ${table} t
      LEFT JOIN declaration d ON d.id = (
        SELECT d2.id FROM declaration d2 WHERE d2.campaign_id = ? AND d2.target_id = t.id ORDER BY d2.received_on, d2.id LIMIT 1)
      WHERE ${where.join(' AND ')}
    ) x`;
  return { sql, params: [campaign.deadline, today, campaign.deadline, campaign.id, campaign.id, ...params] };
}

export interface TargetRow {
  kind: 'premises' | 'employer'; id: string; name_latin: string; name_km: string; commune_code: string; declaration_id: string | null;
  received_on: string | null; decl_status: string | null; pledged: number; state: TargetState; inspections: number;
  office_km: number | null; office_foreign: number | null; skilled_km: number | null; skilled_foreign: number | null;
  unskilled_km: number | null; unskilled_foreign: number | null;
}

export function overQuota(row: TargetRow): boolean {
  if (row.declaration_id === null || row.office_km === null) return false;
  return checkQuota(workforceOf(row as TargetRow & DeclarationRow)).over;
}

export function toTarget(db: Database, campaign: CampaignRow, row: TargetRow, today: string): CampaignTarget {
  const daysLate = row.state === 'late' && row.received_on
    ? daysBetween(campaign.deadline, row.received_on)
    : row.state === 'missing' ? daysBetween(campaign.deadline, today) : 0;
  return {
    kind: row.kind, id: row.id, nameLatin: row.name_latin, nameKm: row.name_km, communeCode: row.commune_code,
    ...placeNames(db, row.commune_code), state: row.state, declarationId: row.declaration_id, receivedOn: row.received_on,
    daysLate, overQuota: overQuota(row), pledgeSigned: row.pledged === 1, inspections: row.inspections,
  };
}

/** Targets filtered by state and unit, after `afterId`, `limit` rows. */
export function listTargets(db: Database, campaign: CampaignRow, today: string, filter: {
  state?: TargetState | undefined; unitCode?: string | undefined; afterId?: string | null; limit: number;
}): TargetRow[] {
  const q = targetsQuery(campaign, today);
  const where: string[] = [];
  const params = [...q.params];
  if (filter.state) { where.push('state = ?'); params.push(filter.state); }
  if (filter.unitCode) { where.push('commune_code LIKE ?'); params.push(`${filter.unitCode}%`); }
  if (filter.afterId) { where.push('id > ?'); params.push(filter.afterId); }
  return db.prepare(`SELECT * FROM (${q.sql}) ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`)
    .all(...params, filter.limit) as TargetRow[];
}

export const emptyCounts = (): StateCounts => ({ targets: 0, not_yet: 0, on_time: 0, late: 0, missing: 0, exempt: 0 });

/** Counts per state, in all and per commune. */
export function countTargets(db: Database, campaign: CampaignRow, today: string): { all: StateCounts; byCommune: Map<string, StateCounts> } {
  const q = targetsQuery(campaign, today);
  const rows = db.prepare(`SELECT commune_code, state, count(*) AS n FROM (${q.sql}) GROUP BY commune_code, state ORDER BY commune_code`)
    .all(...q.params) as { commune_code: string; state: TargetState; n: number }[];
  const all = emptyCounts();
  const byCommune = new Map<string, StateCounts>();
  for (const row of rows) {
    let counts = byCommune.get(row.commune_code);
    if (!counts) byCommune.set(row.commune_code, (counts = emptyCounts()));
    counts[row.state] += row.n;
    counts.targets += row.n;
    all[row.state] += row.n;
    all.targets += row.n;
  }
  return { all, byCommune };
}

export function campaignDays(campaign: CampaignRow, today: string): number {
  return daysBetween(today, campaign.deadline);
}
