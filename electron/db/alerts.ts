import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Alert, AlertKind } from '../../shared/contract/registration.js';
import { addDays, daysBetween } from '../../shared/local-time.js';
import { campaignAlertQuery } from './campaign-alerts.js';
import { unitColumn } from './premises.js';
import { stmt } from './statements.js';

/** Alerts are computed from the records at `today`, each kind an index range query. */

export const ALERT_KINDS: AlertKind[] = [
  'passport_expired', 'visa_expired', 'work_without_permit', 'late_report',
  'passport_expiring', 'visa_expiring', 'no_signed_pledge', 'diplomat_exempt',
  'urgent_referral', 'proof_overdue', 'proof_due',
];
const SEVERITY: Record<AlertKind, Alert['severity']> = {
  passport_expired: 'high', visa_expired: 'high', work_without_permit: 'high', late_report: 'high',
  passport_expiring: 'warning', visa_expiring: 'warning', no_signed_pledge: 'warning', diplomat_exempt: 'info',
  urgent_referral: 'high', proof_overdue: 'high', proof_due: 'warning',
};

export interface AlertScope { personId?: string; premisesId?: string; employerId?: string; unitCode?: string }

const NAME = "trim(p.surname || ' ' || p.given_names)";
const OPEN_STAY = 'SELECT 1 FROM stay s2 WHERE s2.person_id = p.id AND s2.departed_on IS NULL';
const ACTIVE = `(EXISTS (${OPEN_STAY}) OR EXISTS (SELECT 1 FROM employment e2 WHERE e2.person_id = p.id AND e2.end_date IS NULL))`;
const IN_UNIT = (col: string) => `SELECT id FROM premises WHERE ${col} = ?`;

interface Query { sql: string; params: (string | number)[] }

/** SELECT record_id, person_id, premises_id, label, date, sort_date for one kind and scope. */
function kindQuery(kind: AlertKind, scope: AlertScope, today: string, soon: string): Query {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const personScope = () => {
    if (scope.personId) { where.push('p.id = ?'); params.push(scope.personId); }
    if (scope.premisesId) { where.push(`EXISTS (${OPEN_STAY} AND s2.premises_id = ?)`); params.push(scope.premisesId); }
    if (scope.employerId) { where.push('EXISTS (SELECT 1 FROM employment e3 WHERE e3.person_id = p.id AND e3.employer_id = ? AND e3.end_date IS NULL)'); params.push(scope.employerId); }
    if (scope.unitCode) { where.push(`EXISTS (${OPEN_STAY} AND s2.premises_id IN (${IN_UNIT(unitColumn(scope.unitCode))}))`); params.push(scope.unitCode); }
  };
  const person = (column: string, range: string, values: string[], diplomats = false) => {
    where.push('p.merged_into IS NULL', `p.diplomatic = ${diplomats ? 1 : 0}`, ACTIVE);
    if (range) { where.push(range); params.push(...values); }
    personScope();
    return { sql: `SELECT p.id AS record_id, 'person' AS entity, p.id AS person_id, NULL AS premises_id, ${NAME} AS label, ${column} AS date, coalesce(${column}, '') AS sort_date FROM person p WHERE ${where.join(' AND ')}`, params };
  };
  switch (kind) {
    case 'passport_expired': return person('p.passport_expiry', 'p.passport_expiry < ?', [today]);
    case 'passport_expiring': return person('p.passport_expiry', 'p.passport_expiry BETWEEN ? AND ?', [today, soon]);
    case 'visa_expired': return person('p.visa_expiry', 'p.visa_expiry < ?', [today]);
    case 'visa_expiring': return person('p.visa_expiry', 'p.visa_expiry BETWEEN ? AND ?', [today, soon]);
    case 'diplomat_exempt': return person('NULL', '', [], true);
    case 'work_without_permit': {
      where.push('(e.end_date IS NULL OR e.end_date >= ?)', 'p.diplomatic = 0', 'p.merged_into IS NULL');
      params.push(today);
      where.push("(e.work_status = 'no_permit' OR (e.work_status = 'valid_permit' AND (e.work_permit_expiry IS NULL OR e.work_permit_expiry < ?)) OR (e.work_status = 'application_submitted' AND e.receipt_no = ''))");
      params.push(today);
      if (scope.employerId) { where.push('e.employer_id = ?'); params.push(scope.employerId); }
      if (scope.unitCode) { where.push(`e.employer_id IN (SELECT id FROM employer WHERE ${unitColumn(scope.unitCode)} = ?)`); params.push(scope.unitCode); }
      if (scope.personId) { where.push('e.person_id = ?'); params.push(scope.personId); }
      if (scope.premisesId) { where.push(`EXISTS (${OPEN_STAY} AND s2.premises_id = ?)`); params.push(scope.premisesId); }
      return { sql: `SELECT e.id AS record_id, 'employment' AS entity, p.id AS person_id, NULL AS premises_id, ${NAME} AS label, e.work_permit_expiry AS date, coalesce(e.work_permit_expiry, e.start_date) AS sort_date FROM employment e JOIN person p ON p.id = e.person_id WHERE ${where.join(' AND ')}`, params };
    }
    case 'late_report': {
      where.push('s.late = 1', 's.departed_on IS NULL', 'p.diplomatic = 0', 'p.merged_into IS NULL');
      if (scope.personId) { where.push('s.person_id = ?'); params.push(scope.personId); }
      if (scope.premisesId) { where.push('s.premises_id = ?'); params.push(scope.premisesId); }
      if (scope.unitCode) { where.push(`s.premises_id IN (${IN_UNIT(unitColumn(scope.unitCode))})`); params.push(scope.unitCode); }
      if (scope.employerId) { where.push('EXISTS (SELECT 1 FROM employment e3 WHERE e3.person_id = p.id AND e3.employer_id = ? AND e3.end_date IS NULL)'); params.push(scope.employerId); }
      return { sql: `SELECT s.id AS record_id, 'stay' AS entity, p.id AS person_id, s.premises_id AS premises_id, ${NAME} AS label, s.arrived_at AS date, s.arrived_at AS sort_date FROM stay s JOIN person p ON p.id = s.person_id WHERE ${where.join(' AND ')}`, params };
    }
    case 'no_signed_pledge': {
      where.push("pr.pledge_status <> 'signed'", "pr.status <> 'permanently_closed'", 'EXISTS (SELECT 1 FROM stay s2 WHERE s2.premises_id = pr.id AND s2.departed_on IS NULL)');
      if (scope.premisesId) { where.push('pr.id = ?'); params.push(scope.premisesId); }
      if (scope.unitCode) { where.push(`pr.${unitColumn(scope.unitCode)} = ?`); params.push(scope.unitCode); }
      // A premises alert belongs to the premises page, not to each person or employer.
      if (scope.personId || scope.employerId) where.push('0');
      return { sql: `SELECT pr.id AS record_id, 'premises' AS entity, NULL AS person_id, pr.id AS premises_id, pr.name_latin AS label, NULL AS date, '' AS sort_date FROM premises pr WHERE ${where.join(' AND ')}`, params };
    }
    case 'proof_due':
    case 'proof_overdue':
    case 'urgent_referral':
      return campaignAlertQuery(kind, scope, today);
  }
}

const CAMPAIGN_KINDS = new Set<AlertKind>(['proof_due', 'proof_overdue', 'urgent_referral']);
/** At most this many alerts on one record's page. */
const RECORD_ALERT_LIMIT = 500;

interface AlertRow {
  record_id: string; entity: Alert['entity']; person_id: string | null; premises_id: string | null; label: string; date: string | null; sort_date: string;
  inspection_id?: string | null;
}

export { addDays };

/** One page of alerts in kind order, then by date and record; cursor is [kind index, sort date, record id]. */
export function listAlerts(db: Database, options: { today: string; kinds: AlertKind[]; scope: AlertScope; after: (string | number)[] | null; limit: number }) {
  const soon = addDays(options.today, 30);
  const items: (Alert & { cursor: (string | number)[] })[] = [];
  const [afterKind, afterDate, afterId] = options.after ?? [-1, '', ''];
  ALERT_KINDS.forEach((kind, index) => {
    if (!options.kinds.includes(kind) || index < Number(afterKind) || items.length > options.limit) return;
    const q = kindQuery(kind, options.scope, options.today, soon);
    const keyset = index === Number(afterKind) ? 'WHERE (sort_date, record_id) > (?, ?)' : '';
    const rows = stmt(db, `SELECT * FROM (${q.sql}) ${keyset} ORDER BY sort_date, record_id LIMIT ?`)
      .all(...q.params, ...(keyset ? [String(afterDate), String(afterId)] : []), options.limit + 1 - items.length) as AlertRow[];
    for (const row of rows) {
      items.push({
        kind, severity: SEVERITY[kind], entity: row.entity, recordId: row.record_id, personId: row.person_id, premisesId: row.premises_id,
        label: row.label, date: row.date, days: row.date ? daysBetween(options.today, row.date) : null, cursor: [index, row.sort_date, row.record_id],
        inspectionId: row.inspection_id ?? null,
      });
    }
  });
  return items;
}

export function countAlerts(db: Database, today: string, kinds: AlertKind[], scope: AlertScope): Partial<Record<AlertKind, number>> {
  const soon = addDays(today, 30);
  const counts: Partial<Record<AlertKind, number>> = {};
  for (const kind of kinds) {
    const q = kindQuery(kind, scope, today, soon);
    counts[kind] = (stmt(db, `SELECT count(*) AS n FROM (${q.sql})`).get(...q.params) as { n: number }).n;
  }
  return counts;
}

/**
 * Every alert of one record (person page, premises page, employer page), in the order of `listAlerts`:
 * one statement over all kinds, prepared once per connection (a person's page asks this on every open).
 */
export function alertsFor(db: Database, today: string, scope: AlertScope): Alert[] {
  const soon = addDays(today, 30);
  const parts: string[] = [];
  const params: (string | number)[] = [];
  ALERT_KINDS.forEach((kind, index) => {
    const q = kindQuery(kind, scope, today, soon);
    const inspection = CAMPAIGN_KINDS.has(kind) ? 'inspection_id' : 'NULL';
    parts.push(`SELECT ${index} AS kind_index, record_id, entity, person_id, premises_id, label, date, sort_date, ${inspection} AS inspection_id FROM (${q.sql})`);
    params.push(...q.params);
  });
  const rows = stmt(db, `${parts.join(' UNION ALL ')} ORDER BY kind_index, sort_date, record_id LIMIT ${RECORD_ALERT_LIMIT}`).all(...params) as (AlertRow & { kind_index: number })[];
  return rows.map((row) => {
    const kind = ALERT_KINDS[row.kind_index]!;
    return {
      kind, severity: SEVERITY[kind], entity: row.entity, recordId: row.record_id, personId: row.person_id, premisesId: row.premises_id,
      label: row.label, date: row.date, days: row.date ? daysBetween(today, row.date) : null, inspectionId: row.inspection_id ?? null,
    };
  });
}
