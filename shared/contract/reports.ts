import { z } from 'zod';
import { FORMAT, empty, isoDate } from './common.js';
import { operation } from './define.js';
import { pageRequest, unitCode } from './registration-schemas.js';

const label = z.object({ en: z.string(), km: z.string() });
const cell = z.union([z.number(), z.string(), z.null()]);

export const reportDefinitionSchema = z.object({
  name: z.string(),
  group: z.string(),
  params: z.array(z.enum(['period', 'unit', 'nationality'])),
  tables: z.array(z.object({
    id: z.string(),
    dimension: z.enum(['nationality', 'unit', 'premisesType', 'visaType', 'workStatus', 'month', 'employer', 'campaign', 'finding', 'inspectionOutcome', 'complaintCategory', 'sex']),
    columns: z.array(z.object({ key: z.string(), kind: z.enum(['count', 'share', 'text']), share: z.object({ numerator: z.string(), denominator: z.string() }).optional() })),
    chart: z.object({ kind: z.enum(['bar', 'stacked', 'line']), series: z.array(z.string()) }),
    total: z.boolean(),
  })),
});

/** The filters of a report run. A period is whole days, `from` and `to` included, in the office's calendar. */
export const reportRequest = z.object({
  name: z.string().min(1).max(100),
  from: isoDate.optional(),
  to: isoDate.optional(),
  unit: unitCode.optional(),
  nationality: z.string().trim().toUpperCase().regex(/^[A-Z<]{1,3}$/, FORMAT.countryCode).optional(),
  /** Reference date for "now" and the default period (tests, benchmarks); the office's today otherwise. */
  today: isoDate.optional(),
});

export const reportResultSchema = z.object({
  name: z.string(),
  /** The filters as applied: the default period filled in, the unit named in both languages. */
  params: z.object({ from: z.string().nullable(), to: z.string().nullable(), unit: z.string().nullable(), nationality: z.string().nullable() }),
  unitName: label.nullable(),
  today: z.string(),
  tables: z.array(z.object({
    id: z.string(),
    rows: z.array(z.object({ key: z.string(), label, cells: z.array(cell) })),
    total: z.array(cell).nullable(),
  })),
});
export type ReportResult = z.infer<typeof reportResultSchema>;

const dashboardRow = z.object({
  unit: z.string(),
  label,
  staying: z.number().int(),
  arrivalsWeek: z.number().int(),
  departuresWeek: z.number().int(),
  lateStaying: z.number().int(),
  premisesWithoutPledge: z.number().int(),
  reported30: z.number().int(),
  onTime30: z.number().int(),
  /** Foreigners staying now (diplomats aside) whose passport or visa expires today or within `expiryDays`. */
  documentsExpiring: z.number().int(),
  lastBundle: z.string().nullable(),
});
export type DashboardRow = z.infer<typeof dashboardRow>;

export const dashboardSchema = z.object({
  level: z.enum(['commune', 'province', 'national']),
  /** The office's unit (null at the national office): the rows are its communes, or the provinces. */
  unit: z.string().nullable(),
  today: z.string(),
  /** The window of `documentsExpiring`: today and the days after it. */
  expiryDays: z.number().int(),
  rows: z.array(dashboardRow),
  total: dashboardRow,
  /** Each office directly below (a province's communes, the national office's provinces): its last bundle received here. */
  offices: z.array(z.object({
    officeId: z.string(), name: z.string(), level: z.string(), unitCode: z.string(), unit: label,
    lastBundle: z.string().nullable(),
    /** Office-local days since that bundle's day (0: today); null when none has arrived. */
    daysAgo: z.number().int().nullable(),
    /** No bundle for more than `bundleLateDays` days, or never. */
    late: z.boolean(),
  })),
  bundleLateDays: z.number().int(),
  /** Changes made here not yet acknowledged by the office above. */
  pendingChanges: z.number().int(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/**
 * The home figures whose records can be listed: the stays, premises or foreigners a figure counts.
 * `reported30` lists the stays the on-time share is taken over (each marked late or on time).
 */
export const recordFigure = z.enum(['staying', 'arrivalsWeek', 'departuresWeek', 'lateStaying', 'reported30', 'premisesWithoutPledge', 'documentsExpiring']);
export type RecordFigure = z.infer<typeof recordFigure>;

const recordRow = z.object({
  /** The stay's, premises' or person's id. */
  id: z.string(),
  personId: z.string().nullable(),
  premisesId: z.string().nullable(),
  /** The foreigner's MRZ name (a stay's or person's row) or the premises' Latin name. */
  name: z.string(),
  nameKm: z.string(),
  nationality: z.string().nullable(),
  /** A stay's premises. */
  premisesName: z.string().nullable(),
  communeCode: z.string().nullable(),
  arrivedOn: z.string().nullable(),
  departedOn: z.string().nullable(),
  /** A stay reported more than 24 hours after the arrival. */
  late: z.boolean().nullable(),
  pledgeStatus: z.string().nullable(),
  passportExpiry: z.string().nullable(),
  visaExpiry: z.string().nullable(),
});
export type RecordRow = z.infer<typeof recordRow>;

export const reportsOps = {
  /** The records behind a home figure (and a by-nationality count): a page of them, and how many there are in all. */
  'reports.records': operation({
    request: z.object({
      figure: recordFigure,
      unit: unitCode.optional(),
      nationality: reportRequest.shape.nationality,
      today: isoDate.optional(),
      ...pageRequest,
    }),
    response: z.object({
      entity: z.enum(['stay', 'premises', 'person']),
      total: z.number().int(),
      today: z.string(),
      unitName: label.nullable(),
      items: z.array(recordRow),
      nextCursor: z.string().nullable(),
    }),
  }),
  /** A report as a file to pass on: a spreadsheet (one sheet per table) or a PDF in the documents' layout. */
  'reports.export': operation({
    /** `bilingual`: a PDF in Khmer with English beneath, as the documents print (PDF only). */
    request: reportRequest.extend({ format: z.enum(['xlsx', 'pdf']), language: z.enum(['en', 'km']), bilingual: z.boolean().default(false) }),
    response: z.object({ file: z.object({ name: z.string(), base64: z.string() }) }),
  }),
  /** The home screen's figures for this office's level. */
  'reports.dashboard': operation({ request: z.object({ today: isoDate.optional() }), response: dashboardSchema }),
  'reports.list': operation({ request: empty, response: z.array(reportDefinitionSchema) }),
  'reports.run': operation({ request: reportRequest, response: reportResultSchema }),
};
