import { z } from 'zod';
import { isoDate, jobId, recordId } from './common.js';
import { operation } from './define.js';
import { officeDateTime } from './stays.js';
import {
  alertKind, alertSchema, duplicateReviewSchema, employerInput, employerSchema, employmentInput,
  employmentSchema, fieldComparisonSchema, icaoCode, ownerInput, ownerLinkSchema, ownerRole, ownerSchema, page,
  pageRequest, patchOf, personFieldName, personFields, personSchema, personSummarySchema, premisesInput, premisesSchema,
  premisesStatus, premisesType, searchHitSchema, staySchema, unitCode, workStatus,
} from './registration-schemas.js';

export * from './registration-schemas.js';

/**
 * Registration: premises, owners, foreigners, stays, employers, employment, duplicates, alerts, search, MRZ.
 * Every write is logged in the change log; `history.forRecord` with entity `premises`, `owner`, `premises_owner`,
 * `person`, `stay`, `employer`, `employment` or `duplicate_review` shows it.
 * Where time matters, `today` (YYYY-MM-DD) may be passed; it defaults to the backend's date.
 */

export const mrzCheckField = z.enum(['documentNumber', 'birthDate', 'expiryDate', 'optionalData', 'composite']);
export const mrzResultSchema = z.object({
  /** ICAO 9303 layout: TD3 passport, TD2/TD1 card, MRV-A/MRV-B visa. */
  format: z.enum(['TD3', 'TD2', 'TD1', 'MRVA', 'MRVB']),
  kind: z.enum(['passport', 'card', 'visa']),
  /** Every line well-formed and every check digit correct. */
  valid: z.boolean(),
  lines: z.array(z.string()),
  line1: z.string(),
  line2: z.string(),
  fields: z.object({
    documentCode: z.string(),
    issuingState: z.string(),
    surname: z.string(),
    givenNames: z.string(),
    documentNumber: z.string(),
    nationality: z.string(),
    /** ISO date, or null when the digits are not a date. */
    birthDate: z.string().nullable(),
    sex: z.enum(['M', 'F', 'X']),
    expiryDate: z.string().nullable(),
    optionalData: z.string(),
  }),
  checks: z.array(z.object({ field: mrzCheckField, valid: z.boolean(), expected: z.string(), found: z.string() })),
  /** Character fixes (O/0, I/1, B/8) that make a failing check digit pass; `lines` are the corrected lines (`line2` the second). */
  suggestions: z.array(z.object({
    field: mrzCheckField, line: z.number().int(), position: z.number().int(), from: z.string(), to: z.string(), lines: z.array(z.string()), line2: z.string(),
  })),
  /** Format problems, as error codes under `errors.` with params (wrong length, bad characters, bad date…). */
  problems: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
});
export type MrzResultDto = z.infer<typeof mrzResultSchema>;

const premisesFilter = z.object({
  /** Province, district or commune code. */
  unitCode: unitCode.optional(),
  type: premisesType.optional(),
  status: premisesStatus.optional(),
  alert: alertKind.optional(),
  /** Name prefix / words (same rules as the search box). */
  query: z.string().max(200).optional(),
  today: isoDate.optional(),
  ...pageRequest,
});

const personFilter = z.object({
  unitCode: unitCode.optional(),
  nationality: icaoCode.optional(),
  /** `present`: has an open stay; `departed`: had stays, none open; `all` (default) excludes merged records. */
  status: z.enum(['present', 'departed', 'all']).default('all'),
  alert: alertKind.optional(),
  premisesId: recordId.optional(),
  employerId: recordId.optional(),
  today: isoDate.optional(),
  ...pageRequest,
});

const byId = z.object({ id: recordId });
const byIdToday = z.object({ id: recordId, today: isoDate.optional() });

export const registrationOps = {
  // Premises
  'premises.create': operation({ request: premisesInput, response: premisesSchema }),
  'premises.update': operation({ request: z.object({ id: recordId, patch: patchOf(premisesInput) }), response: premisesSchema }),
  'premises.close': operation({
    request: z.object({
      id: recordId, status: z.enum(['temporarily_closed', 'permanently_closed']), date: isoDate, reason: z.string().trim().min(1).max(1000),
      /** Required when people are staying: all depart at a time, or all move to another premises arriving at that time. */
      guests: z.discriminatedUnion('action', [
        z.object({ action: z.literal('depart'), at: officeDateTime }),
        z.object({ action: z.literal('move'), at: officeDateTime, toPremisesId: recordId }),
      ]).optional(),
      /** The operation (raid, rescue) that caused the closure; the reason is its legal reason (cases). */
      operationId: recordId.optional(),
    }),
    response: premisesSchema,
  }),
  'premises.reopen': operation({
    request: byId.extend({ date: isoDate.optional(), reason: z.string().trim().max(1000).optional(), operationId: recordId.optional() }),
    response: premisesSchema,
  }),
  'premises.get': operation({
    request: byIdToday,
    response: z.object({
      premises: premisesSchema,
      owners: z.array(ownerLinkSchema),
      staysNow: z.array(staySchema),
      /** Most recent first, up to 200. */
      staysBefore: z.array(staySchema),
      alerts: z.array(alertSchema),
    }),
  }),
  'premises.list': operation({ request: premisesFilter, response: page(premisesSchema) }),

  // Owners and managers
  'owners.create': operation({
    request: ownerInput.extend({ premisesId: recordId.optional(), role: ownerRole.optional() }),
    response: ownerSchema,
  }),
  'owners.update': operation({ request: z.object({ id: recordId, patch: patchOf(ownerInput) }), response: ownerSchema }),
  'owners.get': operation({ request: byId, response: z.object({ owner: ownerSchema, premises: z.array(ownerLinkSchema) }) }),
  'owners.list': operation({ request: z.object({ query: z.string().max(200).optional(), premisesId: recordId.optional(), ...pageRequest }), response: page(ownerSchema) }),
  'owners.link': operation({
    request: z.object({ ownerId: recordId, premisesId: recordId, role: ownerRole, since: isoDate.nullable().optional() }),
    response: ownerLinkSchema,
  }),
  'owners.unlink': operation({ request: z.object({ linkId: recordId }), response: z.object({ linkId: z.string() }) }),

  // Foreigners
  'persons.register': operation({
    request: z.object({
      fields: personFields,
      source: z.enum(['mrz', 'manual', 'import']).default('manual'),
      /** With source `mrz`: the lines read (a TD1 card has three), checked again by the backend. */
      mrz: z.object({ line1: z.string().max(60), line2: z.string().max(60), line3: z.string().max(60).optional() }).optional(),
      today: isoDate.optional(),
    }),
    response: z.object({
      /** `existing`: a person with the same (nationality, passport number, birth date) was already registered; nothing changed. */
      status: z.enum(['created', 'existing']),
      person: personSchema,
      /** Possible duplicates found (queued for review); empty for `existing`. */
      possibleDuplicates: z.array(personSummarySchema),
    }),
  }),
  'persons.update': operation({
    request: z.object({ id: recordId, patch: patchOf(personFields), today: isoDate.optional() }),
    response: personSchema,
  }),
  'persons.get': operation({
    request: byIdToday,
    response: z.object({
      person: personSchema,
      stays: z.array(staySchema),
      employments: z.array(employmentSchema),
      alerts: z.array(alertSchema),
      /** Open duplicate reviews naming this person. */
      duplicates: z.array(duplicateReviewSchema),
    }),
  }),
  'persons.list': operation({ request: personFilter, response: page(personSummarySchema) }),
  'persons.search': operation({
    request: z.object({
      /** One box: name parts in any order, prefixes, passport numbers, premises or employer names, Latin or Khmer. */
      query: z.string().max(200),
      entities: z.array(z.enum(['person', 'premises', 'employer', 'owner'])).optional(),
      ...pageRequest,
      limit: z.number().int().min(1).max(200).default(20),
    }),
    response: page(searchHitSchema),
  }),

  // Employers and employment
  'employers.create': operation({ request: employerInput, response: employerSchema }),
  'employers.update': operation({ request: z.object({ id: recordId, patch: patchOf(employerInput) }), response: employerSchema }),
  'employers.get': operation({ request: byIdToday, response: z.object({ employer: employerSchema, employments: z.array(employmentSchema), alerts: z.array(alertSchema) }) }),
  'employers.list': operation({
    request: z.object({ unitCode: unitCode.optional(), query: z.string().max(200).optional(), overCap: z.boolean().optional(), ...pageRequest }),
    response: page(employerSchema),
  }),
  'employment.record': operation({ request: employmentInput.extend({ personId: recordId, employerId: recordId }), response: employmentSchema }),
  'employment.update': operation({ request: z.object({ id: recordId, patch: patchOf(employmentInput) }), response: employmentSchema }),
  'employment.end': operation({ request: z.object({ id: recordId, endDate: isoDate }), response: employmentSchema }),

  // Identity and duplicates
  'duplicates.list': operation({
    request: z.object({ status: z.enum(['open', 'merged', 'dismissed']).default('open'), personId: recordId.optional(), ...pageRequest }),
    response: page(duplicateReviewSchema),
  }),
  'duplicates.compare': operation({
    request: z.object({ aId: recordId, bId: recordId }),
    response: z.object({
      a: personSchema,
      b: personSchema,
      fields: z.array(fieldComparisonSchema),
      staysA: z.number().int(), staysB: z.number().int(),
      employmentsA: z.number().int(), employmentsB: z.number().int(),
    }),
  }),
  'duplicates.merge': operation({
    request: z.object({
      /** The record that stays. */
      keepId: recordId,
      /** The record merged into it: marked `mergedInto`, its stays and employment re-pointed. */
      mergeId: recordId,
      /** For each differing field, whose value to keep; unlisted fields keep `keepId`'s value. */
      take: z.partialRecord(personFieldName, z.enum(['keep', 'merge'])).default({}),
      reviewId: recordId.optional(),
    }),
    response: z.object({ person: personSchema, movedStays: z.number().int(), movedEmployments: z.number().int() }),
  }),
  'duplicates.dismiss': operation({
    request: z.object({ reviewId: recordId, note: z.string().trim().max(1000).default('') }),
    response: duplicateReviewSchema,
  }),

  // Alerts
  'alerts.list': operation({
    request: z.object({
      today: isoDate.optional(),
      kinds: z.array(alertKind).optional(),
      /** Alerts of one record only (person, premises or employer id). */
      recordId: recordId.optional(),
      unitCode: unitCode.optional(),
      ...pageRequest,
    }),
    response: page(alertSchema).extend({
      counts: z.partialRecord(alertKind, z.number().int()),
      /** Foreigners (each once) with a passport or visa expiring within 30 days, as the home figure counts them, in the same scope as `counts`; null for one record's alerts. */
      expiringPeople: z.number().int().nullable(),
    }),
  }),

  // MRZ
  'mrz.parse': operation({
    /** The lines as read; all of them in `line1` (any separators, or none) is fine too. */
    request: z.object({ line1: z.string().max(300), line2: z.string().max(100).default(''), line3: z.string().max(100).optional(), today: isoDate.optional() }),
    response: mrzResultSchema,
  }),

  // Whole register
  'registration.stats': operation({
    request: z.object({ today: isoDate.optional() }),
    response: z.object({
      persons: z.number().int(),
      personsPresent: z.number().int(),
      premises: z.number().int(),
      owners: z.number().int(),
      staysOpen: z.number().int(),
      employers: z.number().int(),
      employmentsCurrent: z.number().int(),
      duplicatesOpen: z.number().int(),
      byNationality: z.array(z.object({ nationality: z.string(), count: z.number().int() })),
      byWorkStatus: z.partialRecord(workStatus, z.number().int()),
      alerts: z.partialRecord(alertKind, z.number().int()),
    }),
  }),
  /** Synthetic register for demos, tests and benchmarks: premises, owners, foreigners with valid MRZ, stays, employment. */
  'registration.demo': operation({
    request: z.object({ persons: z.number().int().min(1).max(2_000_000), seed: z.number().int().default(1), today: isoDate.optional(), jobId }),
    response: z.object({ persons: z.number().int(), premises: z.number().int(), owners: z.number().int(), employers: z.number().int(), stays: z.number().int(), employments: z.number().int(), ms: z.number() }),
    job: true,
  }),
};

export type RegistrationOp = keyof typeof registrationOps;
