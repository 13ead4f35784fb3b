import type { Database } from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../shared/errors.js';
import { CODE_LISTS } from '../../shared/reference/codelists.js';
import type { EmployerInfo, ForeignerRow, OfficeInfo, OwnerInfo, Place, PremisesInfo, VisaInfo, WorkerRow } from '../print/documents/types.js';
import { insertRecord, nowIso, updateRecord, type EntitySpec, type WriteContext } from './changes.js';
import { getUnit } from './gazetteer.js';
import { addressLines } from '../print/address.js';

/** Reads what documents print from the registration tables; writes pledges through the change log. */

export const pledgeEntity: EntitySpec = {
  entity: 'pledge',
  table: 'pledge',
  columns: ['premises_id', 'doc_no', 'year', 'printed_at', 'signed_on', 'witness'],
};

/** Only the pledge status of a premises; the rest of the record belongs to registration. */
export const premisesPledgeEntity: EntitySpec = { entity: 'premises', table: 'premises', columns: ['pledge_status'] };

type R = Record<string, string | number | null>;

/** Commune, district, province as one line in Khmer and in Latin letters. */
export function placeOf(db: Database, communeCode: string): Place {
  const units = [communeCode, communeCode.slice(0, 4), communeCode.slice(0, 2)].filter((code, i, all) => code && all.indexOf(code) === i);
  const found = units.map((code) => getUnit(db, code)).filter((u) => u !== null);
  return {
    km: found.map((u) => `${u.typeKm}${u.nameKm}`).join(' '),
    latin: found.map((u) => u.nameLatin).join(', '),
  };
}

function addressOf(db: Database, row: R): Place {
  const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return addressLines({ houseNo: text(row.house_no), street: text(row.street), village: text(row.village) }, placeOf(db, String(row.commune_code)));
}

export function officeInfo(db: Database, office: { name: string; nameKm: string; unitCode: string } | null): OfficeInfo {
  if (!office) return { name: '', nameKm: '', place: { km: '', latin: '' } };
  return { name: office.name, nameKm: office.nameKm, place: office.unitCode ? placeOf(db, office.unitCode) : { km: 'រាជធានីភ្នំពេញ', latin: 'Phnom Penh' } };
}

export function premisesInfo(db: Database, id: string): PremisesInfo & { communeCode: string } {
  const row = db.prepare('SELECT * FROM premises WHERE id = ?').get(id) as R | undefined;
  if (!row) throw new AppError('print.notFound', { what: 'premises', id });
  const type = CODE_LISTS.premisesType?.find((t) => t.code === row.type);
  return {
    id,
    nameLatin: String(row.name_latin),
    nameKm: String(row.name_km),
    typeKm: type?.km ?? String(row.type),
    typeEn: type?.en ?? String(row.type),
    address: addressOf(db, row),
    phone: String(row.phone),
    businessRegNo: String(row.business_reg_no),
    communeCode: String(row.commune_code),
  };
}

export function ownerOf(db: Database, premisesId: string): OwnerInfo | null {
  const row = db
    .prepare(
      `SELECT o.*, l.role FROM premises_owner l JOIN owner o ON o.id = l.owner_id WHERE l.premises_id = ?
       ORDER BY CASE l.role WHEN 'owner' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END, l.id LIMIT 1`,
    )
    .get(premisesId) as R | undefined;
  if (!row) return null;
  return {
    nameLatin: `${row.surname} ${row.given_names}`.trim(),
    nameKm: String(row.name_km),
    sex: row.sex as OwnerInfo['sex'],
    birthDate: row.birth_date as string | null,
    nationality: String(row.nationality),
    idKind: row.id_kind as OwnerInfo['idKind'],
    idNumber: String(row.id_number),
    phone: String(row.phone),
    role: row.role as OwnerInfo['role'],
  };
}

export function foreignersOn(db: Database, premisesId: string): ForeignerRow[] {
  const rows = db
    .prepare(
      `SELECT p.*, s.arrived_at, s.room FROM stay s JOIN person p ON p.id = s.person_id
       WHERE s.premises_id = ? AND s.departed_on IS NULL ORDER BY p.surname, p.given_names`,
    )
    .all(premisesId) as R[];
  return rows.map((p) => ({
    name: `${p.surname} ${p.given_names}`.trim(),
    nameKm: String(p.name_km),
    sex: p.sex as ForeignerRow['sex'],
    nationality: String(p.nationality),
    passportNo: String(p.passport_no),
    arrivedAt: String(p.arrived_at),
    room: String(p.room),
  }));
}

/** The unsigned pledge of a premises, or a new one with the next number of the year. */
export function openPledge(ctx: WriteContext, premisesId: string, date: string): { id: string; docNo: string } {
  const row = ctx.db.prepare('SELECT id, doc_no FROM pledge WHERE premises_id = ? AND signed_on IS NULL ORDER BY printed_at DESC LIMIT 1').get(premisesId) as
    | { id: string; doc_no: string }
    | undefined;
  if (row) return { id: row.id, docNo: row.doc_no };
  const year = Number(date.slice(0, 4));
  const { n } = ctx.db.prepare('SELECT count(*) AS n FROM pledge WHERE year = ?').get(year) as { n: number };
  const docNo = `${String(n + 1).padStart(4, '0')}/${String(year).slice(2)}`;
  const id = uuidv7();
  insertRecord(ctx, pledgeEntity, id, { premises_id: premisesId, doc_no: docNo, year, printed_at: nowIso(), signed_on: null, witness: '' });
  return { id, docNo };
}

export const receiptEntity: EntitySpec = { entity: 'receipt', table: 'receipt', columns: ['stay_id', 'number', 'year', 'seq', 'printed_at'] };

/** The receipt number a stay already has at this office, or null. */
export function receiptNumberOf(db: Database, stayId: string, officeId: string): string | null {
  const row = db.prepare('SELECT number FROM receipt WHERE stay_id = ? AND origin_office = ? ORDER BY seq LIMIT 1').get(stayId, officeId) as { number: string } | undefined;
  return row?.number ?? null;
}

/**
 * The stay's receipt number at this office, given on first print: unit code, year, sequence
 * (`120101/2026/000042`), unique per office. Reprints show the same number.
 */
export function issueReceiptNumber(ctx: WriteContext, stayId: string, officeCode: string, date: string): string {
  const existing = receiptNumberOf(ctx.db, stayId, ctx.originOffice);
  if (existing) return existing;
  const year = Number(date.slice(0, 4));
  const { last } = ctx.db.prepare('SELECT max(seq) AS last FROM receipt WHERE origin_office = ? AND year = ?').get(ctx.originOffice, year) as { last: number | null };
  const seq = (last ?? 0) + 1;
  const number = `${officeCode || '00'}/${year}/${String(seq).padStart(6, '0')}`;
  insertRecord(ctx, receiptEntity, uuidv7(), { stay_id: stayId, number, year, seq, printed_at: nowIso() });
  return number;
}

/** The pledge's number if it has one, for a preview that must not number it. */
export function pledgeNumberOf(db: Database, premisesId: string): string | null {
  const row = db.prepare('SELECT doc_no FROM pledge WHERE premises_id = ? AND signed_on IS NULL ORDER BY printed_at DESC LIMIT 1').get(premisesId) as { doc_no: string } | undefined;
  return row?.doc_no ?? null;
}

export function setPledgeStatus(ctx: WriteContext, premisesId: string, status: 'printed' | 'signed'): void {
  const current = ctx.db.prepare('SELECT pledge_status FROM premises WHERE id = ?').get(premisesId) as { pledge_status: string } | undefined;
  if (!current) throw new AppError('print.notFound', { what: 'premises', id: premisesId });
  if (status === 'printed' && current.pledge_status !== 'none') return;
  updateRecord(ctx, premisesPledgeEntity, premisesId, { pledge_status: status });
}

export function recordSigned(ctx: WriteContext, premisesId: string, signedOn: string, witness: string): { docNo: string } {
  const pledge = openPledge(ctx, premisesId, signedOn);
  updateRecord(ctx, pledgeEntity, pledge.id, { signed_on: signedOn, witness });
  setPledgeStatus(ctx, premisesId, 'signed');
  return { docNo: pledge.docNo };
}

export function premisesInCommune(db: Database, communeCode: string): string[] {
  return (db.prepare('SELECT id FROM premises WHERE commune_code = ? ORDER BY name_latin, id').all(communeCode) as { id: string }[]).map((r) => r.id);
}

export function employerInfo(db: Database, id: string): EmployerInfo {
  const row = db.prepare('SELECT * FROM employer WHERE id = ?').get(id) as R | undefined;
  if (!row) throw new AppError('print.notFound', { what: 'employer', id });
  const { n } = db.prepare('SELECT count(*) AS n FROM employment WHERE employer_id = ? AND end_date IS NULL').get(id) as { n: number };
  const total = Number(row.workforce_total);
  const cambodian = Number(row.cambodian_count);
  return {
    id,
    nameLatin: String(row.name_latin),
    nameKm: String(row.name_km),
    registrationNo: String(row.registration_no),
    sector: String(row.sector),
    address: addressOf(db, row),
    phone: String(row.phone),
    workforceTotal: total,
    cambodianCount: cambodian,
    declaredForeign: Math.max(0, total - cambodian),
    registeredForeign: n,
  };
}

export function workersOf(db: Database, employerId: string): WorkerRow[] {
  const rows = db
    .prepare(
      `SELECT p.surname, p.given_names, p.nationality, p.passport_no, p.visa_type, p.visa_no, p.visa_expiry,
              e.job_title, e.work_permit_no, e.receipt_no, e.work_status,
              (SELECT pr.name_latin || CASE WHEN s.room <> '' THEN ', ' || s.room ELSE '' END FROM stay s JOIN premises pr ON pr.id = s.premises_id
                WHERE s.person_id = p.id AND s.departed_on IS NULL LIMIT 1) AS lodging
       FROM employment e JOIN person p ON p.id = e.person_id
       WHERE e.employer_id = ? AND e.end_date IS NULL ORDER BY p.surname, p.given_names`,
    )
    .all(employerId) as R[];
  return rows.map((r) => ({
    name: `${r.surname} ${r.given_names}`.trim(),
    nationality: String(r.nationality),
    passportNo: String(r.passport_no),
    visa: visaOf(r),
    permit: String(r.work_status === 'application_submitted' ? r.receipt_no : r.work_permit_no),
    workStatus: r.work_status as WorkerRow['workStatus'],
    job: String(r.job_title),
    accommodation: String(r.lodging ?? ''),
  }));
}

export function visaOf(row: R): VisaInfo {
  return { type: String(row.visa_type ?? ''), number: String(row.visa_no ?? ''), expiry: row.visa_expiry ? String(row.visa_expiry) : null };
}

export function stayRow(db: Database, stayId: string): R {
  const row = db
    .prepare(
      `SELECT s.*, p.surname, p.given_names, p.name_km, p.sex, p.birth_date, p.nationality, p.passport_no, p.visa_type, p.visa_no, p.visa_expiry
       FROM stay s JOIN person p ON p.id = s.person_id WHERE s.id = ?`,
    )
    .get(stayId) as R | undefined;
  if (!row) throw new AppError('print.notFound', { what: 'stay', id: stayId });
  return row;
}
