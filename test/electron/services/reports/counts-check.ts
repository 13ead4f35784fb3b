import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Migrations 59, 60 and 64's count tables, recounted from the record tables (stay, person, premises) with
 * plain joins: what the triggers must hold after any sequence of writes. Zero counts are left out
 * on both sides (a count that falls to zero stays as a row).
 */
const STAYS = `FROM stay s LEFT JOIN person p ON p.id = s.person_id LEFT JOIN premises pr ON pr.id = s.premises_id`;
const D = "coalesce(substr(pr.commune_code, 1, 4), '')";
const NAT = "coalesce(p.nationality, '')";

const RECOUNT: Record<string, string> = {
  report_present: `SELECT ${D} AS district, ${NAT} AS nationality, s.late AS late, count(*) AS n ${STAYS} WHERE s.departed_on IS NULL GROUP BY 1, 2, 3`,
  report_present_type: `SELECT ${D} AS district, ${NAT} AS nationality, coalesce(pr.type, '') AS premises_type, count(*) AS n ${STAYS} WHERE s.departed_on IS NULL GROUP BY 1, 2, 3`,
  report_present_visa: `SELECT ${D} AS district, ${NAT} AS nationality, coalesce(p.visa_type, 'none') AS visa_type, count(*) AS n ${STAYS} WHERE s.departed_on IS NULL GROUP BY 1, 2, 3`,
  report_arrivals: `SELECT ${D} AS district, substr(s.arrived_at, 1, 7) AS month, ${NAT} AS nationality, s.late AS late, count(*) AS n ${STAYS} GROUP BY 1, 2, 3, 4`,
  report_departures: `SELECT ${D} AS district, substr(s.departed_on, 1, 7) AS month, ${NAT} AS nationality, count(*) AS n ${STAYS} WHERE s.departed_on IS NOT NULL GROUP BY 1, 2, 3`,
  report_premises: 'SELECT substr(commune_code, 1, 4) AS district, status, pledge_status, count(*) AS n FROM premises GROUP BY 1, 2, 3',
  report_employment: 'SELECT employer_id, work_status, count(*) AS n FROM employment WHERE end_date IS NULL GROUP BY 1, 2',
  // One row per employer in the register, its current jobs counted (migration 64).
  report_employer: `SELECT m.id AS employer_id, m.commune_code, m.workforce_total AS workforce, max(0, m.workforce_total - m.cambodian_count) AS declared,
    (SELECT count(*) FROM employment e WHERE e.employer_id = m.id AND e.end_date IS NULL) AS registered FROM employer m`,
};

const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

export function countTables(db: Database): { held: Record<string, string[]>; recounted: Record<string, string[]> } {
  const held: Record<string, string[]> = {};
  const recounted: Record<string, string[]> = {};
  for (const [table, sql] of Object.entries(RECOUNT)) {
    // At schema 59, before migration 60's table.
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)) continue;
    const columns = (db.prepare(`SELECT * FROM (${sql}) LIMIT 0`).columns()).map((c) => c.name);
    held[table] = sorted(db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ${columns.includes('n') ? 'WHERE n <> 0' : ''}`).all());
    recounted[table] = sorted(db.prepare(sql).all());
  }
  return { held, recounted };
}
