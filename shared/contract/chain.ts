import { z } from 'zod';
import { recordId } from './common.js';
import { operation } from './define.js';

/** Kinds of record a screen may ask the origin of (the records the registration screens open). */
export const originEntity = z.enum(['person', 'premises', 'owner', 'employer', 'stay', 'employment']);

/** An office as people know it, in each language. */
export const officeNameSchema = z.object({ en: z.string(), km: z.string() });

/**
 * Which office made a record and keeps it: this office, or another office whose records arrived here by sync
 * (a commune's at its province, everything below at the national office). Screens mark received records with it.
 */
export const chainOps = {
  'records.origin': operation({
    request: z.object({ entity: originEntity, recordId }),
    response: z.object({
      own: z.boolean(),
      /** The office's names when this register knows it; null for an office not in the key directory here. */
      officeName: officeNameSchema.nullable(),
    }),
  }),
};
