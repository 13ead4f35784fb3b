import { describe, expect, it } from 'vitest';
import { LOCAL_OPERATOR } from '../../../shared/actor.js';
import { applyRemote, deleteRecord, insertRecord, recordInserter, updateRecord } from '../../../electron/db/changes.js';
import { personEntity } from '../../../electron/db/persons.js';
import { matchExpression, searchDocs } from '../../../electron/db/search.js';
import { stayEntity } from '../../../electron/db/stays.js';
import { freshDb } from '../../helpers/db.js';

const person = {
  surname: 'Eriksson', given_names: 'Anna Maria', name_km: 'អាណា', sex: 'F', birth_date: '1974-08-12', nationality: 'SWE', passport_no: 'L898902C3',
  issuing_state: 'SWE', passport_expiry: '2030-04-15', source: 'manual', created_at: '2026-01-01T00:00:00Z',
};

function setup() {
  const { db } = freshDb();
  const local = { db, actor: LOCAL_OPERATOR, originOffice: 'here' };
  const found = (query: string) => searchDocs(db, matchExpression(query) ?? '', null, 0, 10).map((d) => d.record_id);
  const row = (table: string, id: string) => db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;
  const logged = (id: string) => db.prepare('SELECT after_json FROM change_log WHERE record_id = ? ORDER BY seq DESC LIMIT 1').pluck().get(id) as string;
  return { db, local, found, row, logged };
}

describe('derived data on the one write path', () => {
  it('a remote change has its keys, 24-hour flag and search document computed here, whatever the sender put in them', () => {
    const { local, found, row, logged } = setup();
    const remote = { op: 'insert' as const, id: '01900000-0000-7000-8000-000000000d01', origin: 'commune', revision: 1, actor: 'u', at: '2026-01-01T00:00:00Z' };
    applyRemote(local, personEntity, { ...remote, data: { ...person, name_key: 'LIE', passport_key: 'NOPE' } });
    expect(row('person', '01900000-0000-7000-8000-000000000d01')).toMatchObject({ name_key: 'ANNA ERIKSSON MARIA', passport_key: 'L898902C3' });
    expect(JSON.parse(logged('01900000-0000-7000-8000-000000000d01'))).toMatchObject({ name_key: 'ANNA ERIKSSON MARIA' });
    expect(found('eriks')).toEqual(['01900000-0000-7000-8000-000000000d01']);
    expect(found('អាណា')).toEqual(['01900000-0000-7000-8000-000000000d01']);
    expect(found('L8989O2')).toEqual(['01900000-0000-7000-8000-000000000d01']);

    applyRemote(local, personEntity, { ...remote, op: 'update', revision: 2, data: { surname: 'Lindqvist', name_key: 'LIE' } });
    expect(row('person', '01900000-0000-7000-8000-000000000d01')).toMatchObject({ surname: 'Lindqvist', name_key: 'ANNA LINDQVIST MARIA', revision: 2 });
    expect(JSON.parse(logged('01900000-0000-7000-8000-000000000d01'))).toEqual({ surname: 'Lindqvist', name_key: 'ANNA LINDQVIST MARIA' });
    expect(found('eriks')).toEqual([]);
    expect(found('lindq')).toEqual(['01900000-0000-7000-8000-000000000d01']);

    applyRemote(local, stayEntity, { ...remote, id: '01900000-0000-7000-8000-000000000d02', data: { person_id: '01900000-0000-7000-8000-000000000d01', premises_id: '01900000-0000-7000-8000-000000000d03', arrived_at: '2026-01-01', reported_at: '2026-01-05', late: 0 } });
    expect(row('stay', '01900000-0000-7000-8000-000000000d02')).toMatchObject({ late: 1 });
    applyRemote(local, stayEntity, { ...remote, id: '01900000-0000-7000-8000-000000000d02', op: 'update', revision: 2, data: { reported_at: '2026-01-01T12:00:00Z' } });
    expect(row('stay', '01900000-0000-7000-8000-000000000d02')).toMatchObject({ late: 0 });

    applyRemote(local, personEntity, { ...remote, op: 'delete', revision: 3, data: null });
    expect(found('lindq')).toEqual([]);
  });

  it('local writes, bulk inserts and deletes keep the index and keys in step', () => {
    const { db, local, found, row } = setup();
    insertRecord(local, personEntity, '01900000-0000-7000-8000-000000000d04', { ...person, name_key: 'x', passport_key: 'y' });
    expect(row('person', '01900000-0000-7000-8000-000000000d04')).toMatchObject({ name_key: 'ANNA ERIKSSON MARIA', passport_key: 'L898902C3' });
    expect(updateRecord(local, personEntity, '01900000-0000-7000-8000-000000000d04', { note: 'only a note' })).toBe(true);
    expect(updateRecord(local, personEntity, '01900000-0000-7000-8000-000000000d04', { name_key: 'forged' })).toBe(false);
    updateRecord(local, personEntity, '01900000-0000-7000-8000-000000000d04', { passport_no: 'X1234567' });
    expect(row('person', '01900000-0000-7000-8000-000000000d04')).toMatchObject({ passport_key: 'X1234567' });
    expect(found('L898902C3')).toEqual([]);
    expect(found('x1234567')).toEqual(['01900000-0000-7000-8000-000000000d04']);
    db.transaction(() => {
      const insert = recordInserter(local, personEntity, [...Object.keys(person), 'name_key', 'passport_key']);
      insert('01900000-0000-7000-8000-000000000d05', { ...person, passport_no: 'B7654321', surname: 'Wang', name_key: '', passport_key: '' });
    })();
    expect(row('person', '01900000-0000-7000-8000-000000000d05')).toMatchObject({ name_key: 'ANNA MARIA WANG', passport_key: '87654321' });
    expect(found('wang anna')).toEqual(['01900000-0000-7000-8000-000000000d05']);
    deleteRecord(local, personEntity, '01900000-0000-7000-8000-000000000d05');
    expect(found('wang')).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM search_doc WHERE record_id = '01900000-0000-7000-8000-000000000d05'").pluck().get()).toBe(0);
  });
});
