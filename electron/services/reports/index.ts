import { nationalityEquivalents } from '../../../shared/display.js';
import { AppError } from '../../../shared/errors.js';
import type { ReportResult } from '../../../shared/contract/reports.js';
import { REPORTS, reportDefinition } from '../../../shared/reports/index.js';
import type { Cell, ReportDefinition, ReportRow, TableDefinition } from '../../../shared/reports/types.js';
import type { HandlerTable } from '../../backend/context.js';
import { today as officeToday } from '../registration/common.js';
import { pendingCount } from '../../sync/export.js';
import { dashboard } from './dashboard.js';
import { bundleLateDays, bundleTimeliness } from './bundles.js';
import { EXPIRY_WARNING_DAYS } from '../../../shared/document-expiry.js';
import { figureRecords } from './records.js';
import { decodeCursor } from '../../db/paging.js';
import { reportXlsx } from './files.js';
import { reportPdf } from './pdf.js';
import { canonicalKey, labeller, unitLabels } from './labels.js';
import { CAMPAIGN_QUERIES, CASE_QUERIES } from './cases.js';
import { REGISTRATION_QUERIES } from './registration.js';
import type { RawRow, ReportFilters, ReportQuery } from './types.js';
import type { Database } from 'better-sqlite3-multiple-ciphers';

/** Every report's SQL by name. A feature adds its queries here (one line); a test checks each definition has one. */
export const REPORT_QUERIES: Record<string, ReportQuery> = {
  ...REGISTRATION_QUERIES,
  ...CAMPAIGN_QUERIES,
  ...CASE_QUERIES,
};

type Request = Parameters<HandlerTable['reports.run']>[1];

/** The first day of the month eleven months before `day`'s: a year of whole months ending this month. */
export function defaultFrom(day: string): string {
  let y = Number(day.slice(0, 4));
  let m = Number(day.slice(5, 7)) - 11;
  if (m < 1) [y, m] = [y - 1, m + 12];
  return `${y}-${String(m).padStart(2, '0')}-01`;
}

export function resolveFilters(db: Database, definition: ReportDefinition, request: Request): ReportFilters {
  const takes = new Set(definition.params);
  const given: [string, unknown][] = [['from', request.from], ['to', request.to], ['unit', request.unit], ['nationality', request.nationality]];
  for (const [field, value] of given) {
    const param = field === 'from' || field === 'to' ? 'period' : field;
    if (value !== undefined && !takes.has(param as never)) throw new AppError(`reports.${param}NotTaken`, { field });
  }
  const day = officeToday(db, request);
  const from = request.from ?? defaultFrom(day);
  const to = request.to ?? day;
  if (from > to) throw new AppError('reports.periodReversed', { from, to });
  if (request.unit && !db.prepare('SELECT 1 FROM admin_unit WHERE id = ?').get(request.unit)) throw new AppError('reports.unknownUnit', { unit: request.unit });
  return {
    from,
    to,
    unit: request.unit ? { code: request.unit, end: `${request.unit}:` } : null,
    nationalities: request.nationality ? nationalityEquivalents(request.nationality) : null,
    groupLength: request.unit ? Math.min(request.unit.length + 2, 6) : 2,
    today: day,
  };
}

/** Rows of one table with labels, shares and (when the table has one) a total row. */
export function buildTable(db: Database, table: TableDefinition, raw: RawRow[]): { rows: ReportRow[]; total: Cell[] | null } {
  // D and DEU are one state: their rows are added together.
  const merged = new Map<string, RawRow>();
  for (const row of raw) {
    const key = canonicalKey(table.dimension, row.key);
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...row, key, values: { ...row.values } });
    else for (const [k, v] of Object.entries(row.values)) if (typeof v === 'number') seen.values[k] = ((seen.values[k] as number) ?? 0) + v;
  }
  const list = [...merged.values()];
  const label = labeller(db, table.dimension, list.map((r) => r.key));
  const sums: Record<string, number> = {};
  for (const row of list) for (const c of table.columns) if (c.kind === 'count') sums[c.key] = (sums[c.key] ?? 0) + Number(row.values[c.key] ?? 0);
  const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);
  const cellsOf = (values: Record<string, number | string | null>, isTotal: boolean): Cell[] =>
    table.columns.map((c) => {
      if (c.kind === 'share' && c.share) {
        const n = Number(values[c.share.numerator] ?? 0);
        // A column's share of its own total (`present / present`) is the row's part of the whole.
        if (c.share.numerator === c.share.denominator) return isTotal ? (sums[c.share.numerator] ? 1 : null) : ratio(n, sums[c.share.numerator] ?? 0);
        return ratio(n, Number(values[c.share.denominator] ?? 0));
      }
      if (c.kind === 'count') return Number(values[c.key] ?? 0);
      return (values[c.key] ?? null) as Cell;
    });
  return {
    rows: list.map((row) => ({ key: row.key, label: row.label ?? label(row.key), cells: cellsOf(row.values, false) })),
    total: table.total ? cellsOf(sums, true) : null,
  };
}

export function runReport(db: Database, request: Request): ReportResult {
  const definition = reportDefinition(request.name);
  const query = REPORT_QUERIES[request.name];
  if (!definition || !query) throw new AppError('reports.unknown', { name: request.name });
  const filters = resolveFilters(db, definition, request);
  const raw = query(db, filters);
  return {
    name: definition.name,
    params: {
      from: definition.params.includes('period') ? filters.from : null,
      to: definition.params.includes('period') ? filters.to : null,
      unit: request.unit ?? null,
      nationality: request.nationality ?? null,
    },
    unitName: request.unit ? (unitLabels(db, [request.unit]).get(request.unit) ?? null) : null,
    today: filters.today,
    tables: definition.tables.map((table) => ({ id: table.id, ...buildTable(db, table, raw[table.id] ?? []) })),
  };
}

export const reportsHandlers: Pick<HandlerTable, 'reports.list' | 'reports.run' | 'reports.dashboard' | 'reports.export' | 'reports.records'> = {
  'reports.export': async (ctx, { format, language, bilingual, ...request }) => {
    if (bilingual && format !== 'pdf') throw new AppError('reports.bilingualPdfOnly', { field: 'bilingual' });
    const result = runReport(ctx.db, request);
    const bytes = format === 'pdf' ? await reportPdf(ctx.db, ctx.office(), result, bilingual ? 'km+en' : language) : await reportXlsx(result, language);
    return { file: { name: `${result.name}-${result.today}${bilingual ? '-km-en' : ''}.${format}`, base64: bytes.toString('base64') } };
  },
  'reports.dashboard': (ctx, request) => {
    const office = ctx.office();
    const day = officeToday(ctx.db, request);
    return {
      level: office?.level ?? 'national', today: day, expiryDays: EXPIRY_WARNING_DAYS, ...dashboard(ctx.db, office, day),
      offices: bundleTimeliness(ctx.db, office, day), bundleLateDays: bundleLateDays(ctx.db), pendingChanges: office ? pendingCount(ctx.db, office.id) : 0,
    };
  },
  'reports.records': (ctx, { figure, unit, nationality, cursor, limit, ...request }) => {
    if (unit && !ctx.db.prepare('SELECT 1 FROM admin_unit WHERE id = ?').get(unit)) throw new AppError('reports.unknownUnit', { unit });
    const day = officeToday(ctx.db, request);
    const found = figureRecords(ctx.db, { figure, unit, nationality, today: day, after: decodeCursor(cursor), limit });
    return { ...found, today: day, unitName: unit ? (unitLabels(ctx.db, [unit]).get(unit) ?? null) : null };
  },
  'reports.list': () => REPORTS.map((r) => structuredClone(r)),
  'reports.run': (ctx, request) => runReport(ctx.db, request),
};
