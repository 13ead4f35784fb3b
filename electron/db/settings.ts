import type { Database } from 'better-sqlite3-multiple-ciphers';
import { DEFAULT_TIME_ZONE, isTimeZone, TIME_ZONE_SETTING } from '../../shared/local-time.js';
import type { EntitySpec } from './changes.js';
import { pluckStmt } from './statements.js';

/** Local preferences (language, last folders); one record per key, changed through the change log. */
export const settingEntity: EntitySpec = { entity: 'setting', table: 'setting', columns: ['value'] };

/** A setting's stored value, or undefined when it was never set (prepared once per connection: read at every audited read). */
export function settingValue(db: Database, key: string): string | undefined {
  return pluckStmt(db, 'SELECT value FROM setting WHERE id = ?').get(key) as string | undefined;
}

/** The office's time zone (the `office.timeZone` setting), Asia/Phnom_Penh when unset or unknown. */
export function officeZone(db: Database): string {
  const value = settingValue(db, TIME_ZONE_SETTING);
  return value !== undefined && isTimeZone(value) ? value : DEFAULT_TIME_ZONE;
}
