import type { Migration } from './registry.js';

export const BUILTIN_GAZETTEER_VERSION = 'builtin-provinces-1';

/** Code, type (Khmer, Latin, English), name (Khmer, Latin, English) of the 25 provinces as shipped at version 2. */
const PROVINCES_AT_VERSION_2: readonly (readonly [string, string, string, string, string, string, string])[] = [
  ['01', 'ខេត្ត', 'Khaet', 'Province', 'បន្ទាយមានជ័យ', 'Banteay Meanchey', 'Banteay Meanchey'],
  ['02', 'ខេត្ត', 'Khaet', 'Province', 'បាត់ដំបង', 'Battambang', 'Battambang'],
  ['03', 'ខេត្ត', 'Khaet', 'Province', 'កំពង់ចាម', 'Kampong Cham', 'Kampong Cham'],
  ['04', 'ខេត្ត', 'Khaet', 'Province', 'កំពង់ឆ្នាំង', 'Kampong Chhnang', 'Kampong Chhnang'],
  ['05', 'ខេត្ត', 'Khaet', 'Province', 'កំពង់ស្ពឺ', 'Kampong Speu', 'Kampong Speu'],
  ['06', 'ខេត្ត', 'Khaet', 'Province', 'កំពង់ធំ', 'Kampong Thom', 'Kampong Thom'],
  ['07', 'ខេត្ត', 'Khaet', 'Province', 'កំពត', 'Kampot', 'Kampot'],
  ['08', 'ខេត្ត', 'Khaet', 'Province', 'កណ្ដាល', 'Kandal', 'Kandal'],
  ['09', 'ខេត្ត', 'Khaet', 'Province', 'កោះកុង', 'Koh Kong', 'Koh Kong'],
  ['10', 'ខេត្ត', 'Khaet', 'Province', 'ក្រចេះ', 'Kratie', 'Kratie'],
  ['11', 'ខេត្ត', 'Khaet', 'Province', 'មណ្ឌលគិរី', 'Mondul Kiri', 'Mondul Kiri'],
  ['12', 'រាជធានី', 'Reach Theani', 'Capital', 'ភ្នំពេញ', 'Phnom Penh', 'Phnom Penh'],
  ['13', 'ខេត្ត', 'Khaet', 'Province', 'ព្រះវិហារ', 'Preah Vihear', 'Preah Vihear'],
  ['14', 'ខេត្ត', 'Khaet', 'Province', 'ព្រៃវែង', 'Prey Veng', 'Prey Veng'],
  ['15', 'ខេត្ត', 'Khaet', 'Province', 'ពោធិ៍សាត់', 'Pursat', 'Pursat'],
  ['16', 'ខេត្ត', 'Khaet', 'Province', 'រតនគិរី', 'Ratanak Kiri', 'Ratanak Kiri'],
  ['17', 'ខេត្ត', 'Khaet', 'Province', 'សៀមរាប', 'Siemreap', 'Siemreap'],
  ['18', 'ខេត្ត', 'Khaet', 'Province', 'ព្រះសីហនុ', 'Preah Sihanouk', 'Preah Sihanouk'],
  ['19', 'ខេត្ត', 'Khaet', 'Province', 'ស្ទឹងត្រែង', 'Stung Treng', 'Stung Treng'],
  ['20', 'ខេត្ត', 'Khaet', 'Province', 'ស្វាយរៀង', 'Svay Rieng', 'Svay Rieng'],
  ['21', 'ខេត្ត', 'Khaet', 'Province', 'តាកែវ', 'Takeo', 'Takeo'],
  ['22', 'ខេត្ត', 'Khaet', 'Province', 'ឧត្ដរមានជ័យ', 'Oddar Meanchey', 'Oddar Meanchey'],
  ['23', 'ខេត្ត', 'Khaet', 'Province', 'កែប', 'Kep', 'Kep'],
  ['24', 'ខេត្ត', 'Khaet', 'Province', 'ប៉ៃលិន', 'Pailin', 'Pailin'],
  ['25', 'ខេត្ត', 'Khaet', 'Province', 'ត្បូងឃ្មុំ', 'Tboung Khmum', 'Tboung Khmum'],
];

/**
 * Seeds the provinces with their change-log entries, so sync sees them like any other record.
 * Frozen: self-contained SQL with the tables, columns and log format of version 2 — it must not
 * follow later changes to the write path or to the live reference list.
 */
export const builtinProvinces: Migration = {
  version: 2,
  name: 'builtin provinces',
  up(db) {
    const at = new Date().toISOString();
    const insertUnit = db.prepare(
      `INSERT INTO admin_unit (id, origin_office, revision, level, parent_code, type_km, type_latin, type_en, name_km, name_latin, name_en)
       VALUES (?, 'builtin', 1, 'province', NULL, ?, ?, ?, ?, ?, ?)`,
    );
    const logInsert = db.prepare(
      `INSERT INTO change_log (entity, record_id, op, actor, at, origin_office, revision, before_json, after_json)
       VALUES (?, ?, 'insert', 'system', ?, 'builtin', 1, NULL, ?)`,
    );
    for (const [code, typeKm, typeLatin, typeEn, nameKm, nameLatin, nameEn] of PROVINCES_AT_VERSION_2) {
      insertUnit.run(code, typeKm, typeLatin, typeEn, nameKm, nameLatin, nameEn);
      const after = { level: 'province', parent_code: null, type_km: typeKm, type_latin: typeLatin, type_en: typeEn, name_km: nameKm, name_latin: nameLatin, name_en: nameEn };
      logInsert.run('admin_unit', code, at, JSON.stringify(after));
    }
    const imported = new Date(0).toISOString();
    db.prepare(`INSERT INTO reference_version (id, origin_office, revision, version, imported_at, row_count) VALUES ('gazetteer', 'builtin', 1, ?, ?, ?)`).run(
      BUILTIN_GAZETTEER_VERSION,
      imported,
      PROVINCES_AT_VERSION_2.length,
    );
    logInsert.run('reference_version', 'gazetteer', at, JSON.stringify({ version: BUILTIN_GAZETTEER_VERSION, imported_at: imported, row_count: PROVINCES_AT_VERSION_2.length }));
  },
};
