import { isNationalityCode } from '../reference/nationalities.js';

/**
 * Field rules for stored records (column names, stored values). Pure: the gazetteer is asked
 * through `ValidationContext`. Each failure is a reason code the UI translates
 * (`errors.recordCheck.<reason>`), never a sentence.
 */
export type Reason =
  | 'required' | 'tooLong' | 'badText' | 'badDate' | 'badDateTime' | 'notInList' | 'badCode' | 'badId'
  | 'outOfRange' | 'notInteger' | 'notNumber' | 'wrongType' | 'unknownUnit' | 'unitMismatch' | 'unknownField';

export type StoredValue = string | number | bigint | boolean | null | Uint8Array | undefined;

export interface ValidationContext {
  /** Level of an admin unit the gazetteer (or the built-in provinces) knows, else null. */
  unitLevel(code: string): 'province' | 'district' | 'commune' | null;
  /** Whether units of this level are loaded at all (no gazetteer yet: codes are checked by form only). */
  hasLevel(level: 'district' | 'commune'): boolean;
}

export type Check = (value: Exclude<StoredValue, null | undefined>, ctx: ValidationContext) => Reason | null;

export interface FieldRule {
  /** Must be given in a new record (the column has no default). */
  required: boolean;
  /** Null is refused (the column is NOT NULL); implied by `required`. */
  notNull?: boolean;
  check: Check;
  /** A limit to show in the message (length or range). */
  limit?: number;
}

// C0/C1 controls (and DEL); newline and tab only where a field allows several lines. Finding them is the point here.
/* eslint-disable no-control-regex */
const CONTROL_SINGLE = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/;
const CONTROL_MULTI = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/;
const SHOWN_UNSAFE = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/g;
/* eslint-enable no-control-regex */

/** An id or code from outside, fit to show in a message: at most 64 characters, controls and surrogates as "?". */
export function shownId(id: string): string {
  return id.slice(0, 64).replace(SHOWN_UNSAFE, '?');
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Unicode text a person could have typed: no NUL or other controls, no lone surrogates. */
export function cleanText(value: string, multiline = false): boolean {
  return !LONE_SURROGATE.test(value) && !(multiline ? CONTROL_MULTI : CONTROL_SINGLE).test(value);
}

export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(:([0-5]\d)(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** A real date, or a real date-time with its offset (what stamps and stay times hold). */
export function isRealStamp(value: string): boolean {
  if (isRealDate(value)) return true;
  const m = DATE_TIME.exec(value);
  return m !== null && isRealDate(m[1] as string);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

const str = (check: (v: string) => Reason | null): Check => (v) => (typeof v === 'string' ? check(v) : 'wrongType');

export function text(max: number, options: { min?: number; multiline?: boolean; nullable?: boolean } = {}): FieldRule {
  const min = options.min ?? 0;
  return {
    required: min > 0, notNull: !options.nullable, limit: max,
    check: str((v) => {
      if (!cleanText(v, options.multiline)) return 'badText';
      // Characters, not UTF-16 units (an emoji is one); a string of more than 2×max units is too long either way.
      if (v.length > max && (v.length > 2 * max || [...v].length > max)) return 'tooLong';
      if (v.trim().length < min) return 'required';
      return null;
    }),
  };
}

export const date = (required = false): FieldRule => ({ required, check: str((v) => (isRealDate(v) ? null : 'badDate')) });
export const stamp = (required = false): FieldRule => ({ required, check: str((v) => (isRealStamp(v) ? null : 'badDateTime')) });
export const uuid = (required = false): FieldRule => ({ required, check: str((v) => (isUuid(v) ? null : 'badId')) });
/** A code from a list; `required` when the column has no default, `nullable` when it may be empty. */
export const code = (list: readonly string[], options: { required?: boolean; nullable?: boolean } = {}): FieldRule => {
  const codes = new Set(list);
  return { required: options.required ?? false, notNull: !options.nullable, check: str((v) => (codes.has(v) ? null : 'notInList')) };
};
export const nationality = (required = true): FieldRule => ({ required, notNull: true, check: str((v) => (isNationalityCode(v) ? null : 'notInList')) });

function numeric(v: Exclude<StoredValue, null | undefined>): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

export function int(min: number, max: number, required = false): FieldRule {
  return {
    required, limit: max,
    check: (v) => {
      const n = numeric(v);
      if (n === null) return 'wrongType';
      if (!Number.isInteger(n)) return Number.isFinite(n) ? 'notInteger' : 'outOfRange';
      return n < min || n > max ? 'outOfRange' : null;
    },
  };
}

export function real(min: number, max: number, required = false): FieldRule {
  return {
    required, limit: max,
    check: (v) => {
      const n = numeric(v);
      if (n === null) return 'wrongType';
      if (!Number.isFinite(n)) return 'notNumber';
      return n < min || n > max ? 'outOfRange' : null;
    },
  };
}

export const bool = (required = false): FieldRule => int(0, 1, required);

const UNIT_FORM = { province: /^\d{2}$/, district: /^\d{4}$/, commune: /^\d{6}$/ } as const;

/** An admin unit code of one level: right form, and known (provinces always; districts and communes once the gazetteer has them). */
export function unitCheck(level: 'province' | 'district' | 'commune', v: string, ctx: ValidationContext): Reason | null {
  if (!UNIT_FORM[level].test(v)) return 'badCode';
  const known = ctx.unitLevel(v);
  if (known === level) return null;
  if (known !== null) return 'unknownUnit';
  // Provinces are always known (built in); districts and communes once the gazetteer is loaded.
  if (level === 'province' || ctx.hasLevel(level)) return 'unknownUnit';
  return null;
}

export const unitCode = (level: 'province' | 'district' | 'commune', required = true): FieldRule => ({
  required,
  check: (v, ctx) => (typeof v === 'string' ? unitCheck(level, v, ctx) : 'wrongType'),
});
