import type { Database } from 'better-sqlite3-multiple-ciphers';
import { FOREIGN_CAP } from '../../db/employers.js';
import { byDistrict, periodCounts } from './counts.js';
import { and, inUnit, ofNationality, where, type Where } from './sql.js';
import type { RawRow, ReportFilters, ReportQuery } from './types.js';

type Row = Record<string, number | string | null>;

function all(db: Database, sql: string, w: Where): Row[] {
  return db.prepare(sql).all(...w.params) as Row[];
}

const rows = (list: Row[], keyColumn = 'k'): RawRow[] => list.map(({ [keyColumn]: key, ...values }) => ({ key: key === null ? '' : String(key), values }));

/**
 * Foreigners staying now (an open stay), counted by one column: from migration 59's counts per
 * district when they answer the filters, else from the fact table (a district's or commune's stays).
 */
function present(column: string, counts: { table: string; column: string }): ReportQuery {
  return (db, f) => {
    if (byDistrict(f, column === 'unit')) {
      const w = and(inUnit('district', f), ofNationality('nationality', f));
      const k = column === 'unit' ? `substr(district, 1, ${f.groupLength})` : counts.column;
      return { main: rows(all(db, `SELECT ${k} AS k, sum(n) AS present FROM ${counts.table} ${where(w)} GROUP BY k HAVING present > 0 ORDER BY present DESC, k`, w)) };
    }
    const w = and({ sql: 'departed_on IS NULL', params: [] }, inUnit('commune_code', f), ofNationality('nationality', f));
    const k = column === 'unit' ? unitKey(f) : column;
    return { main: rows(all(db, `SELECT ${k} AS k, count(*) AS present FROM report_stay ${where(w)} GROUP BY k ORDER BY present DESC, k`, w)) };
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

/** Stays reported in the period per key, and of them within 24 hours. */
const timeliness = (db: Database, f: ReportFilters, key: 'month' | 'unit'): RawRow[] =>
  [...periodCounts(db, f, 'arrived', key).values()]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((c) => ({ key: c.key, values: { reported: c.n, onTime: c.n - c.late, late: c.late } }));

export const REGISTRATION_QUERIES: Record<string, ReportQuery> = {
  'foreigners-by-nationality': present('nationality', { table: 'report_present', column: 'nationality' }),
  'foreigners-by-unit': present('unit', { table: 'report_present', column: 'district' }),
  'foreigners-by-premises-type': present('premises_type', { table: 'report_present_type', column: 'premises_type' }),
  'foreigners-by-visa-type': present("coalesce(visa_type, 'none')", { table: 'report_present_visa', column: 'visa_type' }),

  // Current jobs from migration 60's counts per employer and work status (a few rows per employer).
  'foreigners-by-work-status': (db, f) => {
    const w = inUnit('m.commune_code', f) ?? { sql: '', params: [] };
    const join = f.unit ? 'JOIN employer m ON m.id = e.employer_id' : '';
    return { main: rows(all(db, `SELECT e.work_status AS k, sum(e.n) AS employed FROM report_employment e ${join} ${where(w)} GROUP BY k HAVING employed > 0 ORDER BY employed DESC, k`, w)) };
  },

  'arrivals-departures': (db, f) => {
    const arrivals = periodCounts(db, f, 'arrived', 'month');
    const departures = periodCounts(db, f, 'departed', 'month');
    return { main: monthsBetween(f.from, f.to).map((month) => ({ key: month, values: { arrivals: arrivals.get(month)?.n ?? 0, departures: departures.get(month)?.n ?? 0 } })) };
  },

  timeliness: (db, f) => {
    const byMonth = new Map(timeliness(db, f, 'month').map((r) => [r.key, r]));
    return {
      byUnit: timeliness(db, f, 'unit'),
      byMonth: monthsBetween(f.from, f.to).map((month) => byMonth.get(month) ?? { key: month, values: { reported: 0, onTime: 0, late: 0 } }),
    };
  },

  // Per employer (migration 64's row, kept by triggers): the foreigners it declares (workforce less Cambodians) and those registered in a current job.
  'employers-quota': (db, f) => {
    const w = and(inUnit('commune_code', f));
    const cap = FOREIGN_CAP;
    const byUnit = all(db, `SELECT ${unitKey(f, 'commune_code')} AS k, count(*) AS employers, sum(workforce) AS workforce, sum(declared) AS foreignDeclared,
        sum(registered) AS foreignRegistered, sum(CAST(workforce * ${cap} AS INTEGER)) AS allowed, sum(CAST(workforce * 0.03 AS INTEGER)) AS allowedOffice,
        sum(CAST(workforce * 0.06 AS INTEGER)) AS allowedSkilled, sum(CAST(workforce * 0.01 AS INTEGER)) AS allowedUnskilled,
        sum(max(declared, registered) > workforce * ${cap}) AS overQuota
      FROM report_employer ${where(w)} GROUP BY k ORDER BY k`, w);
    // The 200 furthest over (a name sorts ties): the 200th excess read from the narrow rows first, so only the
    // employers at or above it are looked up for their names.
    const isOver = and({ sql: `max(r.declared, r.registered) > r.workforce * ${cap}`, params: [] }, inUnit('r.commune_code', f));
    const excess = `max(r.declared, r.registered) - CAST(r.workforce * ${cap} AS INTEGER)`;
    const floor = db.prepare(`SELECT ${excess} AS e FROM report_employer r ${where(isOver)} ORDER BY e DESC LIMIT 1 OFFSET 199`).pluck().get(...isOver.params) as number | undefined;
    const shown = floor === undefined ? isOver : and(isOver, { sql: `${excess} >= ?`, params: [floor] });
    const over = all(db, `SELECT m.id, m.name_latin, m.name_km, m.registration_no, r.workforce, max(r.declared, r.registered) AS foreignDeclared,
        CAST(r.workforce * ${cap} AS INTEGER) AS allowed, ${excess} AS excess
      FROM report_employer r JOIN employer m ON m.id = r.employer_id ${where(shown)}
      ORDER BY excess DESC, m.name_latin LIMIT 200`, shown);
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
    const counted = byDistrict(f, true);
    const w = and({ sql: "status <> 'permanently_closed'", params: [] }, inUnit(counted ? 'district' : 'commune_code', f));
    const n = counted ? 'n' : '1';
    return {
      main: rows(all(db, `SELECT ${counted ? `substr(district, 1, ${f.groupLength})` : unitKey(f)} AS k, sum(${n}) AS premises, sum(${n} * (pledge_status = 'signed')) AS signed,
          sum(${n} * (pledge_status = 'printed')) AS printed, sum(${n} * (pledge_status = 'none')) AS none
        FROM ${counted ? 'report_premises' : 'premises'} ${where(w)} GROUP BY k HAVING premises > 0 ORDER BY k`, w)),
    };
  },
};
