import { describe, expect, it } from 'vitest';
import { buildTd3 } from '../../../../shared/mrz.js';
import { personFields, premises, registerBackend, TODAY } from './fixtures.js';

describe('persons: identity', () => {
  it('registers a person with MRZ-form names, and opens the existing one for the same key', async () => {
    const t = await registerBackend();
    const first = await t.ok('persons.register', { fields: personFields({ surname: 'Eriksson-Öberg' }), today: TODAY });
    expect(first.status).toBe('created');
    expect(first.person).toMatchObject({ surname: 'ERIKSSON OBERG', givenNames: 'ANNA MARIA', passportNo: 'L898902C3', revision: 1 });
    const again = await t.ok('persons.register', { fields: personFields({ passportNo: 'l898 902c3', givenNames: 'Anna' }), today: TODAY });
    expect(again).toMatchObject({ status: 'existing', person: { id: first.person.id, givenNames: 'ANNA MARIA' } });
    const history = await t.ok('history.forRecord', { entity: 'person', recordId: first.person.id });
    expect(history).toHaveLength(1);
  });

  it('rejects bad fields, listing each problem', async () => {
    const t = await registerBackend();
    const result = await t.call('persons.register', {
      fields: personFields({ surname: 'វ៉ាង', nationality: 'XYZ', birthDate: '2027-01-01', passportIssued: '2030-05-01', passportExpiry: '2030-04-15' }),
      today: TODAY,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('registration.person.invalid');
    expect(result.error.details?.map((d) => d.code)).toEqual(expect.arrayContaining([
      'registration.person.nameNotLatin', 'registration.person.unknownCode', 'registration.person.birthInFuture', 'registration.person.expiryBeforeIssue',
    ]));
  });

  it('refuses an MRZ registration whose check digits fail, naming the field', async () => {
    const t = await registerBackend();
    const mrz = buildTd3({ issuingState: 'SWE', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', documentNumber: 'L898902C3', nationality: 'SWE', birthDate: '1974-08-12', sex: 'F', expiryDate: '2030-04-15' });
    const bad = { line1: mrz.line1, line2: mrz.line2.replace('L898902C3', 'L8989O2C3') };
    const result = await t.call('persons.register', { fields: personFields(), source: 'mrz', mrz: bad, today: TODAY });
    expect(result).toMatchObject({ ok: false, error: { code: 'registration.person.mrzInvalid' } });
    if (result.ok) return;
    expect(result.error.details).toContainEqual(expect.objectContaining({ code: 'mrz.checkFailed', params: expect.objectContaining({ field: 'documentNumber' }) }));
    expect((await t.call('persons.register', { fields: personFields(), source: 'mrz', mrz, today: TODAY })).ok).toBe(true);
  });

  it('queues possible duplicates: same names and birth date, or passport equal up to O/0 I/1 B/8', async () => {
    const t = await registerBackend();
    const a = await t.ok('persons.register', { fields: personFields(), today: TODAY });
    const newPassport = await t.ok('persons.register', { fields: personFields({ surname: 'ERIKSSON', givenNames: 'Maria Anna', passportNo: 'N1234567' }), today: TODAY });
    expect(newPassport.possibleDuplicates.map((p) => p.id)).toEqual([a.person.id]);
    const typo = await t.ok('persons.register', { fields: personFields({ surname: 'Erikson', passportNo: 'L8989O2C3' }), today: TODAY });
    expect(typo.status).toBe('created');
    expect(typo.possibleDuplicates.map((p) => p.id)).toContain(a.person.id);
    const open = await t.ok('duplicates.list', { status: 'open' });
    expect(open.items.map((r) => r.reason).sort()).toEqual(['same_name_birth', 'similar_passport']);
    const unrelated = await t.ok('persons.register', { fields: personFields({ surname: 'Smith', passportNo: 'X9999999' }), today: TODAY });
    expect(unrelated.possibleDuplicates).toEqual([]);
  });

  it('merges only on request: fields chosen, stays and employment re-pointed, all in the change log', async () => {
    const t = await registerBackend();
    const place = await premises(t);
    const a = (await t.ok('persons.register', { fields: personFields(), today: TODAY })).person;
    const b = (await t.ok('persons.register', { fields: personFields({ passportNo: 'N1234567', passportExpiry: '2035-01-01', phone: '+855 12 345 678' }), today: TODAY })).person;
    await t.ok('stays.arrive', { personId: a.id, premisesId: place.id, room: '101', arrivedAt: '2026-02-01T10:00:00Z' });
    const compare = await t.ok('duplicates.compare', { aId: b.id, bId: a.id });
    expect(compare.fields.find((f) => f.field === 'passportNo')).toMatchObject({ a: 'N1234567', b: 'L898902C3', same: false });
    expect(compare.staysB).toBe(1);
    const keyField = await t.call('duplicates.merge', { keepId: b.id, mergeId: a.id, take: { passportNo: 'merge' } });
    expect(keyField).toMatchObject({ ok: false, error: { code: 'registration.duplicates.keyField' } });
    const merged = await t.ok('duplicates.merge', { keepId: b.id, mergeId: a.id, take: { visaNo: 'merge' } });
    expect(merged).toMatchObject({ movedStays: 1, movedEmployments: 0, person: { id: b.id, phone: '+855 12 345 678' } });
    const gone = await t.ok('persons.get', { id: a.id });
    expect(gone.person.mergedInto).toBe(b.id);
    expect((await t.ok('persons.get', { id: b.id })).stays).toHaveLength(1);
    expect((await t.ok('duplicates.list', { status: 'merged' })).items).toHaveLength(1);
    const again = await t.ok('persons.register', { fields: personFields(), today: TODAY });
    expect(again).toMatchObject({ status: 'existing', person: { id: b.id } });
    const history = await t.ok('history.forRecord', { entity: 'person', recordId: a.id });
    expect(history.at(-1)).toMatchObject({ op: 'update', actor: 'local-operator', after: { merged_into: b.id } });
    const stayId = gone.stays[0]?.id ?? (await t.ok('persons.get', { id: b.id })).stays[0]!.id;
    const stayHistory = await t.ok('history.forRecord', { entity: 'stay', recordId: stayId });
    expect(stayHistory.at(-1)?.after).toEqual({ person_id: b.id });
    expect((await t.call('stays.arrive', { personId: a.id, premisesId: place.id, arrivedAt: TODAY })).ok).toBe(false);
  });

  it('refuses an update that would take another person\'s key; dismisses a review', async () => {
    const t = await registerBackend();
    const a = (await t.ok('persons.register', { fields: personFields(), today: TODAY })).person;
    const b = (await t.ok('persons.register', { fields: personFields({ passportNo: 'L8989O2C3' }), today: TODAY })).person;
    expect(await t.call('persons.update', { id: b.id, patch: { passportNo: 'L898902C3' }, today: TODAY })).toMatchObject({ ok: false, error: { code: 'registration.person.identityTaken' } });
    const [review] = (await t.ok('duplicates.list', { personId: a.id })).items;
    const dismissed = await t.ok('duplicates.dismiss', { reviewId: review!.id, note: 'brothers' });
    expect(dismissed).toMatchObject({ status: 'dismissed', decidedBy: 'local-operator' });
    const updated = await t.ok('persons.update', { id: b.id, patch: { nameKm: 'អាណា' }, today: TODAY });
    expect(updated).toMatchObject({ nameKm: 'អាណា', revision: 2 });
  });
});
