import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMUNE, personFields, premises, registerBackend, TODAY } from './fixtures.js';

/** The report time is the backend's clock: set it to when each stay is recorded. */
const reportAt = (iso: string) => { vi.useFakeTimers({ toFake: ['Date'] }); vi.setSystemTime(new Date(iso)); };
afterEach(() => vi.useRealTimers());

describe('premises, owners, stays, employment', () => {
  it('creates, edits and closes premises, with the address from the gazetteer and every change logged', async () => {
    const t = await registerBackend();
    const place = await premises(t);
    expect(place).toMatchObject({ status: 'open', pledgeStatus: 'none', provinceCode: '12', districtCode: '1201', placeLatin: 'Tonle Basak, Chamkar Mon, Phnom Penh' });
    const edited = await t.ok('premises.update', { id: place.id, patch: { rooms: 40, nameLatin: 'Golden Lotus Boutique Hotel' } });
    expect(edited).toMatchObject({ rooms: 40, revision: 2 });
    const closed = await t.ok('premises.close', { id: place.id, status: 'temporarily_closed', date: TODAY, reason: 'inspection' });
    expect(closed).toMatchObject({ status: 'temporarily_closed', closedOn: TODAY, closeReason: 'inspection' });
    const history = await t.ok('history.forRecord', { entity: 'premises', recordId: place.id });
    expect(history.map((h) => h.op)).toEqual(['insert', 'update', 'update']);
    expect(history[1]?.before).toEqual({ name_latin: 'Golden Lotus Hotel', rooms: null });
    expect(await t.call('premises.create', { nameLatin: 'X', type: 'hotel', communeCode: '999999' })).toMatchObject({ ok: false, error: { code: 'registration.unknownCommune' } });
    const list = await t.ok('premises.list', { unitCode: '1201', type: 'hotel' });
    expect(list.items.map((p) => p.id)).toEqual([place.id]);
  });

  it('links owners (Cambodian or foreign) to several premises', async () => {
    const t = await registerBackend();
    const a = await premises(t, 'Sokha Rooms');
    const b = await premises(t, 'Mekong Apartment');
    const owner = await t.ok('owners.create', { surname: 'Sok', givenNames: 'Dara', sex: 'M', nationality: 'KHM', idKind: 'khmer_id', idNumber: '010203040', premisesId: a.id, role: 'owner' });
    await t.ok('owners.link', { ownerId: owner.id, premisesId: b.id, role: 'manager' });
    expect((await t.ok('owners.get', { id: owner.id })).premises.map((l) => [l.premisesName, l.role])).toEqual([['Sokha Rooms', 'owner'], ['Mekong Apartment', 'manager']]);
    expect((await t.call('owners.link', { ownerId: owner.id, premisesId: b.id, role: 'manager' })).ok).toBe(false);
    const page = await t.ok('premises.get', { id: b.id, today: TODAY });
    expect(page.owners).toHaveLength(1);
    await t.ok('owners.unlink', { linkId: page.owners[0]!.linkId });
    expect((await t.ok('premises.get', { id: b.id, today: TODAY })).owners).toEqual([]);
  });

  it('records arrival, move and departure; the 24-hour rule marks late reports', async () => {
    const t = await registerBackend();
    const a = await premises(t, 'Sokha Rooms');
    const b = await premises(t, 'Mekong Apartment');
    const person = (await t.ok('persons.register', { fields: personFields(), today: TODAY })).person;
    reportAt('2026-02-02T09:00:00Z');
    const stay = await t.ok('stays.arrive', { personId: person.id, premisesId: a.id, room: '7', arrivedAt: '2026-02-01T08:00:00Z' });
    expect(stay.reportedAt).toBe('2026-02-02T16:00:00+07:00');
    expect(stay.late).toBe(true);
    expect(await t.call('stays.arrive', { personId: person.id, premisesId: b.id, arrivedAt: '2026-02-05' })).toMatchObject({ ok: false, error: { code: 'registration.stay.alreadyStaying' } });
    reportAt('2026-02-10T20:00:00Z');
    const moved = await t.ok('stays.move', { personId: person.id, toPremisesId: b.id, room: '3A', arrivedAt: '2026-02-10T12:00:00Z' });
    expect(moved.ended.departedOn).toBe('2026-02-10');
    expect(moved.started).toMatchObject({ premisesName: 'Mekong Apartment', late: false });
    reportAt('2026-02-21T00:00:00Z');
    const gone = await t.ok('stays.depart', { stayId: moved.started.id, departedAt: '2026-02-20T10:00' });
    expect(gone.departedAt).toBe('2026-02-20T10:00:00+07:00');
    expect(gone.departedOn).toBe('2026-02-20');
    const page = await t.ok('premises.get', { id: a.id, today: TODAY });
    expect(page.staysNow).toEqual([]);
    expect(page.staysBefore.map((s) => s.personName)).toEqual(['ERIKSSON ANNA MARIA']);
    expect((await t.ok('persons.list', { status: 'departed' })).items.map((p) => p.id)).toEqual([person.id]);
  });

  it('records employment and shows the employer\'s foreign share against the 10% cap', async () => {
    const t = await registerBackend();
    const employer = await t.ok('employers.create', { nameLatin: 'Angkor Build Co., Ltd.', sector: 'construction', communeCode: COMMUNE, workforceTotal: 100, cambodianCount: 95 });
    expect(employer).toMatchObject({ declaredForeign: 5, foreignShare: 0.05, overCap: false, cap: 0.1 });
    const person = (await t.ok('persons.register', { fields: personFields(), today: TODAY })).person;
    const job = await t.ok('employment.record', { personId: person.id, employerId: employer.id, jobTitle: 'Engineer', startDate: '2026-01-15', workStatus: 'valid_permit', workPermitNo: 'WP1', workPermitExpiry: '2026-12-31' });
    expect(job).toMatchObject({ employerName: 'Angkor Build Co., Ltd.', personName: 'ERIKSSON ANNA MARIA', endDate: null });
    const over = await t.ok('employers.update', { id: employer.id, patch: { cambodianCount: 85 } });
    expect(over).toMatchObject({ declaredForeign: 15, overCap: true, registeredForeign: 1 });
    expect(await t.call('employers.update', { id: employer.id, patch: { cambodianCount: 101 } })).toMatchObject({ ok: false, error: { code: 'registration.employer.badWorkforce' } });
    const ended = await t.ok('employment.end', { id: job.id, endDate: '2026-02-28' });
    expect(ended.endDate).toBe('2026-02-28');
    expect((await t.ok('employers.list', { overCap: true })).items.map((e) => e.id)).toEqual([employer.id]);
  });
});
