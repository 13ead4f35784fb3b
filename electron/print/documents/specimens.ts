import type { CampaignNoticeData } from './campaign-notice.js';
import type { CardData, ForeignerRow, InspectionReportData, OfficeInfo, PledgeData, PremisesInfo, ReceiptData, WorkerRow } from './types.js';

/** Made-up documents for samples, the bench and tests: long names, long lists, mixed scripts. */

export const SPECIMEN_OFFICE: OfficeInfo = {
  name: 'Boeng Keng Kang Muoy commune police post',
  nameKm: 'ប៉ុស្តិ៍នគរបាលរដ្ឋបាលសង្កាត់បឹងកេងកង ទី១',
  place: { km: 'សង្កាត់បឹងកេងកង ទី១ ខណ្ឌចំការមន រាជធានីភ្នំពេញ', latin: 'Boeng Keng Kang Ti Muoy, Chamkar Mon, Phnom Penh' },
};

export const SPECIMEN_PREMISES: PremisesInfo = {
  id: '0192f3a4-0000-7000-8000-000000000001',
  nameLatin: 'Golden Lotus Riverside Residence and Serviced Apartments',
  nameKm: 'ផ្ទះល្វែងសេវាកម្ម ផ្កាឈូកមាស មាត់ទន្លេ',
  typeKm: 'អាផាតមិន / ខុនដូ',
  typeEn: 'Apartment / condominium',
  address: {
    km: 'ផ្ទះលេខ ១២៣ ផ្លូវ ៥១ ភូមិ១ សង្កាត់បឹងកេងកង ទី១ ខណ្ឌចំការមន រាជធានីភ្នំពេញ',
    latin: 'No. 123, Street 51, Phum 1, Boeng Keng Kang Ti Muoy, Chamkar Mon, Phnom Penh',
  },
  phone: '012 345 678',
  businessRegNo: 'MOC-00012345',
};

const SURNAMES = ['NGUYEN', 'WANG', 'SOMCHAI', 'KIM', 'TANAKA', 'MÜLLER-LÜDENSCHEIDT', 'OYELARAN-ADEBAYO', 'SANTOS'];
const GIVEN = ['THI MINH KHAI', 'XIAOMING', 'PRAYUT', 'MIN-JUN', 'HIROSHI', 'KARL-HEINZ FRIEDRICH', 'OLUWASEUN', 'MARIA DA CONCEIÇÃO'];
const NATIONS = ['VNM', 'CHN', 'THA', 'KOR', 'JPN', 'D', 'NGA', 'PRT'];

export function specimenForeigners(count: number): ForeignerRow[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${SURNAMES[i % 8]} ${GIVEN[(i * 3) % 8]}`,
    nameKm: i % 3 === 0 ? 'ង្វៀន ធី មិញ ខៃ' : '',
    sex: i % 2 ? 'F' : 'M',
    nationality: NATIONS[i % 8]!,
    passportNo: `C${String(4_000_000 + i * 7919).padStart(8, '0')}`,
    arrivedAt: `2026-${String((i % 9) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    room: String(100 + i),
  }));
}

export function specimenPledge(foreigners = 4): PledgeData {
  return {
    docNo: '0042/26',
    date: '2026-11-21',
    office: SPECIMEN_OFFICE,
    owner: {
      nameLatin: 'SOK SOPHEAKTRA CHANRASMEY',
      nameKm: 'សុខ សុភក្ត្រា ចាន់រស្មី',
      sex: 'F',
      birthDate: '1979-03-14',
      nationality: 'KHM',
      idKind: 'khmer_id',
      idNumber: '010234567',
      phone: '012 345 678',
      role: 'owner',
    },
    premises: SPECIMEN_PREMISES,
    foreigners: specimenForeigners(foreigners),
  };
}

export function specimenWorkers(count: number): WorkerRow[] {
  const statuses = ['valid_permit', 'application_submitted', 'no_permit', 'exempt'] as const;
  return specimenForeigners(count).map((f, i) => ({
    name: f.name,
    nationality: f.nationality,
    passportNo: f.passportNo,
    visa: { type: 'EB', number: String(20_000 + i), expiry: '2027-01-31' },
    permit: i % 4 === 1 ? `R-${88_000 + i}` : i % 4 === 2 ? '' : `WP-${55_000 + i}`,
    workStatus: statuses[i % 4]!,
    job: i % 2 ? 'Site engineer (structural steel)' : 'Cook',
    accommodation: i % 2 ? 'Golden Lotus Riverside Residence, room 204' : 'Company dormitory',
  }));
}

export function specimenCard(workers = 12): CardData {
  return {
    date: '2026-11-21',
    office: SPECIMEN_OFFICE,
    employer: {
      id: '0192f3a4-0000-7000-8000-000000000002',
      nameLatin: 'Mekong Steel Construction Co., Ltd.',
      nameKm: 'ក្រុមហ៊ុន មេគង្គ ស្ទីល សំណង់ ឯ.ក',
      registrationNo: 'CO-1234/19E',
      sector: 'Construction',
      address: SPECIMEN_PREMISES.address,
      phone: '023 123 456',
      workforceTotal: 120,
      cambodianCount: 106,
      declaredForeign: 14,
      registeredForeign: workers,
    },
    workers: specimenWorkers(workers),
  };
}

export function specimenReceipt(i = 0): ReceiptData {
  const f = specimenForeigners(i + 1)[i]!;
  const stayId = `0192f3a4-${String(i).padStart(4, '0')}-7000-8000-000000000003`;
  return {
    stayId,
    number: '120101/2026/000042',
    code: `BANHCHI:STAY:${stayId}:3f9a2c81d0`,
    date: '2026-11-21',
    office: SPECIMEN_OFFICE,
    person: { name: f.name, nameKm: f.nameKm, sex: f.sex, birthDate: '1990-07-02', nationality: f.nationality, passportNo: f.passportNo, visa: { type: 'E', number: '123456', expiry: '2027-02-28' } },
    premises: SPECIMEN_PREMISES,
    room: f.room,
    arrivedAt: '2026-11-19T21:40:00+07:00',
    reportedAt: '2026-11-21T09:15:00+07:00',
    late: true,
  };
}

/** A provincial office: campaigns and inspections are its work. */
export const SPECIMEN_PROVINCE_OFFICE: OfficeInfo = {
  name: 'Phnom Penh Municipal Police',
  nameKm: 'ស្នងការដ្ឋាននគរបាលរាជធានីភ្នំពេញ',
  place: { km: 'រាជធានីភ្នំពេញ', latin: 'Phnom Penh' },
};

const CAMPAIGN_TITLE = 'Work-status declaration of foreign workers 2025';
const CAMPAIGN_LEGAL = 'Action plan of the Ministry of Interior and the Ministry of Labour and Vocational Training, phase 1: declaration cards returned by 15 March';

/** An inspection of an employer that never declared: three workers found, one without a permit, referrals made. */
export function specimenInspectionReport(): InspectionReportData {
  return {
    docNo: 'INS-12-2025-00001',
    office: SPECIMEN_PROVINCE_OFFICE,
    inspectedOn: '2025-04-07',
    reason: 'missing',
    campaign: { title: CAMPAIGN_TITLE, legalReference: CAMPAIGN_LEGAL },
    team: ['Capt. Sok Dara (head of team)', 'Lt. Chan Vichea', 'Keo Sophal, deputy prosecutor', 'Meas Bopha, labour inspector'],
    site: {
      nameLatin: 'Mekong Tower Construction Co., Ltd.', nameKm: 'ក្រុមហ៊ុនសំណង់មេគង្គថោវើរ', kindKm: 'និយោជក៖ Construction', kindEn: 'Employer: Construction',
      registrationNo: '00012345', address: { km: 'ផ្ទះលេខ ១២ ផ្លូវ ៥១ សង្កាត់ទន្លេបាសាក់ ខណ្ឌចំការមន រាជធានីភ្នំពេញ', latin: 'No. 12, St. 51, Tonle Basak, Chamkar Mon, Phnom Penh' },
    },
    persons: [
      { name: 'CHEN WEI', nationality: 'CHN', passportNo: 'E33333333', finding: 'no_permit', permitNo: '', receiptNo: '', proofDue: '2025-04-27' },
      { name: 'LIU WEI', nationality: 'CHN', passportNo: 'E22222222', finding: 'application_receipt', permitNo: '', receiptNo: 'RC-200', proofDue: null },
      { name: 'ZHANG WEI', nationality: 'CHN', passportNo: 'E11111111', finding: 'permit_valid', permitNo: 'WP-100', receiptNo: '', proofDue: null },
    ],
    premisesFindings: 'Forty workers sleep in a dormitory on the site; the list of foreign workers was not displayed.',
    outcome: 'notice',
    outcomeNote: '',
    declared: false,
    differences: [],
    referrals: [
      { authority: 'prosecutor', grounds: 'other_offence', urgent: false, note: 'Workers without permits' },
      { authority: 'police', grounds: 'labour_exploitation', urgent: true, note: 'Passports held by the employer' },
    ],
    proofDays: 20,
  };
}

/** The notice a province hands to employers when a declaration campaign starts. */
export function specimenCampaignNotice(): CampaignNoticeData {
  return {
    office: SPECIMEN_PROVINCE_OFFICE,
    issuedOn: '2025-01-06',
    kind: 'employer_declaration',
    title: CAMPAIGN_TITLE,
    legalReference: CAMPAIGN_LEGAL,
    scope: [
      { km: 'ខណ្ឌចំការមន រាជធានីភ្នំពេញ', latin: 'Chamkar Mon, Phnom Penh' },
      { km: 'សង្កាត់ទន្លេបាសាក់ ខណ្ឌចំការមន រាជធានីភ្នំពេញ', latin: 'Tonle Basak, Chamkar Mon, Phnom Penh' },
    ],
    startDate: '2025-01-06',
    deadline: '2025-03-15',
    targets: [{ km: 'សំណង់', en: 'Construction' }, { km: 'កាត់ដេរ', en: 'Garment' }],
    proofDays: 20,
  };
}
