import { z } from 'zod';
import { operation } from './define.js';
import { changeEntrySchema, empty, jobId, recordId } from './common.js';

export const officeLevel = z.enum(['commune', 'province', 'national']);
export type OfficeLevel = z.infer<typeof officeLevel>;

export const officeSchema = z.object({
  id: z.string(),
  level: officeLevel,
  unitCode: z.string(),
  /** The office's name in English (Latin letters), printed on English documents. */
  name: z.string(),
  /** The office's name in Khmer, printed on Khmer documents; '' for offices set up before it was asked. */
  nameKm: z.string(),
  createdAt: z.string(),
});
export type Office = z.infer<typeof officeSchema>;

export const adminUnitLevel = z.enum(['province', 'district', 'commune']);
export const adminUnitSchema = z.object({
  code: z.string(),
  level: adminUnitLevel,
  parentCode: z.string().nullable(),
  typeKm: z.string(),
  typeLatin: z.string(),
  typeEn: z.string(),
  nameKm: z.string(),
  nameLatin: z.string(),
  nameEn: z.string(),
});
export type AdminUnit = z.infer<typeof adminUnitSchema>;

export const codeEntrySchema = z.object({
  code: z.string(),
  en: z.string(),
  km: z.string(),
  retired: z.boolean().optional(),
});
export type CodeEntry = z.infer<typeof codeEntrySchema>;

export const referenceVersionSchema = z.object({
  list: z.string(),
  version: z.string(),
  importedAt: z.string(),
  rowCount: z.number().int(),
});

export const foundationOps = {
  'app.info': operation({
    request: empty,
    response: z.object({ appVersion: z.string(), schemaVersion: z.number().int() }),
  }),
  'office.get': operation({ request: empty, response: officeSchema.nullable() }),
  'office.setup': operation({
    request: z.object({
      level: officeLevel,
      unitCode: z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/),
      name: z.string().trim().min(1).max(200),
      nameKm: z.string().trim().max(200).default(''),
    }),
    response: officeSchema,
  }),
  'info.get': operation({
    request: empty,
    response: z.object({
      office: officeSchema.nullable(),
      schemaVersion: z.number().int(),
      counts: z.record(z.string(), z.number().int()),
      referenceVersions: z.array(referenceVersionSchema),
    }),
  }),
  'settings.get': operation({
    request: z.object({ key: z.string().min(1).max(100) }),
    response: z.string().nullable(),
  }),
  'settings.set': operation({
    request: z.object({ key: z.string().min(1).max(100), value: z.string().max(10_000) }),
    response: z.object({ key: z.string(), value: z.string() }),
  }),
  'reference.codeLists': operation({
    request: empty,
    response: z.object({
      version: z.string(),
      lists: z.record(z.string(), z.array(codeEntrySchema)),
    }),
  }),
  'reference.nationalities': operation({
    request: empty,
    response: z.array(codeEntrySchema),
  }),
  'reference.versions': operation({ request: empty, response: z.array(referenceVersionSchema) }),
  'gazetteer.units': operation({
    request: z.object({
      parentCode: z.string().nullable().optional(),
      level: adminUnitLevel.optional(),
      codes: z.array(z.string()).max(1000).optional(),
    }),
    response: z.array(adminUnitSchema),
  }),
  'gazetteer.import': operation({
    request: z.object({
      fileName: z.string().max(500),
      /** The CSV text; the gazetteer is a few hundred kilobytes. */
      csv: z.string().max(20_000_000),
      jobId,
    }),
    response: z.object({
      status: z.enum(['imported', 'unchanged']),
      version: z.string(),
      added: z.number().int(),
      updated: z.number().int(),
      retired: z.number().int(),
      total: z.number().int(),
    }),
    job: true,
  }),
  'history.forRecord': operation({
    request: z.object({ entity: z.string().min(1), recordId }),
    response: z.array(changeEntrySchema),
  }),
  'jobs.cancel': operation({
    request: z.object({ jobId: z.string().uuid() }),
    response: z.object({ cancelled: z.boolean() }),
  }),
};
