import type { Database } from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/errors.js';
import { officeNow, officeToday } from '../../../shared/local-time.js';
import { now } from '../../backend/clock.js';
import { officeZone } from '../../db/settings.js';

export const newId = (): string => uuidv7();

/** The office's date today (its time zone setting), unless the request names a reference date. */
export function today(db: Database, request: { today?: string | undefined } = {}): string {
  return request.today ?? officeToday(officeZone(db), now());
}

/** The office's local date-time now, with offset (`2026-03-01T06:30:00+07:00`). */
export function nowLocal(db: Database): string {
  return officeNow(officeZone(db), now());
}

export function notFound(entity: string, id: string): never {
  throw new AppError('record.notFound', { entity, id });
}

/** Record fields → snake_case columns, dropping undefined (a partial patch). */
export function columns(values: Record<string, unknown>, map: Record<string, string>): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [key, column] of Object.entries(map)) {
    const value = values[key];
    if (value === undefined) continue;
    out[column] = typeof value === 'boolean' ? (value ? 1 : 0) : (value as string | number | null);
  }
  return out;
}
