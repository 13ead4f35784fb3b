import type { Database } from 'better-sqlite3-multiple-ciphers';
import { formatNumber, KHMER_MONTHS } from '../../../shared/khmer.js';
import { codeLabel } from '../../../shared/reference/codelists.js';
import { canonicalNationality, nationalityName } from '../../../shared/display.js';
import { createI18n } from '../../../shared/i18n/index.js';
import type { Dimension, Label } from '../../../shared/reports/types.js';

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const UNKNOWN: Label = { en: 'Not known', km: 'មិនស្គាល់' };
const NO_OUTCOME: Label = { en: 'Outcome not recorded', km: 'មិនទាន់កត់ត្រាលទ្ធផល' };

let translators: Record<'en' | 'km', ReturnType<typeof createI18n>['t']> | null = null;
/** A label from the app's strings in both languages (made once: an i18next instance per language). */
function translated(key: string): Label {
  translators ??= { en: createI18n('en').t, km: createI18n('km').t };
  const tr = (t: ReturnType<typeof createI18n>['t']) => t(key as never) as unknown as string;
  return { en: tr(translators.en), km: tr(translators.km) };
}
const NO_VISA: Label = { en: 'No visa recorded', km: 'មិនបានកត់ត្រាទិដ្ឋាការ' };

/** `2026-11` → November 2026 / វិច្ឆិកា ២០២៦. */
export function monthLabel(month: string): Label {
  const m = Number(month.slice(5, 7));
  const y = Number(month.slice(0, 4));
  return { en: `${ENGLISH_MONTHS[m - 1]} ${y}`, km: `${KHMER_MONTHS[m - 1]} ${formatNumber(y, 'km').replace(/,/g, '')}` };
}

export function unitLabels(db: Database, codes: string[]): Map<string, Label> {
  const out = new Map<string, Label>();
  const get = db.prepare('SELECT name_en, name_km FROM admin_unit WHERE id = ?');
  for (const code of codes) {
    const row = get.get(code) as { name_en: string; name_km: string } | undefined;
    if (row) out.set(code, { en: row.name_en, km: row.name_km || row.name_en });
  }
  return out;
}

/** The label of a row key of a dimension, in both languages. */
export function labeller(db: Database, dimension: Dimension, keys: string[]): (key: string) => Label {
  const units = dimension === 'unit' ? unitLabels(db, keys) : new Map<string, Label>();
  return (key) => {
    if (key === '') return UNKNOWN;
    switch (dimension) {
      case 'nationality': return { en: nationalityName(key, 'en'), km: nationalityName(key, 'km') };
      case 'unit': return units.get(key) ?? { en: key, km: key };
      case 'premisesType': return { en: codeLabel('premisesType', key, 'en'), km: codeLabel('premisesType', key, 'km') };
      case 'visaType': return key === 'none' ? NO_VISA : { en: codeLabel('visaType', key, 'en'), km: codeLabel('visaType', key, 'km') };
      case 'workStatus': return { en: codeLabel('workStatus', key, 'en'), km: codeLabel('workStatus', key, 'km') };
      case 'month': return monthLabel(key);
      case 'employer': return { en: key, km: key };
      case 'campaign': return { en: key, km: key };
      case 'finding': return translated(`print.inspection.findingCode.${key}`);
      case 'inspectionOutcome': return key === 'none' ? NO_OUTCOME : translated(`print.inspection.outcome.${key}`);
      case 'complaintCategory': return translated(`cases.category.${key}`);
      case 'sex': return { en: codeLabel('sex', key, 'en'), km: codeLabel('sex', key, 'km') };
    }
  };
}

/** Nationality keys as one state each (`D` and `DEU` are one row). */
export function canonicalKey(dimension: Dimension, key: string): string {
  return dimension === 'nationality' && key !== '' ? canonicalNationality(key) : key;
}
