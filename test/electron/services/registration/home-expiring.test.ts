import { afterEach, describe, expect, it, vi } from 'vitest';
import { listAlerts } from '../../../../electron/db/alerts.js';
import { personFields, premises, registerBackend } from './fixtures.js';

const TODAY = '2026-03-01';
const reportAt = (iso: string) => { vi.useFakeTimers({ toFake: ['Date'] }); vi.setSystemTime(new Date(iso)); };
afterEach(() => vi.useRealTimers());

type Backend = Awaited<ReturnType<typeof registerBackend>>;

/** Home's two numbers and the list behind the figure, for one day. */
async function homeNumbers(t: Backend, today: string) {
  const alerts = await t.ok('alerts.list', { today, limit: 1 });
  const board = await t.ok('reports.dashboard', { today });
  const records = await t.ok('reports.records', { figure: 'documentsExpiring', today, limit: 1 });
  // The alert kinds the group is made of, every page: the foreigners they name, each once.
  const named = new Set(listAlerts(t.db, { today, kinds: ['passport_expiring', 'visa_expiring'], scope: {}, after: null, limit: 100_000 }).map((a) => a.personId));
  return { alerts: alerts.expiringPeople, figure: board.total.documentsExpiring, records: records.total, named: named.size };
}

describe("Home's expiring documents: the alerts group and the office's figure count the same foreigners", () => {
  it('counts each foreigner staying or working now once, passport or visa within 30 days; not expired, departed, diplomats', async () => {
    const t = await registerBackend();
    const place = await premises(t);
    const employer = await t.ok('employers.create', { nameLatin: 'Star Casino', communeCode: '120101', workforceTotal: 50, cambodianCount: 45 });
    const reg = async (passportNo: string, extra: Parameters<typeof personFields>[0] = {}, stay = true) => {
      const person = (await t.ok('persons.register', { fields: personFields({ passportNo, surname: `P${passportNo}`, ...extra }), today: TODAY })).person;
      reportAt('2026-02-01T12:00:00Z');
      if (stay) await t.ok('stays.arrive', { personId: person.id, premisesId: place.id, arrivedAt: '2026-02-01T08:00:00Z' });
      return person;
    };
    await reg('A2000001', { passportExpiry: '2026-03-31', visaExpiry: '2026-03-10' }); // both documents: one foreigner
    await reg('A2000002', { visaExpiry: '2026-03-01' }); // expires today: still counted
    await reg('A2000003', { passportExpiry: '2026-02-28' }); // expired: another group
    await reg('A2000004', { visaExpiry: '2026-04-01' }); // 31 days: not yet
    await reg('A2000005', { diplomatic: true, visaExpiry: '2026-03-05' });
    const gone = await reg('A2000006', { visaExpiry: '2026-03-05' });
    const stay = (await t.ok('persons.get', { id: gone.id, today: TODAY })).stays[0]!;
    reportAt('2026-02-25T12:00:00Z');
    await t.ok('stays.depart', { stayId: stay.id, departedAt: '2026-02-20T10:00:00Z' });
    // Working here, staying nowhere registered: present all the same.
    const worker = await reg('A2000007', { visaExpiry: '2026-03-20' }, false);
    await t.ok('employment.record', { personId: worker.id, employerId: employer.id, startDate: '2026-02-01', workStatus: 'valid_permit', workPermitExpiry: '2027-02-15' });
    await reg('A2000008', { visaExpiry: '2026-03-15' }, false); // neither staying nor working

    const alerts = await t.ok('alerts.list', { today: TODAY, limit: 100 });
    expect(alerts.counts).toMatchObject({ passport_expiring: 1, visa_expiring: 3 });
    expect(await homeNumbers(t, TODAY)).toEqual({ alerts: 3, figure: 3, records: 3, named: 3 });
    // One record's alerts, or kinds without the expiring ones, carry no office figure.
    expect((await t.ok('alerts.list', { today: TODAY, recordId: worker.id, limit: 10 })).expiringPeople).toBeNull();
    expect((await t.ok('alerts.list', { today: TODAY, kinds: ['late_report'], limit: 10 })).expiringPeople).toBeNull();
    // The list behind the figure: the worker at the employer's commune.
    const listed = await t.ok('reports.records', { figure: 'documentsExpiring', today: TODAY, limit: 10 });
    expect(listed.items.find((r) => r.id === worker.id)).toMatchObject({ communeCode: '120101', visaExpiry: '2026-03-20' });
  });

  it('agree on a generated register on several days', async () => {
    const t = await registerBackend();
    await t.ok('registration.demo', { persons: 300, today: TODAY, jobId: '00000000-0000-4000-8000-0000000000b2' });
    for (const day of ['2026-02-01', TODAY, '2026-06-30', '2027-01-15']) {
      const numbers = await homeNumbers(t, day);
      expect(numbers, day).toEqual({ alerts: numbers.named, figure: numbers.named, records: numbers.named, named: numbers.named });
    }
    expect((await homeNumbers(t, '2026-06-30')).named).toBeGreaterThan(0);
  });
});
