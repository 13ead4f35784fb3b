import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTd3 } from '../../../../shared/mrz.js';
import { personFields, premises, registerBackend } from './fixtures.js';

/** The backend's clock: 00:30 in Phnom Penh (the UTC date is still the day before). */
const NOW = '2026-03-02T00:31:00+07:00';
const setNow = (iso: string) => vi.setSystemTime(new Date(iso));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  setNow(NOW);
});
afterEach(() => vi.useRealTimers());

const fields = personFields();
const mrz = buildTd3({ documentCode: 'P', issuingState: 'SWE', surname: fields.surname, givenNames: fields.givenNames ?? '', documentNumber: fields.passportNo, nationality: 'SWE', birthDate: fields.birthDate, sex: 'F', expiryDate: fields.passportExpiry });

async function setUp() {
  const t = await registerBackend();
  return { t, hotel: await premises(t), flats: await premises(t, 'Mekong Apartment', 'ផ្ទះល្វែងមេគង្គ') };
}

describe('stays: check-in in one step', () => {
  it('registers the guest and records the stay together; the report time is the clock', async () => {
    const { t, hotel } = await setUp();
    const r = await t.ok('stays.checkIn', { premisesId: hotel.id, room: '12', arrivedAt: '2026-03-01T20:00', fields, mrz });
    expect(r.personStatus).toBe('created');
    expect(r.stay).toMatchObject({ personId: r.person.id, premisesId: hotel.id, room: '12', arrivedAt: '2026-03-01T20:00:00+07:00', reportedAt: NOW, late: false, departedAt: null });
    expect(r.ended).toBeNull();
  });

  it('finds a registered guest, moves them from where they stayed, and refuses a second check-in at the same place', async () => {
    const { t, hotel, flats } = await setUp();
    const first = await t.ok('stays.checkIn', { premisesId: hotel.id, arrivedAt: '2026-03-01T10:00', fields, mrz });
    const again = await t.call('stays.checkIn', { premisesId: hotel.id, arrivedAt: '2026-03-01T22:00', fields, mrz });
    expect(again).toMatchObject({ ok: false, error: { code: 'stays.checkInAlreadyHere' } });
    const moved = await t.ok('stays.checkIn', { premisesId: flats.id, room: '3A', arrivedAt: '2026-03-01T22:00', fields: { ...fields, passportNo: 'l898 902c3' }, mrz });
    expect(moved.personStatus).toBe('existing');
    expect(moved.person.id).toBe(first.person.id);
    expect(moved.ended).toMatchObject({ id: first.stay.id, departedAt: '2026-03-01T22:00:00+07:00', departedOn: '2026-03-01' });
  });

  it('changes nothing when the MRZ is wrong or the arrival is in the future', async () => {
    const { t, hotel } = await setUp();
    const badMrz = await t.call('stays.checkIn', { premisesId: hotel.id, arrivedAt: '2026-03-01T10:00', fields, mrz: { line1: mrz.line1, line2: mrz.line2.replace(/.$/, '0') } });
    expect(badMrz.ok).toBe(false);
    const future = await t.call('stays.checkIn', { premisesId: hotel.id, arrivedAt: '2026-03-02T00:45', fields, mrz });
    expect(future).toMatchObject({ ok: false, error: { code: 'stays.futureArrival', params: { value: '2026-03-02 00:45', now: '2026-03-02 00:31' } } });
    expect((await t.ok('persons.list', {})).items).toEqual([]);
  });
});

describe('stays: the 24-hour rule', () => {
  it('is late at 24 hours and 1 minute, not at 24 hours', async () => {
    const { t, hotel } = await setUp();
    const onTime = (await t.ok('persons.register', { fields })).person;
    const lateOne = (await t.ok('persons.register', { fields: personFields({ passportNo: 'X7654321', surname: 'Late' }) })).person;
    expect((await t.ok('stays.arrive', { personId: onTime.id, premisesId: hotel.id, arrivedAt: '2026-03-01T00:31' })).late).toBe(false);
    const late = await t.ok('stays.arrive', { personId: lateOne.id, premisesId: hotel.id, arrivedAt: '2026-03-01T00:30' });
    expect(late.late).toBe(true);
    const alerts = await t.ok('alerts.list', { kinds: ['late_report'] });
    expect(alerts.items.map((a) => a.personId)).toEqual([lateOne.id]);
  });
});

describe('stays: departure, undo, correction, deletion', () => {
  it('departs at a chosen time, refuses one before arrival or in the future, and undoes a departure', async () => {
    const { t, hotel, flats } = await setUp();
    const { stay, person } = await t.ok('stays.checkIn', { premisesId: hotel.id, arrivedAt: '2026-03-01T10:00', fields, mrz });
    expect(await t.call('stays.depart', { stayId: stay.id, departedAt: '2026-03-01T09:59' })).toMatchObject({ ok: false, error: { code: 'stays.beforeArrivalDeparture' } });
    expect(await t.call('stays.depart', { stayId: stay.id, departedAt: '2026-03-02T08:00' })).toMatchObject({ ok: false, error: { code: 'stays.futureDeparture' } });
    const gone = await t.ok('stays.depart', { stayId: stay.id, departedAt: '2026-03-01T23:15' });
    expect(gone).toMatchObject({ departedOn: '2026-03-01', departedAt: '2026-03-01T23:15:00+07:00' });
    expect(await t.call('stays.depart', { stayId: stay.id, departedAt: '2026-03-01T23:20' })).toMatchObject({ ok: false, error: { code: 'registration.stay.alreadyDeparted' } });
    const back = await t.ok('stays.undoDeparture', { stayId: stay.id, reason: 'Recorded the wrong guest' });
    expect(back).toMatchObject({ departedOn: null, departedAt: null, changeReason: 'Recorded the wrong guest' });
    expect((await t.ok('premises.get', { id: hotel.id })).staysNow.map((s) => s.id)).toEqual([stay.id]);
    // Undoing is refused while the person stays somewhere else.
    await t.ok('stays.move', { personId: person.id, toPremisesId: flats.id, arrivedAt: '2026-03-01T23:30' });
    expect(await t.call('stays.undoDeparture', { stayId: stay.id, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'stays.undoStayingElsewhere' } });
  });

  it('corrects times and room with a reason kept in the history, recomputing lateness', async () => {
    const { t, hotel } = await setUp();
    const { stay } = await t.ok('stays.checkIn', { premisesId: hotel.id, room: '12', arrivedAt: '2026-03-01T10:00', fields, mrz });
    expect(await t.call('stays.correct', { stayId: stay.id, room: '21', reason: '' })).toMatchObject({ ok: false });
    expect(await t.call('stays.correct', { stayId: stay.id, room: '12', reason: 'same' })).toMatchObject({ ok: false, error: { code: 'stays.correctNothing' } });
    expect(await t.call('stays.correct', { stayId: stay.id, reportedAt: '2026-03-01T09:00', reason: 'typo' })).toMatchObject({ ok: false, error: { code: 'stays.beforeArrivalReport' } });
    const fixed = await t.ok('stays.correct', { stayId: stay.id, room: '21', arrivedAt: '2026-02-27T08:00', reason: 'Guest card showed 27 February' });
    expect(fixed).toMatchObject({ room: '21', arrivedAt: '2026-02-27T08:00:00+07:00', late: true, changeReason: 'Guest card showed 27 February' });
    const history = await t.ok('history.forRecord', { entity: 'stay', recordId: stay.id });
    expect(history.at(-1)).toMatchObject({ op: 'update', after: { room: '21', arrived_at: '2026-02-27T08:00:00+07:00', late: 1, change_reason: 'Guest card showed 27 February' } });
  });

  it('deletes a stay entered by mistake, with the reason and the values in the history', async () => {
    const { t, hotel } = await setUp();
    const { stay, person } = await t.ok('stays.checkIn', { premisesId: hotel.id, arrivedAt: '2026-03-01T10:00', fields, mrz });
    expect(await t.call('stays.delete', { stayId: stay.id, reason: '  ' })).toMatchObject({ ok: false });
    await t.ok('stays.delete', { stayId: stay.id, reason: 'Wrong premises chosen' });
    expect((await t.ok('persons.get', { id: person.id })).stays).toEqual([]);
    const history = await t.ok('history.forRecord', { entity: 'stay', recordId: stay.id });
    expect(history.map((h) => h.op)).toEqual(['insert', 'update', 'delete']);
    expect(history[1]!.after).toEqual({ change_reason: 'Wrong premises chosen' });
    expect(history[2]!.before).toMatchObject({ premises_id: hotel.id, change_reason: 'Wrong premises chosen' });
  });
});

describe('closing a premises with people staying', () => {
  it('asks what happens to them, then departs all or moves all; no one is left staying', async () => {
    const { t, hotel, flats } = await setUp();
    const a = await t.ok('stays.checkIn', { premisesId: hotel.id, room: '1', arrivedAt: '2026-03-01T10:00', fields, mrz });
    const b = await t.ok('stays.checkIn', { premisesId: hotel.id, room: '2', arrivedAt: '2026-03-01T11:00', fields: personFields({ passportNo: 'X7654321', surname: 'Other' }) });
    const close = { id: hotel.id, status: 'temporarily_closed' as const, date: '2026-03-01', reason: 'Inspection' };
    expect(await t.call('premises.close', close)).toMatchObject({ ok: false, error: { code: 'stays.closeGuestsStaying', params: { count: 2 } } });
    expect(await t.call('premises.close', { ...close, guests: { action: 'move', at: '2026-03-01T18:00', toPremisesId: hotel.id } })).toMatchObject({ ok: false, error: { code: 'stays.closeSameTarget' } });
    expect(await t.call('premises.close', { ...close, guests: { action: 'depart', at: '2026-03-01T10:30' } })).toMatchObject({ ok: false, error: { code: 'stays.beforeArrivalDeparture' } });
    expect((await t.ok('premises.get', { id: hotel.id })).premises.status).toBe('open');
    await t.ok('premises.close', { ...close, guests: { action: 'move', at: '2026-03-01T18:00', toPremisesId: flats.id } });
    const there = await t.ok('premises.get', { id: flats.id });
    expect(there.staysNow.map((s) => [s.personId, s.room, s.arrivedAt]).sort()).toEqual([
      [a.person.id, '1', '2026-03-01T18:00:00+07:00'], [b.person.id, '2', '2026-03-01T18:00:00+07:00'],
    ].sort());
    expect((await t.ok('premises.get', { id: hotel.id })).staysNow).toEqual([]);
    await t.ok('premises.close', { id: flats.id, status: 'permanently_closed', date: '2026-03-02', reason: 'Demolished', guests: { action: 'depart', at: '2026-03-02T00:00' } });
    const after = await t.ok('premises.get', { id: flats.id });
    expect(after.staysNow).toEqual([]);
    expect(after.staysBefore.every((s) => s.departedAt === '2026-03-02T00:00:00+07:00')).toBe(true);
  });
});

describe('stay refusals people can read', () => {
  it('has a message in English and Khmer for every stays error the backend throws', async () => {
    const { readFileSync } = await import('node:fs');
    const { resources } = await import('../../../../shared/i18n/resources.js');
    const source = ['stays.ts', 'premises.ts'].map((f) => readFileSync(new URL(`../../../../electron/services/registration/${f}`, import.meta.url), 'utf8')).join('\n');
    const codes = new Set<string>();
    for (const m of source.matchAll(/AppError\([`']stays\.(\w+)(\$\{cap\(kind\)\})?/g)) {
      if (m[2]) for (const kind of m[1] === 'beforeArrival' ? ['Departure', 'Report'] : ['Arrival', 'Departure', 'Report']) codes.add(m[1]! + kind);
      else codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(10);
    for (const lang of ['en', 'km'] as const) {
      const messages = (resources[lang].translation as unknown as { errors: { stays: Record<string, string> } }).errors.stays;
      for (const code of codes) expect(messages[code], `${lang}: errors.stays.${code}`).toEqual(expect.any(String));
    }
  });
});
