import { SYSTEM_ACTOR } from '../../../shared/actor.js';
import { BUILTIN_PROVINCES } from '../../../shared/reference/provinces.js';
import { insertRecord } from '../changes.js';
import type { Migration } from './registry.js';

export const BUILTIN_GAZETTEER_VERSION = 'builtin-provinces-1';

/** Seeds the provinces through the change log, so sync sees them like any other record. Frozen: columns as of version 2. */
export const builtinProvinces: Migration = {
  version: 2,
  name: 'builtin provinces',
  up(db) {
    const ctx = { db, actor: SYSTEM_ACTOR, originOffice: 'builtin' };
    const unitSpec = {
      entity: 'admin_unit',
      table: 'admin_unit',
      columns: ['level', 'parent_code', 'type_km', 'type_latin', 'type_en', 'name_km', 'name_latin', 'name_en'],
    };
    for (const unit of BUILTIN_PROVINCES) {
      insertRecord(ctx, unitSpec, unit.code, {
        level: unit.level,
        parent_code: unit.parentCode,
        type_km: unit.typeKm,
        type_latin: unit.typeLatin,
        type_en: unit.typeEn,
        name_km: unit.nameKm,
        name_latin: unit.nameLatin,
        name_en: unit.nameEn,
      });
    }
    const versionSpec = { entity: 'reference_version', table: 'reference_version', columns: ['version', 'imported_at', 'row_count'] };
    insertRecord(ctx, versionSpec, 'gazetteer', {
      version: BUILTIN_GAZETTEER_VERSION,
      imported_at: new Date(0).toISOString(),
      row_count: BUILTIN_PROVINCES.length,
    });
  },
};
