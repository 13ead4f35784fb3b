import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { AdminUnit } from '../../shared/contract/foundation.js';
import { AppError, type ErrorDetail } from '../../shared/errors.js';
import { insertRecord, nowIso, updateRecord } from '../db/changes.js';
import { adminUnitEntity, adminUnitToRow, allUnitRows, referenceVersionEntity } from '../db/gazetteer.js';
import type { Handler, HandlerContext } from '../backend/context.js';

export const GAZETTEER_COLUMNS = ['code', 'level', 'parent_code', 'type_km', 'type_latin', 'type_en', 'name_km', 'name_latin', 'name_en'] as const;
const CODE_LENGTH = { province: 2, district: 4, commune: 6 } as const;
const KHMER = /[\u1780-\u17FF]/;
const LATIN_LETTER = /[A-Za-z]/;
/** Enough to act on; the rest are counted. */
const MAX_REPORTED_LINES = 200;

export interface ParsedGazetteer {
  version: string;
  units: AdminUnit[];
}

/** Validates the whole file; throws `gazetteer.invalidFile` listing every bad line, or returns every unit. */
export function parseGazetteerCsv(text: string): ParsedGazetteer {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalised.trim() === '') throw new AppError('gazetteer.emptyFile');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(normalised, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw new AppError('gazetteer.invalidFile', { count: 1 }, [
      { code: 'gazetteer.line.unreadable', params: { line, reason: (error as Error).message } },
    ]);
  }
  const [header, ...rows] = records;
  if (!header || header.record.join(',') !== GAZETTEER_COLUMNS.join(',')) {
    throw new AppError('gazetteer.badHeader', { expected: GAZETTEER_COLUMNS.join(',') });
  }

  const problems: ErrorDetail[] = [];
  const units: AdminUnit[] = [];
  const lineOf = new Map<string, number>();
  /** Codes on any line, valid or not: a child of a bad line is not reported a second time. */
  const seenCodes = new Set<string>();
  const report = (line: number, code: string, params: Record<string, string | number> = {}) =>
    problems.push({ code: `gazetteer.line.${code}`, params: { line, ...params } });

  for (const { record, info } of rows) {
    const line = info.lines;
    if (record.length !== GAZETTEER_COLUMNS.length) {
      report(line, 'columnCount', { expected: GAZETTEER_COLUMNS.length, found: record.length });
      continue;
    }
    const [code, level, parentCode, typeKm, typeLatin, typeEn, nameKm, nameLatin, nameEn] = record.map((v) => v.trim()) as [
      string, string, string, string, string, string, string, string, string,
    ];
    seenCodes.add(code);
    if (level !== 'province' && level !== 'district' && level !== 'commune') {
      report(line, 'badLevel', { value: level });
      continue;
    }
    const before = problems.length;
    if (!new RegExp(`^\\d{${CODE_LENGTH[level]}}$`).test(code)) report(line, 'badCode', { value: code, level, digits: CODE_LENGTH[level] });
    const expectedParent = level === 'province' ? '' : code.slice(0, CODE_LENGTH[level] - 2);
    if (parentCode !== expectedParent) report(line, 'badParent', { value: parentCode || '-', expected: expectedParent || '-' });
    if (lineOf.has(code)) report(line, 'duplicateCode', { value: code, first: lineOf.get(code) ?? 0 });
    for (const [field, value] of [['name_latin', nameLatin], ['name_en', nameEn], ['type_latin', typeLatin], ['type_en', typeEn]] as const) {
      if (!value) report(line, 'missingField', { field });
    }
    for (const [field, value] of [['name_km', nameKm], ['type_km', typeKm]] as const) {
      if (!value) report(line, 'missingField', { field });
      else if (!KHMER.test(value) || LATIN_LETTER.test(value)) report(line, 'notKhmerUnicode', { field, value });
    }
    if (problems.length > before) continue;
    lineOf.set(code, line);
    units.push({ code, level, parentCode: parentCode || null, typeKm, typeLatin, typeEn, nameKm, nameLatin, nameEn });
  }
  // Parents must be in the same file, so a partial file cannot leave orphans.
  for (const unit of units) {
    if (unit.parentCode && !seenCodes.has(unit.parentCode)) {
      report(lineOf.get(unit.code) ?? 0, 'unknownParent', { value: unit.parentCode });
    }
  }
  if (units.length === 0 && problems.length === 0) throw new AppError('gazetteer.emptyFile');
  if (problems.length > 0) {
    problems.sort((a, b) => Number(a.params?.line ?? 0) - Number(b.params?.line ?? 0));
    throw new AppError('gazetteer.invalidFile', { count: problems.length }, problems.slice(0, MAX_REPORTED_LINES));
  }
  const version = `sha256:${createHash('sha256').update(normalised).digest('hex').slice(0, 16)}`;
  return { version, units };
}

export interface GazetteerImportResult {
  status: 'imported' | 'unchanged';
  version: string;
  added: number;
  updated: number;
  retired: number;
  total: number;
}

/** All or nothing: one transaction, rolled back on any error or on cancellation. */
export function importGazetteer(ctx: HandlerContext, text: string): GazetteerImportResult {
  ctx.progress(0, 1, 'progress.validating');
  const { version, units } = parseGazetteerCsv(text);
  const current = ctx.db.prepare("SELECT version FROM reference_version WHERE id = 'gazetteer'").get() as { version: string } | undefined;
  if (current?.version === version) {
    return { status: 'unchanged', version, added: 0, updated: 0, retired: 0, total: units.length };
  }
  const writer = ctx.writer();
  return ctx.db.transaction(() => {
    const existing = allUnitRows(ctx.db);
    let added = 0;
    let updated = 0;
    let retired = 0;
    units.forEach((unit, index) => {
      if (index % 200 === 0) {
        if (ctx.cancelled()) throw new AppError('job.cancelled');
        ctx.progress(index, units.length, 'progress.saving');
      }
      const row = adminUnitToRow(unit);
      if (!existing.has(unit.code)) {
        insertRecord(writer, adminUnitEntity, unit.code, row);
        added += 1;
      } else if (updateRecord(writer, adminUnitEntity, unit.code, row)) {
        updated += 1;
      }
      existing.delete(unit.code);
    });
    for (const [code, row] of existing) {
      if (row.retired === 0 && updateRecord(writer, adminUnitEntity, code, { retired: 1 })) retired += 1;
    }
    const versionRow = { version, imported_at: nowIso(), row_count: units.length };
    if (current) updateRecord(writer, referenceVersionEntity, 'gazetteer', versionRow);
    else insertRecord(writer, referenceVersionEntity, 'gazetteer', versionRow);
    ctx.progress(units.length, units.length, 'progress.saving');
    return { status: 'imported' as const, version, added, updated, retired, total: units.length };
  }).immediate();
}

export const gazetteerImportHandler: Handler<'gazetteer.import'> = (ctx, request) => importGazetteer(ctx, request.csv);
