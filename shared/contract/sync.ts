import { z } from 'zod';
import { localOperation, operation } from './define.js';
import { empty, jobId, recordId } from './common.js';

const passphrase = z.string().min(1).max(1000);
const fileInput = z.object({ name: z.string().max(500), base64: z.string().max(400_000_000) });
/** A file the backend made for the page to save (a bundle, a receipt, a key card PDF): name and bytes, never a path. */
export const fileOutput = z.object({ name: z.string(), base64: z.string() });
export type FileOutput = z.infer<typeof fileOutput>;
const fingerprint = z.string().min(1).max(200);
const directoryOffice = z.object({
  officeId: z.string(), name: z.string(), level: z.enum(['commune', 'province', 'national']), unitCode: z.string(),
  parentOfficeId: z.string().nullable(), parentName: z.string().nullable(), signingKeyId: z.string(), ageKeyId: z.string(),
  status: z.enum(['active', 'revoked']),
});
export type DirectoryOfficeView = z.infer<typeof directoryOffice>;

export const keyCardSchema = z.object({
  officeId: z.string(),
  level: z.enum(['commune', 'province', 'national']),
  unitCode: z.string(),
  name: z.string(),
  parentOfficeId: z.string().nullable(),
  signingKey: z.string(),
  signingKeyId: z.string(),
  ageRecipient: z.string(),
  ageKeyId: z.string(),
  createdAt: z.string(),
  qrPayload: z.string(),
});
export type KeyCardView = z.infer<typeof keyCardSchema>;

const countsSchema = z.object({ inserted: z.number(), updated: z.number(), deleted: z.number(), skipped: z.number() });
export const applySummarySchema = countsSchema.extend({ perEntity: z.record(z.string(), countsSchema), conflicts: z.number() });

const errorParams = z.record(z.string(), z.union([z.string(), z.number()]));
const errorShape = z.object({
  code: z.string(), params: errorParams.optional(),
  /** Every problem when there are several (each invalid change of a refused bundle). */
  details: z.array(z.object({ code: z.string(), params: errorParams.optional() })).optional(),
});
export const importResultSchema: z.ZodType<ImportResultView> = z.lazy(() =>
  z.object({
    file: z.string(),
    status: z.enum(['applied', 'already', 'covered', 'held', 'dry-run', 'acknowledged', 'error']),
    from: z.string(),
    kind: z.string(),
    seq: z.number(),
    waitingFor: z.number().nullable(),
    /** Lost bundles (sequence numbers) whose changes this one carried; it was applied in their place. */
    stoodInFor: z.object({ from: z.number(), to: z.number() }).nullable().default(null),
    summary: applySummarySchema,
    receipt: z.string().nullable(),
    /** Applied, but the receipt could not be written. */
    receiptError: errorShape.nullable(),
    /** The receipt's bytes, when the bundle came as bytes (from the page) and no receipt folder was named. */
    receiptFile: fileOutput.nullable().default(null),
    error: errorShape.nullable(),
    released: z.array(importResultSchema),
    /** Written more than a day after now here, by the bundle's own date: the sending office's clock is probably wrong. */
    senderClockAhead: z.object({ createdAt: z.string(), days: z.number().int() }).nullable().default(null),
  }),
);
interface ErrorView {
  code: string;
  params?: Record<string, string | number> | undefined;
  details?: { code: string; params?: Record<string, string | number> | undefined }[] | undefined;
}
export interface ImportResultView {
  file: string;
  status: 'applied' | 'already' | 'covered' | 'held' | 'dry-run' | 'acknowledged' | 'error';
  from: string;
  kind: string;
  seq: number;
  waitingFor: number | null;
  stoodInFor?: { from: number; to: number } | null;
  summary: z.infer<typeof applySummarySchema>;
  receipt: string | null;
  receiptError: ErrorView | null;
  receiptFile?: FileOutput | null;
  error: ErrorView | null;
  released: ImportResultView[];
  senderClockAhead?: { createdAt: string; days: number } | null;
}

export const syncOps = {
  'sync.status': operation({
    request: empty,
    response: z.object({
      keys: keyCardSchema.nullable(),
      directoryVersion: z.number(),
      nationalTrusted: z.boolean(),
      pendingChanges: z.number(),
      held: z.number(),
      openConflicts: z.number(),
      alerts: z.number(),
    }),
  }),
  'sync.keysCreate': operation({
    request: z.object({ passphrase, parentOfficeId: z.string().max(200).nullable() }),
    response: keyCardSchema,
  }),
  'sync.keyCard': operation({ request: z.object({ passphrase }), response: keyCardSchema }),
  'sync.keyCardPdf': operation({ request: z.object({ passphrase }), response: z.object({ file: fileOutput }) }),
  /** Reads a key card file and shows what it says (office, fingerprints) before anyone adds it. */
  'sync.cardCheck': operation({
    request: z.object({ card: z.string().max(100_000) }),
    response: directoryOffice.omit({ status: true }),
  }),
  'sync.directoryAdd': operation({
    request: z.object({
      card: z.string().max(100_000),
      /** The fingerprints the person confirmed against what the office read out by phone; must be the card's. */
      confirmed: z.object({ signingKeyId: fingerprint, ageKeyId: fingerprint }).optional(),
    }),
    page: z.object({ card: z.string().max(100_000), confirmed: z.object({ signingKeyId: fingerprint, ageKeyId: fingerprint }).strict() }).strict(),
    response: keyCardSchema.omit({ createdAt: true, qrPayload: true }),
  }),
  'sync.directoryRevoke': operation({
    request: z.object({ officeId: z.string().max(200), afterSequence: z.number().int().min(0).nullable() }),
    response: z.object({ revoked: z.number() }),
  }),
  'sync.directorySign': operation({ request: z.object({ passphrase }), response: z.object({ version: z.number(), signed: z.string() }) }),
  /** The directory in effect (offices by name) and, at the national office, the cards for the next one. */
  'sync.directoryView': operation({
    request: empty,
    response: z.object({
      version: z.number(), issuedAt: z.string().nullable(), offices: z.array(directoryOffice),
      next: z.array(directoryOffice).nullable(), unsigned: z.boolean(),
    }),
  }),
  /** What a directory file would do here, and whose national key signs it (to be confirmed by phone the first time). */
  'sync.directoryCheck': operation({
    request: z.object({ fileName: z.string().max(500), json: z.string().max(10_000_000) }),
    response: z.object({
      version: z.number(), offices: z.number(), issuerName: z.string(), issuerSigningKeyId: z.string(),
      needsTrust: z.boolean(), verdict: z.enum(['newer', 'same']),
    }),
  }),
  'sync.directoryImport': operation({
    request: z.object({
      fileName: z.string().max(500), json: z.string().max(10_000_000),
      /** First directory at this office: the national signing fingerprint confirmed by phone; pins that key. */
      trustNational: fingerprint.nullable().default(null),
    }),
    response: z.object({ status: z.enum(['newer', 'same']), version: z.number() }),
  }),
  'sync.directoryExport': operation({ request: empty, response: z.object({ version: z.number(), signed: z.string() }) }),
  'sync.export': operation({
    request: z.object({
      passphrase,
      /** CLI: the folder to write to. Without it (the page) the bundles come back as bytes to be saved. */
      dir: z.string().min(1).max(2000).optional(),
      reference: z.boolean().default(false), offices: z.array(z.string()).max(1000).default([]), jobId,
    }),
    page: z.object({ passphrase, reference: z.boolean().optional(), offices: z.array(z.string().max(200)).max(1000).optional(), jobId }).strict(),
    response: z.object({
      status: z.enum(['written', 'nothing']), files: z.array(z.string()), seq: z.number(), changes: z.number(), size: z.number(),
      bundles: z.array(fileOutput).default([]),
    }),
    job: true,
  }),
  'sync.import': operation({
    request: z.object({
      passphrase,
      paths: z.array(z.string().max(2000)).max(10_000).default([]),
      files: z.array(fileInput).max(1000).default([]),
      dryRun: z.boolean().default(false),
      receiptDir: z.string().max(2000).nullable().default(null),
      jobId,
    }),
    page: z.object({ passphrase, files: z.array(fileInput).max(1000), dryRun: z.boolean().optional(), jobId }).strict(),
    response: z.array(importResultSchema),
    job: true,
  }),
  /** Remembers where bundles were written: the main process names the folder; the page can only say "downloaded". */
  'sync.bundlesWritten': operation({
    request: z.object({ names: z.array(z.string().max(500)).min(1).max(1000), place: z.string().max(4096).nullable().default(null) }),
    page: z.object({ names: z.array(z.string().max(500)).min(1).max(1000) }).strict(),
    response: z.object({ updated: z.number() }),
  }),
  /** A sent bundle not yet acknowledged, written again from the copy kept beside the database. */
  'sync.writeAgain': operation({
    request: z.object({ fileName: z.string().min(1).max(500), dir: z.string().min(1).max(2000).optional() }),
    page: z.object({ fileName: z.string().min(1).max(500) }).strict(),
    response: z.object({ seq: z.number(), file: z.string(), bundles: z.array(fileOutput).default([]) }),
  }),
  'sync.inspect': localOperation({
    request: z.object({ path: z.string().max(2000) }),
    response: z.object({ header: z.record(z.string(), z.unknown()), bundleHash: z.string(), size: z.number() }),
  }),
  'sync.history': operation({
    request: empty,
    response: z.object({
      sent: z.array(z.object({
        kind: z.string(), seq: z.number(), toOffice: z.string(), toOfficeName: z.string().nullable(), toOfficeNameKm: z.string().nullable(), changes: z.number(), fileName: z.string(),
        createdAt: z.string(), ackedAt: z.string().nullable(),
        /** The folder it was written to, or null; `writtenAt` without a folder: downloaded by the browser. */
        writtenTo: z.string().nullable(), writtenAt: z.string().nullable(),
        /** Still kept beside the database (not yet acknowledged): it can be written again. */
        kept: z.boolean(),
        /** The office above holds this bundle: it is missing these earlier ones (its receipt said so). */
        missing: z.object({ from: z.number(), to: z.number() }).nullable(),
      })),
      received: z.array(z.object({
        kind: z.string(), seq: z.number(), fromOffice: z.string(), fromOfficeName: z.string().nullable(), fromOfficeNameKm: z.string().nullable(), inserted: z.number(), updated: z.number(),
        deleted: z.number(), skipped: z.number(), conflicts: z.number(), fileName: z.string(), importedAt: z.string(),
        /** Lost bundles from the same office whose changes this one carried, applied in their place. */
        stoodInFor: z.object({ from: z.number(), to: z.number() }).nullable(),
      })),
      held: z.array(z.object({ fromOffice: z.string(), fromOfficeName: z.string().nullable(), fromOfficeNameKm: z.string().nullable(), kind: z.string(), seq: z.number(), waitingFor: z.number(), fileName: z.string(), heldAt: z.string() })),
      alerts: z.array(z.record(z.string(), z.unknown())),
    }),
  }),
  'sync.conflicts': operation({
    request: z.object({ status: z.enum(['open', 'resolved', 'all']).default('open') }),
    response: z.array(z.object({
      id: z.string(), entity: z.string(), recordA: z.string(), officeA: z.string(), recordB: z.string(), officeB: z.string(),
      fields: z.array(z.object({ field: z.string(), a: z.unknown(), b: z.unknown() })), status: z.enum(['open', 'resolved']),
      openedAt: z.string(), resolution: z.string().nullable(), resolvedBy: z.string().nullable(),
    })),
  }),
  'sync.resolveConflict': operation({
    request: z.object({ id: z.string().max(100), resolution: z.string().trim().min(1).max(2000) }),
    response: z.object({ id: z.string() }),
  }),
  'sync.annotate': operation({
    request: z.object({ entity: z.string().max(100), recordId, text: z.string().trim().min(1).max(2000) }),
    response: z.object({ id: z.string() }),
  }),
  'sync.annotations': operation({
    request: z.object({ entity: z.string().max(100), recordId }),
    response: z.array(z.object({ id: z.string(), text: z.string(), byOffice: z.string(), actor: z.string(), at: z.string() })),
  }),
  'sync.recordState': operation({
    request: z.object({ entity: z.string().max(100), recordId }),
    response: z.object({ state: z.enum(['not-sent', 'sent', 'acknowledged', 'local']) }),
  }),
};
