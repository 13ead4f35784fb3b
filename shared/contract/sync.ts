import { z } from 'zod';
import { operation } from './define.js';
import { empty, jobId, recordId } from './common.js';

const passphrase = z.string().min(1).max(1000);
const fileInput = z.object({ name: z.string().max(500), base64: z.string().max(400_000_000) });

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
    status: z.enum(['applied', 'already', 'held', 'dry-run', 'acknowledged', 'error']),
    from: z.string(),
    kind: z.string(),
    seq: z.number(),
    waitingFor: z.number().nullable(),
    summary: applySummarySchema,
    receipt: z.string().nullable(),
    /** Applied, but the receipt could not be written. */
    receiptError: errorShape.nullable(),
    error: errorShape.nullable(),
    released: z.array(importResultSchema),
  }),
);
interface ErrorView {
  code: string;
  params?: Record<string, string | number> | undefined;
  details?: { code: string; params?: Record<string, string | number> | undefined }[] | undefined;
}
export interface ImportResultView {
  file: string;
  status: 'applied' | 'already' | 'held' | 'dry-run' | 'acknowledged' | 'error';
  from: string;
  kind: string;
  seq: number;
  waitingFor: number | null;
  summary: z.infer<typeof applySummarySchema>;
  receipt: string | null;
  receiptError: ErrorView | null;
  error: ErrorView | null;
  released: ImportResultView[];
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
  'sync.directoryAdd': operation({ request: z.object({ card: z.string().max(100_000) }), response: keyCardSchema.omit({ createdAt: true, qrPayload: true }) }),
  'sync.directoryRevoke': operation({
    request: z.object({ officeId: z.string().max(200), afterSequence: z.number().int().min(0).nullable() }),
    response: z.object({ revoked: z.number() }),
  }),
  'sync.directorySign': operation({ request: z.object({ passphrase }), response: z.object({ version: z.number(), signed: z.string() }) }),
  'sync.directoryImport': operation({
    request: z.object({ fileName: z.string().max(500), json: z.string().max(10_000_000) }),
    response: z.object({ status: z.enum(['newer', 'same']), version: z.number() }),
  }),
  'sync.directoryExport': operation({ request: empty, response: z.object({ version: z.number(), signed: z.string() }) }),
  'sync.export': operation({
    request: z.object({ passphrase, dir: z.string().min(1).max(2000), reference: z.boolean().default(false), offices: z.array(z.string()).max(1000).default([]), jobId }),
    response: z.object({ status: z.enum(['written', 'nothing']), files: z.array(z.string()), seq: z.number(), changes: z.number(), size: z.number() }),
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
    response: z.array(importResultSchema),
    job: true,
  }),
  'sync.inspect': operation({
    request: z.object({ path: z.string().max(2000) }),
    response: z.object({ header: z.record(z.string(), z.unknown()), bundleHash: z.string(), size: z.number() }),
  }),
  'sync.history': operation({
    request: empty,
    response: z.object({
      sent: z.array(z.object({ kind: z.string(), seq: z.number(), toOffice: z.string(), changes: z.number(), fileName: z.string(), createdAt: z.string(), ackedAt: z.string().nullable() })),
      received: z.array(z.object({ kind: z.string(), seq: z.number(), fromOffice: z.string(), inserted: z.number(), updated: z.number(), deleted: z.number(), skipped: z.number(), conflicts: z.number(), fileName: z.string(), importedAt: z.string() })),
      held: z.array(z.object({ fromOffice: z.string(), kind: z.string(), seq: z.number(), waitingFor: z.number(), fileName: z.string(), heldAt: z.string() })),
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
