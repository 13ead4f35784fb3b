import { z } from 'zod';

/**
 * Messages of format checks, read by `shared/validation.ts` to say in the user's language what is
 * expected (a zod message never reaches a person).
 */
export const FORMAT = {
  date: 'format.date', dateTime: 'format.dateTime', countryCode: 'format.countryCode', commune: 'format.commune', unit: 'format.unit',
} as const;

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, FORMAT.date);
export const isoDateTime = z.string().datetime({ offset: true });
export const recordId = z.string().min(1).max(64);
export const jobId = z.string().uuid().optional();
export const empty = z.object({}).strict();

export const changeEntrySchema = z.object({
  seq: z.number().int(),
  entity: z.string(),
  recordId: z.string(),
  op: z.enum(['insert', 'update', 'delete']),
  actor: z.string(),
  /** The user's name when the actor is a user account (known here or sent up with the records). */
  actorName: z.object({ en: z.string(), km: z.string() }).nullable().optional(),
  at: z.string(),
  originOffice: z.string(),
  revision: z.number().int(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type ChangeEntry = z.infer<typeof changeEntrySchema>;
