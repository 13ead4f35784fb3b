import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Label } from '../../../shared/reports/types.js';
import { addDays } from '../../../shared/local-time.js';
import type { Office } from '../../../shared/contract/foundation.js';
import { currentDirectory } from '../../sync/directory.js';
import { unitLabels } from './labels.js';
import { countExpiringPeople, expiringPeople } from './records.js';
import { byDistrict } from './counts.js';
import { and, between, inUnit, where, type Where } from './sql.js';
import type { ReportFilters } from './types.js';

export interface DashboardRow {
  unit: string;
  label: Label;
  staying: number;
  arrivalsWeek: number;
  departuresWeek: number;
  /** Staying now, reported more than 24 hours after arriving. */
  lateStaying: number;
  premisesWithoutPledge: number;
  /** Stays that arrived in the last 30 days: reported, and of them within 24 hours. */
  reported30: number;
  onTime30: number;
  /** Foreigners present (staying or working) whose passport or visa expires within the next EXPIRY_WARNING_DAYS days (records.ts expiringPeople). */
  documentsExpiring: number;
  /** When the last bundle from an office of this unit was received here; null if never. */
  lastBundle: string | null;
}

const FIGURES = ['staying', 'arrivalsWeek', 'departuresWeek', 'lateStaying', 'premisesWithoutPledge', 'reported30', 'onTime30', 'documentsExpiring'] as const;

/**
 * The home screen's figures: for a commune its own, for a province per commune, for the national
 * office per province; every unit of the level is listed, so an office that sends nothing shows.
 */
export function dashboard(db: Database, office: Office | null, today: string): { unit: string | null; rows: DashboardRow[]; total: DashboardRow } {
  const level = office?.level ?? 'national';
  const unit = level === 'national' || !office ? null : office.unitCode;
  const groupLength = level === 'national' ? 2 : 6;
  const f: Pick<ReportFilters, 'unit'> = { unit: unit ? { code: unit, end: `${unit}:` } : null };
  const key = (column: string) => `substr(${column}, 1, ${groupLength})`;
  const counts = new Map<string, Record<string, number>>();
  const add = (sql: string, w: Where) => {
    for (const row of db.prepare(sql).all(...w.params) as Record<string, number | string>[]) {
      // Records whose unit is not known yet (a stay whose premises has not arrived) count under '': in the total, in no row.
      const key = row.k === null ? '' : String(row.k);
      const target = counts.get(key) ?? {};
      for (const [k, v] of Object.entries(row)) if (k !== 'k') target[k] = (target[k] ?? 0) + Number(v ?? 0);
      counts.set(key, target);
    }
  };
  const scope = inUnit('commune_code', f as ReportFilters);
  // The national office's rows are provinces: migration 59's counts per district answer them.
  const counted = byDistrict({ unit: f.unit, groupLength }, true);
  const districts = inUnit('district', f as ReportFilters);
  if (counted) {
    add(`SELECT ${key('district')} AS k, sum(n) AS staying, sum(late * n) AS lateStaying FROM report_present ${where(districts ?? { sql: '', params: [] })} GROUP BY k HAVING staying > 0`, districts ?? { sql: '', params: [] });
  } else {
    const present = and({ sql: 'departed_on IS NULL', params: [] }, scope);
    add(`SELECT ${key('commune_code')} AS k, count(*) AS staying, sum(late) AS lateStaying FROM report_stay ${where(present)} GROUP BY k`, present);
  }
  const week = and(between('arrived_on', addDays(today, -6), today), scope);
  add(`SELECT ${key('commune_code')} AS k, count(*) AS arrivalsWeek FROM report_stay ${where(week)} GROUP BY k`, week);
  const left = and(between('departed_on', addDays(today, -6), today), scope);
  add(`SELECT ${key('commune_code')} AS k, count(*) AS departuresWeek FROM report_stay ${where(left)} GROUP BY k`, left);
  const month = and(between('arrived_on', addDays(today, -29), today), scope);
  add(`SELECT ${key('commune_code')} AS k, count(*) AS reported30, count(*) - sum(late) AS onTime30 FROM report_stay ${where(month)} GROUP BY k`, month);
  const open = { sql: "status <> 'permanently_closed' AND pledge_status <> 'signed'", params: [] };
  if (counted) {
    const pledges = and(open, districts);
    add(`SELECT ${key('district')} AS k, sum(n) AS premisesWithoutPledge FROM report_premises ${where(pledges)} GROUP BY k HAVING premisesWithoutPledge > 0`, pledges);
  } else {
    const pledges = and(open, scope);
    add(`SELECT ${key('commune_code')} AS k, count(*) AS premisesWithoutPledge FROM premises ${where(pledges)} GROUP BY k`, pledges);
  }

  // Foreigners with a passport or visa expiring (records.ts, the same definition as the Home alerts' group), by the commune they are in.
  const expiring = expiringPeople(today);
  const expiringIn = inUnit('x.place', f as ReportFilters) ?? { sql: '', params: [] };
  add(`SELECT ${key('x.place')} AS k, count(*) AS documentsExpiring FROM ${expiring.sql} ${where(expiringIn)} GROUP BY k`,
    { sql: '', params: [...expiring.params, ...expiringIn.params] });
  const expiringInAll = countExpiringPeople(db, today, unit);

  // Offices below this one, by unit, from the key directory; their last bundle received here.
  const unitOf = new Map((currentDirectory(db)?.entries ?? []).map((e) => [e.officeId, e.unitCode]));
  const lastBundle = new Map<string, string>();
  for (const r of db.prepare('SELECT from_office, max(imported_at) AS at FROM sync_received GROUP BY from_office').all() as { from_office: string; at: string }[]) {
    const code = unitOf.get(r.from_office);
    if (!code || code.length < groupLength) continue;
    const k = code.slice(0, groupLength);
    if (unit && !k.startsWith(unit)) continue;
    if (!lastBundle.has(k) || lastBundle.get(k)! < r.at) lastBundle.set(k, r.at);
  }

  const units = unit
    ? level === 'commune'
      ? [unit]
      : (db.prepare("SELECT id FROM admin_unit WHERE level = 'commune' AND retired = 0 AND id >= ? AND id < ? ORDER BY id").pluck().all(unit, `${unit}:`) as string[])
    : (db.prepare("SELECT id FROM admin_unit WHERE level = 'province' AND retired = 0 ORDER BY id").pluck().all() as string[]);
  for (const k of counts.keys()) if (k && !units.includes(k)) units.push(k);
  const labels = unitLabels(db, units);
  const row = (code: string): DashboardRow => {
    const c = counts.get(code) ?? {};
    const out = { unit: code, label: labels.get(code) ?? { en: code, km: code }, lastBundle: lastBundle.get(code) ?? null } as DashboardRow;
    for (const figure of FIGURES) out[figure] = c[figure] ?? 0;
    return out;
  };
  const rows = units.map(row);
  const total = { ...row(unit ?? ''), label: unit ? (labels.get(unit) ?? unitLabels(db, [unit]).get(unit) ?? { en: unit, km: unit }) : { en: 'Whole register', km: 'បញ្ជីទាំងមូល' } };
  // The office's figures count every record, also those whose unit is not known yet (a stay whose premises has not arrived).
  for (const figure of FIGURES) total[figure] = [...counts.values()].reduce((n, c) => n + (c[figure] ?? 0), 0);
  // Each person once, also one whose commune is not known yet (the per-unit rows hold those nowhere).
  total.documentsExpiring = expiringInAll;
  total.lastBundle = rows.reduce<string | null>((m, r) => (r.lastBundle && (!m || r.lastBundle > m) ? r.lastBundle : m), null);
  return { unit, rows, total };
}
