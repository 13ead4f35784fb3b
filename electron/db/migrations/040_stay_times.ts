import type { Migration } from './registry.js';

/**
 * Stays get times: arrival, report and departure as the office's local date-time with offset
 * (`2026-03-01T06:30:00+07:00`), a departure time beside the departure date, and the reason of
 * the last correction (kept in the change log with it).
 *
 * Existing rows: no office had a time zone setting before this version, so +07:00 (Cambodia) is
 * the zone. A bare date becomes that day's 00:00; a date-time with `Z` or an offset is converted;
 * one without an offset is read as local. A departure known only by its date gets 00:00 that day,
 * or the arrival time when it left the day it arrived. `late` is kept as it was computed.
 */
const local = (column: string) => `CASE
  WHEN ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN ${column} || 'T00:00:00+07:00'
  WHEN ${column} GLOB '*Z' OR ${column} GLOB '*T*[+-][0-9][0-9]:[0-9][0-9]' THEN strftime('%Y-%m-%dT%H:%M:%S', ${column}, '+7 hours') || '+07:00'
  WHEN strftime('%Y-%m-%dT%H:%M:%S', ${column}) IS NOT NULL THEN strftime('%Y-%m-%dT%H:%M:%S', ${column}) || '+07:00'
  ELSE ${column}
END`;

export const stayTimes: Migration = {
  version: 40,
  name: 'stay-times',
  up(db) {
    db.exec(`
      ALTER TABLE stay ADD COLUMN departed_at TEXT;
      ALTER TABLE stay ADD COLUMN change_reason TEXT NOT NULL DEFAULT '';
      UPDATE stay SET arrived_at = ${local('arrived_at')}, reported_at = ${local('reported_at')};
      UPDATE stay SET departed_at = CASE
          WHEN departed_on = substr(arrived_at, 1, 10) THEN arrived_at
          ELSE departed_on || 'T00:00:00+07:00'
        END
        WHERE departed_on IS NOT NULL;
    `);
  },
};
