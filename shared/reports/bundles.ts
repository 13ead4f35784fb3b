/**
 * An office below is late when no bundle from it has arrived for more than this many days (office-local
 * days). A week: the 24-hour rule is for reporting a foreigner to the commune, not for moving files; a
 * commune that is offline carries its bundle by USB stick when someone goes to the province, which the
 * seeds and the domain brief put at "days or weeks". A weekly run is what a province can ask of its
 * communes, and a gap longer than a week is worth a phone call. One number for every level: the
 * national office sees its provinces against the same week. An office whose communes come in monthly sets
 * its own number (Settings, `BUNDLE_LATE_DAYS_SETTING`).
 */
export const BUNDLE_LATE_DAYS = 7;
export const BUNDLE_LATE_DAYS_SETTING = 'reports.bundleLateDays';
export const MAX_BUNDLE_LATE_DAYS = 365;

/** The setting's value as a number of days (a whole number from 1 to MAX_BUNDLE_LATE_DAYS), or null. */
export function parseBundleLateDays(value: string | null | undefined): number | null {
  if (value == null || !/^\d{1,3}$/.test(value.trim())) return null;
  const days = Number(value.trim());
  return days >= 1 && days <= MAX_BUNDLE_LATE_DAYS ? days : null;
}
