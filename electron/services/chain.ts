import { AppError } from '../../shared/errors.js';
import type { HandlerTable } from '../backend/context.js';
import { officeLabels } from '../sync/office-label.js';

const TABLES = { person: 'person', premises: 'premises', owner: 'owner', employer: 'employer', stay: 'stay', employment: 'employment' } as const;

export const chainHandlers: Pick<HandlerTable, 'records.origin'> = {
  'records.origin': (ctx, request) => {
    const origin = ctx.db.prepare(`SELECT origin_office FROM ${TABLES[request.entity]} WHERE id = ?`).pluck().get(request.recordId) as string | undefined;
    if (origin === undefined) throw new AppError('chain.notFound');
    const own = origin === ctx.office()?.id;
    return { own, officeName: own ? null : officeLabels(ctx.db)(origin) };
  },
};
