import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../electron/db/migrations/index.js';
import { personFields, premises, registerBackend, TODAY } from '../registration/fixtures.js';

const search = async (t: Awaited<ReturnType<typeof registerBackend>>, query: string) =>
  (await t.ok('persons.search', { query, entities: ['person'] })).items.map((h) => h.id);

describe('persons: passports over time', () => {
  it('adds a renewed passport: the old one is kept, still found by search and by registration, every step in the history', async () => {
    const t = await registerBackend();
    const { person } = await t.ok('persons.register', { fields: personFields(), today: TODAY });
    expect(await t.ok('passports.list', { personId: person.id })).toEqual([
      expect.objectContaining({ id: person.id, passportNo: 'L898902C3', current: true, replacedOn: null }),
    ]);
    const renewed = await t.ok('passports.add', {
      personId: person.id, passport: { passportNo: 'P1234567', issuingState: 'SWE', passportIssued: '2026-02-01', passportExpiry: '2036-01-31' },
      patch: { phone: '+855 12 345 678', visaNo: 'V999', visaExpiry: '2027-02-28', passportNo: 'IGNORED1' }, today: TODAY,
    });
    expect(renewed).toMatchObject({ passportNo: 'P1234567', passportExpiry: '2036-01-31', passportIssued: '2026-02-01', phone: '+855 12 345 678', visaNo: 'V999' });
    const list = await t.ok('passports.list', { personId: person.id });
    expect(list.map((p) => [p.passportNo, p.current, p.replacedOn])).toEqual([['P1234567', true, null], ['L898902C3', false, TODAY]]);
    expect(await search(t, 'L898902C3')).toEqual([person.id]);
    expect(await search(t, 'P1234567')).toEqual([person.id]);
    // The old passport scanned again opens the same person; nothing new is created.
    const again = await t.ok('persons.register', { fields: personFields(), today: TODAY });
    expect(again).toMatchObject({ status: 'existing', person: { id: person.id, passportNo: 'P1234567' } });
    const personHistory = await t.ok('history.forRecord', { entity: 'person', recordId: person.id });
    expect(personHistory.at(-1)?.after).toMatchObject({ passport_no: 'P1234567', phone: '+855 12 345 678' });
    const oldHistory = await t.ok('history.forRecord', { entity: 'passport', recordId: person.id });
    expect(oldHistory.map((h) => h.op)).toEqual(['insert', 'update']);
    expect(oldHistory[1]?.after).toEqual({ status: 'previous', replaced_on: TODAY });
  });

  it('refuses the same number, a former number, a number of someone else and a bad expiry, changing nothing', async () => {
    const t = await registerBackend();
    const { person } = await t.ok('persons.register', { fields: personFields(), today: TODAY });
    await t.ok('persons.register', { fields: personFields({ surname: 'Larsson', passportNo: 'X7777777' }), today: TODAY });
    const add = (passportNo: string, passportExpiry = '2036-01-31') =>
      t.call('passports.add', { personId: person.id, passport: { passportNo, issuingState: 'SWE', passportExpiry }, today: TODAY });
    expect(await add('L898902C3')).toMatchObject({ ok: false, error: { code: 'persons.passport.sameNumber' } });
    expect(await add('X7777777')).toMatchObject({ ok: false, error: { code: 'registration.person.identityTaken' } });
    expect(await add('P1234567', '1970-01-01')).toMatchObject({ ok: false, error: { code: 'registration.person.invalid' } });
    await t.ok('passports.add', { personId: person.id, passport: { passportNo: 'P1234567', issuingState: 'SWE', passportExpiry: '2036-01-31' }, today: TODAY });
    expect(await add('L898902C3')).toMatchObject({ ok: false, error: { code: 'persons.passport.former' } });
    expect((await t.ok('passports.list', { personId: person.id })).length).toBe(2);
  });

  it('carries a correction of the current passport (persons.update) to its record, with history', async () => {
    const t = await registerBackend();
    const { person } = await t.ok('persons.register', { fields: personFields(), today: TODAY });
    const updated = await t.ok('persons.update', { id: person.id, patch: { passportNo: 'L898902C4', passportExpiry: '2030-05-15', nameKm: 'អាណា', note: 'corrected' }, today: TODAY });
    expect(updated).toMatchObject({ passportNo: 'L898902C4', passportExpiry: '2030-05-15', nameKm: 'អាណា', note: 'corrected', revision: 2 });
    expect(await t.ok('passports.list', { personId: person.id })).toEqual([expect.objectContaining({ passportNo: 'L898902C4', expiry: '2030-05-15', current: true })]);
    expect(await search(t, 'L898902C4')).toEqual([person.id]);
    const history = await t.ok('history.forRecord', { entity: 'person', recordId: person.id });
    expect(history.at(-1)?.before).toMatchObject({ passport_no: 'L898902C3', name_km: '', note: '' });
  });

  it('migration 41 gives every existing person its passport record, with the person id and origin', () => {
    const db = new Database(':memory:');
    for (const m of migrations.filter((x) => x.version < 41)) m.up(db);
    db.prepare(`INSERT INTO person (id, surname, sex, birth_date, nationality, passport_no, issuing_state, passport_issued, passport_expiry, source,
      name_key, passport_key, created_at, origin_office, revision) VALUES ('p1', 'LI', 'M', '1988-03-14', 'CHN', 'E1', 'CHN', NULL, '2031-06-30', 'manual',
      'LI', 'E1', '2026-01-01T00:00:00Z', 'office-a', 3)`).run();
    migrations.find((x) => x.version === 41)!.up(db);
    expect(db.prepare('SELECT * FROM passport').all()).toEqual([{
      id: 'p1', person_id: 'p1', passport_no: 'E1', issuing_state: 'CHN', issued_on: null, expires_on: '2031-06-30', status: 'current',
      replaced_on: null, created_at: '2026-01-01T00:00:00Z', origin_office: 'office-a', revision: 1,
    }]);
    db.close();
  });
});

describe('persons: a passport scanned again', () => {
  it('names the differences of the same passport, a former passport, and a new passport of the same person', async () => {
    const t = await registerBackend();
    const { person } = await t.ok('persons.register', { fields: personFields({ visaNo: '', visaExpiry: null, visaType: null }), today: TODAY });
    const same = await t.ok('persons.compareScan', { fields: { ...personFields({ passportExpiry: '2030-04-16' }), phone: '012 345 678', visaNo: 'V2' }, today: TODAY });
    expect(same.matches).toHaveLength(1);
    expect(same.matches[0]).toMatchObject({ kind: 'same_passport', person: { id: person.id } });
    expect(same.matches[0]?.differences).toEqual(expect.arrayContaining([
      { field: 'passportExpiry', registered: '2030-04-15', scanned: '2030-04-16' },
      { field: 'phone', registered: '', scanned: '012 345 678' },
      { field: 'visaNo', registered: '', scanned: 'V2' },
      { field: 'visaType', registered: null, scanned: 'EB' },
    ]));
    expect(same.matches[0]?.differences.map((d) => d.field)).not.toContain('surname');

    const renewed = await t.ok('persons.compareScan', { fields: personFields({ passportNo: 'P1234567', passportExpiry: '2036-01-31' }), today: TODAY });
    expect(renewed.matches[0]).toMatchObject({ kind: 'new_passport', person: { id: person.id } });
    expect(renewed.matches[0]?.differences).toContainEqual({ field: 'passportNo', registered: 'L898902C3', scanned: 'P1234567' });
    const other = await t.ok('persons.compareScan', { fields: personFields({ passportNo: 'P1234567', birthDate: '1975-01-01' }), today: TODAY });
    expect(other.matches).toEqual([]);

    await t.ok('passports.add', { personId: person.id, passport: { passportNo: 'P1234567', issuingState: 'SWE', passportExpiry: '2036-01-31' }, today: TODAY });
    const old = await t.ok('persons.compareScan', { fields: personFields(), today: TODAY });
    expect(old.matches[0]).toMatchObject({ kind: 'former_passport', person: { id: person.id, passportNo: 'P1234567' } });
    expect(old.matches[0]?.differences.map((d) => d.field)).not.toContain('passportNo');
  });
});

describe('persons: merged-away records', () => {
  it('are read-only, hidden from search and lists, and lead to the record they were merged into', async () => {
    const t = await registerBackend();
    const hotel = await premises(t);
    const keep = (await t.ok('persons.register', { fields: personFields(), today: TODAY })).person;
    const merged = (await t.ok('persons.register', { fields: personFields({ passportNo: 'L8989O2C3' }), today: TODAY })).person;
    expect((await search(t, 'eriksson')).sort()).toEqual([keep.id, merged.id].sort());
    await t.ok('duplicates.merge', { keepId: keep.id, mergeId: merged.id, take: {} });
    expect(await search(t, 'eriksson')).toEqual([keep.id]);
    // The merged record's own passport number finds the survivor.
    expect(await search(t, 'L8989O2C3')).toEqual([keep.id]);
    expect((await t.ok('persons.list', {})).items.map((p) => p.id)).toEqual([keep.id]);
    const update = await t.call('persons.update', { id: merged.id, patch: { phone: '1' } });
    expect(update).toMatchObject({ ok: false, error: { code: 'persons.merged', params: { name: 'ERIKSSON ANNA MARIA', into: 'ERIKSSON ANNA MARIA' } } });
    expect(await t.call('passports.add', { personId: merged.id, passport: { passportNo: 'Q1', issuingState: 'SWE', passportExpiry: '2036-01-31' } }))
      .toMatchObject({ ok: false, error: { code: 'persons.merged' } });
    expect((await t.call('stays.arrive', { personId: merged.id, premisesId: hotel.id, arrivedAt: TODAY })).ok).toBe(false);
    const scan = await t.ok('persons.compareScan', { fields: personFields({ passportNo: 'L8989O2C3' }), today: TODAY });
    expect(scan.matches[0]).toMatchObject({ kind: 'former_passport', person: { id: keep.id } });
  });
});
