import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors.js';
import { instantOf, toOfficeDateTime } from '../../../shared/local-time.js';
import type { HandlerContext } from '../../backend/context.js';
import { now } from '../../backend/clock.js';
import { getPersonRow } from '../../db/persons.js';
import { getPremisesRow } from '../../db/premises.js';
import { officeZone } from '../../db/settings.js';
import { notFound } from '../registration/common.js';

/** Dates that cannot lie ahead; each has its own message naming it. */
export type FutureField = 'receivedAt' | 'heldOn' | 'chargedOn' | 'courtOn' | 'closedOn';

/** A minute of tolerance for a clock a little ahead of the backend's. */
const CLOCK_SKEW_MS = 60_000;

/** A date or local date-time typed at the office, stored as the office's date-time with offset; never in the future. */
export function officeTime(db: Database, value: string, field: FutureField): string {
  const zone = officeZone(db);
  const at = instantOf(value, zone);
  if (Number.isNaN(at)) throw new AppError(`cases.badTime.${field}`, { value });
  if (at > now() + CLOCK_SKEW_MS) throw new AppError(`cases.future.${field}`, { value });
  return toOfficeDateTime(at, zone);
}

/** The office date `value` is not after today. */
export function notFuture(db: Database, value: string, field: FutureField): string {
  const today = toOfficeDateTime(now(), officeZone(db)).slice(0, 10);
  if (value > today) throw new AppError(`cases.future.${field}`, { value });
  return value;
}

/** Where a case happened: the premises' commune, else the office's own unit (empty before set-up). */
export function unitOf(ctx: HandlerContext, premisesId: string | null | undefined): string {
  if (premisesId) return (getPremisesRow(ctx.db, premisesId) ?? notFound('premises', premisesId)).commune_code;
  return ctx.office()?.unitCode ?? '';
}

export function checkPerson(db: Database, personId: string | null | undefined): void {
  if (personId && !getPersonRow(db, personId)) notFound('person', personId);
}
