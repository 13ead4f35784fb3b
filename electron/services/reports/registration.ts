import type { Database } from 'better-sqlite3-multiple-ciphers';
import { FOREIGN_CAP } from '../../db/employers.js';
import { and, between, inUnit, ofNationality, where, type Where } from './sql.js';
import type { RawRow, ReportFilters, ReportQuery } from './types.js';

type Row = Record<string, number | string | null>;

function all(db: Database, sql: string, w: Where): Row[] {
  return db.prepare(sql).all(...w.params) as Row[];
}

const rows = (list: Row[], keyColumn = 'k'): RawRow[] => list.map(({ [keyColumn]: key, ...values }) => ({ key: key === null ? '' : String(key), values }));

/** Foreigners staying now (an open stay), counted by one column of the fact table. */
function present(group: (f: ReportFilters) => string): ReportQuery {
  return (db, f) => {
    const w = and({ sql: 'departed_on IS NULL', params: [] }, inUnit('commune_code', f), ofNationality('nationality', f));
    return { main: rows(all(db, `SELECT ${group(f)} AS k, count(*) AS present FROM report_stay ${where(w)} GROUP BY k ORDER BY present DESC, k`, w)) };
  };
}

const unitKey = (f: ReportFilters, column = 'commune_code') => `substr(${column}, 1, ${f.groupLength})`;

/** Every month from `from` to `to` (`2026-01` …), so a chart over time has no holes. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

const timeliness = (db: Database, f: ReportFilters, key: string, order: string): RawRow[] => {
  const w = and(between('arrived_on', f.from, f.to), inUnit('commune_code', f), ofNationality('nationality', f));
  return rows(all(db, `SELECT ${key} AS k, count(*) AS reported, count(*) - sum(late) AS onTime, sum(late) AS late
    FROM report_stay ${where(w)} GROUP BY k ORDER BY ${order}`, w));
};

export const REGISTRATION_QUERIES: Record<string, ReportQuery> = {
  'foreigners-by-nationality': present(() => 'nationality'),
  'foreigners-by-unit': present((f) => unitKey(f)),
  'foreigners-by-premises-type': present(() => 'premises_type'),
  'foreigners-by-visa-type': present(() => "coalesce(visa_type, 'none')"),

  'foreigners-by-work-status': (db, f) => {
    const w = and({ sql: 'e.end_date IS NULL', params: [] }, inUnit('m.commune_code', f));
    const join = f.unit ? 'JOIN employer m ON m.id = e.employer_id' : '';
    return { main: rows(all(db, `SELECT e.work_status AS k, count(*) AS employed FROM employment e ${join} ${where(w)} GROUP BY k ORDER BY employed DESC`, w)) };
  },

  'arrivals-departures': (db, f) => {
    const scope = and(inUnit('commune_code', f), ofNationality('nationality', f));
    const arrived = and(between('arrived_on', f.from, f.to), scope);
    const departed = and(between('departed_on', f.from, f.to), scope);
    const arrivals = new Map(all(db, `SELECT substr(arrived_on, 1, 7) AS k, count(*) AS n FROM report_stay ${where(arrived)} GROUP BY k`, arrived).map((r) => [r.k, r.n]));
    const departures = new Map(all(db, `SELECT substr(departed_on, 1, 7) AS k, count(*) AS n FROM report_stay ${where(departed)} GROUP BY k`, departed).map((r) => [r.k, r.n]));
    return { main: monthsBetween(f.from, f.to).map((month) => ({ key: month, values: { arrivals: arrivals.get(month) ?? 0, departures: departures.get(month) ?? 0 } })) };
  },

  timeliness: (db, f) => {
    const byMonth = new Map(timeliness(db, f, 'substr(arrived_on, 1, 7)', 'k').map((r) => [r.key, r]));
    return {
      byUnit: timeliness(db, f, unitKey(f), 'k'),
      byMonth: monthsBetween(f.from, f.to).map((month) => byMonth.get(month) ?? { key: month, values: { reported: 0, onTime: 0, late: 0 } }),
    };
  },

  'employers-quota': (db, f) => {
    const w = and(inUnit('m.commune_code', f));
    // Per employer: the foreigners it declares (workforce less Cambodians) and those registered in a current job.
    const perEmployer = `SELECT m.id, m.name_latin, m.name_km, m.registration_no, m.commune_code, m.workforce_total AS workforce,
        max(0, m.workforce_total - m.cambodian_count) AS declared, coalesce(r.n, 0) AS registered
      FROM employer m LEFT JOIN (SELECT employer_id, count(*) AS n FROM employment WHERE end_date IS NULL GROUP BY employer_id) r ON r.employer_id = m.id
      ${where(w)}`;
    const cap = FOREIGN_CAP;
    const byUnit = all(db, `SELECT ${unitKey(f, 'commune_code')} AS k, count(*) AS employers, sum(workforce) AS workforce, sum(declared) AS foreignDeclared,
        sum(registered) AS foreignRegistered, sum(CAST(workforce * ${cap} AS INTEGER)) AS allowed, sum(CAST(workforce * 0.03 AS INTEGER)) AS allowedOffice,
        sum(CAST(workforce * 0.06 AS INTEGER)) AS allowedSkilled, sum(CAST(workforce * 0.01 AS INTEGER)) AS allowedUnskilled,
        sum(max(declared, registered) > workforce * ${cap}) AS overQuota
      FROM (${perEmployer}) GROUP BY k ORDER BY k`, w);
    const over = all(db, `SELECT id, name_latin, name_km, registration_no, workforce, max(declared, registered) AS foreignDeclared,
        CAST(workforce * ${cap} AS INTEGER) AS allowed, max(declared, registered) - CAST(workforce * ${cap} AS INTEGER) AS excess
      FROM (${perEmployer}) WHERE max(declared, registered) > workforce * ${cap} ORDER BY excess DESC, name_latin LIMIT 200`, w);
    return {
      byUnit: rows(byUnit),
      overQuota: over.map(({ id, name_latin, name_km, registration_no, ...values }) => ({
        key: String(id),
        label: { en: String(name_latin), km: String(name_km || name_latin) },
        values: { registrationNo: registration_no ?? '', ...values },
      })),
    };
  },

  pledges: (db, f) => {
    const w = and({ sql: "status <> 'permanently_closed'", params: [] }, inUnit('commune_code', f));
    return {
      main: rows(all(db, `SELECT ${unitKey(f)} AS k, count(*) AS premises, sum(pledge_status = 'signed') AS signed,
          sum(pledge_status = 'printed') AS printed, sum(pledge_status = 'none') AS none
        FROM premises ${where(w)} GROUP BY k ORDER BY k`, w)),
    };
  },
};
