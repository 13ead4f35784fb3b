import { z } from 'zod';
import { isoDate, recordId } from './common.js';
import { operation } from './define.js';
import { icaoCode, patchOf, personFieldName, personFields, personSchema } from './registration-schemas.js';

/**
 * Correcting a foreigner over time: passports (a renewed passport is added, the old one kept and
 * searchable) and a passport scanned again compared with what is registered.
 * Corrections of the particulars themselves go through `persons.update`.
 */

export const passportSchema = z.object({
  id: z.string(),
  passportNo: z.string(),
  issuingState: z.string(),
  issued: z.string().nullable(),
  expiry: z.string(),
  /** The passport the person holds now; the others were replaced (`replacedOn`). */
  current: z.boolean(),
  replacedOn: z.string().nullable(),
});
export type Passport = z.infer<typeof passportSchema>;

/** The new passport's own fields, as on the registration form. */
export const newPassportInput = z.object({
  passportNo: z.string().trim().min(1).max(20),
  issuingState: icaoCode,
  passportIssued: isoDate.nullable().optional(),
  passportExpiry: isoDate,
});

const scanValue = z.union([z.string(), z.boolean(), z.null()]);

export const scanMatchSchema = z.object({
  /**
   * `same_passport`: this passport is the person's current one; `former_passport`: one the person held before;
   * `new_passport`: another passport of someone registered with the same names, birth date and nationality.
   */
  kind: z.enum(['same_passport', 'former_passport', 'new_passport']),
  person: personSchema,
  /** Fields where the scan (or what was typed with it) says something else than the register; empty scanned fields are left out. */
  differences: z.array(z.object({ field: personFieldName, registered: scanValue, scanned: scanValue })),
});
export type ScanMatch = z.infer<typeof scanMatchSchema>;

export const personsOps = {
  'passports.list': operation({ request: z.object({ personId: recordId }), response: z.array(passportSchema) }),
  'passports.add': operation({
    request: z.object({
      personId: recordId,
      passport: newPassportInput,
      /** Other particulars taken at the same time (a new visa, a phone number); passport fields here are ignored. */
      patch: patchOf(personFields).optional(),
      today: isoDate.optional(),
    }),
    response: personSchema,
  }),
  'persons.compareScan': operation({
    request: z.object({ fields: patchOf(personFields), today: isoDate.optional() }),
    response: z.object({ matches: z.array(scanMatchSchema) }),
  }),
};

export type PersonsOp = keyof typeof personsOps;
