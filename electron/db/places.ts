import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.js';

interface UnitName { name_latin: string; name_km: string; parent_code: string | null; level: string }

const cache = new WeakMap<Database, Map<string, UnitName | null>>();

function unit(db: Database, code: string): UnitName | null {
  let units = cache.get(db);
  if (!units) cache.set(db, (units = new Map()));
  if (!units.has(code)) {
    units.set(code, (db.prepare('SELECT name_latin, name_km, parent_code, level FROM admin_unit WHERE id = ?').get(code) as UnitName | undefined) ?? null);
  }
  return units.get(code) ?? null;
}

/** Gazetteer imports change names: forget what was cached. */
export function forgetPlaces(db: Database): void {
  cache.delete(db);
}

/** Province, district and commune codes of a commune the gazetteer knows; `registration.unknownCommune` otherwise. */
export function communeCodes(db: Database, communeCode: string) {
  const commune = unit(db, communeCode);
  if (!commune || commune.level !== 'commune') throw new AppError('registration.unknownCommune', { code: communeCode });
  return { province_code: communeCode.slice(0, 2), district_code: communeCode.slice(0, 4), commune_code: communeCode };
}

/** "Commune, District, Province" in Latin and Khmer script. */
export function placeNames(db: Database, communeCode: string): { placeLatin: string; placeKm: string } {
  const chain = [communeCode, communeCode.slice(0, 4), communeCode.slice(0, 2)].map((code) => unit(db, code)).filter((u) => u !== null);
  return { placeLatin: chain.map((u) => u.name_latin).join(', '), placeKm: chain.map((u) => u.name_km).join(', ') };
}
