import type { EntitySpec } from './changes.js';

/** Local preferences (language, last folders); one record per key, changed through the change log. */
export const settingEntity: EntitySpec = { entity: 'setting', table: 'setting', columns: ['value'] };
