import { z } from 'zod';
import { isoDate, recordId } from './common.js';
import { operation } from './define.js';
import { printLang, printResultSchema } from './print.js';
import { page, pageRequest, premisesType, unitCode, workStatus } from './registration-schemas.js';

/**
 * Declaration campaigns (premises reporting and pledge, seed 004; employer work-status declaration,
 * seed 000), the declarations received for them, inspections and referrals. A campaign belongs to the
 * office that made it; its targets are the premises or employers in its scope, listed as they are
 * registered. Where time matters `today` (YYYY-MM-DD) may be passed; it defaults to the office's date.
 */

const text = (max: number) => z.string().trim().max(max);

export const campaignKind = z.enum(['premises_pledge', 'employer_declaration']);
export const targetState = z.enum(['not_yet', 'on_time', 'late', 'missing', 'exempt']);
export type TargetState = z.infer<typeof targetState>;
export const workerCategory = z.enum(['office', 'skilled', 'unskilled']);
export const inspectionReason = z.enum(['late', 'missing', 'over_quota', 'no_pledge', 'ad_hoc']);
export const planRule = z.enum(['late', 'missing', 'over_quota', 'no_pledge']);
export const finding = z.enum(['permit_valid', 'application_receipt', 'no_permit', 'exempt', 'diplomat']);
export const inspectionOutcome = z.enum(['compliant', 'notice', 'referred']);
export const referralAuthority = z.enum(['prosecutor', 'governor', 'commission', 'police']);
export const referralGrounds = z.enum(['other_offence', 'trafficking', 'labour_exploitation', 'sex_trade']);
/** Grounds that must go at once to the inter-ministerial commission and the nearest police command. */
export const URGENT_GROUNDS = ['trafficking', 'labour_exploitation', 'sex_trade'] as const;
export const proofStatus = z.enum(['none', 'pending', 'received', 'action']);
/** Days an employer has, after an inspection, to show proof of a work-permit application. */
export const PROOF_DAYS = 20;

export const campaignInput = z.object({
  kind: campaignKind,
  title: text(200).min(1),
  legalReference: text(2000).default(''),
  scopeUnits: z.array(unitCode).min(1).max(200),
  startDate: isoDate,
  deadline: isoDate,
  /** Premises campaigns: the types targeted; empty = every type. */
  targetTypes: z.array(premisesType).default([]),
  /** Employer campaigns: the sectors targeted (as written on employers); empty = every sector. */
  targetSectors: z.array(text(100).min(1)).max(50).default([]),
});

export const stateCounts = z.object({
  targets: z.number().int(),
  not_yet: z.number().int(), on_time: z.number().int(), late: z.number().int(), missing: z.number().int(), exempt: z.number().int(),
});
export type StateCounts = z.infer<typeof stateCounts>;

export const campaignSchema = campaignInput.extend({
  id: z.string(),
  revision: z.number().int(),
  status: z.enum(['open', 'closed']),
  originOffice: z.string(),
  /** The name of the office that made it, from the key directory (null when not known here). */
  originOfficeName: z.string().nullable(),
  /** This office made the campaign (and may change it). */
  own: z.boolean(),
  createdAt: z.string(),
  /** Days from `today` to the deadline (negative once passed). */
  daysLeft: z.number().int(),
  counts: stateCounts,
});
export type Campaign = z.infer<typeof campaignSchema>;

export const communeCounts = stateCounts.extend({
  communeCode: z.string(), placeLatin: z.string(), placeKm: z.string(),
  /** Declared on time / declared, 0..1 (null when nothing declared yet). */
  timeliness: z.number().nullable(),
});

export const targetSchema = z.object({
  kind: z.enum(['premises', 'employer']),
  id: z.string(),
  nameLatin: z.string(),
  nameKm: z.string(),
  communeCode: z.string(),
  placeLatin: z.string(),
  placeKm: z.string(),
  state: targetState,
  declarationId: z.string().nullable(),
  receivedOn: z.string().nullable(),
  /** Days received after the deadline (late), or days since the deadline (missing); else 0. */
  daysLate: z.number().int(),
  /** The declared workforce is above the 10% quota or its 3/6/1 split. */
  overQuota: z.boolean(),
  pledgeSigned: z.boolean(),
  /** Inspections of this target in this campaign. */
  inspections: z.number().int(),
});
export type CampaignTarget = z.infer<typeof targetSchema>;

const workforce = {
  officeKm: z.number().int().min(0).max(10_000_000).default(0),
  officeForeign: z.number().int().min(0).max(10_000_000).default(0),
  skilledKm: z.number().int().min(0).max(10_000_000).default(0),
  skilledForeign: z.number().int().min(0).max(10_000_000).default(0),
  unskilledKm: z.number().int().min(0).max(10_000_000).default(0),
  unskilledForeign: z.number().int().min(0).max(10_000_000).default(0),
};

export const declarationWorkerInput = z.object({
  personId: recordId,
  category: workerCategory,
  workStatus,
  permitNo: text(50).default(''),
  receiptNo: text(50).default(''),
  permitExpiry: isoDate.nullable().optional(),
});

export const declarationInput = z.object({
  campaignId: recordId,
  targetId: recordId,
  receivedOn: isoDate,
  status: z.enum(['declared', 'exempt']).default('declared'),
  exemptReason: text(1000).default(''),
  ...workforce,
  pledgeSigned: z.boolean().default(false),
  note: text(2000).default(''),
  workers: z.array(declarationWorkerInput).max(5000).default([]),
});

const categoryCheck = z.object({ foreign: z.number().int(), allowed: z.number().int(), share: z.number(), limit: z.number(), over: z.boolean() });
export const quotaSchema = z.object({
  total: z.number().int(), foreign: z.number().int(), share: z.number(), allowed: z.number().int(), over: z.boolean(),
  categories: z.object({ office: categoryCheck, skilled: categoryCheck, unskilled: categoryCheck }),
});

export const declarationSchema = z.object({
  id: z.string(),
  revision: z.number().int(),
  campaignId: z.string(),
  targetKind: z.enum(['premises', 'employer']),
  targetId: z.string(),
  targetName: z.string(),
  receivedOn: z.string(),
  status: z.enum(['declared', 'exempt']),
  exemptReason: z.string(),
  officeKm: z.number().int(), officeForeign: z.number().int(),
  skilledKm: z.number().int(), skilledForeign: z.number().int(),
  unskilledKm: z.number().int(), unskilledForeign: z.number().int(),
  pledgeSigned: z.boolean(),
  note: z.string(),
  /** on_time or late against the campaign's deadline (exempt for an exemption). */
  state: targetState,
  quota: quotaSchema,
  workers: z.array(z.object({
    id: z.string(), personId: z.string(), personName: z.string(), nationality: z.string(), passportNo: z.string(),
    category: workerCategory, workStatus, permitNo: z.string(), receiptNo: z.string(), permitExpiry: z.string().nullable(),
  })),
  /** The worker count per category differs from the foreign headcount declared for it. */
  workerCountMismatch: z.boolean(),
});
export type Declaration = z.infer<typeof declarationSchema>;

export const inspectionSummarySchema = z.object({
  id: z.string(),
  campaignId: z.string().nullable(),
  campaignTitle: z.string().nullable(),
  targetKind: z.enum(['premises', 'employer']),
  targetId: z.string(),
  siteName: z.string(),
  siteNameKm: z.string(),
  communeCode: z.string(),
  reason: inspectionReason,
  plannedOn: z.string(),
  inspectedOn: z.string().nullable(),
  status: z.enum(['planned', 'done']),
  outcome: z.union([inspectionOutcome, z.literal('')]),
  personsFound: z.number().int(),
  /** Workers without a permit whose 20 days are still running. */
  proofPending: z.number().int(),
});
export type InspectionSummary = z.infer<typeof inspectionSummarySchema>;

export const inspectionPersonSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  nationality: z.string(),
  passportNo: z.string(),
  birthDate: z.string(),
  finding,
  permitNo: z.string(),
  receiptNo: z.string(),
  note: z.string(),
  proofDue: z.string().nullable(),
  proofStatus,
  proofOn: z.string().nullable(),
  proofRef: z.string(),
  actionTaken: z.string(),
  /** Days until (positive) or since (negative) the proof deadline while pending; else null. */
  proofDays: z.number().int().nullable(),
});
export type InspectionPerson = z.infer<typeof inspectionPersonSchema>;

export const referralSchema = z.object({
  id: z.string(),
  inspectionId: z.string(),
  authority: referralAuthority,
  grounds: referralGrounds,
  urgent: z.boolean(),
  referredOn: z.string(),
  note: z.string(),
  acknowledged: z.boolean(),
});
export type Referral = z.infer<typeof referralSchema>;

export const differenceSchema = z.object({
  kind: z.enum(['not_declared', 'not_found', 'status_differs', 'headcount_differs']),
  personId: z.string().nullable(),
  personName: z.string(),
  declared: z.string(),
  found: z.string(),
});

export const inspectionDetailSchema = z.object({
  inspection: inspectionSummarySchema.extend({
    team: z.array(z.string()),
    premisesFindings: z.string(),
    outcomeNote: z.string(),
    docNo: z.string(),
    revision: z.number().int(),
    placeLatin: z.string(),
    placeKm: z.string(),
    address: z.string(),
  }),
  persons: z.array(inspectionPersonSchema),
  referrals: z.array(referralSchema),
  /** The declaration for this site in the inspection's campaign, when there is one. */
  declarationId: z.string().nullable(),
  differences: z.array(differenceSchema),
});
export type InspectionDetail = z.infer<typeof inspectionDetailSchema>;

export const inspectionPersonInput = z.object({
  personId: recordId,
  finding,
  permitNo: text(50).default(''),
  receiptNo: text(50).default(''),
  note: text(1000).default(''),
});

const byId = z.object({ id: recordId, today: isoDate.optional() });

export const campaignsOps = {
  'campaigns.create': operation({ request: campaignInput, response: campaignSchema }),
  'campaigns.close': operation({ request: z.object({ id: recordId }), response: campaignSchema }),
  'campaigns.list': operation({
    request: z.object({ status: z.enum(['open', 'closed']).optional(), today: isoDate.optional(), ...pageRequest }),
    response: page(campaignSchema),
  }),
  'campaigns.get': operation({
    request: byId,
    response: z.object({ campaign: campaignSchema, byCommune: z.array(communeCounts) }),
  }),
  'campaigns.targets': operation({
    request: z.object({
      id: recordId, state: targetState.optional(), communeCode: unitCode.optional(), today: isoDate.optional(), ...pageRequest,
    }),
    response: page(targetSchema),
  }),
  'declarations.record': operation({ request: declarationInput, response: declarationSchema }),
  'declarations.get': operation({ request: z.object({ id: recordId }), response: declarationSchema }),
  'inspections.plan': operation({
    request: z.object({ campaignId: recordId, rules: z.array(planRule).min(1), plannedOn: isoDate, today: isoDate.optional() }),
    response: z.object({ planned: z.number().int(), alreadyPlanned: z.number().int(), inspections: z.array(inspectionSummarySchema) }),
  }),
  'inspections.create': operation({
    request: z.object({
      campaignId: recordId.nullable().default(null), targetKind: z.enum(['premises', 'employer']), targetId: recordId, plannedOn: isoDate,
    }),
    response: inspectionSummarySchema,
  }),
  'inspections.record': operation({
    request: z.object({
      id: recordId,
      inspectedOn: isoDate,
      team: z.array(text(200).min(1)).min(1).max(30),
      persons: z.array(inspectionPersonInput).max(2000).default([]),
      premisesFindings: text(4000).default(''),
      outcome: inspectionOutcome,
      outcomeNote: text(2000).default(''),
      /** Evidence found on site: trafficking, labour exploitation or sex trade are referred at once, urgently. */
      evidence: z.array(z.enum(URGENT_GROUNDS)).default([]),
      referrals: z.array(z.object({ authority: referralAuthority, grounds: referralGrounds, note: text(1000).default('') })).max(20).default([]),
      today: isoDate.optional(),
    }),
    response: inspectionDetailSchema,
  }),
  'inspections.proof': operation({
    request: z.object({
      inspectionPersonId: recordId,
      /** `received`: the employer showed a receipt or permit; `action`: the deadline passed without proof and this was done. */
      result: z.enum(['received', 'action']),
      date: isoDate,
      reference: text(100).default(''),
      action: text(1000).default(''),
      today: isoDate.optional(),
    }),
    response: inspectionDetailSchema,
  }),
  'inspections.refer': operation({
    request: z.object({ inspectionId: recordId, authority: referralAuthority, grounds: referralGrounds, note: text(1000).default(''), today: isoDate.optional() }),
    response: referralSchema,
  }),
  'referrals.acknowledge': operation({ request: z.object({ id: recordId }), response: referralSchema }),
  'inspections.get': operation({ request: byId, response: inspectionDetailSchema }),
  'inspections.list': operation({
    request: z.object({
      campaignId: recordId.optional(), status: z.enum(['planned', 'done']).optional(), proofPending: z.boolean().optional(), ...pageRequest,
    }),
    response: page(inspectionSummarySchema),
  }),
  /**
   * Province (or national office): bundles of this office's campaigns for the offices directly below whose unit is
   * in their scope, one per office. The CLI writes them to `dir`; the page gets them back as bytes to save.
   */
  'campaigns.sendDown': operation({
    request: z.object({
      passphrase: z.string().min(1).max(1000), offices: z.array(z.string().max(200)).max(1000).default([]), dir: z.string().min(1).max(2000).optional(),
    }),
    page: z.object({ passphrase: z.string().min(1).max(1000), offices: z.array(z.string().max(200)).max(1000).optional() }).strict(),
    response: z.object({
      files: z.array(z.string()), offices: z.array(z.string()), records: z.number().int(),
      bundles: z.array(z.object({ name: z.string(), base64: z.string() })),
    }),
  }),
  /** The inspection report PDF (Khmer first); the CLI may write it to `out`, the page gets it back as bytes. */
  'print.inspectionReport': operation({
    request: z.object({ inspectionId: recordId, lang: printLang.default('km+en'), out: z.string().min(1).max(1000).optional() }),
    page: z.object({ inspectionId: recordId, lang: printLang.optional() }).strict(),
    response: printResultSchema,
  }),
  /** The notice for owners and employers: the campaign, what to do, the deadline, the legal reference. */
  'print.campaignNotice': operation({
    request: z.object({ campaignId: recordId, lang: printLang.default('km+en'), out: z.string().min(1).max(1000).optional() }),
    page: z.object({ campaignId: recordId, lang: printLang.optional() }).strict(),
    response: printResultSchema,
  }),
};

export type CampaignsOp = keyof typeof campaignsOps;
