import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Stay } from '../../shared/contract/registration.js';
import { DEFAULT_TIME_ZONE, instantOf, normaliseDateTime } from '../../shared/local-time.js';
import type { EntitySpec } from './changes.js';
import { stmt } from './statements.js';

export const stayEntity: EntitySpec = {
  entity: 'stay',
  table: 'stay',
  columns: ['person_id', 'premises_id', 'room', 'arrived_at', 'reported_at', 'departed_on', 'departed_at', 'late', 'change_reason'],
};

interface StayRow {
  id: string; revision: number; person_id: string; premises_id: string; room: string; arrived_at: string; reported_at: string;
  departed_on: string | null; departed_at: string | null; late: number; change_reason: string; person_name: string; premises_name: string;
}

const SELECT = `SELECT s.*, trim(p.surname || ' ' || p.given_names) AS person_name, coalesce(pr.name_latin, '') AS premises_name
  FROM stay s JOIN person p ON p.id = s.person_id LEFT JOIN premises pr ON pr.id = s.premises_id`;

function toStay(row: StayRow): Stay {
  return {
    id: row.id, revision: row.revision, personId: row.person_id, premisesId: row.premises_id, personName: row.person_name,
    premisesName: row.premises_name, room: row.room, arrivedAt: row.arrived_at, reportedAt: row.reported_at,
    departedOn: row.departed_on, departedAt: row.departed_at, late: row.late === 1, changeReason: row.change_reason,
  };
}

export function getStay(db: Database, id: string): Stay | undefined {
  const row = stmt(db, `${SELECT} WHERE s.id = ?`).get(id) as StayRow | undefined;
  return row ? toStay(row) : undefined;
}

export function staysOfPerson(db: Database, personId: string): Stay[] {
  return (stmt(db, `${SELECT} WHERE s.person_id = ? ORDER BY s.arrived_at DESC`).all(personId) as StayRow[]).map(toStay);
}

export function staysOfPremises(db: Database, premisesId: string, open: boolean, limit = 200): Stay[] {
  const sql = `${SELECT} WHERE s.premises_id = ? AND s.departed_on IS ${open ? '' : 'NOT '}NULL ORDER BY s.arrived_at DESC LIMIT ?`;
  return (db.prepare(sql).all(premisesId, limit) as StayRow[]).map(toStay);
}

export function openStayOf(db: Database, personId: string): Stay | undefined {
  const row = stmt(db, `${SELECT} WHERE s.person_id = ? AND s.departed_on IS NULL ORDER BY s.arrived_at DESC LIMIT 1`).get(personId) as StayRow | undefined;
  return row ? toStay(row) : undefined;
}

/** Milliseconds of a stored or typed time: a date is the office's midnight, a local date-time is read in the office's zone. */
export function instant(value: string, zone: string = DEFAULT_TIME_ZONE): number {
  return instantOf(value, zone);
}

/** The 24-hour rule: reported more than 24 hours after arrival (24 hours and 1 minute is late). */
export function isLate(arrivedAt: string, reportedAt: string, zone: string = DEFAULT_TIME_ZONE): boolean {
  return instant(reportedAt, zone) - instant(arrivedAt, zone) > 24 * 3600 * 1000;
}

/** The stored form of a time (office local with offset); unreadable values are left for the caller's check. */
export function stored(value: string, zone: string = DEFAULT_TIME_ZONE): string {
  return normaliseDateTime(value, zone) ?? value;
}
