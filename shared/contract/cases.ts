import { z } from 'zod';
import { isoDate, recordId } from './common.js';
import { operation } from './define.js';
import { page, pageRequest, personFields, sex, unitCode } from './registration-schemas.js';
import { officeDateTime } from './stays.js';

/**
 * Cases: complaints (hotline, walk-in, referral, letter), operations (raids and rescues) with the
 * persons found, victims and suspects, and premises closures with their legal reason.
 * A named reporter and a possible victim are sensitive: only roles with the capability
 * `sensitive.read` (shared/permissions.ts) read them; others get them redacted by the backend.
 */
const text = (max: number) => z.string().trim().max(max);

export const complaintChannel = z.enum(['hotline', 'walk_in', 'referral', 'letter']);
/** The seeds' list (seed 002, 004). */
export const complaintCategory = z.enum([
  'human_trafficking', 'labour_exploitation', 'sex_trade', 'illegal_gambling', 'online_scams', 'drugs', 'money_laundering', 'other',
]);
export const urgency = z.enum(['low', 'normal', 'high', 'immediate']);
export const complaintStatus = z.enum(['received', 'assigned', 'closed']);
export const complaintCloseReason = z.enum(['acted_on', 'unfounded', 'referred_elsewhere', 'duplicate', 'no_jurisdiction', 'other']);
export const operationKind = z.enum(['raid', 'rescue', 'raid_rescue']);
export const victimKind = z.enum(['trafficking', 'detention', 'forced_labour']);
export const premisesActionKind = z.enum(['closed_permanently', 'closed_temporarily', 'reopened']);

export const complaintInput = z.object({
  /** When the complaint came in: a date or a local date-time of the office. */
  receivedAt: officeDateTime,
  channel: complaintChannel,
  anonymous: z.boolean().default(false),
  /** Sensitive: readable only by roles with `sensitive.read`. Empty when anonymous. */
  reporterName: text(200).default(''),
  reporterContact: text(200).default(''),
  /** The premises complained about, when it is in the register. */
  premisesId: recordId.nullable().optional(),
  /** A registered person complained about. */
  personId: recordId.nullable().optional(),
  /** Premises or persons described when not in the register. */
  about: text(2000).default(''),
  category: complaintCategory,
  urgency: urgency.default('normal'),
  narrative: text(10_000).default(''),
});

export const complaintSchema = z.object({
  id: z.string(),
  revision: z.number().int(),
  receivedAt: z.string(),
  channel: complaintChannel,
  anonymous: z.boolean(),
  reporterName: z.string(),
  reporterContact: z.string(),
  /** The record holds a named reporter. */
  sensitive: z.boolean(),
  /** The reporter is hidden from this reader (no `sensitive.read`). */
  redacted: z.boolean(),
  premisesId: z.string().nullable(),
  premisesName: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  about: z.string(),
  category: complaintCategory,
  urgency,
  narrative: z.string(),
  /** Where: the premises' commune, else the receiving office's unit. */
  unitCode: z.string(),
  status: complaintStatus,
  assignedTo: z.string(),
  operationId: z.string().nullable(),
  inspectionId: z.string().nullable(),
  closedOn: z.string().nullable(),
  closeReason: complaintCloseReason.nullable(),
  closeNote: z.string(),
  originOffice: z.string(),
  createdAt: z.string(),
});
export type Complaint = z.infer<typeof complaintSchema>;

export const timelineEntrySchema = z.object({
  /** Office local date or date-time. */
  at: z.string(),
  kind: z.enum(['received', 'assigned', 'linkedOperation', 'linkedInspection', 'closed', 'operation', 'outcome', 'premisesAction']),
  /** What to show beside the kind: a unit, a reason code, counts (as text). */
  detail: z.record(z.string(), z.string()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const operationSchema = z.object({
  id: z.string(),
  revision: z.number().int(),
  heldOn: z.string(),
  kind: operationKind,
  leadUnit: z.string(),
  partners: z.string(),
  premisesId: z.string().nullable(),
  premisesName: z.string().nullable(),
  target: z.string(),
  unitCode: z.string(),
  summary: z.string(),
  personsFound: z.number().int(),
  declaredVictims: z.number().int(),
  identifiedVictims: z.number().int(),
  suspects: z.number().int(),
  suspectsCharged: z.number().int(),
  originOffice: z.string(),
  createdAt: z.string(),
});
export type CaseOperation = z.infer<typeof operationSchema>;

const casePersonFull = z.object({
  id: z.string(),
  operationId: z.string(),
  redacted: z.literal(false),
  revision: z.number().int(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  described: z.string(),
  sex,
  nationality: z.string(),
  declaredVictim: z.boolean(),
  identifiedAs: victimKind.nullable(),
  referredTo: z.string(),
  /** A victim must not be returned to the workplace. */
  noReturn: z.boolean(),
  note: z.string(),
  sensitive: z.boolean(),
});
/** A possible victim, for a reader without `sensitive.read`: that there is one, nothing about them. */
const casePersonRedacted = z.object({ id: z.string(), operationId: z.string(), redacted: z.literal(true), sensitive: z.literal(true) });
export const casePersonSchema = z.discriminatedUnion('redacted', [casePersonFull, casePersonRedacted]);
export type CasePerson = z.infer<typeof casePersonSchema>;

export const suspectSchema = z.object({
  id: z.string(),
  revision: z.number().int(),
  operationId: z.string(),
  personId: z.string().nullable(),
  name: z.string(),
  sex,
  nationality: z.string(),
  chargedOn: z.string().nullable(),
  courtOn: z.string().nullable(),
  note: z.string(),
});
export type Suspect = z.infer<typeof suspectSchema>;

export const premisesActionSchema = z.object({
  id: z.string(),
  premisesId: z.string(),
  premisesName: z.string().nullable(),
  action: premisesActionKind,
  onDate: z.string(),
  legalReason: z.string(),
  operationId: z.string().nullable(),
  createdAt: z.string(),
});
export type PremisesAction = z.infer<typeof premisesActionSchema>;

const nationalityCode = z.string().regex(/^[A-Z]{1,3}$/, 'format.countryCode');
const outcome = {
  declaredVictim: z.boolean().default(false),
  identifiedAs: victimKind.nullable().default(null),
  referredTo: text(300).default(''),
  noReturn: z.boolean().default(false),
  note: text(2000).default(''),
};

export const casesStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  unitCode: z.string().nullable(),
  complaints: z.number().int(),
  complaintsByMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
  complaintsByCategory: z.array(z.object({ category: complaintCategory, count: z.number().int() })),
  operations: z.number().int(),
  personsFound: z.number().int(),
  declaredVictims: z.object({ M: z.number().int(), F: z.number().int(), X: z.number().int(), total: z.number().int() }),
  identifiedVictims: z.object({ M: z.number().int(), F: z.number().int(), X: z.number().int(), total: z.number().int() }),
  identifiedByKind: z.array(z.object({ kind: victimKind, count: z.number().int() })),
  referredNoReturn: z.number().int(),
  suspectsCharged: z.number().int(),
  suspectsChargedByNationality: z.array(z.object({ nationality: z.string(), count: z.number().int() })),
  suspectsSentToCourt: z.number().int(),
  sitesClosedPermanently: z.number().int(),
  sitesClosedTemporarily: z.number().int(),
  sitesReopened: z.number().int(),
});
export type CasesStats = z.infer<typeof casesStatsSchema>;

const period = { from: isoDate.optional(), to: isoDate.optional(), unitCode: unitCode.optional() };

export const casesOps = {
  'complaints.create': operation({ request: complaintInput, response: complaintSchema }),
  /** Triage: assign to an officer or unit, link to an operation or an inspection (null unlinks). */
  'complaints.triage': operation({
    request: z.object({
      id: recordId, assignedTo: text(200).optional(), operationId: recordId.nullable().optional(), inspectionId: recordId.nullable().optional(),
    }),
    response: complaintSchema,
  }),
  'complaints.close': operation({
    request: z.object({ id: recordId, date: isoDate, reason: complaintCloseReason, note: text(2000).default('') }),
    response: complaintSchema,
  }),
  'complaints.get': operation({
    request: z.object({ id: recordId }),
    response: z.object({ complaint: complaintSchema, operation: operationSchema.nullable(), timeline: z.array(timelineEntrySchema) }),
  }),
  'complaints.list': operation({
    request: z.object({ ...period, status: complaintStatus.optional(), category: complaintCategory.optional(), premisesId: recordId.optional(), ...pageRequest }),
    response: page(complaintSchema),
  }),
  'operations.create': operation({
    request: z.object({
      heldOn: isoDate, kind: operationKind, leadUnit: text(200).min(1), partners: text(1000).default(''),
      premisesId: recordId.nullable().optional(), target: text(1000).default(''), summary: text(10_000).default(''),
      /** Complaints this operation acts on: linked and marked assigned. */
      complaintIds: z.array(recordId).max(500).default([]),
    }),
    response: operationSchema,
  }),
  'operations.get': operation({
    request: z.object({ id: recordId }),
    response: z.object({
      operation: operationSchema, persons: z.array(casePersonSchema), suspects: z.array(suspectSchema),
      complaints: z.array(complaintSchema), premisesActions: z.array(premisesActionSchema),
    }),
  }),
  'operations.list': operation({
    request: z.object({ ...period, premisesId: recordId.optional(), ...pageRequest }),
    response: page(operationSchema),
  }),
  /** A person found: already registered, registered now (MRZ or typed, as `persons.register`), or described. */
  'operations.addPerson': operation({
    request: z.object({
      operationId: recordId,
      found: z.discriminatedUnion('how', [
        z.object({ how: z.literal('registered'), personId: recordId }),
        z.object({
          how: z.literal('register'), fields: personFields, source: z.enum(['mrz', 'manual']).default('manual'),
          mrz: z.object({ line1: z.string().max(60), line2: z.string().max(60), line3: z.string().max(60).optional() }).optional(),
        }),
        z.object({ how: z.literal('described'), described: text(2000).min(1), sex, nationality: nationalityCode }),
      ]),
      ...outcome,
    }),
    response: casePersonSchema,
  }),
  'operations.updatePerson': operation({
    request: z.object({
      id: recordId,
      patch: z.object({
        declaredVictim: z.boolean().optional(), identifiedAs: victimKind.nullable().optional(), referredTo: text(300).optional(),
        noReturn: z.boolean().optional(), note: text(2000).optional(),
      }),
    }),
    response: casePersonSchema,
  }),
  'operations.addSuspect': operation({
    request: z.object({
      operationId: recordId, personId: recordId.nullable().optional(), name: text(200).default(''), sex, nationality: nationalityCode,
      chargedOn: isoDate.nullable().optional(), courtOn: isoDate.nullable().optional(), note: text(2000).default(''),
    }),
    response: suspectSchema,
  }),
  'operations.updateSuspect': operation({
    request: z.object({
      id: recordId, patch: z.object({ chargedOn: isoDate.nullable().optional(), courtOn: isoDate.nullable().optional(), note: text(2000).optional() }),
    }),
    response: suspectSchema,
  }),
  /** Closures and reopenings of one premises, newest first. */
  'cases.premisesActions': operation({ request: z.object({ premisesId: recordId }), response: z.array(premisesActionSchema) }),
  /** The counts the seeds quote, for a period (inclusive dates) and a unit (province, district or commune). */
  'cases.stats': operation({ request: z.object({ from: isoDate, to: isoDate, unitCode: unitCode.optional() }), response: casesStatsSchema }),
};
