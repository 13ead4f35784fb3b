import { describe, expect, it } from 'vitest';
import { createI18n, errorMessage, recordKind } from '../../../shared/i18n/index.js';
import { freshDb } from '../../helpers/db.js';

const en = createI18n('en', { strict: true }).t;
const km = createI18n('km', { strict: true }).t;
const KHMER = /[\u1780-\u17ff]/;

describe('kinds of records in words', () => {
  it('every record table of the register has a name in English and in Khmer', () => {
    const { db } = freshDb();
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]).filter((table) => {
      const columns = new Set((db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]));
      // As sync/entities.ts reads record tables from the schema (sync_* tables are the sync machinery's own).
      return !table.startsWith('sync_') && columns.has('id') && columns.has('origin_office') && columns.has('revision');
    });
    expect(tables.length).toBeGreaterThan(20);
    expect(tables.filter((table) => recordKind(en, table) === null)).toEqual([]);
    for (const table of tables) {
      expect(recordKind(en, table), table).toMatch(/^[A-Z][a-z]/);
      expect(recordKind(km, table), table).toMatch(KHMER);
    }
    expect(recordKind(en, 'made_up_kind')).toBeNull();
  });

  it('sync messages name the kind of record, lower-case inside an English sentence, in Khmer in Khmer', () => {
    const error = { code: 'syncdb.badField', params: { file: 'b.bchb', line: 4, field: 'rev', entity: 'stay' } };
    expect(errorMessage(en, error)).toBe('b.bchb, record 4: field "rev" of a stay record is not valid. The bundle was rejected; ask the sender to export again.');
    const khmer = errorMessage(km, error);
    expect(khmer).toContain('ការស្នាក់នៅ');
    expect(khmer).not.toContain('stay');
    expect(khmer).toContain('៤');
    // A kind this version does not know stays as it came.
    expect(errorMessage(en, { ...error, params: { ...error.params, entity: 'newer_kind' } })).toContain('of a newer_kind record');
  });

  it('one lost bundle carried by the next is named alone, not as a range from it to itself', () => {
    const single = (t: typeof en, key: 'sync.stoodInFor' | 'sync.stoodInForShort', from: number, to: number) =>
      t(key, { from, to, context: from === to ? 'single' : undefined });
    expect(single(en, 'sync.stoodInForShort', 3, 3)).toBe('also brought lost bundle 3');
    expect(single(en, 'sync.stoodInForShort', 2, 3)).toBe('also brought lost bundle(s) 2–3');
    expect(single(km, 'sync.stoodInFor', 3, 3)).toContain('លេខ ៣ ');
    expect(single(km, 'sync.stoodInFor', 3, 3)).not.toContain('–');
  });
});
