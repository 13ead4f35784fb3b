import type { Migration } from './registry.js';

/**
 * The office's name in Khmer beside the existing name (English/Latin): Khmer documents print the
 * Khmer name, English ones the other. Offices set up before this keep '' until it is filled in.
 */
export const officeNameKm: Migration = {
  version: 44,
  name: 'office_name_km',
  up(db) {
    db.exec(`ALTER TABLE office ADD COLUMN name_km TEXT NOT NULL DEFAULT ''`);
  },
};
