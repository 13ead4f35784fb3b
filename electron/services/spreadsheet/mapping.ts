import type { ColumnMapping, ImportField } from '../../../shared/contract/spreadsheet.js';

/** Header names people use, English and Khmer, compared after `normaliseHeader`. */
const SYNONYMS: Record<ImportField, string[]> = {
  surname: ['surname', 'last name', 'family name', 'nom', 'នាមត្រកូល', 'ត្រកូល'],
  givenNames: ['given names', 'given name', 'first name', 'first names', 'prenoms', 'នាមខ្លួន', 'ឈ្មោះ'],
  nameKm: ['name in khmer', 'khmer name', 'name km', 'ឈ្មោះជាអក្សរខ្មែរ', 'ឈ្មោះខ្មែរ'],
  sex: ['sex', 'gender', 'ភេទ'],
  birthDate: ['date of birth', 'birth date', 'dob', 'born', 'ថ្ងៃខែឆ្នាំកំណើត', 'ថ្ងៃកំណើត'],
  nationality: ['nationality', 'citizenship', 'សញ្ជាតិ'],
  passportNo: ['passport number', 'passport no', 'passport', 'document number', 'លេខលិខិតឆ្លងដែន', 'លិខិតឆ្លងដែន'],
  issuingState: ['issuing state', 'issuing country', 'issued by', 'ប្រទេសចេញលិខិតឆ្លងដែន', 'រដ្ឋចេញ'],
  passportIssued: ['passport issued', 'date of issue', 'issue date', 'ថ្ងៃចេញលិខិតឆ្លងដែន', 'ថ្ងៃចេញ'],
  passportExpiry: ['passport expiry', 'date of expiry', 'expiry date', 'expiry', 'ថ្ងៃផុតកំណត់លិខិតឆ្លងដែន', 'ថ្ងៃផុតកំណត់'],
  visaType: ['visa type', 'visa', 'ប្រភេទទិដ្ឋាការ', 'ទិដ្ឋាការ'],
  visaNo: ['visa number', 'visa no', 'លេខទិដ្ឋាការ'],
  visaExpiry: ['visa expiry', 'visa valid until', 'ថ្ងៃផុតកំណត់ទិដ្ឋាការ'],
  entryDate: ['date of entry', 'entry date', 'arrival in cambodia', 'ថ្ងៃចូលប្រទេស', 'ថ្ងៃចូល'],
  entryPoint: ['point of entry', 'entry point', 'border', 'ច្រកចូល'],
  phone: ['phone', 'telephone', 'mobile', 'ទូរស័ព្ទ', 'លេខទូរស័ព្ទ'],
  room: ['room', 'room no', 'room number', 'បន្ទប់', 'លេខបន្ទប់'],
  arrivedAt: ['arrival', 'arrival date', 'arrived', 'check in', 'ថ្ងៃមកដល់', 'ថ្ងៃមកស្នាក់នៅ'],
  reportedAt: ['reported', 'reported date', 'date reported', 'ថ្ងៃរាយការណ៍'],
  jobTitle: ['job title', 'job', 'position', 'occupation', 'មុខតំណែង', 'មុខរបរ'],
  startDate: ['start date', 'employed since', 'hired', 'ថ្ងៃចាប់ផ្តើមការងារ', 'ថ្ងៃចូលធ្វើការ'],
  workPermitNo: ['work permit number', 'work permit no', 'work permit', 'លេខប័ណ្ណការងារ', 'ប័ណ្ណការងារ'],
  workPermitExpiry: ['work permit expiry', 'permit expiry', 'ថ្ងៃផុតកំណត់ប័ណ្ណការងារ'],
  employmentCardNo: ['employment card number', 'employment card', 'labour card', 'លេខកាតការងារ', 'កាតការងារ'],
  workStatus: ['work status', 'permit status', 'ស្ថានភាពការងារ'],
  receiptNo: ['receipt number', 'receipt no', 'receipt', 'លេខបង្កាន់ដៃ', 'បង្កាន់ដៃ'],
};

/** Lower case, no punctuation or zero-width marks, single spaces: "Passport No." → "passport no". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[._:#()/\\*-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const LOOKUP = new Map<string, ImportField>();
for (const [field, names] of Object.entries(SYNONYMS) as [ImportField, string[]][]) {
  LOOKUP.set(normaliseHeader(field), field);
  for (const name of names) LOOKUP.set(normaliseHeader(name), field);
}

/** Exact synonym first; then the longest synonym the header starts with. Each column used once. */
export function suggestMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  headers.forEach((header, index) => {
    const field = LOOKUP.get(normaliseHeader(header));
    if (field && mapping[field] === undefined) {
      mapping[field] = index;
      used.add(index);
    }
  });
  headers.forEach((header, index) => {
    if (used.has(index)) return;
    const name = normaliseHeader(header);
    let best: { field: ImportField; length: number } | undefined;
    for (const [synonym, field] of LOOKUP) {
      if (mapping[field] !== undefined || synonym.length < 4 || !name.startsWith(synonym)) continue;
      if (!best || synonym.length > best.length) best = { field, length: synonym.length };
    }
    if (best) {
      mapping[best.field] = index;
      used.add(index);
    }
  });
  return mapping;
}
