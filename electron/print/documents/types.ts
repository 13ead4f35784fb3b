/** What documents print: plain data, loaded from the register by electron/db/print.ts. */

export interface Place {
  km: string;
  latin: string;
}

export interface OfficeInfo {
  /** The office's name in English (Latin letters). */
  name: string;
  /** The office's name in Khmer; '' when not given (English is printed instead). */
  nameKm: string;
  /** Commune (or province) of the office, for the place-and-date line. */
  place: Place;
}

export interface OwnerInfo {
  nameLatin: string;
  nameKm: string;
  sex: 'M' | 'F' | 'X';
  birthDate: string | null;
  nationality: string;
  idKind: 'khmer_id' | 'passport' | 'other';
  idNumber: string;
  phone: string;
  role: 'owner' | 'manager' | 'landlord';
}

export interface PremisesInfo {
  id: string;
  nameLatin: string;
  nameKm: string;
  typeKm: string;
  typeEn: string;
  address: Place;
  phone: string;
  businessRegNo: string;
}

export interface ForeignerRow {
  name: string;
  nameKm: string;
  sex: 'M' | 'F' | 'X';
  nationality: string;
  passportNo: string;
  arrivedAt: string;
  room: string;
}

export interface PledgeData {
  /** null in a preview of a pledge not numbered yet: dotted line instead. */
  docNo: string | null;
  date: string;
  office: OfficeInfo;
  owner: OwnerInfo | null;
  premises: PremisesInfo;
  foreigners: ForeignerRow[];
}

/** A visa as printed: its type by name, number and expiry date in the line's language. */
export interface VisaInfo {
  type: string;
  number: string;
  expiry: string | null;
}

export interface WorkerRow {
  name: string;
  nationality: string;
  passportNo: string;
  visa: VisaInfo;
  permit: string;
  workStatus: 'valid_permit' | 'application_submitted' | 'no_permit' | 'exempt';
  job: string;
  accommodation: string;
}

export interface EmployerInfo {
  id: string;
  nameLatin: string;
  nameKm: string;
  registrationNo: string;
  sector: string;
  address: Place;
  phone: string;
  workforceTotal: number;
  cambodianCount: number;
  declaredForeign: number;
  registeredForeign: number;
}

/** `employer` null: the blank card to hand out. */
export interface CardData {
  date: string;
  office: OfficeInfo;
  employer: EmployerInfo | null;
  workers: WorkerRow[];
}

export interface ReceiptData {
  stayId: string;
  /** Human-readable number (`120101/2026/000042`); null in a preview of a receipt not printed yet. */
  number: string | null;
  /** Record id and short hash, as carried by the QR code. */
  code: string;
  date: string;
  office: OfficeInfo;
  person: { name: string; nameKm: string; sex: 'M' | 'F' | 'X'; birthDate: string; nationality: string; passportNo: string; visa: VisaInfo };
  premises: PremisesInfo;
  room: string;
  arrivedAt: string;
  reportedAt: string;
  late: boolean;
}

/** The inspection report: what was found on one site. */
export interface InspectionReportData {
  docNo: string;
  office: OfficeInfo;
  inspectedOn: string;
  reason: 'late' | 'missing' | 'over_quota' | 'no_pledge' | 'ad_hoc';
  campaign: { title: string; legalReference: string } | null;
  team: string[];
  site: { nameLatin: string; nameKm: string; kindKm: string; kindEn: string; registrationNo: string; address: Place };
  persons: {
    name: string; nationality: string; passportNo: string; finding: 'permit_valid' | 'application_receipt' | 'no_permit' | 'exempt' | 'diplomat';
    permitNo: string; receiptNo: string; proofDue: string | null;
  }[];
  premisesFindings: string;
  outcome: '' | 'compliant' | 'notice' | 'referred';
  outcomeNote: string;
  /** A declaration was received from the site for the campaign. */
  declared: boolean;
  differences: { kind: 'not_declared' | 'not_found' | 'status_differs' | 'headcount_differs'; personName: string; declared: string; found: string }[];
  referrals: { authority: string; grounds: string; urgent: boolean; note: string }[];
  proofDays: number;
}
