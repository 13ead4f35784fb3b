import { addDays } from '../../shared/local-time.js';
import type { AlertScope } from './alerts.js';
import { unitColumn } from './premises.js';

/** Days before a proof deadline that its alert starts. */
export const PROOF_WARNING_DAYS = 5;

const SITE = `LEFT JOIN employer se ON i.target_kind = 'employer' AND se.id = i.target_id
  LEFT JOIN premises sp ON i.target_kind = 'premises' AND sp.id = i.target_id`;

/**
 * Alerts of inspections (alerts.ts asks for them like every other kind): a worker found without a permit
 * whose 20 days to show proof of an application are nearly up or passed, and urgent referrals
 * (trafficking, labour exploitation, sex trade) nobody has acknowledged yet.
 */
export function campaignAlertQuery(kind: 'proof_due' | 'proof_overdue' | 'urgent_referral', scope: AlertScope, today: string): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const site = () => {
    if (scope.premisesId) { where.push("i.target_kind = 'premises' AND i.target_id = ?"); params.push(scope.premisesId); }
    if (scope.employerId) { where.push("i.target_kind = 'employer' AND i.target_id = ?"); params.push(scope.employerId); }
    if (scope.unitCode) {
      const column = unitColumn(scope.unitCode);
      where.push(`coalesce(se.${column}, sp.${column}) = ?`);
      params.push(scope.unitCode);
    }
  };
  if (kind === 'urgent_referral') {
    where.push('r.urgent = 1', 'r.acknowledged = 0');
    if (scope.personId) where.push('0');
    site();
    return {
      sql: `SELECT r.id AS record_id, 'referral' AS entity, NULL AS person_id, sp.id AS premises_id, coalesce(se.name_latin, sp.name_latin, '') AS label,
        r.referred_on AS date, r.referred_on AS sort_date, i.id AS inspection_id
        FROM referral r JOIN inspection i ON i.id = r.inspection_id ${SITE} WHERE ${where.join(' AND ')}`,
      params,
    };
  }
  where.push("ip.proof_status = 'pending'");
  if (kind === 'proof_overdue') { where.push('ip.proof_due < ?'); params.push(today); }
  else { where.push('ip.proof_due BETWEEN ? AND ?'); params.push(today, addDays(today, PROOF_WARNING_DAYS)); }
  if (scope.personId) { where.push('ip.person_id = ?'); params.push(scope.personId); }
  site();
  return {
    sql: `SELECT ip.id AS record_id, 'inspection_person' AS entity, ip.person_id AS person_id, sp.id AS premises_id,
      trim(p.surname || ' ' || p.given_names) AS label, ip.proof_due AS date, ip.proof_due AS sort_date, i.id AS inspection_id
      FROM inspection_person ip JOIN inspection i ON i.id = ip.inspection_id JOIN person p ON p.id = ip.person_id ${SITE}
      WHERE ${where.join(' AND ')}`,
    params,
  };
}
