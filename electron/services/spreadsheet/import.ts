import type { OpParsedRequest, OpResponse } from '../../../shared/contract/index.js';
import { AppError, type ErrorDetail } from '../../../shared/errors.js';
import type { HandlerContext } from '../../backend/context.js';
import { nowIso } from '../../db/changes.js';
import { instant } from '../../db/stays.js';
import { normalisePerson } from '../registration/identity.js';
import { checkTarget, commitPlans } from './commit.js';
import { planRow, requiredFields, type RowPlan } from './rows.js';
import { openSheet } from './sheet.js';
import { resolveSource } from './source.js';
import { Stage } from './stage.js';
import { today } from '../registration/common.js';

type ImportRequest = OpParsedRequest<'spreadsheet.import'>;
type ImportResult = OpResponse<'spreadsheet.import'>;

/** Enough to act on; the rest are counted. */
const MAX_REPORTED = 200;

/**
 * Two passes. Read: stream the sheet, check every row with the rules of manual registration that need
 * no database (schemas, names, passport number, codes, date order), keep valid rows on disk; any bad row
 * and the import stops with every reason and row number, nothing stored. Commit: one synchronous bulk
 * transaction (commit.ts) that applies the rest (identity, open stays) through the change-log write path;
 * cancelling rolls it back.
 */
export async function importSpreadsheet(ctx: HandlerContext, request: ImportRequest): Promise<ImportResult> {
  const source = resolveSource(request.source);
  const mapping = request.mapping;
  const missing = requiredFields(request.target).filter((field) => mapping[field] === undefined || mapping[field] === null);
  if (missing.length > 0) throw new AppError('spreadsheet.unmapped', { fields: missing.join(', ') });
  checkTarget(ctx.db, request.target);
  const day = today(ctx.db);

  const stage = new Stage(ctx.db);
  const problems: ErrorDetail[] = [];
  let badRows = 0;
  const report = (details: ErrorDetail[]) => {
    badRows += 1;
    for (const detail of details) if (problems.length < MAX_REPORTED) problems.push(detail);
  };
  try {
    let lastReport = 0;
    const sheet = await openSheet(source, request.sheet, (fraction) => {
      const done = Math.round(fraction * 1000);
      if (done !== lastReport) ctx.progress((lastReport = done), 1000, 'progress.validating');
    });
    let header = true;
    try {
      for await (const { row, cells } of sheet.rows) {
        if (header) {
          header = false;
          continue;
        }
        if (ctx.cancelled()) throw new AppError('job.cancelled');
        const plan = checkPlan(planRow(row, cells, mapping, request.target), day);
        if (Array.isArray(plan)) report(plan);
        else stage.add(plan);
      }
    } finally {
      sheet.close();
    }
    // A person twice in the sheet: the later rows are refused, naming the first.
    const repeats = stage.repeats();
    for (const { row, first } of repeats) report([{ code: 'spreadsheet.row.repeated', params: { row, first } }]);
    problems.sort((a, b) => Number(a.params?.row ?? 0) - Number(b.params?.row ?? 0));
    const rows = stage.count + badRows - repeats.length;
    if (rows === 0) throw new AppError('spreadsheet.noRows');
    if (badRows > 0) throw new AppError('spreadsheet.invalidRows', { count: badRows, rows }, problems);
    if (request.dryRun) return { status: 'valid', rows, personsCreated: 0, personsExisting: 0, stays: 0, employments: 0 };
    return commitPlans(ctx, request, () => stage.plans(), stage.count);
  } finally {
    stage.dispose();
  }
}

/**
 * The checks `persons.register`, `stays.arrive` and `employment.record` make before touching the
 * database, with their own error codes: the person's fields normalised (MRZ-form names, clean passport
 * number, known codes, dates in order), a stay reported after arrival, employment ending after it starts.
 */
function checkPlan(plan: RowPlan | ErrorDetail[], day: string): RowPlan | ErrorDetail[] {
  if (Array.isArray(plan)) return plan;
  const refused = (error: unknown): ErrorDetail[] => {
    if (!(error instanceof AppError)) throw error;
    // Name each failing field, not just how many there are.
    const causes: ErrorDetail[] = error.details?.length ? error.details : [{ code: error.code, ...(error.params ? { params: error.params } : {}) }];
    return causes.map((cause) => ({ code: 'spreadsheet.row.rejected', params: { row: plan.row, reason: cause.code, ...cause.params } }));
  };
  try {
    plan.person = normalisePerson(plan.person, day);
  } catch (error) {
    return refused(error);
  }
  if (plan.stay) {
    const reportedAt = plan.stay.reportedAt ?? nowIso();
    if (instant(reportedAt) < instant(plan.stay.arrivedAt)) {
      return refused(new AppError('registration.stay.reportedBeforeArrival', { arrivedAt: plan.stay.arrivedAt, reportedAt }));
    }
  }
  if (plan.employment?.endDate && plan.employment.endDate < plan.employment.startDate) {
    return refused(new AppError('registration.employment.endBeforeStart', { start: plan.employment.startDate, end: plan.employment.endDate }));
  }
  return plan;
}
