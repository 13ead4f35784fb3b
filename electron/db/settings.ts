import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { DEFAULT_TIME_ZONE, isTimeZone, TIME_ZONE_SETTING } from '../../shared/local-time.js';
import type { EntitySpec } from './changes.js';

/** Local preferences (language, last folders); one record per key, changed through the change log. */
export const settingEntity: EntitySpec = { entity: 'setting', table: 'setting', columns: ['value'] };

/** Read at every audited read and most writes: prepared once per connection. */
const zoneStatements = new WeakMap<Database, Statement>();

/** The office's time zone (the `office.timeZone` setting), Asia/Phnom_Penh when unset or unknown. */
export function officeZone(db: Database): string {
  let statement = zoneStatements.get(db);
  if (!statement) zoneStatements.set(db, (statement = db.prepare('SELECT value FROM setting WHERE id = ?')));
  const row = statement.get(TIME_ZONE_SETTING) as { value: string } | undefined;
  return row && isTimeZone(row.value) ? row.value : DEFAULT_TIME_ZONE;
}
