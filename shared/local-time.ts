/**
 * The office's local time. "Today", default dates, the 24-hour rule, alerts and every "not in the
 * future" check use the office's time zone (a setting, Asia/Phnom_Penh by default), never the UTC
 * date of `toISOString()` — which is yesterday in Phnom Penh before 07:00.
 *
 * Pure: every function takes the zone (and the instant, default `Date.now()`) as parameters; the
 * backend reads the zone from the `office.timeZone` setting, the renderer gets it from the backend.
 * Uses `Intl.DateTimeFormat` with `timeZone` (in Node and every browser; no library needed).
 *
 * Stored date-times are local ISO date-times WITH the zone's offset: `2026-03-01T06:30:00+07:00`.
 * The offset makes each value one unambiguous instant (`Date.parse` reads it), while the first 10
 * characters are still the office's local date and the next 5 its local time, as people read them.
 * A bare date `YYYY-MM-DD` means that day in the office (its local midnight when an instant is needed).
 */

export const DEFAULT_TIME_ZONE = 'Asia/Phnom_Penh';
/** Key of the setting that holds the office's IANA time zone. */
export const TIME_ZONE_SETTING = 'office.timeZone';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const OFFSET_RE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

export interface LocalParts { year: number; month: number; day: number; hour: number; minute: number; second: number }

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True for an IANA zone name this runtime knows (`Asia/Phnom_Penh`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall-clock reading at an instant. */
export function localParts(instant: number, zone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

/** Minutes the zone is ahead of UTC at an instant (+420 in Phnom Penh). */
export function offsetMinutes(instant: number, zone: string): number {
  return offsetOfParts(instant, localParts(instant, zone));
}

/** The offset, from the zone's reading `p` of `instant` (computed once by the caller). */
function offsetOfParts(instant: number, p: LocalParts): number {
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The office's local date-time of an instant, with its offset: `2026-03-01T06:30:00+07:00`. */
export function toOfficeDateTime(instant: number, zone: string): string {
  // One reading of the zone's clock serves both the date-time and its offset (this runs for every write and audited read).
  const p = localParts(instant, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offsetText(offsetOfParts(instant, p))}`;
}

/** The office's date today, `YYYY-MM-DD`. */
export function officeToday(zone: string, now: number = Date.now()): string {
  return toOfficeDateTime(now, zone).slice(0, 10);
}

/** The office's local date-time now, with offset (see the file comment). */
export function officeNow(zone: string, now: number = Date.now()): string {
  return toOfficeDateTime(now, zone);
}

/** The instant of a wall-clock reading in the zone (for a time skipped or repeated by a DST change: the first match). */
function instantOfLocal(p: LocalParts, zone: string): number {
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  let guess = asUtc - offsetMinutes(asUtc, zone) * 60_000;
  // A second pass settles zones whose offset differs between the guess and the answer.
  guess = asUtc - offsetMinutes(guess, zone) * 60_000;
  return guess;
}

/**
 * Milliseconds of a stored value: a date-time with offset or `Z` as written; a local date-time
 * without offset, or a bare date (its local midnight), read in the zone. NaN when unreadable.
 */
export function instantOf(value: string, zone: string): number {
  if (OFFSET_RE.test(value)) return Date.parse(value);
  const date = DATE_RE.exec(value);
  const local = date ? [date[1], date[2], date[3], '0', '0', '0'] : LOCAL_RE.exec(value)?.slice(1, 7);
  if (!local) return Number.NaN;
  const [year, month, day, hour, minute, second] = local.map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  return instantOfLocal({ year, month, day, hour, minute, second }, zone);
}

function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A date and a time typed in the office (`2026-03-01`, `06:30`) → stored form with offset; null when not a real date or time. */
export function localDateTime(date: string, time: string, zone: string): string | null {
  if (!DATE_RE.test(date) || !/^\d{2}:\d{2}(:\d{2})?$/.test(time)) return null;
  const instant = instantOf(`${date}T${time}`, zone);
  return Number.isNaN(instant) ? null : toOfficeDateTime(instant, zone);
}

/** Normalises any stored value (date, local or offset date-time) to the zone's date-time with offset; null when unreadable. */
export function normaliseDateTime(value: string, zone: string): string | null {
  const instant = instantOf(value, zone);
  return Number.isNaN(instant) ? null : toOfficeDateTime(instant, zone);
}

/** The office's local date of a stored value (`YYYY-MM-DD`). */
export function dateOf(value: string, zone: string): string {
  if (DATE_RE.test(value)) return value;
  const instant = instantOf(value, zone);
  return Number.isNaN(instant) ? value.slice(0, 10) : officeToday(zone, instant);
}

/** The office's local time of a stored value (`HH:MM`); `00:00` for a bare date. */
export function timeOf(value: string, zone: string): string {
  if (DATE_RE.test(value)) return '00:00';
  const instant = instantOf(value, zone);
  return Number.isNaN(instant) ? '00:00' : toOfficeDateTime(instant, zone).slice(11, 16);
}

/** Calendar arithmetic on `YYYY-MM-DD` (no zone involved). */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from one `YYYY-MM-DD` to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

/** True when the value lies after `now` (a bare date: after the office's today). */
export function isInFuture(value: string, zone: string, now: number = Date.now()): boolean {
  if (DATE_RE.test(value)) return value > officeToday(zone, now);
  return instantOf(value, zone) > now;
}

/** `HH:MM` of a stored value in the office, in the UI language's digits. */
export function formatTime(value: string, zone: string, language: 'en' | 'km'): string {
  const time = timeOf(value, zone);
  return language === 'km' ? time.replace(/\d/g, (d) => String.fromCharCode(0x17e0 + Number(d))) : time;
}
