import { z } from 'zod';

/** What an input can show of its schema: text length, number range, whole numbers. */
export interface FieldLimits {
  maxLength?: number;
  minLength?: number;
  min?: number;
  max?: number;
  integer?: boolean;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (let i = 0; i < 10; i++) {
    if (current instanceof z.ZodDefault || current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
    else break;
  }
  return current;
}

/** The limits of field `name` of an object schema, read from the schema itself so input and check agree. */
export function limitsOf(schema: z.ZodObject, name: string): FieldLimits {
  const field = schema.shape[name] as z.ZodType | undefined;
  if (!field) return {};
  const inner = unwrap(field);
  const out: FieldLimits = {};
  if (inner instanceof z.ZodString) {
    if (inner.maxLength !== null) out.maxLength = inner.maxLength;
    if (inner.minLength !== null && inner.minLength > 0) out.minLength = inner.minLength;
  } else if (inner instanceof z.ZodNumber) {
    if (inner.minValue !== null && Number.isFinite(inner.minValue)) out.min = inner.minValue;
    if (inner.maxValue !== null && Number.isFinite(inner.maxValue)) out.max = inner.maxValue;
    if (inner.isInt) out.integer = true;
  }
  return out;
}
