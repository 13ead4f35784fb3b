import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Premises } from '../../shared/contract/registration.js';
import type { EntitySpec } from './changes.js';
import { placeNames } from './places.js';

export const premisesEntity: EntitySpec = {
  entity: 'premises',
  table: 'premises',
  columns: [
    'name_latin', 'name_km', 'type', 'province_code', 'district_code', 'commune_code', 'village', 'street', 'house_no',
    'latitude', 'longitude', 'rooms', 'beds', 'business_reg_no', 'phone', 'status', 'closed_on', 'close_reason',
    'pledge_status', 'created_at',
  ],
};

export interface PremisesRow {
  id: string; revision: number; name_latin: string; name_km: string; type: Premises['type'];
  province_code: string; district_code: string; commune_code: string; village: string; street: string; house_no: string;
  latitude: number | null; longitude: number | null; rooms: number | null; beds: number | null;
  business_reg_no: string; phone: string; status: Premises['status']; closed_on: string | null; close_reason: string;
  pledge_status: Premises['pledgeStatus']; created_at: string;
}

export function foreignersNow(db: Database, premisesId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM stay WHERE premises_id = ? AND departed_on IS NULL').get(premisesId) as { n: number }).n;
}

export function toPremises(db: Database, row: PremisesRow): Premises {
  return {
    id: row.id, revision: row.revision, nameLatin: row.name_latin, nameKm: row.name_km, type: row.type,
    provinceCode: row.province_code, districtCode: row.district_code, communeCode: row.commune_code,
    village: row.village, street: row.street, houseNo: row.house_no, ...placeNames(db, row.commune_code),
    latitude: row.latitude, longitude: row.longitude, rooms: row.rooms, beds: row.beds,
    businessRegNo: row.business_reg_no, phone: row.phone, status: row.status, closedOn: row.closed_on,
    closeReason: row.close_reason, pledgeStatus: row.pledge_status, foreignersNow: foreignersNow(db, row.id), createdAt: row.created_at,
  };
}

export function getPremisesRow(db: Database, id: string): PremisesRow | undefined {
  return db.prepare('SELECT * FROM premises WHERE id = ?').get(id) as PremisesRow | undefined;
}

/** Column of the unit filter for a 2-, 4- or 6-digit code. */
export function unitColumn(code: string): 'province_code' | 'district_code' | 'commune_code' {
  return code.length === 2 ? 'province_code' : code.length === 4 ? 'district_code' : 'commune_code';
}

export interface PremisesFilter {
  unitCode?: string | undefined; type?: string | undefined; status?: string | undefined;
  ids?: string[] | undefined; noSignedPledge?: boolean | undefined; after: string | null; limit: number;
}

/** Keyset on id (creation order). */
export function listPremisesRows(db: Database, filter: PremisesFilter): PremisesRow[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.unitCode) { where.push(`${unitColumn(filter.unitCode)} = ?`); params.push(filter.unitCode); }
  if (filter.type) { where.push('type = ?'); params.push(filter.type); }
  if (filter.status) { where.push('status = ?'); params.push(filter.status); }
  if (filter.ids) { where.push(`id IN (${filter.ids.map(() => '?').join(', ') || "''"})`); params.push(...filter.ids); }
  if (filter.noSignedPledge) {
    where.push("pledge_status <> 'signed' AND status <> 'permanently_closed' AND EXISTS (SELECT 1 FROM stay s WHERE s.premises_id = premises.id AND s.departed_on IS NULL)");
  }
  if (filter.after) { where.push('id > ?'); params.push(filter.after); }
  const sql = `SELECT * FROM premises ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`;
  return db.prepare(sql).all(...params, filter.limit + 1) as PremisesRow[];
}
