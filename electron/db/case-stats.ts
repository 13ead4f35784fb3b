import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CasesStats } from '../../shared/contract/cases.js';

/**
 * The counts the seeds quote, for a period (inclusive office dates) and a unit (a province, district
 * or commune code prefix; none: everything this office holds). Each count reads an index range:
 * complaints by the day they were received, persons found by their operation's date, suspects by the
 * day they were charged, sites by the day of the closure.
 */
export function caseStats(db: Database, from: string, to: string, unitCode: string | null): CasesStats {
  const unit = unitCode ?? '';
  const inUnit = (expr: string) => `substr(${expr}, 1, ${unit.length}) = @unit`;
  const params = { from, to, unit };
  const byMonth = db.prepare(`
    SELECT substr(received_at, 1, 7) AS month, count(*) AS count FROM complaint
    WHERE substr(received_at, 1, 10) BETWEEN @from AND @to AND ${inUnit('unit_code')}
    GROUP BY month ORDER BY month`).all(params) as { month: string; count: number }[];
  const byCategory = db.prepare(`
    SELECT category, count(*) AS count FROM complaint
    WHERE substr(received_at, 1, 10) BETWEEN @from AND @to AND ${inUnit('unit_code')}
    GROUP BY category ORDER BY count DESC, category`).all(params) as CasesStats['complaintsByCategory'];
  const operations = (db.prepare(`SELECT count(*) AS n FROM operation WHERE held_on BETWEEN @from AND @to AND ${inUnit('unit_code')}`)
    .get(params) as { n: number }).n;
  const persons = db.prepare(`
    SELECT p.sex AS sex, p.declared_victim AS declared, p.identified_as AS identified, p.no_return AS noReturn, count(*) AS n
    FROM case_person p JOIN operation o ON o.id = p.operation_id
    WHERE o.held_on BETWEEN @from AND @to AND ${inUnit('o.unit_code')}
    GROUP BY p.sex, p.declared_victim, p.identified_as, p.no_return`).all(params) as
    { sex: 'M' | 'F' | 'X'; declared: number; identified: CasesStats['identifiedByKind'][number]['kind'] | null; noReturn: number; n: number }[];
  const declared = { M: 0, F: 0, X: 0, total: 0 };
  const identified = { M: 0, F: 0, X: 0, total: 0 };
  const kinds = new Map<CasesStats['identifiedByKind'][number]['kind'], number>();
  let personsFound = 0;
  let referredNoReturn = 0;
  for (const row of persons) {
    personsFound += row.n;
    if (row.declared) { declared[row.sex] += row.n; declared.total += row.n; }
    if (row.identified) {
      identified[row.sex] += row.n;
      identified.total += row.n;
      kinds.set(row.identified, (kinds.get(row.identified) ?? 0) + row.n);
    }
    if (row.noReturn) referredNoReturn += row.n;
  }
  const charged = db.prepare(`
    SELECT s.nationality AS nationality, count(*) AS count FROM case_suspect s JOIN operation o ON o.id = s.operation_id
    WHERE s.charged_on BETWEEN @from AND @to AND ${inUnit('o.unit_code')}
    GROUP BY s.nationality ORDER BY count DESC, nationality`).all(params) as { nationality: string; count: number }[];
  const court = (db.prepare(`
    SELECT count(*) AS n FROM case_suspect s JOIN operation o ON o.id = s.operation_id
    WHERE s.court_on BETWEEN @from AND @to AND ${inUnit('o.unit_code')}`).get(params) as { n: number }).n;
  // A site counts once per kind of action in the period, however often it was acted on.
  const sites = db.prepare(`
    SELECT a.action AS action, count(DISTINCT a.premises_id) AS n FROM premises_action a JOIN premises p ON p.id = a.premises_id
    WHERE a.on_date BETWEEN @from AND @to AND ${inUnit('p.commune_code')}
    GROUP BY a.action`).all(params) as { action: string; n: number }[];
  const site = (action: string) => sites.find((s) => s.action === action)?.n ?? 0;
  return {
    from, to, unitCode,
    complaints: byMonth.reduce((n, m) => n + m.count, 0),
    complaintsByMonth: byMonth,
    complaintsByCategory: byCategory,
    operations,
    personsFound,
    declaredVictims: declared,
    identifiedVictims: identified,
    identifiedByKind: [...kinds].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    referredNoReturn,
    suspectsCharged: charged.reduce((n, c) => n + c.count, 0),
    suspectsChargedByNationality: charged,
    suspectsSentToCourt: court,
    sitesClosedPermanently: site('closed_permanently'),
    sitesClosedTemporarily: site('closed_temporarily'),
    sitesReopened: site('reopened'),
  };
}
