import type { Database } from 'better-sqlite3-multiple-ciphers';
import { countTargets, emptyCounts, type CampaignRow } from '../../db/campaigns.js';
import { monthsBetween } from './registration.js';
import { and, between, inUnit, ofNationality, where, type Where } from './sql.js';
import type { RawRow, ReportFilters, ReportQuery } from './types.js';

type Row = Record<string, number | string | null>;
const all = (db: Database, sql: string, w: Where) => db.prepare(sql).all(...w.params) as Row[];
const rows = (list: Row[]): RawRow[] => list.map(({ k, ...values }) => ({ key: k === null ? '' : String(k), values }));
const unitKey = (f: ReportFilters, column: string) => `substr(${column}, 1, ${f.groupLength})`;

const SEXES = ['F', 'M', 'X'];

/** The cases register's counts: what `caseStats` counts, per month, category, sex, nationality or unit. */
export const CASE_QUERIES: Record<string, ReportQuery> = {
  complaints: (db, f) => {
    const w = and(between('substr(received_at, 1, 10)', f.from, f.to), inUnit('unit_code', f));
    const byMonth = new Map(all(db, `SELECT substr(received_at, 1, 7) AS k, count(*) AS n FROM complaint ${where(w)} GROUP BY k`, w).map((r) => [r.k, Number(r.n)]));
    return {
      byMonth: monthsBetween(f.from, f.to).map((month) => ({ key: month, values: { complaints: byMonth.get(month) ?? 0 } })),
      byCategory: rows(all(db, `SELECT category AS k, count(*) AS complaints FROM complaint ${where(w)} GROUP BY k ORDER BY complaints DESC, k`, w)),
    };
  },

  // Persons found in operations held in the period: declared a victim by themselves or others, and identified as one.
  victims: (db, f) => {
    const w = and(between('o.held_on', f.from, f.to), inUnit('o.unit_code', f));
    const found = rows(all(db, `SELECT p.sex AS k, count(*) AS found, sum(p.declared_victim) AS declared, count(p.identified_as) AS identified
      FROM case_person p JOIN operation o ON o.id = p.operation_id ${where(w)} GROUP BY k`, w));
    return { main: found.sort((a, b) => SEXES.indexOf(a.key) - SEXES.indexOf(b.key)) };
  },

  'suspects-charged': (db, f) => {
    const w = and(between('s.charged_on', f.from, f.to), inUnit('o.unit_code', f), ofNationality('s.nationality', f));
    return { main: rows(all(db, `SELECT s.nationality AS k, count(*) AS charged FROM case_suspect s JOIN operation o ON o.id = s.operation_id
      ${where(w)} GROUP BY k ORDER BY charged DESC, k`, w)) };
  },

  // A site counts once per kind of action in the period, however often it was acted on (as caseStats counts).
  'sites-closed': (db, f) => {
    const w = and(between('a.on_date', f.from, f.to), inUnit('p.commune_code', f));
    const distinct = (action: string) => `count(DISTINCT CASE WHEN a.action = '${action}' THEN a.premises_id END)`;
    return { main: rows(all(db, `SELECT ${unitKey(f, 'p.commune_code')} AS k, ${distinct('closed_permanently')} AS closedPermanently,
        ${distinct('closed_temporarily')} AS closedTemporarily, ${distinct('reopened')} AS reopened
      FROM premises_action a JOIN premises p ON p.id = a.premises_id ${where(w)} GROUP BY k ORDER BY k`, w)) };
  },
};

const completenessValues = (c: ReturnType<typeof emptyCounts>) => ({
  targets: c.targets, received: c.on_time + c.late + c.exempt, inTime: c.on_time, late: c.late, exempt: c.exempt, notYet: c.not_yet, missing: c.missing,
});

/** Where an inspection was: its premises' or employer's commune. */
const INSPECTED = `FROM inspection i
  LEFT JOIN premises p ON i.target_kind = 'premises' AND p.id = i.target_id
  LEFT JOIN employer e ON i.target_kind = 'employer' AND e.id = i.target_id`;
const inspectedIn = (f: ReportFilters) => and({ sql: "i.status = 'done'", params: [] }, between('i.inspected_on', f.from, f.to), inUnit('coalesce(p.commune_code, e.commune_code)', f));

export const CAMPAIGN_QUERIES: Record<string, ReportQuery> = {
  // Campaigns running in the period (started by its end, deadline on or after its start); each target's state as of today.
  'campaign-completeness': (db, f) => {
    const campaigns = db.prepare('SELECT * FROM campaign WHERE start_date <= ? AND deadline >= ? ORDER BY deadline, title, id').all(f.to, f.from) as CampaignRow[];
    const byCampaign: RawRow[] = [];
    const byUnit = new Map<string, ReturnType<typeof emptyCounts>>();
    for (const campaign of campaigns) {
      const total = emptyCounts();
      for (const [commune, counts] of countTargets(db, campaign, f.today).byCommune) {
        if (f.unit && !(commune >= f.unit.code && commune < f.unit.end)) continue;
        const unit = commune.slice(0, f.groupLength);
        const sum = byUnit.get(unit) ?? emptyCounts();
        for (const k of Object.keys(total) as (keyof typeof total)[]) { total[k] += counts[k]; sum[k] += counts[k]; }
        byUnit.set(unit, sum);
      }
      if (total.targets > 0) byCampaign.push({ key: campaign.id, label: { en: campaign.title, km: campaign.title }, values: completenessValues(total) });
    }
    return {
      byCampaign,
      byUnit: [...byUnit.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, counts]) => ({ key, values: completenessValues(counts) })),
    };
  },

  'inspection-findings': (db, f) => {
    const w = inspectedIn(f);
    return {
      byFinding: rows(all(db, `SELECT ip.finding AS k, count(*) AS persons FROM inspection_person ip JOIN (SELECT i.id ${INSPECTED} ${where(w)}) d ON d.id = ip.inspection_id
        GROUP BY k ORDER BY persons DESC, k`, w)),
      byOutcome: rows(all(db, `SELECT CASE i.outcome WHEN '' THEN 'none' ELSE i.outcome END AS k, count(*) AS inspections ${INSPECTED} ${where(w)}
        GROUP BY k ORDER BY inspections DESC, k`, w)),
    };
  },
};
