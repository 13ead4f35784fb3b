import { describe, expect, it } from 'vitest';
import { LOCAL_OPERATOR } from '../../../shared/actor.js';
import { deleteRecord, insertRecord, updateRecord, type EntitySpec } from '../../../electron/db/changes.js';
import { recordHistory } from '../../../electron/db/history.js';
import { freshDb } from '../../helpers/db.js';

const setting: EntitySpec = { entity: 'setting', table: 'setting', columns: ['value'] };
const at = '2025-01-02T03:04:05.000Z';

function setup() {
  const { db } = freshDb();
  const ctx = { db, actor: LOCAL_OPERATOR, originOffice: 'office-1', now: () => at };
  const logSize = () => (db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
  return { db, ctx, logSize };
}

describe('change log write path', () => {
  it('logs insert, update and delete with actor, time, revision and the fields before and after', () => {
    const { db, ctx } = setup();
    insertRecord(ctx, setting, 'language', { value: 'en' });
    expect(updateRecord(ctx, setting, 'language', { value: 'km' })).toBe(true);
    deleteRecord(ctx, setting, 'language');
    expect(db.prepare("SELECT * FROM setting WHERE id = 'language'").get()).toBeUndefined();
    const history = recordHistory(db, 'setting', 'language');
    expect(history.map(({ seq: _seq, ...rest }) => rest)).toEqual([
      { entity: 'setting', recordId: 'language', op: 'insert', actor: 'local-operator', at, originOffice: 'office-1', revision: 1, before: null, after: { value: 'en' } },
      { entity: 'setting', recordId: 'language', op: 'update', actor: 'local-operator', at, originOffice: 'office-1', revision: 2, before: { value: 'en' }, after: { value: 'km' } },
      { entity: 'setting', recordId: 'language', op: 'delete', actor: 'local-operator', at, originOffice: 'office-1', revision: 3, before: { value: 'km' }, after: null },
    ]);
    expect(history[0]!.seq).toBeLessThan(history[1]!.seq);
  });

  it('logs nothing for an update that changes nothing', () => {
    const { ctx, logSize } = setup();
    insertRecord(ctx, setting, 'language', { value: 'en' });
    const before = logSize();
    expect(updateRecord(ctx, setting, 'language', { value: 'en' })).toBe(false);
    expect(logSize()).toBe(before);
  });

  it('leaves neither the record nor its log entry when the transaction rolls back', () => {
    const { db, ctx, logSize } = setup();
    const before = logSize();
    expect(() =>
      db.transaction(() => {
        insertRecord(ctx, setting, 'language', { value: 'en' });
        throw new Error('later step failed');
      })(),
    ).toThrow('later step failed');
    expect(db.prepare("SELECT * FROM setting WHERE id = 'language'").get()).toBeUndefined();
    expect(logSize()).toBe(before);
  });

  it('refuses unknown columns and missing records', () => {
    const { ctx } = setup();
    expect(() => insertRecord(ctx, setting, 'x', { colour: 'red' })).toThrow(/unknown column/);
    expect(() => updateRecord(ctx, setting, 'missing', { value: 'x' })).toThrow(/record.notFound/);
  });
});
