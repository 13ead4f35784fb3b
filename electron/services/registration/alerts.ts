import { parseMrz } from '../../../shared/mrz.js';
import type { HandlerTable } from '../../backend/context.js';
import { ALERT_KINDS, countAlerts, listAlerts, type AlertScope } from '../../db/alerts.js';
import { decodeCursor, encodeCursor } from '../../db/paging.js';
import { countExpiringPeople } from '../reports/records.js';
import { today } from './common.js';

const EXPIRING_KINDS = new Set(['passport_expiring', 'visa_expiring']);

type Op = 'alerts.list' | 'registration.stats' | 'mrz.parse';

/** A record id names a person, a premises or an employer. */
function scopeOf(db: Parameters<HandlerTable['alerts.list']>[0]['db'], recordId: string | undefined, unitCode: string | undefined): AlertScope {
  const scope: AlertScope = unitCode ? { unitCode } : {};
  if (!recordId) return scope;
  const entity = (db.prepare('SELECT entity FROM search_doc WHERE record_id = ?').get(recordId) as { entity: string } | undefined)?.entity;
  if (entity === 'premises') return { ...scope, premisesId: recordId };
  if (entity === 'employer') return { ...scope, employerId: recordId };
  return { ...scope, personId: recordId };
}

export const alertsHandlers: Pick<HandlerTable, Op> = {
  'alerts.list': (ctx, request) => {
    const day = today(ctx.db, request);
    const kinds = request.kinds ?? ALERT_KINDS;
    const scope = scopeOf(ctx.db, request.recordId, request.unitCode);
    const rows = listAlerts(ctx.db, { today: day, kinds, scope, after: decodeCursor(request.cursor), limit: request.limit });
    const shown = rows.slice(0, request.limit);
    const last = shown[shown.length - 1];
    return {
      items: shown.map(({ cursor: _c, ...alert }) => alert),
      nextCursor: rows.length > request.limit && last ? encodeCursor(last.cursor) : null,
      counts: countAlerts(ctx.db, day, kinds, scope),
      expiringPeople: request.recordId || !kinds.some((k) => EXPIRING_KINDS.has(k)) ? null : countExpiringPeople(ctx.db, day, request.unitCode ?? null),
    };
  },

  'registration.stats': (ctx, request) => {
    const n = (sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;
    const byWorkStatus: Record<string, number> = {};
    for (const row of ctx.db.prepare('SELECT work_status, count(*) AS n FROM employment WHERE end_date IS NULL GROUP BY work_status').all() as { work_status: string; n: number }[]) {
      byWorkStatus[row.work_status] = row.n;
    }
    return {
      persons: n('SELECT count(*) AS n FROM person WHERE merged_into IS NULL'),
      personsPresent: n('SELECT count(DISTINCT person_id) AS n FROM stay WHERE departed_on IS NULL'),
      premises: n('SELECT count(*) AS n FROM premises'),
      owners: n('SELECT count(*) AS n FROM owner'),
      staysOpen: n('SELECT count(*) AS n FROM stay WHERE departed_on IS NULL'),
      employers: n('SELECT count(*) AS n FROM employer'),
      employmentsCurrent: n('SELECT count(*) AS n FROM employment WHERE end_date IS NULL'),
      duplicatesOpen: n("SELECT count(*) AS n FROM duplicate_review WHERE status = 'open'"),
      byNationality: (ctx.db.prepare('SELECT nationality, count(*) AS count FROM person WHERE merged_into IS NULL GROUP BY nationality ORDER BY count DESC, nationality LIMIT 50').all() as { nationality: string; count: number }[]),
      byWorkStatus,
      alerts: countAlerts(ctx.db, today(ctx.db, request), ALERT_KINDS, {}),
    };
  },

  'mrz.parse': (ctx, request) => parseMrz([request.line1, request.line2, request.line3 ?? ''], today(ctx.db, request)),
};
