import type { CodeEntry } from '../contract/foundation.js';

/**
 * Built-in code lists. A published code never changes meaning; a new version adds codes or
 * marks them `retired`. The national office sends newer versions down as reference data.
 */
export const CODE_LISTS_VERSION = '2026.1';

export const CODE_LISTS = {
  premisesType: [
    { code: 'hotel', en: 'Hotel', km: 'សណ្ឋាគារ' },
    { code: 'guesthouse', en: 'Guesthouse', km: 'ផ្ទះសំណាក់' },
    { code: 'apartment', en: 'Apartment / condominium', km: 'អាផាតមិន / ខុនដូ' },
    { code: 'rental', en: 'Rental house or room', km: 'ផ្ទះ ឬបន្ទប់ជួល' },
    { code: 'construction', en: 'Construction site', km: 'ការដ្ឋានសំណង់' },
    { code: 'office', en: 'Company office', km: 'ការិយាល័យក្រុមហ៊ុន' },
    { code: 'factory', en: 'Factory', km: 'រោងចក្រ' },
    { code: 'casino', en: 'Casino or entertainment venue', km: 'កាស៊ីណូ ឬកន្លែងកម្សាន្ត' },
    { code: 'restaurant', en: 'Restaurant', km: 'ភោជនីយដ្ឋាន' },
    { code: 'other', en: 'Other', km: 'ផ្សេងៗ' },
  ],
  visaType: [
    { code: 'T', en: 'T — tourist', km: 'T — ទេសចរណ៍' },
    { code: 'E', en: 'E — ordinary', km: 'E — ធម្មតា' },
    { code: 'EB', en: 'EB — business', km: 'EB — អាជីវកម្ម' },
    { code: 'EG', en: 'EG — general employment', km: 'EG — ការងារទូទៅ' },
    { code: 'ER', en: 'ER — retirement', km: 'ER — ចូលនិវត្តន៍' },
    { code: 'ES', en: 'ES — student', km: 'ES — សិស្ស និស្សិត' },
    { code: 'K', en: 'K — Khmer descent', km: 'K — ដើមកំណើតខ្មែរ' },
    { code: 'D', en: 'Diplomatic', km: 'ការទូត' },
    { code: 'B', en: 'Official', km: 'មន្ត្រី (ផ្លូវការ)' },
  ],
  workStatus: [
    { code: 'valid_permit', en: 'Valid work permit', km: 'មានប័ណ្ណការងារត្រឹមត្រូវ' },
    { code: 'application_submitted', en: 'Application submitted (receipt)', km: 'បានដាក់ពាក្យស្នើសុំ (មានបង្កាន់ដៃ)' },
    { code: 'no_permit', en: 'No work permit', km: 'គ្មានប័ណ្ណការងារ' },
    { code: 'exempt', en: 'Exempt', km: 'ត្រូវបានលើកលែង' },
  ],
  sex: [
    { code: 'M', en: 'Male', km: 'ប្រុស' },
    { code: 'F', en: 'Female', km: 'ស្រី' },
    { code: 'X', en: 'Unspecified', km: 'មិនបញ្ជាក់' },
  ],
} satisfies Record<string, CodeEntry[]>;

export type CodeListName = keyof typeof CODE_LISTS;

export function codeLabel(list: CodeListName, code: string, language: 'en' | 'km'): string {
  const entry = (CODE_LISTS[list] as CodeEntry[]).find((e) => e.code === code);
  return entry ? entry[language] : code;
}
