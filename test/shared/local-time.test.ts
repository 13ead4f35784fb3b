import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addDays, dateOf, daysBetween, instantOf, isInFuture, isTimeZone, localDateTime, normaliseDateTime, officeNow, officeToday, offsetMinutes, timeOf,
} from '../../shared/local-time.js';
import { todayIso } from '../../shared/mrz.js';

const PP = 'Asia/Phnom_Penh';

describe('office local time', () => {
  afterEach(() => vi.useRealTimers());

  it('runs under TZ=UTC, so the machine date differs from the office date before 07:00', () => {
    expect(process.env.TZ).toBe('UTC');
    expect(new Date(Date.UTC(2026, 0, 1, 12)).getTimezoneOffset()).toBe(0);
  });

  // Every minute boundary that matters: 00:30 to 06:59 in Phnom Penh is still "yesterday" in UTC.
  for (const local of ['00:30', '01:00', '03:15', '06:30', '06:59']) {
    it(`today at ${local} in Phnom Penh is the Phnom Penh date, not the UTC one`, () => {
      vi.useFakeTimers();
      vi.setSystemTime(new Date(`2026-03-01T${local}:00+07:00`));
      expect(new Date().toISOString().slice(0, 10)).toBe('2026-02-28');
      expect(officeToday(PP)).toBe('2026-03-01');
      expect(todayIso()).toBe('2026-03-01');
      expect(officeNow(PP)).toBe(`2026-03-01T${local}:00+07:00`);
      expect(isInFuture('2026-03-01', PP)).toBe(false);
      expect(isInFuture('2026-03-02', PP)).toBe(true);
    });
  }

  it('writes the offset in force at the instant, on both sides of a DST change and for half-hour and negative zones', () => {
    expect(officeNow('Europe/Berlin', Date.parse('2026-03-29T00:59:59Z'))).toBe('2026-03-29T01:59:59+01:00');
    expect(officeNow('Europe/Berlin', Date.parse('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00');
    expect(officeNow('America/New_York', Date.parse('2026-01-15T12:00:00Z'))).toBe('2026-01-15T07:00:00-05:00');
    expect(officeNow('Asia/Kolkata', Date.parse('2026-01-15T12:00:00.999Z'))).toBe('2026-01-15T17:30:00+05:30');
    expect(officeNow(PP, Date.parse('2026-01-15T12:00:00Z'))).toBe('2026-01-15T19:00:00+07:00');
  });

  it('at 07:00 both agree', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-01T07:00:00+07:00'));
    expect(officeToday(PP)).toBe(new Date().toISOString().slice(0, 10));
  });

  it('crosses the year at Phnom Penh midnight', () => {
    const instant = Date.parse('2025-12-31T17:00:00Z');
    expect(officeToday(PP, instant)).toBe('2026-01-01');
    expect(officeToday(PP, instant - 1)).toBe('2025-12-31');
    expect(officeToday('UTC', instant)).toBe('2025-12-31');
  });

  it('reads dates, local date-times and offset date-times as instants in the zone', () => {
    expect(instantOf('2026-03-01', PP)).toBe(Date.parse('2026-02-28T17:00:00Z'));
    expect(instantOf('2026-03-01T06:30', PP)).toBe(Date.parse('2026-02-28T23:30:00Z'));
    expect(instantOf('2026-03-01T06:30:00+07:00', 'UTC')).toBe(Date.parse('2026-02-28T23:30:00Z'));
    expect(instantOf('2026-03-01T06:30:00Z', PP)).toBe(Date.parse('2026-03-01T06:30:00Z'));
    expect(instantOf('2026-02-30', PP)).toBeNaN();
    expect(instantOf('2026-03-01T24:10', PP)).toBeNaN();
    expect(instantOf('yesterday', PP)).toBeNaN();
  });

  it('joins a typed date and time into the stored form and splits it back', () => {
    expect(localDateTime('2026-03-01', '06:30', PP)).toBe('2026-03-01T06:30:00+07:00');
    expect(localDateTime('2026-02-29', '06:30', PP)).toBeNull();
    expect(localDateTime('2026-03-01', '6:30', PP)).toBeNull();
    expect(normaliseDateTime('2026-02-28T23:30:00Z', PP)).toBe('2026-03-01T06:30:00+07:00');
    expect(normaliseDateTime('2026-03-01', PP)).toBe('2026-03-01T00:00:00+07:00');
    expect(dateOf('2026-02-28T23:30:00Z', PP)).toBe('2026-03-01');
    expect(timeOf('2026-02-28T23:30:00Z', PP)).toBe('06:30');
    expect(dateOf('2026-03-01', PP)).toBe('2026-03-01');
  });

  it('follows daylight saving in zones that have it', () => {
    const zone = 'Europe/Berlin';
    expect(offsetMinutes(Date.parse('2026-01-15T12:00:00Z'), zone)).toBe(60);
    expect(offsetMinutes(Date.parse('2026-07-15T12:00:00Z'), zone)).toBe(120);
    expect(localDateTime('2026-07-15', '14:00', zone)).toBe('2026-07-15T14:00:00+02:00');
    expect(localDateTime('2026-01-15', '14:00', zone)).toBe('2026-01-15T14:00:00+01:00');
    expect(offsetMinutes(Date.parse('2026-03-01T12:00:00Z'), PP)).toBe(420);
  });

  it('does calendar arithmetic without the machine zone', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
  });

  it('knows real zone names only', () => {
    expect(isTimeZone(PP)).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Asia/Nowhere')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('a date-time after now is in the future, a minute before is not', () => {
    const now = Date.parse('2026-03-01T06:00:00+07:00');
    expect(isInFuture('2026-03-01T06:01:00+07:00', PP, now)).toBe(true);
    expect(isInFuture('2026-03-01T05:59', PP, now)).toBe(false);
  });
});

describe('fake timers and the zone', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-01T00:30:00+07:00'));
  });
  afterEach(() => vi.useRealTimers());
  it('another office zone gives its own date', () => {
    expect(officeToday('UTC')).toBe('2026-02-28');
    expect(officeToday('Asia/Tokyo')).toBe('2026-03-01');
  });
});
