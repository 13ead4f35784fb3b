import {
  ownerRole, pledgeStatus, premisesStatus, premisesType, sex, visaType, workStatus,
} from '../contract/registration-schemas.js';
import {
  complaintCategory, complaintChannel, complaintCloseReason, complaintStatus, operationKind, premisesActionKind, urgency, victimKind,
} from '../contract/cases.js';
import {
  bool, cleanText, shownId, code, date, int, isUuid, nationality, real, stamp, text, unitCheck, uuid,
  type FieldRule, type Reason, type StoredValue, type ValidationContext,
} from './rules.js';
import { ROLES } from '../permissions.js';

/**
 * One validator per entity, over stored rows (column names). The write path
 * (`electron/db/changes.ts`) calls it for every local insert and update and for every change
 * from another office, so both meet exactly the same rules.
 */

export interface Problem {
  entity: string;
  id: string;
  /** Column name, `id` for the record id. */
  field: string;
  reason: Reason;
  limit?: number;
}

interface EntityRules {
  /** Form of the record id. */
  id: (id: string) => boolean;
  fields: Record<string, FieldRule>;
}

/** Unit codes are checked together by `addressCheck` (each inside the one above). */
const byAddressCheck: FieldRule = { required: true, check: () => null };
const address = {
  province_code: byAddressCheck,
  district_code: byAddressCheck,
  commune_code: byAddressCheck,
  village: text(200),
  street: text(200),
  house_no: text(50),
};

/** Province, district and commune: each known at its level, each inside the one above. */
function addressCheck(row: Record<string, StoredValue>, ctx: ValidationContext): { field: string; reason: Reason } | null {
  const levels = [['province_code', 'province'], ['district_code', 'district'], ['commune_code', 'commune']] as const;
  let parent = '';
  for (const [field, level] of levels) {
    const value = row[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return { field, reason: 'wrongType' };
    const reason = unitCheck(level, value, ctx);
    if (reason) return { field, reason };
    if (parent && !value.startsWith(parent)) return { field, reason: 'unitMismatch' };
    parent = value;
  }
  return null;
}

const RECORD = isUuid;
const SHA256_HEX: FieldRule = { required: true, check: (v) => (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? null : 'badCode') };

// ── Campaigns, declarations, inspections, referrals (issue 12) ──────────────
const HEADCOUNT = () => int(0, 10_000_000);
const UNIT_LIST: FieldRule = {
  required: true,
  check: (v) => (typeof v === 'string' && /^\d{2}(\d{2}(\d{2})?)?( \d{2}(\d{2}(\d{2})?)?){0,199}$/.test(v) ? null : 'badCode'),
};
const TYPE_LIST: FieldRule = {
  required: false, notNull: true,
  check: (v) => (typeof v === 'string' && (v === '' || v.split(' ').every((t) => (premisesType.options as readonly string[]).includes(t))) ? null : 'notInList'),
};
const CAMPAIGN_RULES: Record<string, EntityRules> = {
  campaign: {
    id: isUuid,
    fields: {
      kind: code(['premises_pledge', 'employer_declaration'], { required: true }), title: text(200, { min: 1 }),
      legal_reference: text(2000, { multiline: true }), scope_units: UNIT_LIST, start_date: date(true), deadline: date(true),
      target_types: TYPE_LIST, target_sectors: text(5100), status: code(['open', 'closed']), created_at: stamp(true),
    },
  },
  declaration: {
    id: isUuid,
    fields: {
      campaign_id: uuid(true), target_kind: code(['premises', 'employer'], { required: true }), target_id: uuid(true), received_on: date(true),
      status: code(['declared', 'exempt']), exempt_reason: text(1000, { multiline: true }),
      office_km: HEADCOUNT(), office_foreign: HEADCOUNT(), skilled_km: HEADCOUNT(), skilled_foreign: HEADCOUNT(),
      unskilled_km: HEADCOUNT(), unskilled_foreign: HEADCOUNT(), pledge_signed: bool(), note: text(2000, { multiline: true }), created_at: stamp(true),
    },
  },
  declaration_worker: {
    id: isUuid,
    fields: {
      declaration_id: uuid(true), person_id: uuid(true), category: code(['office', 'skilled', 'unskilled'], { required: true }),
      work_status: code(workStatus.options, { required: true }), permit_no: text(50), receipt_no: text(50), permit_expiry: date(),
    },
  },
  inspection: {
    id: isUuid,
    fields: {
      campaign_id: uuid(), target_kind: code(['premises', 'employer'], { required: true }), target_id: uuid(true),
      reason: code(['late', 'missing', 'over_quota', 'no_pledge', 'ad_hoc'], { required: true }), planned_on: date(true), inspected_on: date(),
      status: code(['planned', 'done']), team: text(6200, { multiline: true }), premises_findings: text(4000, { multiline: true }),
      outcome: code(['', 'compliant', 'notice', 'referred']), outcome_note: text(2000, { multiline: true }), doc_no: text(100), created_at: stamp(true),
    },
  },
  inspection_person: {
    id: isUuid,
    fields: {
      inspection_id: uuid(true), person_id: uuid(true),
      finding: code(['permit_valid', 'application_receipt', 'no_permit', 'exempt', 'diplomat'], { required: true }),
      permit_no: text(50), receipt_no: text(50), note: text(1000, { multiline: true }), proof_due: date(),
      proof_status: code(['none', 'pending', 'received', 'action']), proof_on: date(), proof_ref: text(100), action_taken: text(1000, { multiline: true }),
    },
  },
  referral: {
    id: isUuid,
    fields: {
      inspection_id: uuid(true), authority: code(['prosecutor', 'governor', 'commission', 'police'], { required: true }),
      grounds: code(['other_offence', 'trafficking', 'labour_exploitation', 'sex_trade'], { required: true }), urgent: bool(),
      referred_on: date(true), note: text(1000, { multiline: true }), acknowledged: bool(), created_at: stamp(true),
    },
  },
};
/** A province, district or commune code, or empty (an office without a unit). */
const UNIT_OR_NONE: FieldRule = { required: true, check: (v) => (typeof v === 'string' && /^(\d{2}(\d{2}(\d{2})?)?)?$/.test(v) ? null : 'badCode') };
const ADDRESS_FIELDS = ['province_code', 'district_code', 'commune_code'];

export const ENTITY_RULES: Record<string, EntityRules> = {
  premises: {
    id: RECORD,
    fields: {
      name_latin: text(200, { min: 1 }), name_km: text(200), type: code(premisesType.options, { required: true }), ...address,
      latitude: real(-90, 90), longitude: real(-180, 180), rooms: int(0, 100_000), beds: int(0, 1_000_000),
      business_reg_no: text(100), phone: text(50), status: code(premisesStatus.options), closed_on: date(),
      close_reason: text(2000, { multiline: true }), pledge_status: code(pledgeStatus.options), created_at: stamp(true),
    },
  },
  owner: {
    id: RECORD,
    fields: {
      surname: text(100, { min: 1 }), given_names: text(150), name_km: text(200), sex: code(sex.options, { required: true }), birth_date: date(),
      nationality: nationality(), id_kind: code(['khmer_id', 'passport', 'other'], { required: true }), id_number: text(50), phone: text(50), created_at: stamp(true),
    },
  },
  premises_owner: {
    id: RECORD,
    fields: { owner_id: uuid(true), premises_id: uuid(true), role: code(ownerRole.options, { required: true }), since: date() },
  },
  person: {
    id: RECORD,
    fields: {
      surname: text(100, { min: 1 }), given_names: text(150), name_km: text(200), sex: code(sex.options, { required: true }), birth_date: date(true),
      nationality: nationality(), passport_no: text(20, { min: 1 }), issuing_state: nationality(), passport_issued: date(),
      passport_expiry: date(true), visa_type: code(visaType.options, { nullable: true }), visa_no: text(50), visa_expiry: date(), entry_date: date(),
      entry_point: text(100), diplomatic: bool(), phone: text(50), note: text(2000, { multiline: true }),
      source: code(['mrz', 'manual', 'import', 'demo'], { required: true }), merged_into: uuid(), name_key: text(500), passport_key: text(40),
      created_at: stamp(true),
    },
  },
  passport: {
    id: RECORD,
    fields: {
      person_id: uuid(true), passport_no: text(20, { min: 1 }), issuing_state: nationality(), issued_on: date(), expires_on: date(true),
      status: code(['current', 'previous'], { required: true }), replaced_on: date(), created_at: stamp(true),
    },
  },
  stay: {
    id: RECORD,
    fields: {
      person_id: uuid(true), premises_id: uuid(true), room: text(50), arrived_at: stamp(true), reported_at: stamp(true),
      departed_on: date(), late: bool(), departed_at: stamp(), change_reason: text(1000, { multiline: true }),
    },
  },
  employer: {
    id: RECORD,
    fields: {
      name_latin: text(200, { min: 1 }), name_km: text(200), registration_no: text(100), sector: text(100), ...address,
      workforce_total: int(0, 10_000_000, true), cambodian_count: int(0, 10_000_000, true), phone: text(50), created_at: stamp(true),
    },
  },
  employment: {
    id: RECORD,
    fields: {
      person_id: uuid(true), employer_id: uuid(true), job_title: text(200), start_date: date(true), end_date: date(),
      work_permit_no: text(50), work_permit_expiry: date(), employment_card_no: text(50), work_status: code(workStatus.options, { required: true }),
      receipt_no: text(50),
    },
  },
  duplicate_review: {
    id: RECORD,
    fields: {
      person_a: uuid(true), person_b: uuid(true), reason: code(['same_name_birth', 'similar_passport'], { required: true }),
      status: code(['open', 'merged', 'dismissed']), note: text(2000, { multiline: true }), created_at: stamp(true),
      decided_by: text(200, { nullable: true }), decided_at: stamp(),
    },
  },
  person_merge: {
    id: RECORD,
    fields: {
      kept_id: uuid(true), merged_id: uuid(true), review_id: uuid(), fields_json: text(200_000, { min: 2 }),
      moved_stays: int(0, 10_000_000, true), moved_employments: int(0, 10_000_000, true), merged_at: stamp(true),
    },
  },
  pledge: {
    id: RECORD,
    fields: {
      premises_id: uuid(true), doc_no: text(100, { min: 1 }), year: int(1900, 2199, true), printed_at: stamp(true),
      signed_on: date(), witness: text(200),
    },
  },
  receipt: {
    id: RECORD,
    fields: {
      stay_id: uuid(true), number: text(40, { min: 1 }), year: int(1900, 2199, true), seq: int(1, 99_999_999, true), printed_at: stamp(true),
    },
  },
  office: {
    id: RECORD,
    fields: {
      level: code(['commune', 'province', 'national'], { required: true }), name: text(200, { min: 1 }), created_at: stamp(true),
      unit_code: { required: true, check: (v) => (typeof v === 'string' && /^(\d{2}(\d{2}(\d{2})?)?)?$/.test(v) ? null : 'badCode') },
    },
  },
  admin_unit: {
    id: (id) => /^\d{2}(\d{2}(\d{2})?)?$/.test(id),
    fields: {
      level: code(['province', 'district', 'commune'], { required: true }),
      parent_code: { required: false, check: (v) => (typeof v === 'string' && /^\d{2}(\d{2})?$/.test(v) ? null : 'badCode') },
      type_km: text(100, { min: 1 }), type_latin: text(100, { min: 1 }), type_en: text(100, { min: 1 }),
      name_km: text(200, { min: 1 }), name_latin: text(200, { min: 1 }), name_en: text(200, { min: 1 }), retired: bool(),
    },
  },
  reference_version: {
    id: (id) => /^[a-z0-9_.-]{1,64}$/.test(id),
    fields: { version: text(100, { min: 1 }), imported_at: stamp(true), row_count: int(0, 1_000_000_000, true) },
  },
  ...CAMPAIGN_RULES,
  // Cases (complaints, operations, persons found, suspects, premises actions).
  complaint: {
    id: RECORD,
    fields: {
      received_at: stamp(true), channel: code(complaintChannel.options, { required: true }), anonymous: bool(),
      reporter_name: text(200), reporter_contact: text(200), premises_id: uuid(), person_id: uuid(), about: text(2000, { multiline: true }),
      category: code(complaintCategory.options, { required: true }), urgency: code(urgency.options, { required: true }),
      narrative: text(10_000, { multiline: true }), unit_code: UNIT_OR_NONE, status: code(complaintStatus.options),
      assigned_to: text(200), operation_id: uuid(), inspection_id: uuid(), closed_on: date(),
      close_reason: code(complaintCloseReason.options, { nullable: true }), close_note: text(2000, { multiline: true }), sensitive: bool(),
      created_at: stamp(true),
    },
  },
  operation: {
    id: RECORD,
    fields: {
      held_on: date(true), kind: code(operationKind.options, { required: true }), lead_unit: text(200, { min: 1 }), partners: text(1000),
      premises_id: uuid(), target: text(1000), unit_code: UNIT_OR_NONE, summary: text(10_000, { multiline: true }), created_at: stamp(true),
    },
  },
  case_person: {
    id: RECORD,
    fields: {
      operation_id: uuid(true), person_id: uuid(), described: text(2000, { multiline: true }), sex: code(sex.options, { required: true }),
      nationality: nationality(), declared_victim: bool(), identified_as: code(victimKind.options, { nullable: true }), referred_to: text(300),
      no_return: bool(), note: text(2000, { multiline: true }), sensitive: bool(), created_at: stamp(true),
    },
  },
  case_suspect: {
    id: RECORD,
    fields: {
      operation_id: uuid(true), person_id: uuid(), name: text(200), sex: code(sex.options, { required: true }), nationality: nationality(),
      charged_on: date(), court_on: date(), note: text(2000, { multiline: true }), created_at: stamp(true),
    },
  },
  premises_action: {
    id: RECORD,
    fields: {
      premises_id: uuid(true), action: code(premisesActionKind.options, { required: true }), on_date: date(true),
      legal_reason: text(1000), operation_id: uuid(), created_at: stamp(true),
    },
  },
  // Accounts and audit (issue 11).
  user_account: {
    id: RECORD,
    fields: {
      username: { required: true, check: (v) => (typeof v === 'string' && /^[a-z0-9._-]{2,32}$/.test(v) ? null : 'badCode') },
      name_en: text(200, { min: 1 }), name_km: text(200, { min: 1 }), role: code(ROLES, { required: true }), active: bool(), created_at: stamp(true),
    },
  },
  // The audit chain (electron/db/audit.ts): the hashes are checked by `audit verify`, not here, so a
  // tampered entry still arrives and is shown where it breaks.
  audit_entry: {
    id: RECORD,
    fields: {
      seq: int(1, Number.MAX_SAFE_INTEGER, true), at: stamp(true), actor: text(200, { min: 1 }), actor_name: text(400, { min: 1 }),
      operation: text(100, { min: 1 }), entity: text(100, { min: 1 }), record_id: text(100, { min: 1 }),
      prev_hash: SHA256_HEX, hash: SHA256_HEX,
    },
  },
};

/** Entities without their own rules (a table added later): clean text of bounded length, finite numbers. */
const FALLBACK_TEXT = text(100_000, { multiline: true });
function fallbackCheck(value: Exclude<StoredValue, null | undefined>): Reason | null {
  if (typeof value === 'string') return FALLBACK_TEXT.check(value, NO_UNITS);
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'notNumber';
  return null;
}
const NO_UNITS: ValidationContext = { unitLevel: () => null, hasLevel: () => false };

export function knownEntity(entity: string): boolean {
  return Object.hasOwn(ENTITY_RULES, entity);
}

/**
 * Problems of one record write: `values` is the whole new row for an insert, the changed fields
 * for an update (`current` is the row before, for rules across fields). Empty when it is valid.
 */
export function validateRecord(
  entity: string, id: unknown, op: 'insert' | 'update', values: Record<string, StoredValue>, ctx: ValidationContext,
  current?: Record<string, StoredValue>,
): Problem[] {
  const rules = Object.hasOwn(ENTITY_RULES, entity) ? ENTITY_RULES[entity] : undefined;
  const recordId = typeof id === 'string' ? id : '';
  const problems: Problem[] = [];
  const add = (field: string, reason: Reason, limit?: number) =>
    problems.push(limit === undefined ? { entity, id: shownId(recordId), field, reason } : { entity, id: shownId(recordId), field, reason, limit });
  const idOk = typeof id === 'string' && (rules ? rules.id(id) : id.length > 0 && id.length <= 100 && cleanText(id) && !/\s/.test(id));
  if (!idOk) add('id', 'badId');
  for (const [field, value] of Object.entries(values)) {
    // A column without its own rule (added by a later migration) still gets the clean-text baseline;
    // that it is a column at all is checked by the write path (`checkColumns`, `toRow`).
    const rule = rules?.fields[field];
    if (value === null || value === undefined) {
      if (rule?.required || rule?.notNull) add(field, 'required');
      continue;
    }
    const reason = rule ? rule.check(value, ctx) : fallbackCheck(value);
    if (reason) add(field, reason, reason === 'tooLong' || reason === 'outOfRange' ? rule?.limit : undefined);
  }
  if (rules && op === 'insert') {
    for (const [field, rule] of Object.entries(rules.fields)) {
      if (rule.required && !(field in values)) add(field, 'required');
    }
  }
  if (rules && (entity === 'premises' || entity === 'employer') && ADDRESS_FIELDS.some((f) => f in values)
    && !problems.some((p) => ADDRESS_FIELDS.includes(p.field))) {
    const bad = addressCheck({ ...(current ?? {}), ...values }, ctx);
    if (bad) add(bad.field, bad.reason);
  }
  if (entity === 'admin_unit' && typeof id === 'string' && idOk) {
    const row = { ...(current ?? {}), ...values };
    const digits = { province: 2, district: 4, commune: 6 }[String(row.level)] ?? 0;
    if (digits && id.length !== digits) add('level', 'unitMismatch');
    else if (digits > 2 && row.parent_code !== id.slice(0, digits - 2)) add('parent_code', 'unitMismatch');
    else if (digits === 2 && row.parent_code !== null && row.parent_code !== undefined) add('parent_code', 'unitMismatch');
  }
  if (entity === 'campaign' && rules) {
    const row = { ...(current ?? {}), ...values };
    if (typeof row.start_date === 'string' && typeof row.deadline === 'string' && row.deadline < row.start_date
      && !problems.some((p) => p.field === 'deadline' || p.field === 'start_date')) add('deadline', 'outOfRange');
  }
  return problems;
}
