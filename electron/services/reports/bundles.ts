import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Office } from '../../../shared/contract/foundation.js';
import { BUNDLE_LATE_DAYS, BUNDLE_LATE_DAYS_SETTING, parseBundleLateDays } from '../../../shared/reports/bundles.js';
import { dateOf, daysBetween } from '../../../shared/local-time.js';
import { officeZone, settingValue } from '../../db/settings.js';
import { currentDirectory } from '../../sync/directory.js';
import { unitLabels } from './labels.js';
import type { Label } from '../../../shared/reports/types.js';

export interface OfficeBundles {
  officeId: string;
  name: string;
  level: string;
  unitCode: string;
  unit: Label;
  /** When its last bundle was applied here (stored instant), null if none ever was. */
  lastBundle: string | null;
  /** Office-local days from that bundle's day to today (0 = today). */
  daysAgo: number | null;
  /** No bundle for more than `bundleLateDays(db)` days, or none ever. */
  late: boolean;
}

/** After how many days without a bundle an office below is late here: the office's setting, else a week. */
export function bundleLateDays(db: Database): number {
  return parseBundleLateDays(settingValue(db, BUNDLE_LATE_DAYS_SETTING)) ?? BUNDLE_LATE_DAYS;
}

/**
 * Each office directly below this one (the key directory's entries whose parent it is) with the last
 * bundle received from it, counted in the office's days: what a province (its communes) or the national
 * office (its provinces) watches for offices that have stopped sending. A commune has none below it.
 */
export function bundleTimeliness(db: Database, office: Office | null, today: string): OfficeBundles[] {
  if (!office || office.level === 'commune') return [];
  const zone = officeZone(db);
  const lateDays = bundleLateDays(db);
  const below = new Map<string, { name: string; level: string; unitCode: string }>();
  // An office may be listed once per key (old keys revoked): the same office, once.
  for (const e of currentDirectory(db)?.entries ?? []) if (e.parentOfficeId === office.id && !below.has(e.officeId)) below.set(e.officeId, { name: e.name, level: e.level, unitCode: e.unitCode });
  if (below.size === 0) return [];
  const last = new Map((db.prepare("SELECT from_office, max(imported_at) AS at FROM sync_received WHERE kind = 'changes' GROUP BY from_office").all() as { from_office: string; at: string }[])
    .map((r) => [r.from_office, r.at]));
  const labels = unitLabels(db, [...below.values()].map((b) => b.unitCode));
  return [...below.entries()]
    .map(([officeId, b]) => {
      const at = last.get(officeId) ?? null;
      const daysAgo = at ? daysBetween(dateOf(at, zone), today) : null;
      return { officeId, ...b, unit: labels.get(b.unitCode) ?? { en: b.unitCode, km: b.unitCode }, lastBundle: at, daysAgo, late: daysAgo === null || daysAgo > lateDays };
    })
    .sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : a.officeId < b.officeId ? -1 : 1));
}
