import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Office } from '../../shared/contract/foundation.js';
import type { EntitySpec } from './changes.js';
import { stmt } from './statements.js';

export const officeEntity: EntitySpec = { entity: 'office', table: 'office', columns: ['level', 'unit_code', 'name', 'name_km', 'created_at'] };

interface OfficeRow {
  id: string;
  level: Office['level'];
  unit_code: string;
  name: string;
  name_km: string;
  created_at: string;
}

export function getOffice(db: Database): Office | null {
  const row = stmt(db, 'SELECT id, level, unit_code, name, name_km, created_at FROM office LIMIT 1').get() as OfficeRow | undefined;
  if (!row) return null;
  return { id: row.id, level: row.level, unitCode: row.unit_code, name: row.name, nameKm: row.name_km, createdAt: row.created_at };
}
