import type { Database } from 'better-sqlite3-multiple-ciphers';
import { nationalityEquivalents } from '../../../shared/display.js';
import { addDays } from '../../../shared/local-time.js';
import { EXPIRY_WARNING_DAYS } from '../../../shared/document-expiry.js';
import type { RecordFigure, RecordRow } from '../../../shared/contract/reports.js';
import { pageOf } from '../../db/paging.js';
import { and, between, where, type Where } from './sql.js';

/** Days a home figure looks back over, today included. */
export const WEEK_DAYS = 7;
export const MONTH_DAYS = 30;

export interface RecordsFilter {
  figure: RecordFigure;
  unit?: string | undefined;
  nationality?: string | undefined;
  today: string;
  after: (string | number)[] | null;
  limit: number;
}

/** `column` is a commune code inside the unit (a range on the code, as the reports read it). */
const inUnit = (column: string, unit: string | undefined): Where | null => (unit ? { sql: `${column} >= ? AND ${column} < ?`, params: [unit, `${unit}:`] } : null);

/**
 * Foreigners with a passport or visa expiring soon: the one definition the home figure, its list of
 * records and the Home alerts' "expiring" group share. Present as the alerts define it (an open stay
 * or an open employment, electron/db/alerts.ts), not diplomats, not merged, passport or visa expiring
 * from `today` to EXPIRY_WARNING_DAYS days after; each person once. Rows `x` of (`id`, `place`): the
 * commune of an open stay, else of the employer, by which the figure is counted per unit.
 */
export function expiringPeople(today: string): Where {
  const soon = addDays(today, EXPIRY_WARNING_DAYS);
  return {
    sql: `(SELECT p.id, coalesce(
        (SELECT min(r.commune_code) FROM report_stay r WHERE r.person_id = p.id AND r.departed_on IS NULL),
        (SELECT min(em.commune_code) FROM employment e JOIN employer em ON em.id = e.employer_id WHERE e.person_id = p.id AND e.end_date IS NULL)) AS place
      FROM person p
      WHERE (p.passport_expiry BETWEEN ? AND ? OR p.visa_expiry BETWEEN ? AND ?) AND p.diplomatic = 0 AND p.merged_into IS NULL
        AND (EXISTS (SELECT 1 FROM stay s WHERE s.person_id = p.id AND s.departed_on IS NULL)
          OR EXISTS (SELECT 1 FROM employment e WHERE e.person_id = p.id AND e.end_date IS NULL))) x`,
    params: [today, soon, today, soon],
  };
}

/** How many foreigners have a passport or visa expiring soon (`expiringPeople`), in a unit or the whole register. */
export function countExpiringPeople(db: Database, today: string, unit: string | null): number {
  const from = expiringPeople(today);
  const w = inUnit('x.place', unit ?? undefined) ?? { sql: '', params: [] };
  return db.prepare(`SELECT count(*) FROM ${from.sql} ${where(w)}`).pluck().get(...from.params, ...w.params) as number;
}

/** Which stays a figure counts, on `report_stay r` (the same facts the home figures are counted from). */
function stays(figure: Exclude<RecordFigure, 'premisesWithoutPledge' | 'documentsExpiring'>, today: string): Where {
  switch (figure) {
    case 'staying': return { sql: 'r.departed_on IS NULL', params: [] };
    case 'lateStaying': return { sql: 'r.departed_on IS NULL AND r.late = 1', params: [] };
    case 'arrivalsWeek': return between('r.arrived_on', addDays(today, -(WEEK_DAYS - 1)), today);
    case 'departuresWeek': return between('r.departed_on', addDays(today, -(WEEK_DAYS - 1)), today);
    case 'reported30': return between('r.arrived_on', addDays(today, -(MONTH_DAYS - 1)), today);
  }
}

interface StayRow {
  id: string; person_id: string; premises_id: string; commune_code: string | null; arrived_on: string; departed_on: string | null; late: number;
  surname: string | null; given_names: string | null; name_km: string | null; nationality: string | null; premises_name: string | null;
}
interface PersonRow {
  id: string; surname: string; given_names: string; name_km: string; nationality: string; passport_expiry: string | null; visa_expiry: string | null; commune_code: string | null;
}
interface PremisesRow { id: string; name_latin: string; name_km: string; commune_code: string; pledge_status: string }

/**
 * The records behind a home figure: a page in id order (keyset) and the count of all of them. They are
 * read from the records (`report_stay`, `premises`), not from the count tables the figures come from,
 * so a list that does not match its figure shows a fault in the counts.
 */
export function figureRecords(db: Database, filter: RecordsFilter): { entity: 'stay' | 'premises' | 'person'; total: number; items: RecordRow[]; nextCursor: string | null } {
  const after = filter.after ? { sql: 'id > ?', params: [String(filter.after[0])] } : null;
  if (filter.figure === 'premisesWithoutPledge') {
    const w = and({ sql: "status <> 'permanently_closed' AND pledge_status <> 'signed'", params: [] }, inUnit('commune_code', filter.unit));
    const total = db.prepare(`SELECT count(*) FROM premises ${where(w)}`).pluck().get(...w.params) as number;
    const page = and(w, after);
    const rows = db.prepare(`SELECT id, name_latin, name_km, commune_code, pledge_status FROM premises ${where(page)} ORDER BY id LIMIT ?`)
      .all(...page.params, filter.limit + 1) as PremisesRow[];
    return {
      entity: 'premises', total, ...pageOf(rows, filter.limit, (r): RecordRow => ({
        id: r.id, personId: null, premisesId: r.id, name: r.name_latin, nameKm: r.name_km, nationality: null, premisesName: null,
        communeCode: r.commune_code, arrivedOn: null, departedOn: null, late: null, pledgeStatus: r.pledge_status, passportExpiry: null, visaExpiry: null,
      }), (r) => [r.id]),
    };
  }
  if (filter.figure === 'documentsExpiring') {
    const from = expiringPeople(filter.today);
    const w = inUnit('x.place', filter.unit) ?? { sql: '', params: [] };
    const total = countExpiringPeople(db, filter.today, filter.unit ?? null);
    const page = and(w, after ? { sql: 'x.id > ?', params: after.params } : null);
    const rows = db.prepare(`SELECT p.id, p.surname, p.given_names, p.name_km, p.nationality, p.passport_expiry, p.visa_expiry, x.place AS commune_code
      FROM ${from.sql} JOIN person p ON p.id = x.id ${where(page)} ORDER BY x.id LIMIT ?`).all(...from.params, ...page.params, filter.limit + 1) as PersonRow[];
    return {
      entity: 'person', total, ...pageOf(rows, filter.limit, (r): RecordRow => ({
        id: r.id, personId: r.id, premisesId: null, name: `${r.surname} ${r.given_names}`.trim(), nameKm: r.name_km, nationality: r.nationality, premisesName: null,
        communeCode: r.commune_code, arrivedOn: null, departedOn: null, late: null, pledgeStatus: null, passportExpiry: r.passport_expiry, visaExpiry: r.visa_expiry,
      }), (r) => [r.id]),
    };
  }
  const codes = filter.nationality ? nationalityEquivalents(filter.nationality) : null;
  const w = and(
    stays(filter.figure, filter.today),
    inUnit('r.commune_code', filter.unit),
    codes ? { sql: `r.nationality IN (${codes.map(() => '?').join(', ')})`, params: codes } : null,
  );
  const total = db.prepare(`SELECT count(*) FROM report_stay r ${where(w)}`).pluck().get(...w.params) as number;
  const page = and(w, after ? { sql: 'r.stay_id > ?', params: after.params } : null);
  const rows = db.prepare(`SELECT r.stay_id AS id, r.person_id, r.premises_id, r.commune_code, r.arrived_on, r.departed_on, r.late,
      p.surname, p.given_names, p.name_km, r.nationality, pr.name_latin AS premises_name
    FROM report_stay r LEFT JOIN person p ON p.id = r.person_id LEFT JOIN premises pr ON pr.id = r.premises_id
    ${where(page)} ORDER BY r.stay_id LIMIT ?`).all(...page.params, filter.limit + 1) as StayRow[];
  return {
    entity: 'stay', total, ...pageOf(rows, filter.limit, (r): RecordRow => ({
      id: r.id, personId: r.person_id, premisesId: r.premises_id, name: `${r.surname ?? ''} ${r.given_names ?? ''}`.trim(), nameKm: r.name_km ?? '',
      nationality: r.nationality, premisesName: r.premises_name, communeCode: r.commune_code, arrivedOn: r.arrived_on, departedOn: r.departed_on,
      late: r.late === 1, pledgeStatus: null, passportExpiry: null, visaExpiry: null,
    }), (r) => [r.id]),
  };
}
