import { z } from 'zod';
import { FORMAT, isoDate, recordId } from './common.js';

/** Records shown to people, and what they send to create or change them. Dates are YYYY-MM-DD. */

/** A date (YYYY-MM-DD) or a date-time with offset; stays need the hour for the 24-hour rule. */
export const dateOrDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/, FORMAT.dateTime);
const text = (max: number) => z.string().trim().max(max);
/** ICAO 9303 nationality / issuing-state code: 1–3 letters (`D` for Germany). */
export const icaoCode = z.string().regex(/^[A-Z]{1,3}$/, FORMAT.countryCode);
export const communeCode = z.string().regex(/^\d{6}$/, FORMAT.commune);
/** Province (2), district (4) or commune (6) code: filters accept any level. */
export const unitCode = z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/, FORMAT.unit);

export const premisesType = z.enum(['hotel', 'guesthouse', 'apartment', 'rental', 'construction', 'office', 'factory', 'casino', 'restaurant', 'other']);
export const premisesStatus = z.enum(['open', 'temporarily_closed', 'permanently_closed']);
export const pledgeStatus = z.enum(['none', 'printed', 'signed']);
export const ownerRole = z.enum(['owner', 'manager', 'landlord']);
export const sex = z.enum(['M', 'F', 'X']);
export const workStatus = z.enum(['valid_permit', 'application_submitted', 'no_permit', 'exempt']);
export const visaType = z.enum(['T', 'E', 'EB', 'EG', 'ER', 'ES', 'K', 'D', 'B']);
export const alertKind = z.enum([
  'passport_expired', 'passport_expiring', 'visa_expired', 'visa_expiring',
  'work_without_permit', 'late_report', 'no_signed_pledge', 'diplomat_exempt',
  // Campaigns and inspections: the 20-day proof deadline nearing and passed, urgent referrals (trafficking…).
  'proof_due', 'proof_overdue', 'urgent_referral',
]);
export type AlertKind = z.infer<typeof alertKind>;

/** Keyset pagination: pass back `nextCursor` to get the next page; null when there is none. */
export const pageRequest = {
  cursor: z.string().max(500).nullable().optional(),
  limit: z.number().int().min(1).max(500).default(50),
};
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const addressFields = {
  communeCode,
  village: text(200).default(''),
  street: text(200).default(''),
  houseNo: text(50).default(''),
};
const addressOut = z.object({
  provinceCode: z.string(), districtCode: z.string(), communeCode: z.string(),
  village: z.string(), street: z.string(), houseNo: z.string(),
  /** Commune, district, province in Latin script, e.g. "Boeng Keng Kang Ti Muoy, Chamkar Mon, Phnom Penh". */
  placeLatin: z.string(),
  placeKm: z.string(),
});

/**
 * The fields of `schema`, each optional and without its default: a patch changes only what it names.
 * (`.partial()` keeps defaults, which would blank every field left out.)
 */
export function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional()]),
  );
  return z.object(shape) as unknown as z.ZodObject<{ [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer I> ? I : S[K]> }>;
}

// ── Alerts ───────────────────────────────────────────────────────────────────
export const alertSchema = z.object({
  kind: alertKind,
  severity: z.enum(['high', 'warning', 'info']),
  entity: z.enum(['person', 'premises', 'employment', 'stay', 'inspection_person', 'referral']),
  recordId: z.string(),
  personId: z.string().nullable(),
  premisesId: z.string().nullable(),
  /** Who or what, for the line on the home screen (MRZ name or premises name). */
  label: z.string(),
  /** The date the alert is about: expiry, arrival… */
  date: z.string().nullable(),
  /** Days until (positive) or since (negative) `date`, relative to `today`. */
  days: z.number().int().nullable(),
  /** The inspection an alert comes from (proof deadlines, referrals); null for the others. */
  inspectionId: z.string().nullable().optional(),
});
export type Alert = z.infer<typeof alertSchema>;

// ── Premises ────────────────────────────────────────────────────────────────
export const premisesInput = z.object({
  nameLatin: text(200).min(1),
  nameKm: text(200).default(''),
  type: premisesType,
  ...addressFields,
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  rooms: z.number().int().min(0).max(100_000).nullable().optional(),
  beds: z.number().int().min(0).max(1_000_000).nullable().optional(),
  businessRegNo: text(100).default(''),
  phone: text(50).default(''),
});
export const premisesSchema = premisesInput
  .omit({ communeCode: true, village: true, street: true, houseNo: true, latitude: true, longitude: true, rooms: true, beds: true })
  .extend(addressOut.shape)
  .extend({
    id: z.string(),
    revision: z.number().int(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    rooms: z.number().int().nullable(),
    beds: z.number().int().nullable(),
    status: premisesStatus,
    closedOn: z.string().nullable(),
    closeReason: z.string(),
    pledgeStatus,
    /** Foreigners staying now (open stays). */
    foreignersNow: z.number().int(),
    createdAt: z.string(),
  });
export type Premises = z.infer<typeof premisesSchema>;

// ── Owners ──────────────────────────────────────────────────────────────────
export const ownerInput = z.object({
  surname: text(100).min(1),
  givenNames: text(150).default(''),
  nameKm: text(200).default(''),
  sex,
  birthDate: isoDate.nullable().optional(),
  /** `KHM` for Cambodians. */
  nationality: icaoCode,
  idKind: z.enum(['khmer_id', 'passport', 'other']),
  idNumber: text(50).default(''),
  phone: text(50).default(''),
});
export const ownerSchema = ownerInput.extend({ id: z.string(), revision: z.number().int(), birthDate: z.string().nullable() });
export type Owner = z.infer<typeof ownerSchema>;
export const ownerLinkSchema = z.object({
  linkId: z.string(),
  ownerId: z.string(),
  premisesId: z.string(),
  role: ownerRole,
  since: z.string().nullable(),
  /** Filled from the other side: the owner's or the premises' display name. */
  ownerName: z.string(),
  premisesName: z.string(),
});

// ── Persons (foreigners) ────────────────────────────────────────────────────
export const personFields = z.object({
  /** MRZ form: capital Latin letters and spaces (`ERIKSSON`); other letters are transliterated by the backend. */
  surname: text(100).min(1),
  givenNames: text(150).default(''),
  nameKm: text(200).default(''),
  sex,
  birthDate: isoDate,
  nationality: icaoCode,
  /** As printed; upper-cased, spaces removed by the backend. */
  passportNo: z.string().trim().min(1).max(20),
  issuingState: icaoCode,
  passportIssued: isoDate.nullable().optional(),
  passportExpiry: isoDate,
  visaType: visaType.nullable().optional(),
  visaNo: text(50).default(''),
  visaExpiry: isoDate.nullable().optional(),
  entryDate: isoDate.nullable().optional(),
  entryPoint: text(100).default(''),
  diplomatic: z.boolean().default(false),
  phone: text(50).default(''),
  note: text(2000).default(''),
});
export type PersonFields = z.input<typeof personFields>;
export const personFieldName = z.enum(Object.keys(personFields.shape) as [keyof typeof personFields.shape, ...(keyof typeof personFields.shape)[]]);

export const staySchema = z.object({
  id: z.string(),
  revision: z.number().int(),
  personId: z.string(),
  premisesId: z.string(),
  personName: z.string(),
  premisesName: z.string(),
  room: z.string(),
  /** Office local date-time with offset (`2026-03-01T06:30:00+07:00`). */
  arrivedAt: z.string(),
  /** When the stay was recorded (the backend's clock), or as corrected with a reason. */
  reportedAt: z.string(),
  /** The office's date of the departure (YYYY-MM-DD); null while staying. */
  departedOn: z.string().nullable(),
  /** Office local date-time of the departure; null while staying. */
  departedAt: z.string().nullable(),
  /** Reported more than 24 hours after arrival. */
  late: z.boolean(),
  /** The reason given for the last correction (empty when never corrected). */
  changeReason: z.string(),
});
export type Stay = z.infer<typeof staySchema>;

export const employmentInput = z.object({
  jobTitle: text(200).default(''),
  startDate: isoDate,
  endDate: isoDate.nullable().optional(),
  workPermitNo: text(50).default(''),
  workPermitExpiry: isoDate.nullable().optional(),
  employmentCardNo: text(50).default(''),
  workStatus,
  /** Receipt of the work-permit application (status `application_submitted`). */
  receiptNo: text(50).default(''),
});
export const employmentSchema = employmentInput.extend({
  id: z.string(),
  revision: z.number().int(),
  personId: z.string(),
  employerId: z.string(),
  personName: z.string(),
  employerName: z.string(),
  endDate: z.string().nullable(),
  workPermitExpiry: z.string().nullable(),
});
export type Employment = z.infer<typeof employmentSchema>;

export const personSchema = personFields.extend({
  id: z.string(),
  revision: z.number().int(),
  passportIssued: z.string().nullable(),
  visaType: visaType.nullable(),
  visaExpiry: z.string().nullable(),
  entryDate: z.string().nullable(),
  source: z.enum(['mrz', 'manual', 'import', 'demo']),
  /** Set when this record was merged into another person; follow it. */
  mergedInto: z.string().nullable(),
  createdAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const personSummarySchema = z.object({
  id: z.string(),
  surname: z.string(),
  givenNames: z.string(),
  nameKm: z.string(),
  sex,
  birthDate: z.string(),
  nationality: z.string(),
  passportNo: z.string(),
  passportExpiry: z.string(),
  diplomatic: z.boolean(),
  currentPremisesId: z.string().nullable(),
  currentPremisesName: z.string().nullable(),
  mergedInto: z.string().nullable(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

// ── Employers ───────────────────────────────────────────────────────────────
export const employerInput = z.object({
  nameLatin: text(200).min(1),
  nameKm: text(200).default(''),
  registrationNo: text(100).default(''),
  sector: text(100).default(''),
  ...addressFields,
  /** Declared total workforce and Cambodian headcount. */
  workforceTotal: z.number().int().min(0).max(10_000_000),
  cambodianCount: z.number().int().min(0).max(10_000_000),
  phone: text(50).default(''),
});
export const employerSchema = employerInput
  .omit({ communeCode: true, village: true, street: true, houseNo: true })
  .extend(addressOut.shape)
  .extend({
    id: z.string(),
    revision: z.number().int(),
    /** workforceTotal − cambodianCount. */
    declaredForeign: z.number().int(),
    /** Foreigners with current employment in the register. */
    registeredForeign: z.number().int(),
    /** max(declared, registered) / workforceTotal, 0..1 (0 when the workforce is 0). */
    foreignShare: z.number(),
    /** The labour ministry's cap: 0.10. */
    cap: z.number(),
    overCap: z.boolean(),
  });
export type Employer = z.infer<typeof employerSchema>;

// ── Duplicates ──────────────────────────────────────────────────────────────
export const duplicateReason = z.enum(['same_name_birth', 'similar_passport']);
export const duplicateReviewSchema = z.object({
  id: z.string(),
  reason: duplicateReason,
  status: z.enum(['open', 'merged', 'dismissed']),
  a: personSummarySchema,
  b: personSummarySchema,
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export const fieldComparisonSchema = z.object({
  field: personFieldName,
  a: z.union([z.string(), z.boolean(), z.null()]),
  b: z.union([z.string(), z.boolean(), z.null()]),
  same: z.boolean(),
});

// ── Search ──────────────────────────────────────────────────────────────────
export const searchHitSchema = z.object({
  entity: z.enum(['person', 'premises', 'employer', 'owner']),
  id: z.string(),
  /** Main line: MRZ name or premises name. */
  title: z.string(),
  /** Khmer name when there is one. */
  titleKm: z.string(),
  /** Second line: nationality · passport · birth date, or type · place. */
  detail: z.string(),
  /** For persons: their summary; null for other entities. */
  person: personSummarySchema.nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export { recordId };
