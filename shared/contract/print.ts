import { z } from 'zod';
import { isoDate, jobId, recordId } from './common.js';
import { operation } from './define.js';

/** Printing: pledges, declaration cards, receipts and batches of them, as PDF. */

export const printLang = z.enum(['km+en', 'km', 'en']);
export type PrintLangDto = z.infer<typeof printLang>;

const output = {
  lang: printLang.default('km+en'),
  /** Write the PDF to this file (CLI only); without it the PDF comes back as base64. */
  out: z.string().min(1).max(1000).optional(),
};
/** The page gets the PDF back as bytes and saves it through a dialog or a download: it never names a file. */
const pageOutput = { lang: printLang.optional() };
/** A preview shows the document and changes nothing: no number given, nothing marked printed. */
const preview = { preview: z.boolean().default(false) };
const pagePreview = { preview: z.boolean().optional() };

export const printResultSchema = z.object({
  /** The PDF, base64; null when it was written to `path`. */
  pdfBase64: z.string().nullable(),
  path: z.string().nullable(),
  pages: z.number().int(),
  bytes: z.number().int(),
  documents: z.number().int(),
  /** The pledge's document number (pledge only; null in a preview of a pledge not numbered yet). */
  docNo: z.string().nullable(),
  /** The receipt's number (receipt only; null in a preview of a receipt not printed yet). */
  receiptNo: z.string().nullable().default(null),
});
export type PrintResult = z.infer<typeof printResultSchema>;

const batchBase = z.object({
  kind: z.enum(['pledges', 'declarationCards', 'receipts']),
  /** Pledges: every premises of this commune. */
  communeCode: z.string().regex(/^\d{6}$/).optional(),
  employerIds: z.array(recordId).max(10_000).optional(),
  stayIds: z.array(recordId).max(10_000).optional(),
  date: isoDate.optional(),
  jobId,
});

export const printOps = {
  'print.pledge': operation({
    request: z.object({ premisesId: recordId, date: isoDate.optional(), ...preview, ...output }),
    page: z.object({ premisesId: recordId, date: isoDate.optional(), ...pagePreview, ...pageOutput }).strict(),
    response: printResultSchema,
  }),
  'print.declarationCard': operation({
    request: z.object({ employerId: recordId.optional(), blank: z.boolean().default(false), date: isoDate.optional(), ...output }),
    page: z.object({ employerId: recordId.optional(), blank: z.boolean().optional(), date: isoDate.optional(), ...pageOutput }).strict(),
    response: printResultSchema,
  }),
  'print.receipt': operation({
    request: z.object({ stayId: recordId, ...preview, ...output }),
    page: z.object({ stayId: recordId, ...pagePreview, ...pageOutput }).strict(),
    response: printResultSchema,
  }),
  'print.batch': operation({
    request: batchBase.extend(output),
    page: batchBase.extend(pageOutput).strict(),
    response: printResultSchema,
    job: true,
  }),
  'pledge.recordSigned': operation({
    request: z.object({ premisesId: recordId, signedOn: isoDate, witness: z.string().trim().min(1).max(200) }),
    response: z.object({ premisesId: z.string(), pledgeStatus: z.literal('signed'), docNo: z.string(), signedOn: z.string(), witness: z.string() }),
  }),
  'print.verifyReceipt': operation({
    request: z.object({ code: z.string().max(200) }),
    response: z.object({
      valid: z.boolean(),
      stayId: z.string().nullable(),
      personName: z.string().nullable(),
      premisesName: z.string().nullable(),
      arrivedAt: z.string().nullable(),
    }),
  }),
};

export type PrintOp = keyof typeof printOps;
