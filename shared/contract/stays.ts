import { z } from 'zod';
import { recordId } from './common.js';
import { operation } from './define.js';
import { personFields, personSchema, staySchema } from './registration-schemas.js';

/**
 * Stays: arrival, check-in in one step, move, departure, correction, deletion, undoing a departure.
 *
 * Times: a request may give a date (`2026-03-01`, the office's midnight), a local date-time typed in
 * the office (`2026-03-01T06:30`, read in the office's time zone) or a date-time with offset.
 * Responses carry the office's local date-time with offset (`2026-03-01T06:30:00+07:00`).
 * The report time is the backend's clock when the stay is recorded; only a correction with a
 * reason changes it. No time may lie in the future.
 */
export const officeDateTime = z.string().trim().regex(
  /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/,
  'expected YYYY-MM-DD or YYYY-MM-DDTHH:MM',
);
/** Why a recorded stay is corrected, deleted or its departure undone: kept in the history. */
export const changeReason = z.string().trim().min(1).max(500);
const room = z.string().trim().max(50);

export const staysOps = {
  'stays.arrive': operation({
    request: z.object({ personId: recordId, premisesId: recordId, room: room.default(''), arrivedAt: officeDateTime }),
    response: staySchema,
  }),
  /** Ends the open stay at the new arrival and starts one at another premises. */
  'stays.move': operation({
    request: z.object({ personId: recordId, toPremisesId: recordId, room: room.default(''), arrivedAt: officeDateTime }),
    response: z.object({ ended: staySchema, started: staySchema }),
  }),
  /**
   * One step at a premises: finds the person by (nationality, passport, birth date) or registers them
   * from the scanned MRZ, and records the stay — one transaction. A guest staying elsewhere is moved.
   */
  'stays.checkIn': operation({
    request: z.object({
      premisesId: recordId,
      room: room.default(''),
      arrivedAt: officeDateTime,
      fields: personFields,
      mrz: z.object({ line1: z.string().max(60), line2: z.string().max(60) }).optional(),
    }),
    response: z.object({
      person: personSchema,
      /** `existing`: the person was already registered (nothing about them changed). */
      personStatus: z.enum(['created', 'existing']),
      stay: staySchema,
      /** The stay elsewhere that this check-in ended, if any. */
      ended: staySchema.nullable(),
    }),
  }),
  'stays.depart': operation({ request: z.object({ stayId: recordId, departedAt: officeDateTime }), response: staySchema }),
  'stays.undoDeparture': operation({ request: z.object({ stayId: recordId, reason: changeReason }), response: staySchema }),
  /** Corrects what was recorded wrongly; the reason is kept in the history. */
  'stays.correct': operation({
    request: z.object({
      stayId: recordId,
      room: room.optional(),
      arrivedAt: officeDateTime.optional(),
      reportedAt: officeDateTime.optional(),
      departedAt: officeDateTime.optional(),
      reason: changeReason,
    }),
    response: staySchema,
  }),
  /** Removes a stay entered by mistake; the reason and the removed values stay in the history. */
  'stays.delete': operation({ request: z.object({ stayId: recordId, reason: changeReason }), response: z.object({ stayId: z.string() }) }),
};
