import { z } from 'zod';
import { empty, isoDate } from './common.js';
import { operation } from './define.js';

/**
 * The audit for the office administrator: reads (from the per-office hash chain) and writes (from
 * the change log), filtered, exported, and each office's chain verified.
 */

export const auditFilter = z.object({
  /** Office-local days, inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** A user (account id or user name), `cli:name` or `local-operator`. */
  user: z.string().max(200).optional(),
  /** A read operation (`persons.get`) or a write (`insert`, `update`, `delete`). */
  operation: z.string().max(100).optional(),
  office: z.string().max(100).optional(),
  kind: z.enum(['read', 'write']).optional(),
});
export type AuditFilterDto = z.infer<typeof auditFilter>;

export const auditRowSchema = z.object({
  kind: z.enum(['read', 'write']),
  office: z.string(),
  /** The office's names when this register knows it. */
  officeName: z.string().nullable(),
  officeNameKm: z.string().nullable(),
  seq: z.number().int(),
  /** Office-local date-time with offset. */
  at: z.string(),
  actor: z.string(),
  /** The account's names when it is known here; null for the CLI's or operator's id. */
  actorName: z.object({ en: z.string(), km: z.string() }).nullable(),
  operation: z.string(),
  entity: z.string(),
  recordId: z.string(),
  /** A foreigner's name (surname and given names) when the record is a person held here. */
  recordName: z.string().nullable(),
});
export type AuditRowDto = z.infer<typeof auditRowSchema>;

export const chainReportSchema = z.object({
  office: z.string(),
  officeName: z.string().nullable(),
  officeNameKm: z.string().nullable(),
  entries: z.number().int(),
  /** The first entry that does not fit (null: the chain verifies). `id` is null for a missing entry. */
  broken: z.object({ seq: z.number().int(), id: z.string().nullable(), reason: z.enum(['hash', 'link', 'gap']) }).nullable(),
  /** This office's chain after a restore from an older backup: entries from–to are held by the office above only. */
  restored: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
});
export type ChainReportDto = z.infer<typeof chainReportSchema>;

export const auditOps = {
  'audit.list': operation({
    request: auditFilter.extend({ limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) }),
    response: z.object({
      total: z.number().int(),
      entries: z.array(auditRowSchema),
      /** Read operations found in the chain, for the screen's filter. */
      operations: z.array(z.string()),
    }),
  }),
  /** Every office's chain held here: this office's, and those sent up from below. */
  'audit.verify': operation({ request: empty, response: z.array(chainReportSchema) }),
  /** The filtered audit as a CSV file (UTF-8 with BOM, for spreadsheets). */
  'audit.export': operation({ request: auditFilter, response: z.object({ file: z.object({ name: z.string(), base64: z.string() }), rows: z.number().int() }) }),
};

export type AuditOp = keyof typeof auditOps;
