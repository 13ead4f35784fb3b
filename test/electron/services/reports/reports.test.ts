import { describe, expect, it } from 'vitest';
import { REPORTS } from '../../../../shared/reports/index.js';
import { REPORT_QUERIES, defaultFrom } from '../../../../electron/services/reports/index.js';
import { monthsBetween } from '../../../../electron/services/reports/registration.js';
import { personFields, registerBackend } from '../registration/fixtures.js';
import { extractLines } from '../../../helpers/pdf-text.js';

const TODAY = '2026-03-01';
const PP = '120101';
const SR = '170101';

type T = Awaited<ReturnType<typeof registerBackend>>;

async function site(t: T, communeCode: string, type: 'hotel' | 'factory', name: string) {
  return t.ok('premises.create', { nameLatin: name, type, communeCode });
}

let serial = 0;
async function guest(t: T, premisesId: string, nationality: string, arrivedAt: string, visaType: 'EB' | 'T' | null = 'EB') {
  serial++;
  const { person } = await t.ok('persons.register', { fields: personFields({ nationality, issuingState: nationality, passportNo: `X${String(serial).padStart(7, '0')}`, visaType }), today: TODAY });
  const stay = await t.ok('stays.arrive', { personId: person.id, premisesId, arrivedAt });
  return { person, stay };
}

/** Two provinces: a hotel in Phnom Penh with three guests (one left), a factory in Siem Reap with two. */
async function register() {
  const t = await registerBackend();
  const hotel = await site(t, PP, 'hotel', 'Golden Hotel');
  const factory = await site(t, SR, 'factory', 'Mekong Factory');
  const a = await guest(t, hotel.id, 'CHN', '2026-01-10T08:00');
  await guest(t, hotel.id, 'CHN', '2026-02-02T09:00', 'T');
  const c = await guest(t, hotel.id, 'VNM', '2026-02-03T10:00');
  await guest(t, factory.id, 'D', '2026-02-20T07:00', null);
  await guest(t, factory.id, 'DEU', '2026-02-21T07:00');
  await t.ok('stays.depart', { stayId: c.stay.id, departedAt: '2026-02-25T12:00' });
  // The backend stamps the report time with today's clock; these were reported at arrival, one three days late.
  t.db.prepare('UPDATE stay SET reported_at = arrived_at, late = 0').run();
  t.db.prepare("UPDATE stay SET reported_at = '2026-01-13T09:00:00+07:00', late = 1 WHERE id = ?").run(a.stay.id);
  return { t, hotel, factory };
}

const run = async (t: T, name: string, extra: Record<string, string> = {}) => t.ok('reports.run', { name, today: TODAY, ...extra });
const byKey = (rows: { key: string; cells: unknown[] }[]) => Object.fromEntries(rows.map((r) => [r.key, r.cells]));

describe('reports', () => {
  it('every listed report has its query, and every query a definition', async () => {
    expect(Object.keys(REPORT_QUERIES).sort()).toEqual(REPORTS.map((r) => r.name).sort());
    const t = await registerBackend();
    const list = await t.ok('reports.list', {});
    expect(list.map((r) => r.name)).toContain('timeliness');
  });

  it('counts foreigners staying now by nationality, unit, premises type and visa type', async () => {
    const { t } = await register();
    const nat = await run(t, 'foreigners-by-nationality');
    // D and DEU are one state; the VNM guest left.
    expect(byKey(nat.tables[0]!.rows)).toEqual({ CHN: [2, 0.5], DEU: [2, 0.5] });
    expect(nat.tables[0]!.rows.find((r) => r.key === 'DEU')!.label).toEqual({ en: 'Germany', km: expect.stringMatching(/[\u1780-\u17ff]/) });
    expect(nat.tables[0]!.total).toEqual([4, 1]);

    const units = await run(t, 'foreigners-by-unit');
    expect(byKey(units.tables[0]!.rows)).toEqual({ '12': [2, 0.5], '17': [2, 0.5] });
    expect(units.tables[0]!.rows.find((r) => r.key === '12')!.label.en).toBe('Phnom Penh');
    // Inside a province the rows are its districts; nationality narrows them.
    const pp = await run(t, 'foreigners-by-unit', { unit: '12', nationality: 'chn' });
    expect(byKey(pp.tables[0]!.rows)).toEqual({ '1201': [2, 1] });
    expect(pp.unitName?.en).toBe('Phnom Penh');

    expect(byKey((await run(t, 'foreigners-by-premises-type')).tables[0]!.rows)).toEqual({ hotel: [2, 0.5], factory: [2, 0.5] });
    const visas = await run(t, 'foreigners-by-visa-type', { nationality: 'DEU' });
    expect(byKey(visas.tables[0]!.rows)).toEqual({ EB: [1, 0.5], none: [1, 0.5] });
  });

  it('follows a person whose nationality is corrected and a stay that arrived before its person', async () => {
    const { t, hotel } = await register();
    const { person } = await guest(t, hotel.id, 'THA', '2026-02-26T08:00');
    await t.ok('persons.update', { id: person.id, patch: { nationality: 'LAO', issuingState: 'LAO' }, today: TODAY });
    let nat = byKey((await run(t, 'foreigners-by-nationality')).tables[0]!.rows);
    expect(nat.LAO?.[0]).toBe(1);
    expect(nat.THA).toBeUndefined();
    // Sync applies records in any order: a stay whose person is not here yet counts as "not known" until it comes.
    const row = t.db.prepare('SELECT * FROM person WHERE id = ?').get(person.id) as Record<string, unknown>;
    t.db.prepare('DELETE FROM person WHERE id = ?').run(person.id);
    nat = byKey((await run(t, 'foreigners-by-nationality')).tables[0]!.rows);
    expect(nat['']?.[0]).toBe(1);
    const cols = Object.keys(row);
    t.db.prepare(`INSERT INTO person (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...Object.values(row));
    nat = byKey((await run(t, 'foreigners-by-nationality')).tables[0]!.rows);
    expect(nat.LAO?.[0]).toBe(1);
    expect(nat['']).toBeUndefined();
  });

  it('arrivals and departures by month over the period, and 24-hour timeliness by unit and month', async () => {
    const { t } = await register();
    const flows = await run(t, 'arrivals-departures', { from: '2026-01-01', to: '2026-03-01' });
    expect(flows.tables[0]!.rows.map((r) => [r.key, ...r.cells])).toEqual([['2026-01', 1, 0], ['2026-02', 4, 1], ['2026-03', 0, 0]]);
    expect(flows.tables[0]!.rows[1]!.label).toEqual({ en: 'February 2026', km: 'កុម្ភៈ ២០២៦' });
    const timely = await run(t, 'timeliness', { from: '2026-01-01', to: '2026-02-28' });
    expect(byKey(timely.tables[0]!.rows)).toEqual({ '12': [3, 2, 1, 2 / 3], '17': [2, 2, 0, 1] });
    expect(timely.tables[0]!.total).toEqual([5, 4, 1, 0.8]);
    expect(byKey(timely.tables[1]!.rows)['2026-01']).toEqual([1, 0, 1, 0]);
    // The default period: twelve whole months ending this month.
    expect((await run(t, 'timeliness')).params).toMatchObject({ from: '2025-04-01', to: TODAY });
  });

  it('employers against the 10% quota, work status and pledges signed', async () => {
    const { t, hotel, factory } = await register();
    const over = await t.ok('employers.create', { nameLatin: 'Big Build Co', registrationNo: 'REG-1', communeCode: PP, workforceTotal: 50, cambodianCount: 40 });
    await t.ok('employers.create', { nameLatin: 'Fair Trade Co', communeCode: SR, workforceTotal: 100, cambodianCount: 95 });
    const person = (await t.ok('persons.list', { limit: 1 })).items[0]!;
    await t.ok('employment.record', { personId: person.id, employerId: over.id, startDate: '2026-01-05', workStatus: 'no_permit' });
    const quota = await run(t, 'employers-quota');
    // Big Build: 10 foreigners of 50 (5 allowed). Fair Trade: 5 of 100 (10 allowed).
    expect(byKey(quota.tables[0]!.rows)).toEqual({ '12': [1, 50, 10, 1, 5, 1, 3, 0, 1], '17': [1, 100, 5, 0, 10, 3, 6, 1, 0] });
    expect(quota.tables[1]!.rows).toEqual([{ key: over.id, label: { en: 'Big Build Co', km: 'Big Build Co' }, cells: ['REG-1', 50, 10, 5, 5] }]);
    expect(quota.tables[1]!.total).toBeNull();

    expect(byKey((await run(t, 'foreigners-by-work-status')).tables[0]!.rows)).toEqual({ no_permit: [1, 1] });
    expect((await run(t, 'foreigners-by-work-status', { unit: '17' })).tables[0]!.rows).toEqual([]);

    await t.ok('pledge.recordSigned', { premisesId: hotel.id, signedOn: '2026-02-01', witness: 'Officer Dara' });
    const pledges = await run(t, 'pledges');
    expect(byKey(pledges.tables[0]!.rows)).toEqual({ '12': [1, 1, 0, 0, 1], '17': [1, 0, 0, 1, 0] });
    expect(factory.pledgeStatus).toBe('none');
  });

  it('refuses filters a report does not take, an unknown unit, a reversed period and an unknown report', async () => {
    const t = await registerBackend();
    const refuse = async (input: Record<string, string>, code: string) => {
      const r = await t.call('reports.run', { today: TODAY, ...input } as never);
      expect(r.ok ? 'ok' : r.error.code).toBe(code);
    };
    await refuse({ name: 'pledges', nationality: 'CHN' }, 'reports.nationalityNotTaken');
    await refuse({ name: 'foreigners-by-nationality', from: '2026-01-01' }, 'reports.periodNotTaken');
    await refuse({ name: 'pledges', unit: '99' }, 'reports.unknownUnit');
    await refuse({ name: 'timeliness', from: '2026-02-01', to: '2026-01-01' }, 'reports.periodReversed');
    await refuse({ name: 'no-such-report' }, 'reports.unknown');
  });

  it('a PDF in Khmer with its English beneath, like the documents; Khmer and English together only for a PDF', async () => {
    const { t } = await register();
    const { file } = await t.ok('reports.export', { name: 'foreigners-by-nationality', today: TODAY, format: 'pdf', language: 'km', bilingual: true });
    expect(file.name).toBe(`foreigners-by-nationality-${TODAY}-km-en.pdf`);
    const text = (await extractLines('poppler', Buffer.from(file.base64, 'base64'))).join('\n');
    // Title, scope, headings and row labels in Khmer, each with its English beneath.
    expect(text.indexOf('សញ្ជាតិ')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Foreigners staying, by nationality')).toBeGreaterThan(text.indexOf('សញ្ជាតិ'));
    for (const english of ['Staying on 1 March 2026', 'Nationality', 'Germany', 'Total', 'KINGDOM OF CAMBODIA']) expect(text).toContain(english);
    // Khmer only: no English beneath.
    const km = await t.ok('reports.export', { name: 'foreigners-by-nationality', today: TODAY, format: 'pdf', language: 'km' });
    expect((await extractLines('poppler', Buffer.from(km.file.base64, 'base64'))).join('\n')).not.toContain('Germany');
    const refused = await t.call('reports.export', { name: 'foreigners-by-nationality', today: TODAY, format: 'xlsx', language: 'km', bilingual: true });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('reports.bilingualPdfOnly');
  });

  it('periods: whole months, a year ending this month', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(defaultFrom('2026-11-30')).toBe('2025-12-01');
    expect(defaultFrom('2026-01-05')).toBe('2025-02-01');
  });
});

describe('home dashboard', () => {
  it('a province: its figures and one row per commune of the province, nothing from elsewhere', async () => {
    const { t, hotel } = await register();
    await t.ok('office.setup', { level: 'province', unitCode: '12', name: 'Phnom Penh police', nameKm: 'នគរបាលរាជធានីភ្នំពេញ' });
    const other = await t.ok('premises.create', { nameLatin: 'Second Hotel', type: 'hotel', communeCode: '120109' });
    await guest(t, other.id, 'KOR', '2026-02-27T08:00');
    await t.ok('pledge.recordSigned', { premisesId: hotel.id, signedOn: '2026-02-01', witness: 'Officer Dara' });
    const board = await t.ok('reports.dashboard', { today: TODAY });
    expect(board).toMatchObject({ level: 'province', unit: '12', today: TODAY });
    const communes = t.db.prepare("SELECT count(*) AS n FROM admin_unit WHERE level = 'commune' AND id LIKE '12%'").get() as { n: number };
    expect(board.rows).toHaveLength(communes.n);
    const row = (code: string) => board.rows.find((r) => r.unit === code)!;
    // 120101: two staying (one of them late), the VNM guest left on 25 February; 120109: one arrived on 27 February.
    expect(row('120101')).toMatchObject({ staying: 2, lateStaying: 1, arrivalsWeek: 0, departuresWeek: 1, premisesWithoutPledge: 0, reported30: 2, onTime30: 2, lastBundle: null });
    expect(row('120109')).toMatchObject({ staying: 1, lateStaying: 1, arrivalsWeek: 1, reported30: 1, onTime30: 0, premisesWithoutPledge: 1, label: { en: expect.any(String), km: expect.stringMatching(/[\u1780-\u17ff]/) } });
    expect(board.total).toMatchObject({ unit: '12', staying: 3, arrivalsWeek: 1, departuresWeek: 1, lateStaying: 2, premisesWithoutPledge: 1, reported30: 3, onTime30: 2 });
    expect(board.pendingChanges).toBeGreaterThan(0);
  });

  it('the national office: one row per province', async () => {
    const { t } = await register();
    const board = await t.ok('reports.dashboard', { today: TODAY });
    expect(board.level).toBe('national');
    expect(board.rows).toHaveLength(25);
    expect(board.rows.find((r) => r.unit === '17')).toMatchObject({ staying: 2, premisesWithoutPledge: 1 });
    expect(board.total.staying).toBe(4);
  });
});
