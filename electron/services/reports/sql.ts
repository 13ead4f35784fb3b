import type { ReportFilters } from './types.js';

/** SQL fragments shared by the report queries; every value is a bound parameter. */
export interface Where {
  sql: string;
  params: (string | number)[];
}

export function and(...parts: (Where | null)[]): Where {
  const present = parts.filter((p): p is Where => p !== null && p.sql !== '');
  return { sql: present.map((p) => p.sql).join(' AND '), params: present.flatMap((p) => p.params) };
}

/** `column` is a commune code inside the unit (a range, so an index on it is read as a range). */
export function inUnit(column: string, filters: ReportFilters): Where | null {
  return filters.unit ? { sql: `${column} >= ? AND ${column} < ?`, params: [filters.unit.code, filters.unit.end] } : null;
}

export function ofNationality(column: string, filters: ReportFilters): Where | null {
  const codes = filters.nationalities;
  return codes ? { sql: `${column} IN (${codes.map(() => '?').join(', ')})`, params: codes } : null;
}

export function between(column: string, from: string, to: string): Where {
  return { sql: `${column} >= ? AND ${column} <= ?`, params: [from, to] };
}

export const where = (w: Where) => (w.sql ? `WHERE ${w.sql}` : '');
