import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AdminUnit } from '../../shared/contract/foundation.js';
import type { EntitySpec, Row } from './changes.js';

export const adminUnitEntity: EntitySpec = {
  entity: 'admin_unit',
  table: 'admin_unit',
  columns: ['level', 'parent_code', 'type_km', 'type_latin', 'type_en', 'name_km', 'name_latin', 'name_en', 'retired'],
};

export const referenceVersionEntity: EntitySpec = {
  entity: 'reference_version',
  table: 'reference_version',
  columns: ['version', 'imported_at', 'row_count'],
};

interface AdminUnitRow {
  id: string;
  level: AdminUnit['level'];
  parent_code: string | null;
  type_km: string;
  type_latin: string;
  type_en: string;
  name_km: string;
  name_latin: string;
  name_en: string;
  retired: number;
}

export function adminUnitToRow(unit: AdminUnit): Row {
  return {
    level: unit.level,
    parent_code: unit.parentCode,
    type_km: unit.typeKm,
    type_latin: unit.typeLatin,
    type_en: unit.typeEn,
    name_km: unit.nameKm,
    name_latin: unit.nameLatin,
    name_en: unit.nameEn,
    retired: 0,
  };
}

function rowToAdminUnit(row: AdminUnitRow): AdminUnit {
  return {
    code: row.id,
    level: row.level,
    parentCode: row.parent_code,
    typeKm: row.type_km,
    typeLatin: row.type_latin,
    typeEn: row.type_en,
    nameKm: row.name_km,
    nameLatin: row.name_latin,
    nameEn: row.name_en,
  };
}

export interface UnitQuery {
  parentCode?: string | null | undefined;
  level?: AdminUnit['level'] | undefined;
  codes?: string[] | undefined;
}

export function listUnits(db: Database, query: UnitQuery): AdminUnit[] {
  const where = ['retired = 0'];
  const params: unknown[] = [];
  if (query.codes) {
    if (query.codes.length === 0) return [];
    where.push(`id IN (${query.codes.map(() => '?').join(', ')})`);
    params.push(...query.codes);
  }
  if (query.parentCode !== undefined) {
    where.push(query.parentCode === null ? 'parent_code IS NULL' : 'parent_code = ?');
    if (query.parentCode !== null) params.push(query.parentCode);
  }
  if (query.level) {
    where.push('level = ?');
    params.push(query.level);
  }
  const rows = db.prepare(`SELECT * FROM admin_unit WHERE ${where.join(' AND ')} ORDER BY id`).all(...params) as AdminUnitRow[];
  return rows.map(rowToAdminUnit);
}

export function allUnitRows(db: Database): Map<string, AdminUnitRow> {
  const rows = db.prepare('SELECT * FROM admin_unit').all() as AdminUnitRow[];
  return new Map(rows.map((row) => [row.id, row]));
}

export function getUnit(db: Database, code: string): AdminUnit | null {
  const row = db.prepare('SELECT * FROM admin_unit WHERE id = ?').get(code) as AdminUnitRow | undefined;
  return row ? rowToAdminUnit(row) : null;
}

export interface ReferenceVersion {
  list: string;
  version: string;
  importedAt: string;
  rowCount: number;
}

export function referenceVersions(db: Database): ReferenceVersion[] {
  const rows = db.prepare('SELECT id, version, imported_at, row_count FROM reference_version ORDER BY id').all() as {
    id: string;
    version: string;
    imported_at: string;
    row_count: number;
  }[];
  return rows.map((r) => ({ list: r.id, version: r.version, importedAt: r.imported_at, rowCount: r.row_count }));
}
