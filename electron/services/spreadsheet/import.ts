import { registrationOps } from '../../../shared/contract/registration.js';
import type { OpParsedRequest, OpResponse } from '../../../shared/contract/index.js';
import { AppError, type ErrorDetail } from '../../../shared/errors.js';
import type { HandlerContext } from '../../backend/context.js';
import { registrationHandlers } from '../registration/index.js';
import { planRow, requiredFields, type RowPlan } from './rows.js';
import { openSheet } from './sheet.js';
import { resolveSource } from './source.js';
import { Stage } from './stage.js';

type ImportRequest = OpParsedRequest<'spreadsheet.import'>;
type ImportResult = OpResponse<'spreadsheet.import'>;

/** Enough to act on; the rest are counted. */
const MAX_REPORTED = 200;
const PROGRESS_EVERY = 500;

/**
 * Two passes. Read: stream the sheet, check every row, keep valid rows on disk; any bad row and the
 * import stops with every reason and row number, nothing stored. Commit: one synchronous transaction
 * through the registration services (the same rules as manual registration); cancelling rolls it back.
 */
export async function importSpreadsheet(ctx: HandlerContext, request: ImportRequest): Promise<ImportResult> {
  const source = resolveSource(request.source);
  const mapping = request.mapping;
  const missing = requiredFields(request.target).filter((field) => mapping[field] === undefined || mapping[field] === null);
  if (missing.length > 0) throw new AppError('spreadsheet.unmapped', { fields: missing.join(', ') });

  const stage = new Stage();
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
        const plan = planRow(row, cells, mapping, request.target);
        if (Array.isArray(plan)) report(plan);
        else {
          const earlier = stage.add(plan);
          if (earlier !== undefined) report([{ code: 'spreadsheet.row.repeated', params: { row, first: earlier } }]);
        }
      }
    } finally {
      sheet.close();
    }
    const rows = stage.count + badRows;
    if (rows === 0) throw new AppError('spreadsheet.noRows');
    if (badRows > 0) throw new AppError('spreadsheet.invalidRows', { count: badRows, rows }, problems);
    if (request.dryRun) return { status: 'valid', rows, personsCreated: 0, personsExisting: 0, stays: 0, employments: 0 };
    return commit(ctx, request, stage);
  } finally {
    stage.dispose();
  }
}

function commit(ctx: HandlerContext, request: ImportRequest, stage: Stage): ImportResult {
  const result: ImportResult = { status: 'imported', rows: stage.count, personsCreated: 0, personsExisting: 0, stays: 0, employments: 0 };
  const total = stage.count;
  const problems: ErrorDetail[] = [];
  let badRows = 0;
  ctx.db.transaction(() => {
    let done = 0;
    for (const plan of stage.plans()) {
      if (done % PROGRESS_EVERY === 0) {
        if (ctx.cancelled()) throw new AppError('job.cancelled');
        ctx.progress(done, total, 'progress.saving');
      }
      done += 1;
      try {
        applyRow(ctx, request, plan, result);
      } catch (error) {
        if (!(error instanceof AppError) || error.code === 'job.cancelled') throw error;
        badRows += 1;
        if (problems.length < MAX_REPORTED) {
          problems.push({ code: 'spreadsheet.row.rejected', params: { row: plan.row, reason: error.code, ...error.params } });
        }
      }
    }
    // Rows the registration service refused: roll everything back and say which.
    if (badRows > 0) throw new AppError('spreadsheet.invalidRows', { count: badRows, rows: total }, problems);
    ctx.progress(total, total, 'progress.saving');
  }).immediate();
  return result;
}

function sync<T>(value: T | Promise<T>): T {
  if (value instanceof Promise) throw new Error('registration handler must be synchronous inside the import transaction');
  return value;
}

function applyRow(ctx: HandlerContext, request: ImportRequest, plan: RowPlan, result: ImportResult): void {
  const registered = sync(
    registrationHandlers['persons.register'](ctx, registrationOps['persons.register'].request.parse({ fields: plan.person, source: 'import' })),
  );
  if (registered.status === 'created') result.personsCreated += 1;
  else result.personsExisting += 1;
  const personId = registered.person.id;
  if (request.target.kind === 'stays' && plan.stay) {
    sync(registrationHandlers['stays.arrive'](ctx, registrationOps['stays.arrive'].request.parse({ personId, premisesId: request.target.premisesId, ...plan.stay })));
    result.stays += 1;
  } else if (request.target.kind === 'employment' && plan.employment) {
    sync(registrationHandlers['employment.record'](ctx, { ...plan.employment, personId, employerId: request.target.employerId }));
    result.employments += 1;
  }
}
