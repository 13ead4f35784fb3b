import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError, type ErrorDetail, type ErrorParams } from '../../shared/errors.js';
import { shownId } from '../../shared/validation/rules.js';
import { getOffice } from '../db/office.js';
import { currentDirectory, nationalTrust } from './directory.js';

/** An office as people know it, in each language. */
export interface OfficeLabel {
  en: string;
  km: string;
}

interface Known {
  name: string;
  nameKm: string;
  unitCode: string;
}

const KHMER = /[\u1780-\u17ff]/;

/**
 * Office id → its name in English and Khmer, from what this register knows: its own office (both
 * names), the key directory in effect, cards added at the national office and the pinned national
 * card (one name each, as the office typed it). A name with no Khmer gets the office's place from
 * the gazetteer in Khmer (`សង្កាត់ទន្លេបាសាក់`), as the unit pickers write it. Null: not known here.
 */
export function officeLabels(db: Database): (id: string) => OfficeLabel | null {
  const known = new Map<string, Known>();
  const add = (id: string, entry: Known) => {
    if (!known.has(id)) known.set(id, entry);
  };
  const self = getOffice(db);
  if (self) add(self.id, { name: self.name, nameKm: self.nameKm, unitCode: self.unitCode });
  for (const e of currentDirectory(db)?.entries ?? []) add(e.officeId, { name: e.name, nameKm: '', unitCode: e.unitCode });
  const cards = db.prepare('SELECT entry_json FROM sync_directory_entry').pluck().all() as string[];
  for (const json of cards) {
    const e = JSON.parse(json) as { officeId: string; name: string; unitCode: string };
    add(e.officeId, { name: e.name, nameKm: '', unitCode: e.unitCode });
  }
  const trust = nationalTrust(db);
  if (trust) add(trust.officeId, { name: trust.name, nameKm: '', unitCode: trust.unitCode });
  const place = db.prepare('SELECT type_km || name_km FROM admin_unit WHERE id = ?').pluck();
  return (id) => {
    const office = known.get(id);
    if (!office) return null;
    const km = office.nameKm || (KHMER.test(office.name) ? office.name : '') ||
      (office.unitCode ? (place.get(office.unitCode) as string | undefined) ?? '' : '') || office.name;
    return { en: office.name || km, km };
  };
}

/** Params of sync messages that hold an office id. */
const OFFICE_PARAMS = ['office', 'origin', 'owner'] as const;

/**
 * The error's office ids replaced by office names: `office` in English, `officeKm` in Khmer (the
 * message picks the one in its language, shared/i18n errorMessage). An office not known here keeps
 * its id (shortened), the only thing that still tells it apart.
 */
export function withOfficeNames<T extends ErrorDetail>(db: Database, error: T, labels = officeLabels(db)): T {
  const named = (params: ErrorParams | undefined): ErrorParams | undefined => {
    if (!params) return params;
    const out: ErrorParams = { ...params };
    for (const key of OFFICE_PARAMS) {
      const value = params[key];
      if (typeof value !== 'string') continue;
      const label = labels(value);
      if (label) {
        out[key] = label.en;
        out[`${key}Km`] = label.km;
      } else {
        out[key] = shownId(value);
      }
    }
    return out;
  };
  const details = (error as { details?: ErrorDetail[] }).details;
  const params = named(error.params);
  return {
    ...error,
    ...(params ? { params } : {}),
    ...(details ? { details: details.map((d) => withOfficeNames(db, d, labels)) } : {}),
  };
}

/** The same for an AppError on its way out of a sync operation. */
export function appErrorWithOfficeNames(db: Database, error: AppError): AppError {
  const shape = withOfficeNames(db, error.toShape());
  return new AppError(shape.code, shape.params, shape.details);
}
