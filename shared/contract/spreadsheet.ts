import { z } from 'zod';
import { operation } from './define.js';
import { jobId, recordId } from './common.js';

/**
 * Spreadsheet import of foreigners (and their stays or employment) from CSV or XLSX.
 * The file is read by path in the backend (CLI only) or uploaded in chunks first (the page, under Electron and the web),
 * so no operation ever carries the whole file.
 */

/** Fields a column can be mapped to. Person fields first, then stay, then employment. */
export const IMPORT_PERSON_FIELDS = [
  'surname', 'givenNames', 'nameKm', 'sex', 'birthDate', 'nationality', 'passportNo', 'issuingState',
  'passportIssued', 'passportExpiry', 'visaType', 'visaNo', 'visaExpiry', 'entryDate', 'entryPoint', 'phone',
] as const;
export const IMPORT_STAY_FIELDS = ['room', 'arrivedAt', 'reportedAt'] as const;
export const IMPORT_EMPLOYMENT_FIELDS = [
  'jobTitle', 'startDate', 'workPermitNo', 'workPermitExpiry', 'employmentCardNo', 'workStatus', 'receiptNo',
] as const;
export const IMPORT_FIELDS = [...IMPORT_PERSON_FIELDS, ...IMPORT_STAY_FIELDS, ...IMPORT_EMPLOYMENT_FIELDS] as const;
export const importField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof importField>;

/** Where the file is: a path on the backend's machine (CLI only), or a finished upload. */
export const spreadsheetSource = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z.object({ uploadId: z.string().uuid() }).strict(),
]);
/** The page only ever uploads. */
const pageSource = z.object({ uploadId: z.string().uuid() }).strict();
export type SpreadsheetSource = z.infer<typeof spreadsheetSource>;

/** What the rows become: foreigners only, or foreigners staying at a premises, or employed by an employer. */
export const importTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('persons') }),
  z.object({ kind: z.literal('stays'), premisesId: recordId }),
  z.object({ kind: z.literal('employment'), employerId: recordId }),
]);
export type ImportTarget = z.infer<typeof importTarget>;

/** Field → 0-based column index; unmapped fields are absent or null. */
export const columnMapping = z.partialRecord(importField, z.number().int().min(0).max(16_383).nullable());
export type ColumnMapping = z.infer<typeof columnMapping>;

/** Upload chunks are at most 2 MiB of bytes (base64 in JSON). */
export const UPLOAD_CHUNK_BYTES = 2 * 1024 * 1024;

const importRequest = z.object({
  source: spreadsheetSource,
  sheet: z.string().max(200).nullable().optional(),
  target: importTarget,
  mapping: columnMapping,
  /** Validate every row and report, but store nothing. */
  dryRun: z.boolean().default(false),
  jobId,
});

export const spreadsheetOps = {
  'spreadsheet.upload': operation({
    request: z.object({
      /** Omit for the first chunk; pass back the returned id for the rest. */
      uploadId: z.string().uuid().nullable().optional(),
      fileName: z.string().min(1).max(500),
      /** Byte offset of this chunk: chunks must arrive in order. */
      offset: z.number().int().min(0),
      base64: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4 + 4),
    }),
    response: z.object({ uploadId: z.string(), bytes: z.number().int() }),
  }),
  'spreadsheet.inspect': operation({
    request: z.object({ source: spreadsheetSource, sheet: z.string().max(200).nullable().optional() }),
    page: z.object({ source: pageSource, sheet: z.string().max(200).nullable().optional() }).strict(),
    response: z.object({
      fileName: z.string(),
      kind: z.enum(['csv', 'xlsx']),
      sheets: z.array(z.string()),
      sheet: z.string().nullable(),
      headers: z.array(z.string()),
      /** The first rows after the header, as text. */
      preview: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
      /** Suggested from the header names (English or Khmer). */
      suggested: columnMapping,
    }),
  }),
  'spreadsheet.import': operation({
    request: importRequest,
    page: importRequest.extend({ source: pageSource, dryRun: z.boolean().optional() }).strict(),
    response: z.object({
      status: z.enum(['imported', 'valid']),
      rows: z.number().int(),
      personsCreated: z.number().int(),
      personsExisting: z.number().int(),
      stays: z.number().int(),
      employments: z.number().int(),
    }),
    job: true,
  }),
};
