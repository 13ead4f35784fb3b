import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
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
  at: z.string(),
  originOffice: z.string(),
  revision: z.number().int(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type ChangeEntry = z.infer<typeof changeEntrySchema>;
