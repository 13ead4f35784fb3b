import type { z } from 'zod';
import { FORMAT } from './contract/common.js';
import type { ErrorDetail } from './errors.js';

/**
 * Validation failures as people can act on them. A zod issue becomes `validation.<reason>` with the
 * field's path and the limit (`{ field: 'fields.surname', max: 100 }`); `errorMessage` (shared/i18n)
 * puts the field's label and a sentence in the UI language around it. The same shape serves failures
 * found elsewhere (spreadsheet rows, records arriving by sync): any `{ code: 'validation.<reason>',
 * params: { field, entity? , …limits } }` is translated the same way.
 */

export const VALIDATION_REASONS = [
  'required', 'tooLong', 'tooShort', 'tooLarge', 'tooSmall', 'notWhole', 'notNumber', 'notText', 'notYesNo', 'badDate', 'badDateTime',
  'badCountryCode', 'badCommune', 'badUnit', 'badChoice', 'badFormat', 'badValue', 'unexpected', 'unstorable', 'limon',
] as const;
export type ValidationReason = (typeof VALIDATION_REASONS)[number];

const BY_FORMAT_MESSAGE: Record<string, ValidationReason> = {
  [FORMAT.date]: 'badDate', [FORMAT.dateTime]: 'badDateTime', [FORMAT.countryCode]: 'badCountryCode', [FORMAT.commune]: 'badCommune', [FORMAT.unit]: 'badUnit',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const num = (value: unknown): number => (typeof value === 'bigint' ? Number(value) : Number(value));

/** One zod issue as a translatable detail; `input` is what was parsed (to tell a missing field from a wrong one). */
export function issueDetail(issue: z.core.$ZodIssue, input: unknown, entity?: string): ErrorDetail {
  const field = issue.path.filter((p) => typeof p !== 'symbol').join('.') || '-';
  const params: Record<string, string | number> = { field };
  if (entity) params.entity = entity;
  const reason = ((): ValidationReason => {
    switch (issue.code) {
      case 'invalid_type': {
        const value = valueAt(input, issue.path);
        if (value === undefined || value === null || value === '') return 'required';
        if (issue.expected === 'int') return 'notWhole';
        if (issue.expected === 'number') return 'notNumber';
        if (issue.expected === 'boolean') return 'notYesNo';
        if (issue.expected === 'string') return 'notText';
        return 'badValue';
      }
      case 'too_big':
        if (issue.origin === 'string') {
          params.max = num(issue.maximum);
          return 'tooLong';
        }
        params.max = num(issue.maximum);
        return issue.origin === 'array' || issue.origin === 'set' ? 'tooLong' : 'tooLarge';
      case 'too_small':
        if (issue.origin === 'string') {
          if (num(issue.minimum) <= 1) return 'required';
          params.min = num(issue.minimum);
          return 'tooShort';
        }
        params.min = num(issue.minimum);
        return issue.origin === 'array' || issue.origin === 'set' ? (num(issue.minimum) <= 1 ? 'required' : 'tooShort') : 'tooSmall';
      case 'invalid_format':
        if (BY_FORMAT_MESSAGE[issue.message]) return BY_FORMAT_MESSAGE[issue.message]!;
        if (issue.format === 'datetime') return 'badDateTime';
        if (issue.format === 'date') return 'badDate';
        return 'badFormat';
      case 'invalid_value':
        return 'badChoice';
      case 'not_multiple_of':
        return 'notWhole';
      case 'unrecognized_keys':
        params.field = field === '-' ? String(issue.keys[0] ?? '-') : `${field}.${String(issue.keys[0] ?? '')}`;
        return 'unexpected';
      case 'custom': {
        const custom = (issue.params ?? {}) as Record<string, unknown>;
        for (const [key, value] of Object.entries(custom)) if (key !== 'reason' && (typeof value === 'string' || typeof value === 'number')) params[key] = value;
        return (VALIDATION_REASONS as readonly string[]).includes(String(custom.reason)) ? (custom.reason as ValidationReason) : 'badValue';
      }
      default:
        return 'badValue';
    }
  })();
  return { code: `validation.${reason}`, params };
}

/** Every issue of a failed parse, in order. */
export function issueDetails(issues: readonly z.core.$ZodIssue[], input: unknown, entity?: string): ErrorDetail[] {
  return issues.map((issue) => issueDetail(issue, input, entity));
}

/** The last named segment of a path: `fields.surname` → `surname`, `rows.3.nameKm` → `nameKm`. */
export function fieldName(path: string): string {
  const parts = path.split('.').filter((p) => p !== '' && !/^\d+$/.test(p));
  return parts[parts.length - 1] ?? path;
}

/**
 * The field each detail is about, for showing a message under its input: `validation.*` details and
 * other codes that carry a `field` param; the first detail per field wins.
 */
export function detailsByField<T extends ErrorDetail>(details: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const detail of details) {
    const field = detail.params?.field;
    if (typeof field !== 'string') continue;
    const name = fieldName(field);
    if (!out.has(name)) out.set(name, detail);
  }
  return out;
}
