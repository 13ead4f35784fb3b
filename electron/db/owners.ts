import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Owner } from '../../shared/contract/registration.js';
import type { EntitySpec } from './changes.js';

export const ownerEntity: EntitySpec = {
  entity: 'owner',
  table: 'owner',
  columns: ['surname', 'given_names', 'name_km', 'sex', 'birth_date', 'nationality', 'id_kind', 'id_number', 'phone', 'created_at'],
};

export const premisesOwnerEntity: EntitySpec = {
  entity: 'premises_owner',
  table: 'premises_owner',
  columns: ['owner_id', 'premises_id', 'role', 'since'],
};

export interface OwnerRow {
  id: string; revision: number; surname: string; given_names: string; name_km: string; sex: Owner['sex'];
  birth_date: string | null; nationality: string; id_kind: Owner['idKind']; id_number: string; phone: string;
}

export function toOwner(row: OwnerRow): Owner {
  return {
    id: row.id, revision: row.revision, surname: row.surname, givenNames: row.given_names, nameKm: row.name_km, sex: row.sex,
    birthDate: row.birth_date, nationality: row.nationality, idKind: row.id_kind, idNumber: row.id_number, phone: row.phone,
  };
}

export function getOwnerRow(db: Database, id: string): OwnerRow | undefined {
  return db.prepare('SELECT * FROM owner WHERE id = ?').get(id) as OwnerRow | undefined;
}

interface LinkRow { id: string; owner_id: string; premises_id: string; role: 'owner' | 'manager' | 'landlord'; since: string | null; owner_name: string; premises_name: string }

const LINK_SELECT = `SELECT l.*, trim(o.surname || ' ' || o.given_names) AS owner_name, p.name_latin AS premises_name
  FROM premises_owner l JOIN owner o ON o.id = l.owner_id JOIN premises p ON p.id = l.premises_id`;

function toLink(row: LinkRow) {
  return { linkId: row.id, ownerId: row.owner_id, premisesId: row.premises_id, role: row.role, since: row.since, ownerName: row.owner_name, premisesName: row.premises_name };
}

export function linksOf(db: Database, by: 'owner_id' | 'premises_id', id: string) {
  return (db.prepare(`${LINK_SELECT} WHERE l.${by} = ? ORDER BY l.id`).all(id) as LinkRow[]).map(toLink);
}

export function getLink(db: Database, linkId: string) {
  const row = db.prepare(`${LINK_SELECT} WHERE l.id = ?`).get(linkId) as LinkRow | undefined;
  return row ? toLink(row) : undefined;
}
