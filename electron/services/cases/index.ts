import { AppError } from '../../../shared/errors.js';
import type { HandlerTable } from '../../backend/context.js';
import { caseStats } from '../../db/case-stats.js';
import { complaintsHandlers } from './complaints.js';
import { operationsHandlers } from './operations.js';

/** Stats as a service function: reports call it directly. */
export { caseStats };

export const casesHandlers: Pick<HandlerTable, keyof typeof complaintsHandlers | keyof typeof operationsHandlers | 'cases.stats'> = {
  ...complaintsHandlers,
  ...operationsHandlers,
  'cases.stats': (ctx, request) => {
    if (request.from > request.to) throw new AppError('cases.periodOrder', { from: request.from, to: request.to });
    return caseStats(ctx.db, request.from, request.to, request.unitCode ?? null);
  },
};
