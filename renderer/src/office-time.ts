import { useSyncExternalStore } from 'react';
import { formatDate } from '../../shared/khmer.js';
import { dateOf, DEFAULT_TIME_ZONE, formatTime, isTimeZone, officeNow, officeToday, TIME_ZONE_SETTING } from '../../shared/local-time.js';
import { api } from './api.js';

/**
 * The office's time zone in the window (the `office.timeZone` setting, loaded once), so "today"
 * and default dates follow the office, not the browser's zone or UTC.
 */
let zone = DEFAULT_TIME_ZONE;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function load(): Promise<void> {
  loading ??= api['settings.get']({ key: TIME_ZONE_SETTING }).then((result) => {
    if (result.ok && result.value && isTimeZone(result.value)) setOfficeZone(result.value);
  });
  return loading;
}

export function setOfficeZone(next: string): void {
  zone = next;
  for (const listener of listeners) listener();
}

export function currentOfficeZone(): string {
  void load();
  return zone;
}

/** The office's date today (`YYYY-MM-DD`). */
export function todayInOffice(): string {
  return officeToday(currentOfficeZone());
}

/** The office's local date-time now, with offset. */
export function nowInOffice(): string {
  return officeNow(currentOfficeZone());
}

/** The office's zone; re-renders when the setting arrives or changes. */
export function useOfficeZone(): string {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      void load();
      return () => listeners.delete(listener);
    },
    () => zone,
  );
}

/** A stored date-time as people read it in the office: the date in the UI language, then HH:MM. */
export function formatOfficeDateTime(value: string, zone: string, language: 'en' | 'km'): string {
  return `${formatDate(dateOf(value, zone), language)} ${formatTime(value, zone, language)}`;
}

/** The office's date and HH:MM now, for date and time fields. */
export function nowFields(): { date: string; time: string } {
  const now = nowInOffice();
  return { date: now.slice(0, 10), time: now.slice(11, 16) };
}
