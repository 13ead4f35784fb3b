import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Employer, Employment } from '../../shared/contract/registration.js';
import type { EntitySpec } from './changes.js';
import { placeNames } from './places.js';
import { stmt } from './statements.js';

export const FOREIGN_CAP = 0.1;

export const employerEntity: EntitySpec = {
  entity: 'employer',
  table: 'employer',
  columns: [
    'name_latin', 'name_km', 'registration_no', 'sector', 'province_code', 'district_code', 'commune_code', 'village', 'street',
    'house_no', 'workforce_total', 'cambodian_count', 'phone', 'created_at',
  ],
};

export const employmentEntity: EntitySpec = {
  entity: 'employment',
  table: 'employment',
  columns: ['person_id', 'employer_id', 'job_title', 'start_date', 'end_date', 'work_permit_no', 'work_permit_expiry', 'employment_card_no', 'work_status', 'receipt_no'],
};

export interface EmployerRow {
  id: string; revision: number; name_latin: string; name_km: string; registration_no: string; sector: string;
  province_code: string; district_code: string; commune_code: string; village: string; street: string; house_no: string;
  workforce_total: number; cambodian_count: number; phone: string;
}

export function getEmployerRow(db: Database, id: string): EmployerRow | undefined {
  return stmt(db, 'SELECT * FROM employer WHERE id = ?').get(id) as EmployerRow | undefined;
}

export function toEmployer(db: Database, row: EmployerRow): Employer {
  const registeredForeign = (stmt(db, 'SELECT count(DISTINCT person_id) AS n FROM employment WHERE employer_id = ? AND end_date IS NULL').get(row.id) as { n: number }).n;
  const declaredForeign = Math.max(0, row.workforce_total - row.cambodian_count);
  const foreignShare = row.workforce_total > 0 ? Math.max(declaredForeign, registeredForeign) / row.workforce_total : 0;
  return {
    id: row.id, revision: row.revision, nameLatin: row.name_latin, nameKm: row.name_km, registrationNo: row.registration_no,
    sector: row.sector, provinceCode: row.province_code, districtCode: row.district_code, communeCode: row.commune_code,
    village: row.village, street: row.street, houseNo: row.house_no, ...placeNames(db, row.commune_code),
    workforceTotal: row.workforce_total, cambodianCount: row.cambodian_count, phone: row.phone,
    declaredForeign, registeredForeign, foreignShare, cap: FOREIGN_CAP, overCap: foreignShare > FOREIGN_CAP,
  };
}

interface EmploymentRow {
  id: string; revision: number; person_id: string; employer_id: string; job_title: string; start_date: string; end_date: string | null;
  work_permit_no: string; work_permit_expiry: string | null; employment_card_no: string; work_status: Employment['workStatus'];
  receipt_no: string; person_name: string; employer_name: string;
}

const SELECT = `SELECT e.*, trim(p.surname || ' ' || p.given_names) AS person_name, coalesce(m.name_latin, '') AS employer_name
  FROM employment e JOIN person p ON p.id = e.person_id LEFT JOIN employer m ON m.id = e.employer_id`;

function toEmployment(row: EmploymentRow): Employment {
  return {
    id: row.id, revision: row.revision, personId: row.person_id, employerId: row.employer_id, personName: row.person_name,
    employerName: row.employer_name, jobTitle: row.job_title, startDate: row.start_date, endDate: row.end_date,
    workPermitNo: row.work_permit_no, workPermitExpiry: row.work_permit_expiry, employmentCardNo: row.employment_card_no,
    workStatus: row.work_status, receiptNo: row.receipt_no,
  };
}

export function getEmployment(db: Database, id: string): Employment | undefined {
  const row = stmt(db, `${SELECT} WHERE e.id = ?`).get(id) as EmploymentRow | undefined;
  return row ? toEmployment(row) : undefined;
}

export function employmentsOf(db: Database, by: 'person_id' | 'employer_id', id: string, limit = 500): Employment[] {
  return (stmt(db, `${SELECT} WHERE e.${by} = ? ORDER BY e.start_date DESC LIMIT ?`).all(id, limit) as EmploymentRow[]).map(toEmployment);
}
