import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALERT_KINDS, alertsFor, listAlerts } from '../../../../electron/db/alerts.js';
import { COMMUNE, personFields, premises, registerBackend } from './fixtures.js';

const TODAY = '2026-03-01';

/** The report time is the backend's clock: set it to when each stay is recorded. */
const reportAt = (iso: string) => { vi.useFakeTimers({ toFake: ['Date'] }); vi.setSystemTime(new Date(iso)); };
afterEach(() => vi.useRealTimers());

describe('alerts at a fixed date', () => {
  it('flags expired and expiring documents, work without permit, late reports and unsigned pledges; diplomats exempt', async () => {
    const t = await registerBackend();
    const place = await premises(t);
    const employer = await t.ok('employers.create', { nameLatin: 'Star Casino', communeCode: COMMUNE, workforceTotal: 50, cambodianCount: 45 });
    const reg = async (passportNo: string, extra: Parameters<typeof personFields>[0] = {}) => {
      const person = (await t.ok('persons.register', { fields: personFields({ passportNo, surname: `P${passportNo}`, ...extra }), today: TODAY })).person;
      reportAt('2026-02-01T12:00:00Z');
      await t.ok('stays.arrive', { personId: person.id, premisesId: place.id, arrivedAt: '2026-02-01T08:00:00Z' });
      return person;
    };
    const expired = await reg('A1000001', { passportExpiry: '2026-02-28' });
    const expiring = await reg('A1000002', { passportExpiry: '2026-03-31', visaExpiry: '2026-03-10' });
    const worker = await reg('A1000003');
    await t.ok('employment.record', { personId: worker.id, employerId: employer.id, startDate: '2026-02-01', workStatus: 'valid_permit', workPermitExpiry: '2026-02-15' });
    const diplomat = await reg('A1000004', { diplomatic: true, passportExpiry: '2026-01-01' });
    const late = (await t.ok('persons.register', { fields: personFields({ passportNo: 'A1000005', surname: 'Late' }), today: TODAY })).person;
    reportAt('2026-02-03T10:00:00Z');
    await t.ok('stays.arrive', { personId: late.id, premisesId: place.id, arrivedAt: '2026-02-01' });
    const alerts = await t.ok('alerts.list', { today: TODAY, limit: 100 });
    const kinds = (id: string) => alerts.items.filter((a) => a.personId === id || a.recordId === id).map((a) => a.kind).sort();
    expect(kinds(expired.id)).toEqual(['passport_expired']);
    expect(kinds(expiring.id)).toEqual(['passport_expiring', 'visa_expiring']);
    expect(alerts.items.find((a) => a.personId === expiring.id && a.kind === 'passport_expiring')?.days).toBe(30);
    expect(kinds(worker.id)).toEqual(['work_without_permit']);
    expect(kinds(diplomat.id)).toEqual(['diplomat_exempt']);
    expect(kinds(late.id)).toEqual(['late_report']);
    expect(kinds(place.id)).toEqual(['no_signed_pledge']);
    expect(alerts.counts).toMatchObject({ passport_expired: 1, passport_expiring: 1, visa_expiring: 1, work_without_permit: 1, late_report: 1, no_signed_pledge: 1, diplomat_exempt: 1 });
    // One record's alerts, and paging through the home list.
    expect((await t.ok('persons.get', { id: expiring.id, today: TODAY })).alerts.map((a) => a.kind).sort()).toEqual(['passport_expiring', 'visa_expiring']);
    const first = await t.ok('alerts.list', { today: TODAY, limit: 3 });
    const second = await t.ok('alerts.list', { today: TODAY, limit: 10, cursor: first.nextCursor });
    expect([...first.items, ...second.items]).toEqual(alerts.items);
    // A month earlier nothing had expired yet.
    expect((await t.ok('alerts.list', { today: '2026-01-15', kinds: ['passport_expired'] })).items).toEqual([]);
    const filtered = await t.ok('persons.list', { alert: 'passport_expired', today: TODAY });
    expect(filtered.items.map((p) => p.id)).toEqual([expired.id]);
    // A signed pledge (set by printing through the write path) clears the premises alert.
    t.db.prepare("UPDATE premises SET pledge_status = 'signed' WHERE id = ?").run(place.id);
    expect((await t.ok('alerts.list', { today: TODAY, kinds: ['no_signed_pledge'] })).items).toEqual([]);
  });

  it("gives one record's alerts in one statement exactly as the paged list gives them, for every person, premises and employer", async () => {
    const t = await registerBackend();
    await t.ok('registration.demo', { persons: 400, today: TODAY, jobId: '00000000-0000-4000-8000-0000000000a1' });
    let withAlerts = 0;
    for (const [scopeKey, table] of [['personId', 'person'], ['premisesId', 'premises'], ['employerId', 'employer']] as const) {
      for (const id of t.db.prepare(`SELECT id FROM ${table}`).pluck().all() as string[]) {
        const paged = listAlerts(t.db, { today: TODAY, kinds: ALERT_KINDS, scope: { [scopeKey]: id }, after: null, limit: 500 }).map(({ cursor: _cursor, ...alert }) => alert);
        const one = alertsFor(t.db, TODAY, { [scopeKey]: id });
        expect(one).toEqual(paged);
        if (one.length > 0) withAlerts += 1;
      }
    }
    // The demo data has records with alerts of every kind the comparison needs to mean something.
    expect(withAlerts).toBeGreaterThan(50);
  });
});
