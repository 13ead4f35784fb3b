import type { Database } from 'better-sqlite3-multiple-ciphers';
import { and, between, inUnit, ofNationality, where, type Where } from './sql.js';
import type { ReportFilters } from './types.js';

/**
 * Reading migration 59's counts. They are kept per district, so they answer a report whose unit
 * filter is at most a district and whose rows, when they are units, are provinces or districts:
 * `byDistrict`. Otherwise (a commune's figures, a district's communes) the report reads
 * `report_stay`, a small range of it.
 */
export function byDistrict(f: Pick<ReportFilters, 'unit' | 'groupLength'>, groupsByUnit: boolean): boolean {
  return (!f.unit || f.unit.code.length <= 4) && (!groupsByUnit || f.groupLength <= 4);
}

type Row = Record<string, number | string | null>;

function lastDay(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

const nextMonth = (month: string) => {
  let [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7)) + 1];
  if (m > 12) [y, m] = [y + 1, 1];
  return `${y}-${String(m).padStart(2, '0')}`;
};

/** Days of a period outside its whole months: `from` ≤ day < `before`, or `after` ≤ day ≤ `to`. */
export type Edge = { start: string; end: string; endIncluded: boolean };

/**
 * A period split into the whole months inside it (read from the monthly counts) and the days at
 * either end that do not make a whole month (read from `report_stay`).
 */
export function splitPeriod(from: string, to: string): { months: [string, string] | null; edges: Edge[] } {
  let first = from.slice(0, 7);
  if (from > `${first}-01`) first = nextMonth(first);
  let last = to.slice(0, 7);
  if (to < lastDay(last)) {
    const y = Number(last.slice(0, 4));
    const m = Number(last.slice(5, 7)) - 1;
    last = m < 1 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
  }
  if (first > last) return { months: null, edges: [{ start: from, end: to, endIncluded: true }] };
  const edges: Edge[] = [];
  if (from < `${first}-01`) edges.push({ start: from, end: `${first}-01`, endIncluded: false });
  if (to > lastDay(last)) edges.push({ start: `${nextMonth(last)}-01`, end: to, endIncluded: true });
  return { months: [first, last], edges };
}

const edgeWhere = (column: string, edge: Edge): Where =>
  ({ sql: `${column} >= ? AND ${column} ${edge.endIncluded ? '<=' : '<'} ?`, params: [edge.start, edge.end] });

export interface PeriodCount { key: string; n: number; late: number }

/**
 * Stays that arrived (or departed) in the period, counted per key (`month` or a unit prefix of
 * `groupLength` digits): whole months from the monthly counts, the rest from `report_stay`.
 */
export function periodCounts(db: Database, f: ReportFilters, event: 'arrived' | 'departed', key: 'month' | 'unit'): Map<string, PeriodCount> {
  const out = new Map<string, PeriodCount>();
  const add = (rows: Row[]) => {
    for (const r of rows) {
      const k = r.k === null ? '' : String(r.k);
      const seen = out.get(k) ?? { key: k, n: 0, late: 0 };
      seen.n += Number(r.n ?? 0);
      seen.late += Number(r.late ?? 0);
      out.set(k, seen);
    }
  };
  const date = event === 'arrived' ? 'arrived_on' : 'departed_on';
  const lateSum = event === 'arrived' ? 'sum(late)' : '0';
  const factKey = key === 'month' ? `substr(${date}, 1, 7)` : `substr(commune_code, 1, ${f.groupLength})`;
  const fromFacts = (w: Where) => add(db.prepare(`SELECT ${factKey} AS k, count(*) AS n, ${lateSum} AS late FROM report_stay ${where(w)} GROUP BY k`).all(...w.params) as Row[]);
  const scope = and(inUnit('commune_code', f), ofNationality('nationality', f));
  if (!byDistrict(f, key === 'unit')) {
    fromFacts(and(between(date, f.from, f.to), scope));
  } else {
    const { months, edges } = splitPeriod(f.from, f.to);
    for (const edge of edges) fromFacts(and(edgeWhere(date, edge), scope));
    if (months) {
      const table = event === 'arrived' ? 'report_arrivals' : 'report_departures';
      const w = and(between('month', months[0], months[1]), inUnit('district', f), ofNationality('nationality', f));
      const countKey = key === 'month' ? 'month' : `substr(district, 1, ${f.groupLength})`;
      add(db.prepare(`SELECT ${countKey} AS k, sum(n) AS n, ${event === 'arrived' ? 'sum(late * n)' : '0'} AS late FROM ${table} ${where(w)} GROUP BY k`).all(...w.params) as Row[]);
    }
  }
  for (const [k, v] of out) if (v.n === 0) out.delete(k);
  return out;
}
