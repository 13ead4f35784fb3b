import type { Database } from 'better-sqlite3';
import type { Stay } from '../../shared/contract/registration.js';
import type { EntitySpec } from './changes.js';

export const stayEntity: EntitySpec = {
  entity: 'stay',
  table: 'stay',
  columns: ['person_id', 'premises_id', 'room', 'arrived_at', 'reported_at', 'departed_on', 'late'],
};

interface StayRow {
  id: string; revision: number; person_id: string; premises_id: string; room: string; arrived_at: string; reported_at: string;
  departed_on: string | null; late: number; person_name: string; premises_name: string;
}

const SELECT = `SELECT s.*, trim(p.surname || ' ' || p.given_names) AS person_name, coalesce(pr.name_latin, '') AS premises_name
  FROM stay s JOIN person p ON p.id = s.person_id LEFT JOIN premises pr ON pr.id = s.premises_id`;

function toStay(row: StayRow): Stay {
  return {
    id: row.id, revision: row.revision, personId: row.person_id, premisesId: row.premises_id, personName: row.person_name,
    premisesName: row.premises_name, room: row.room, arrivedAt: row.arrived_at, reportedAt: row.reported_at,
    departedOn: row.departed_on, late: row.late === 1,
  };
}

export function getStay(db: Database, id: string): Stay | undefined {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as StayRow | undefined;
  return row ? toStay(row) : undefined;
}

export function staysOfPerson(db: Database, personId: string): Stay[] {
  return (db.prepare(`${SELECT} WHERE s.person_id = ? ORDER BY s.arrived_at DESC`).all(personId) as StayRow[]).map(toStay);
}

export function staysOfPremises(db: Database, premisesId: string, open: boolean, limit = 200): Stay[] {
  const sql = `${SELECT} WHERE s.premises_id = ? AND s.departed_on IS ${open ? '' : 'NOT '}NULL ORDER BY s.arrived_at DESC LIMIT ?`;
  return (db.prepare(sql).all(premisesId, limit) as StayRow[]).map(toStay);
}

export function openStayOf(db: Database, personId: string): Stay | undefined {
  const row = db.prepare(`${SELECT} WHERE s.person_id = ? AND s.departed_on IS NULL ORDER BY s.arrived_at DESC LIMIT 1`).get(personId) as StayRow | undefined;
  return row ? toStay(row) : undefined;
}

/** Milliseconds of an ISO date (midnight UTC) or date-time. */
export function instant(value: string): number {
  return Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
}

/** The 24-hour rule: reported more than a day after arrival. */
export function isLate(arrivedAt: string, reportedAt: string): boolean {
  return instant(reportedAt) - instant(arrivedAt) > 24 * 3600 * 1000;
}
