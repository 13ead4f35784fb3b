import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import km from 'i18n-iso-countries/langs/km.json' with { type: 'json' };
import type { CodeEntry } from '../contract/foundation.js';

countries.registerLocale(en);
countries.registerLocale(km);

/** ICAO 9303 codes that are not ISO 3166-1 alpha-3 (part 3, section 5). */
const ICAO_SPECIAL_CODES: CodeEntry[] = [
  { code: 'D', en: 'Germany', km: 'អាល្លឺម៉ង់' },
  { code: 'GBD', en: 'British Overseas Territories Citizen', km: 'ពលរដ្ឋដែនដីក្រៅប្រទេសអង់គ្លេស' },
  { code: 'GBN', en: 'British National (Overseas)', km: 'ជនជាតិអង់គ្លេស (ក្រៅប្រទេស)' },
  { code: 'GBO', en: 'British Overseas Citizen', km: 'ពលរដ្ឋអង់គ្លេសក្រៅប្រទេស' },
  { code: 'GBP', en: 'British Protected Person', km: 'បុគ្គលក្រោមការការពាររបស់អង់គ្លេស' },
  { code: 'GBS', en: 'British Subject', km: 'ប្រជាជនអង់គ្លេស' },
  { code: 'RKS', en: 'Kosovo', km: 'កូសូវ៉ូ' },
  { code: 'EUE', en: 'European Union', km: 'សហភាពអឺរ៉ុប' },
  { code: 'UNO', en: 'United Nations official', km: 'មន្ត្រីអង្គការសហប្រជាជាតិ' },
  { code: 'UNA', en: 'United Nations specialized agency official', km: 'មន្ត្រីទីភ្នាក់ងារឯកទេសអង្គការសហប្រជាជាតិ' },
  { code: 'UNK', en: 'UN Interim Administration in Kosovo', km: 'រដ្ឋបាលបណ្តោះអាសន្នអង្គការសហប្រជាជាតិនៅកូសូវ៉ូ' },
  { code: 'XOM', en: 'Sovereign Military Order of Malta', km: 'លំដាប់យោធាអធិបតេយ្យម៉ាល់តា' },
  { code: 'XPO', en: 'INTERPOL', km: 'អ៊ីនធឺប៉ុល' },
  { code: 'XXA', en: 'Stateless person', km: 'ជនគ្មានសញ្ជាតិ' },
  { code: 'XXB', en: 'Refugee (1951 Convention)', km: 'ជនភៀសខ្លួន (អនុសញ្ញាឆ្នាំ១៩៥១)' },
  { code: 'XXC', en: 'Refugee (other)', km: 'ជនភៀសខ្លួន (ផ្សេងទៀត)' },
  { code: 'XXX', en: 'Unspecified nationality', km: 'សញ្ជាតិមិនបញ្ជាក់' },
];

function buildNationalities(): CodeEntry[] {
  const iso = Object.keys(countries.getAlpha3Codes()).map((alpha3) => ({
    code: alpha3,
    en: countries.getName(alpha3, 'en') ?? alpha3,
    km: countries.getName(alpha3, 'km') ?? countries.getName(alpha3, 'en') ?? alpha3,
  }));
  return [...iso, ...ICAO_SPECIAL_CODES].sort((a, b) => a.en.localeCompare(b.en));
}

export const NATIONALITIES: readonly CodeEntry[] = buildNationalities();
const byCode = new Map(NATIONALITIES.map((n) => [n.code, n]));

export function isNationalityCode(code: string): boolean {
  return byCode.has(code);
}

export function nationality(code: string): CodeEntry | undefined {
  return byCode.get(code);
}
